# `for f in reversed(seq)`, `for i, x in enumerate(seq)` and `for x, y in zip(a, b)` over
# lists and tuples advance the iterators inline in compiled code. Everything the interpreter
# does differently must still happen: lists changed by the loop's body, counts leaving the
# inline int range, other iterables (generators, user iterators, strs), strict zips, zips of
# one iterator with itself, iterators read again after the loop, the builtins rebound after
# the loop was compiled, break/else and exceptions. Each loop runs long enough to be compiled.
import builtins


def enumerated(iterable, start=0):
    total = 0
    seen = []
    for i, x in enumerate(iterable, start):
        total += i
        if len(seen) < 3 or i % 499 == 0:
            seen.append((i, x))
    return total, seen[:6]


def zipped(first, second):
    count = 0
    last = None
    for x, y in zip(first, second):
        count += 1
        last = (x, y)
    return count, last


def backwards(sequence):
    out = []
    for item in reversed(sequence):
        out.append(item)
    return len(out), out[:3], out[-3:]


data = list(range(2000))
words = ["w%d" % (i % 97) for i in range(2000)]

for _ in range(2):
    print(enumerated(data))
    print(enumerated(tuple(words), 7))
    print(enumerated(data, -5))
    print(enumerated(data, 2**47 - 1000))  # the count leaves the inline range mid-loop
    print(enumerated(data, 2**80))
    print(enumerated(data, True))
    print(enumerated(x for x in range(1800)))
    print(enumerated("abc" * 600))
    print(enumerated(reversed(data)))
    print(enumerated(iter(data)))
    print(enumerated([]))
    print(zipped(data, words))
    print(zipped(tuple(data), data[:1777]))
    print(zipped(data[:5], data))
    print(zipped(data, range(2500)))
    print(zipped(data, (x for x in data)))
    print(zipped(data, "xyz" * 100))
    print(zipped(reversed(data), data))
    print(backwards(data))
    print(backwards(tuple(words)))
    print(backwards([]))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(enumerated(Countdown(2000)))
print(zipped(Countdown(2000), data))
print(backwards(range(1500)))


# A list appended to while it is enumerated: the loop sees the new items.
def grow(items):
    steps = 0
    for i, x in enumerate(items):
        steps += 1
        if i < 1500:
            items.append(x + 1)
    return steps, len(items), items[-1]


print(grow(list(range(1000))))


# A list shrunk while it is enumerated, zipped or reversed: the loop ends early.
def shrink(items):
    steps = 0
    for i, x in enumerate(items):
        steps += 1
        if i % 3 == 0:
            items.pop()
    return steps, len(items)


def shrink_reversed(items):
    seen = []
    for x in reversed(items):
        seen.append(x)
        if len(seen) == 1000:
            del items[500:]
    return len(seen), seen[-3:]


def shrink_zipped(a, b):
    steps = 0
    for x, y in zip(a, b):
        steps += 1
        if steps % 2 == 0:
            b.pop()
    return steps, len(b)


print(shrink(list(range(3000))))
print(shrink_reversed(list(range(3000))))
print(shrink_zipped(list(range(3000)), list(range(3000))))


# zip stops at the shortest: the first iterator has advanced, the second has not.
first = iter(data)
second = iter(range(1700))
print(zipped(first, second), next(first), next(second, "done"))
same = iter(data)
print(zipped(same, same), next(same, "done"))


# Iterators kept and read after the loop.
def partial(items):
    it = enumerate(items, 100)
    inner = iter(items)
    pairs = zip(inner, items)
    count = 0
    for i, x in it:
        count += 1
        if i == 1600:
            break
    else:
        count = -1
    for x, y in pairs:
        if x == 1700:
            break
    return count, next(it), next(inner), next(pairs)


print(partial(list(range(3000))))


def with_else(items):
    found = None
    for i, x in enumerate(items):
        if x == "w96" and i > 1500:
            found = i
            break
    else:
        found = "none"
    for x, y in zip(items, items):
        if x != y:
            break
    else:
        found = (found, "all equal")
    return found


print(with_else(words))
print(with_else(words[:50]))


# Exceptions raised inside the loops, caught outside and inside.
def raising(items):
    caught = 0
    for i, x in enumerate(items):
        try:
            if i % 500 == 499:
                raise ValueError(i)
        except ValueError:
            caught += 1
    for x in reversed(items):
        if x == 17:
            raise KeyError(x)
    return caught


try:
    raising(list(range(3000)))
except KeyError as error:
    print("KeyError", error)


def fail_inside(items):
    total = 0
    for x, y in zip(items, items):
        total += 10 // (x - 2500)
    return total


try:
    print(fail_inside(list(range(3000))))
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)


# strict zips: equal lengths pass, unequal raise.
def strict(a, b):
    count = 0
    for x, y in zip(a, b, strict=True):
        count += 1
    return count


print(strict(data, words))
try:
    strict(data, data[:-1])
except ValueError as error:
    print("ValueError", error)


# The builtins rebound after the loops were compiled, globally and in builtins.
def uses_builtins(items):
    out = 0
    for i, x in enumerate(items):
        out += i
    for x, y in zip(items, items):
        out += 1
    for x in reversed(items):
        out += 1
    return out


print(uses_builtins(data))
real_enumerate, real_zip, real_reversed = enumerate, zip, reversed


def fake_enumerate(items, start=0):
    return [(-1, item) for item in items]


def fake_zip(a, b):
    return [(1, 1)] * 3


enumerate = fake_enumerate
zip = fake_zip
print(uses_builtins(data))
del enumerate, zip
builtins.reversed = lambda items: [0]
print(uses_builtins(data))
builtins.reversed = real_reversed
print(uses_builtins(data))


# enumerate's start goes through __index__ to an exact int.
class Five:
    def __index__(self):
        return 5


class Big(int):
    pass


print(enumerated(data, Five()))
print(enumerated(data, Big(3)))
try:
    enumerate(data, "1")
except TypeError as error:
    print("TypeError", error)
try:
    enumerate(data, 1.5)
except TypeError as error:
    print("TypeError", error)
