# `for a, b in enumerate(...)`, `zip(...)` and `d.items()` in compiled code take the item's
# parts without making the tuple, where the iteration runs no Python code; everything else
# (other iterators, counts that do not match, a dict changing size, big counters) takes the
# usual path. The loops run long enough to be compiled first.


def pairs(iterable):
    total = 0
    seen = []
    for a, b in iterable:
        total += 1
        if total <= 2 or total % 997 == 0:
            seen.append((a, b))
    return total, seen


data = list(range(2000))
print(pairs(enumerate(data)))
print(pairs(enumerate(tuple(data), 5)))
print(pairs(enumerate(range(0, 9000, 3))))
print(pairs(zip(data, reversed(data))))
print(pairs(zip(data, range(10**6))))
print(pairs({i: -i for i in range(2000)}.items()))
print(pairs([(i, i * i) for i in range(2000)]))
print(pairs([[i, i + 1] for i in range(2000)]))
print(pairs(enumerate("héllo wörld" * 200)))
print(pairs(enumerate(x * 2 for x in range(2000))))
print(pairs(enumerate(data, 2**47 - 3)))
print(pairs(enumerate(data, -(2**70))))
print(pairs(zip("ab" * 1000, data)))
print(pairs(zip(data, data, strict=True)))
print(pairs(enumerate([])))
print(pairs(zip()))
print(pairs({}.items()))

try:
    pairs(zip(data, data[:-1], strict=True))
except ValueError as error:
    print("ValueError:", error)
try:
    pairs(zip(data, data, data))
except ValueError as error:
    print("ValueError:", error)
try:
    pairs([(1, 2)] * 2000 + [(1, 2, 3)])
except ValueError as error:
    print("ValueError:", error)
try:
    pairs(enumerate([1, 2, None, 4]))
    pairs(enumerate(5))
except TypeError as error:
    print("TypeError:", error)

# zip stops at the shortest: the iterators before it have advanced, the rest have not.
first = iter(range(100))
second = iter(range(3))
for _ in range(3):
    pairs(zip(first, second))
print(next(first), next(second, "done"))
first = iter(range(100))
print(pairs(zip(first, [])), next(first))
print(pairs(zip([], first)), next(first))


def mutate_during(mapping):
    count = 0
    for key, value in mapping.items():
        count += 1
        if count == 1500:
            mapping[-1] = 0
    return count


try:
    mutate_during({i: i for i in range(2000)})
except RuntimeError as error:
    print("RuntimeError:", error)


def holes():
    mapping = {i: str(i) for i in range(4000)}
    for i in range(0, 4000, 3):
        del mapping[i]
    total = 0
    for key, value in mapping.items():
        total += key + len(value)
    return total


print(holes())


class Counting(dict):
    def items(self):
        print("Counting.items")
        return super().items()


print(pairs(Counting({i: i for i in range(2000)}).items()))


def triples(rows, cols):
    return [a * b + c for (a, b), c in zip(zip(rows, cols), range(10**6)) if a != b]


print(sum(triples(list(range(5000)), list(range(5000, 0, -1)))))


def nested(words):
    index = {}
    for i, word in enumerate(words):
        for j, letter in enumerate(word):
            index.setdefault(letter, []).append((i, j))
    return {letter: len(spots) for letter, spots in sorted(index.items())}


print(nested(["alpha", "beta", "gamma", "delta"] * 500))


def loop_control(items):
    found = []
    for i, value in enumerate(items):
        if value % 7 == 0:
            continue
        if value > 1900:
            break
        found.append(i)
    else:
        found.append(-1)
    return len(found), found[-3:]


print(loop_control(list(range(2000))))
print(loop_control(list(range(100))))


def many(n):
    total = 0
    for a, b, c, d, e, f, g, h in zip(*[range(i, n + i) for i in range(8)]):
        total += a + h
    for a, b, c in zip(range(n), range(n), range(n)):
        total += c
    return total


print(many(2000))


def flip_iterables(rounds):
    out = []
    sources = [
        lambda: enumerate("xyz"),
        lambda: zip([1, 2], [3, 4]),
        lambda: {"k": "v"}.items(),
        lambda: [(5, 6)],
        lambda: enumerate(iter([7, 8])),
    ]
    for r in range(rounds):
        for a, b in sources[r % len(sources)]():
            out.append((a, b))
    return out[-10:]


print(flip_iterables(2000))
