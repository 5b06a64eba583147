# sorted and list.sort: key functions, reverse, stability.
nums = [5, 2, 9, -1, 0, 2, 7]
print(sorted(nums), sorted(nums, reverse=True), nums)
print(sorted(nums, key=abs), sorted(nums, key=lambda n: -n))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
people = [("Ada", 36), ("Bob", 25), ("Cy", 36), ("Di", 25), ("Ed", 40)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name = sorted(people)
by_age = sorted(by_name, key=lambda p: p[1])
print(by_age)
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: "c", 1: "a"}), sorted([]))
print(sorted([3.5, 1, 2.25, -0.5, 2]))
data = [[3, "c"], [1, "a"], [2, "b"]]
data.sort()
print(data)
data.sort(key=lambda d: d[1], reverse=True)
print(data)
records = [{"n": "x", "s": 3}, {"n": "y", "s": 1}, {"n": "z", "s": 2}]
print([r["n"] for r in sorted(records, key=lambda r: r["s"])])
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
