# Sets of small ints and sorted views of string sets.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.issubset(a | b), a.isdisjoint({7, 0}))
s = set()
print(s, len(s), set([3, 3, 1]), {2, 1, 2})
s.add(5)
s.add(5)
s.add(1)
print(s, 5 in s, 6 in s)
s.discard(5)
s.discard(42)
print(s)
s.remove(1)
print(s, len(s))
try:
    s.remove(1)
except KeyError as e:
    print("KeyError", e)
words = {"pear", "apple", "fig", "apple"}
print(len(words), sorted(words))
print(sorted({"b", "a"} | {"c"}), sorted(set("mississippi")))
c = {1, 2, 3}
c |= {4}
c -= {1}
c &= {2, 3, 4, 5}
print(c, sorted(c))
fs = frozenset([1, 2, 3])
print(fs, type(fs).__name__, {fs: "frozen key"}[frozenset({3, 2, 1})])
print({x % 4 for x in range(20)}, sorted({w[0] for w in ["ab", "cd", "ae"]}))
print(set(range(5)) == {0, 1, 2, 3, 4}, {1, 2} == {2, 1}, {1} != {1.0})
u = {1, 2, 3}
u.update([3, 4], (5,))
print(u)
print(u.pop() in {1, 2, 3, 4, 5}, len(u))
