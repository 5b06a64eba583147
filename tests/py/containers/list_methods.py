# Every common list method.
a = []
a.append(1)
a.append(2)
a.extend([3, 4, 5])
a.extend(range(6, 8))
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 98)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(4)
print(a, a.index(5), a.count(1), [1, 1, 2, 1].count(1))
print(a.index(98), [5, 6, 5].index(5, 1))
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
b = a.copy()
b.clear()
print(a, b)
words = ["pear", "Fig", "apple", "banana", "kiwi"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
words.sort(key=lambda w: (-len(w), w))
print(words)
print(a.append(1) is None, a.sort() is None)
stack = []
for ch in "({[]})":
    if ch in "({[":
        stack.append(ch)
    else:
        print("close", ch, "matches", stack.pop())
print(stack)
queue = [1, 2, 3]
while queue:
    item = queue.pop(0)
    print("item", item)
    if item < 3:
        queue.append(item + 10)
