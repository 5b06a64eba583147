# Tuples of one to four items built by compiled code in their heap slot (`BuildTuple`), with
# the vm making them only when the allocator's current word has no free slot left. They must
# behave as any tuple: items, length, equality, hashing, unpacking, slicing, iteration, keys,
# nesting, staying alive across collections and dying when dropped; longer tuples take the
# usual path.
import gc


def build(count):
    kept = []
    total = 0
    for i in range(count):
        one = (i,)
        two = (i, -i)
        three = (i, 2.5, "s")
        four = (one, two, three, None)
        five = (i, i, i, i, i)
        a, b = two
        total += a + b + len(four) + len(five) + four[1][0] + sum(five[1:3])
        if i % 2000 == 0:
            kept.append(four)
            gc.collect()
    return total, kept[:2], len(kept)


print(build(20000))


def keys(count):
    table = {}
    for i in range(count):
        table[(i % 100, i % 7)] = table.get((i % 100, i % 7), 0) + 1
    return len(table), table[(5, 5)], hash((1, 2)) == hash((1, 2))


print(keys(20000))


def mixed(count):
    out = []
    for i in range(count):
        big = 2 ** 70 + i
        pair = (big, float(i))
        triple = (pair, [i], {"k": i})
        out.append(triple)
    last = out[-1]
    return last[0][0] - 2 ** 70, last[1], last[2], out[3] == ((2 ** 70 + 3, 3.0), [3], {"k": 3})


print(mixed(3000))


def compare(count):
    same = 0
    for i in range(count):
        if (i, i + 1) == (i, i + 1) and (i,) < (i + 1,) and (i, "a", None) != (i, "b", None):
            same += 1
        for item in (i, i * 2, i * 3):
            same += item % 2
    return same


print(compare(30000))


def returned(n):
    return (n, n * n)


def pairs(count):
    total = 0
    for i in range(count):
        x, y = returned(i)
        total += y - x
    return total


print(pairs(30000))
print(tuple(reversed((1, 2, 3, 4))), (1, 2) + (3,), (7,) * 3, repr((None,)))
