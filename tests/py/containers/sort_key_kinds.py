# Sorting keys of one builtin kind (str, small int, float, tuples starting with one) next to keys
# that must go through Python's `<`: subclasses with their own `<`, mixed kinds, NaN, big ints,
# bools, equal keys (stability), presorted and reversed input, and errors raised mid-sort.
import random


class Text(str):
    def __lt__(self, other):
        # Reversed order, to show the subclass's own `<` is used.
        return str.__gt__(self, other)


class Loud:
    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        if self.value == 13 or other.value == 13:
            raise ValueError("unlucky comparison")
        return self.value < other.value

    def __repr__(self):
        return f"Loud({self.value})"


rng = random.Random(7)
words = ["pear", "apple", "Äpfel", "zebra", "éclair", "apple", "", "a", "ab", "日本", "Zoo", "b"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted([Text(w) for w in ["b", "a", "c"]]))
print(sorted(["b", Text("a"), "c"]))

ints = [rng.randrange(-1000, 1000) for _ in range(300)]
print(sorted(ints)[:12], sorted(ints) == sorted(ints, key=lambda x: x * 1.0))
print(sorted([3, 2 ** 70, -(2 ** 80), 1, True, False, 0, -1]))
print(sorted([3, 2.5, True, -1, 1e300, float("inf"), float("-inf")]))
print(sorted([0.0, -0.0, 0.0, -0.0]), [str(x) for x in sorted([-0.0, 0.0, -0.0])])
nan = float("nan")
mixed = [3.0, nan, 1.0, 2.0, nan, 0.5]
print(sorted(mixed))

pairs = [(rng.randrange(5), i) for i in range(40)]
print(sorted(pairs)[:10])
print(sorted(pairs, key=lambda p: p[0])[:10])
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:10])
print(sorted([("b", 2), ("a", 3), ("b", 1), ("a", 3.5), ("a", -1)]))
print(sorted([(1.5, "x"), (1.5, "a"), (0.5, "z")]))
print(sorted([(nan, 1), (1.0, 2), (nan, 0)])[1:])
print(sorted([(2,), (1, 2), (1,), (1, 1)]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as error:
    print("TypeError:", error)
try:
    sorted([("a", 1), (1, 2)])
except TypeError as error:
    print("TypeError:", error)
try:
    sorted([1, "a", 2])
except TypeError as error:
    print("TypeError:", error)

# Stability with equal keys over many items, and presorted/reversed input.
records = [(rng.randrange(10), i) for i in range(2000)]
by_key = sorted(records, key=lambda r: r[0])
print(all(a[1] < b[1] for a, b in zip(by_key, by_key[1:]) if a[0] == b[0]))
by_key_reversed = sorted(records, key=lambda r: r[0], reverse=True)
print(all(a[1] < b[1] for a, b in zip(by_key_reversed, by_key_reversed[1:]) if a[0] == b[0]))
ascending = list(range(1000))
print(sorted(ascending) == ascending, sorted(ascending[::-1]) == ascending)
print([x.value for x in sorted(Loud(v) for v in [5, 3, 9, 1, 7])])
print([x.value for x in sorted([Loud(v) for v in range(14, 114)])][:5])

try:
    sorted([Loud(v) for v in [20, 13, 5, 40, 1]])
except ValueError as error:
    print("ValueError:", error)

values = [5, 1, 4]


def key_that_mutates(x):
    values.append(x)
    return x


try:
    values.sort(key=key_that_mutates)
except ValueError as error:
    print("ValueError:", error)
