# Tuples: packing, unpacking, immutability, comparison and methods.
t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], type(t).__name__)
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("ab"))
single = 5,
print(single, len(single))
a, b, c = t
print(a, b, c)
print((1, 2) + (3,), (0,) * 3, (1, 2) * 0)
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, 2) == (1, 2))
print((1, 2, 2, 3, 2).count(2), (5, 6, 7).index(7))
print(3 in (1, 2, 3), "x" in ("a", "b"))
try:
    t[0] = 10
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), (3, (4, 5)))
print(nested, nested[1][1][0])
point = (3, 4)
x, y = point
print(f"x={x} y={y}", (x ** 2 + y ** 2) ** 0.5)
mutable_inside = ([1], [2])
mutable_inside[0].append(99)
print(mutable_inside)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), max(pairs), min(pairs))
print(hash((1, 2)) == hash((1, 2)), (1, 2) in {(1, 2): "yes"})
for i, (letter, number) in enumerate([("a", 1), ("b", 2)]):
    print(i, letter, number)
