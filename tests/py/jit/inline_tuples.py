# Tuples of every length around the inline limit (four items live in the tuple's own slot,
# longer ones in a buffer): made, unpacked, indexed, iterated, hashed, compared and sliced in
# compiled loops, kept across collections, as closures' cells and as tuple subclasses.
import gc


class Pair(tuple):
    def total(self):
        return sum(self)


def build(n, i):
    if n == 0:
        return ()
    if n == 1:
        return (i,)
    if n == 2:
        return (i, i + 1)
    if n == 3:
        return (i, i + 1, i + 2)
    if n == 4:
        return (i, i + 1, i + 2, i + 3)
    if n == 5:
        return (i, i + 1, i + 2, i + 3, i + 4)
    return tuple(range(i, i + n))


def churn(rounds):
    kept = []
    total = 0
    for r in range(rounds):
        for n in range(8):
            t = build(n, r)
            total += len(t) + sum(t)
            if n >= 1:
                total += t[0] + t[-1]
            for item in t:
                total ^= item
            if r % 97 == 0:
                kept.append(t)
    gc.collect()
    return total, kept


def swap_loop(n):
    a, b = 1, 2
    for i in range(n):
        a, b = b, a + i
    return a, b


def unpack_each(n):
    total = 0
    for i in range(n):
        x, y = (i, i * 2)
        p, q, r, s = (x, y, x + y, x - y)
        u, v, w, z, e = (p, q, r, s, i)
        total += x + y + p + q + r + s + u + v + w + z + e
    return total


def keys(n):
    seen = {}
    for i in range(n):
        key = (i % 7, i % 5)
        seen[key] = seen.get(key, 0) + 1
        long_key = (i % 3, i % 2, 0, 1, 2)
        seen[long_key] = seen.get(long_key, 0) + 1
    return sorted(seen.items())


def make_adders(n):
    # A closure's cells are a tuple: four cells fit inline, five do not.
    a, b, c, d, e = 1, 2, 3, 4, 5

    def four(x):
        return x + a + b + c + d

    def five(x):
        return x + a + b + c + d + e

    total = 0
    for i in range(n):
        total += four(i) + five(i)
    return total


def subclass(n):
    total = 0
    for i in range(n):
        p = Pair((i, i + 1))
        x, y = p
        total += x + y + p.total() + len(p)
    return total, type(p).__name__


def mixed(n):
    # The unpacked value flips between tuples, lists and a long tuple after compiling.
    total = 0
    for i in range(n):
        if i < n - 3:
            v = (i, 1)
        elif i == n - 3:
            v = [i, 2]
        else:
            v = (i, 3, 4, 5, 6)[:2]
        a, b = v
        total += a * b
    return total


total, kept = churn(3000)
print(total, len(kept), kept[:9], kept[-3:])
print(swap_loop(5000))
print(unpack_each(5000))
print(keys(3000))
print(make_adders(3000))
print(subclass(3000))
print(mixed(3000))
short = (1, 2, 3, 4)
long = (1, 2, 3, 4, 5)
print(short + long, long[1:], short[::-1], short * 2, hash(short) == hash((1, 2, 3, 4)))
print(short < long, long < short, short == (1, 2, 3, 4), (short, long) == ((1, 2, 3, 4), long))
print([t for t in (build(n, 9) for n in range(7)) if len(t) % 2 == 0])
