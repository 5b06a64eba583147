# len, range, enumerate, zip, map, filter, reversed.
items = ["zero", "one", "two", "three"]
print(len(items), len("abc"), len({"a": 1}), len(set()), len(range(7)), len((1, 2)))
print(list(enumerate(items)), list(enumerate("ab", 10)))
for i, word in enumerate(items, start=1):
    print(i, word)
print(list(zip([1, 2, 3], "abc")), list(zip(range(5), "xy")), list(zip()), list(zip([1, 2])))
print(list(zip("ab", [1, 2], (True, False))))
print(list(map(str.upper, items)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(map(len, items)), list(map(int, "1 2 3".split())))
print(list(filter(None, [0, 1, "", "x", [], [0], None])), list(filter(lambda w: "o" in w, items)))
print(list(reversed(items)), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
m = map(lambda x: x * 10, range(3))
print(next(m), list(m), list(m))
pairs = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(pairs)
names = ["x", "y", "z"]
values = [1, 2, 3]
print(dict(zip(names, values)))
for a, (b, c) in zip("pq", enumerate("rs")):
    print(a, b, c)
