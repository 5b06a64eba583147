# iter and next, with and without a default.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
s = iter("hi")
print(next(s), next(s), next(s, "<end>"))
d = iter({"a": 1, "b": 2})
print(next(d), list(d))
r = iter(range(3))
print(list(r), list(r))
t = iter((10, 20))
print(next(t), [x for x in t])
lines = iter(["header", "row1", "row2"])
header = next(lines)
print(header, list(lines))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)))
e = enumerate("xy")
print(next(e), next(e), next(e, "done"))
