# min, max (with key and default), sum, abs.
print(min(3, 1, 2), max(3, 1, 2), min([5, -5, 0]), max("apple", "pear", "fig"))
print(max([1, 7, 3]), min((4, 2, 8)), max("hello"), min(range(5, 10)))
print(max(["aa", "b", "cccc"], key=len), min(["aa", "b", "cccc"], key=len))
print(max([-3, 2, -1], key=abs), min([-3, 2, -1], key=abs), max(3, -4, key=abs))
print(max([], default="empty"), min([], default=None), max([5], default=0))
print(max([1, 3, 3.0, 2]), max([(1, "b"), (1, "c"), (0, "z")]))
print(max(["b", "a", "B"], key=str.lower), max({"x": 1, "y": 2}), min({"x": 5, "y": 2}.items(), key=lambda kv: kv[1]))
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []))
print(sum([1.5, 2, True]), sum(x / 2 for x in range(5)))
print(abs(-5), abs(5), abs(-2.5), abs(0.0), abs(-0.0), abs(-(10 ** 30)), abs(True))
scores = {"ann": 91, "bob": 78, "cyd": 91, "dee": 85}
print(max(scores, key=scores.get), min(scores, key=scores.get), sorted(scores, key=scores.get, reverse=True))
print(max(2, 2.0), max(2.0, 2), min(1, True), min(True, 1))
