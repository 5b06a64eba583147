# for loops over many iterables, with break/continue/else.
for ch in "abc":
    print(ch, end=" ")
print()
for item in [1, "two", (3,)]:
    print(repr(item))
for key in {"x": 1, "y": 2}:
    print("key", key)
for i, v in enumerate(["a", "b", "c"], start=1):
    print(i, v)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("else after empty loop")
for i in range(10):
    if i == 3:
        continue
    if i == 6:
        break
    print("i", i)
else:
    print("not printed")
for i in range(3):
    pass
print("loop variable survives:", i)
total = 0
for row in [[1, 2], [3, 4], [5, 6]]:
    for cell in row:
        total += cell
print(total)
data = [3, 1, 2]
for x in data:
    if x == 1:
        data.append(4)
print(data)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
