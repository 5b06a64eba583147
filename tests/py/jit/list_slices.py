# Slices in compiled code: `BuildSlice` and its subscript compile as one operation, and a list
# slice assigned straight into a list slice (`perm[:k + 1] = perm[k::-1]`) is never made as a
# temporary list. Each loop runs long enough to be compiled with the interpreter's feedback;
# then the container, the bounds or the lengths change under the compiled code.


def flips(start, rounds):
    perm = list(start)
    total = 0
    for _ in range(rounds):
        work = perm[:]
        k = work[0]
        while k != 0:
            work[: k + 1] = work[k::-1]
            total += 1
            k = work[0]
        perm = perm[1:] + perm[:1]
    return total, work


print(flips([3, 1, 4, 0, 2, 5], 2000))
print(flips((2, 0, 1), 10))


def copy_between(source, target, rounds):
    # Source and target differ; both bounds vary, including negative and None.
    for i in range(rounds):
        n = i % 5
        target[1 : n + 1] = source[-n - 1 : -1]
        target[n:] = source[: len(source) - n]
    return target


print(copy_between(list(range(10)), list(range(100, 110)), 3000))


def shift(items, rounds):
    # Overlapping source and target of the same list, both directions.
    for _ in range(rounds):
        items[1:] = items[:-1]
        items[:-1] = items[1:]
    return items


print(shift(list(range(8)), 3000))


def resize(items, rounds):
    # Contiguous assignments of another length grow and shrink the list.
    for i in range(rounds):
        items[2:4] = items[5 : 5 + (i % 3)]
        if len(items) < 4:
            items = items + list(range(6))
    return items


print(resize(list(range(12)), 3000))


def steps(items, rounds):
    out = []
    for i in range(rounds):
        step = (i % 4) - 2 or 3
        part = items[::step]
        out.append(len(part))
        items[:: (2 if len(items) % 2 == 0 else 1)] = items[::-1][: (len(items) + 1) // 2 if len(items) % 2 == 0 else len(items)]
    return sum(out), items


print(steps(list(range(9)), 3000))


def flip_any(seq, k):
    seq[: k + 1] = seq[k::-1]
    return seq


for _ in range(400):
    flip_any([5, 4, 3, 2, 1, 0], 3)


class Tracing(list):
    def __getitem__(self, key):
        print("get", key)
        return list.__getitem__(self, key)

    def __setitem__(self, key, value):
        print("set", key, value)
        list.__setitem__(self, key, value)


class Table:
    def __init__(self):
        self.items = list(range(6))

    def __getitem__(self, key):
        return ("Table", key)

    def __setitem__(self, key, value):
        print("Table set", key, value)


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        print("index", self.value)
        return self.value


# The compiled `flip_any` meets other containers and bounds (each deopts, then the
# interpreter does exactly what it always does).
print(flip_any(Tracing([5, 4, 3, 2, 1, 0]), 2))
print(flip_any([5, 4, 3, 2, 1, 0], 2**60))
print(flip_any([5, 4, 3, 2, 1, 0], -3))
print(flip_any([5, 4, 3, 2, 1, 0], 100))
print(flip_any([5, 4, 3, 2, 1, 0], True))
print(flip_any([5, 4, 3], 1))
try:
    flip_any((5, 4, 3), 1)
except TypeError as error:
    print("TypeError:", error)
try:
    flip_any("abc", 1)
except TypeError as error:
    print("TypeError:", error)
try:
    flip_any(Table(), 1)
except TypeError as error:
    print("TypeError:", error)


def flip_far(seq, k):
    seq[: k + 1] = seq[k::-1]
    return seq


for _ in range(400):
    flip_far([5, 4, 3, 2, 1, 0], 3)
# k + 1 leaves the inline int range between the load and the store: the deferred slice is
# made for the interpreter, which goes on with a big int.
print(flip_far(list(range(4)), 2**47 - 1))
print(flip_far(list(range(4)), 2))


def window(seq, lo, hi, top, bottom):
    seq[lo:hi] = seq[top:bottom:-1]
    return seq


for i in range(400):
    window(list(range(10)), i % 3, 5 + i % 4, 6, i % 2 - 1)
print(window(list(range(10)), 2, 7, 7, 2))
print(window(list(range(10)), Index(2), 7, 6, None))
print(window(list(range(10)), 0, Index(4), Index(3), None))
print(window(Tracing(range(10)), 1, 3, 2, 0))
print(window(list(range(10)), -3, None, None, -4))
print(window(list(range(10)), 8, 2, 4, 2))
print(window(list(range(10)), -100, 100, 100, -100))
try:
    window(list(range(10)), 1.5, 3, 2, 0)
except TypeError as error:
    print("TypeError:", error)
try:
    window(list(range(10)), 1, 3, "2", 0)
except TypeError as error:
    print("TypeError:", error)


def mirror(seq, lo, hi, top, bottom):
    seq[lo:hi] = seq[top:bottom:-1]
    return seq


for i in range(400):
    mirror(list(range(8)), i % 4, 4 + i % 3, 3 + i % 3, i % 4 - 1 if i % 4 else None)
for bounds in [
    (1, 4, 3, 0),
    (1, 4, 4, 1),
    (2, 2, 1, 1),
    (-3, None, None, -4),
    (None, 100, None, None),
    (None, None, 100, -100),
    (5, 2, 1, 1),
    (1, 3, 5, 0),
    (0, 8, 7, None),
    (-100, 3, 2, -100),
    (3, -1, -2, 2),
    (7, 8, None, -2),
]:
    print(bounds, mirror(list(range(8)), *bounds))
print(mirror([], None, None, None, None), mirror([1], 0, 1, 0, None))


def extended(target, source):
    target[::2] = source[1:]
    return target


for i in range(400):
    extended(list(range(6)), [9, 8, 7, 6])
for size in (3, 4, 5):
    try:
        print(extended(list(range(6)), list(range(size))))
    except ValueError as error:
        print("ValueError:", error)


def zero_step(items, step):
    return items[::step]


for i in range(400):
    zero_step([1, 2, 3], 1 + i % 2)
try:
    zero_step([1, 2, 3], 0)
except ValueError as error:
    print("ValueError:", error)
print(zero_step([1, 2, 3], None), zero_step([1, 2, 3], -1), zero_step([1, 2, 3], Index(2)))


def assign_zero_step(items, step):
    items[::step] = items[::-1]
    return items


for i in range(400):
    assign_zero_step([1, 2, 3], 1 + i % 2 * -2)
try:
    assign_zero_step([1, 2, 3], 0)
except ValueError as error:
    print("ValueError:", error)


def unbound(items, flag):
    if flag:
        n = 2
    items[:n] = items[::-1]
    return items


for i in range(400):
    unbound([1, 2, 3], True)
try:
    unbound([1, 2, 3], False)
except UnboundLocalError as error:
    print("UnboundLocalError:", error)


def consumed_elsewhere(items):
    # The deferred slice is used by something other than a slice assignment.
    pair = (items[1:3], items[::-1])
    items[:2] = items[2:4]
    joined = items[:2] + items[-2:]
    return pair, joined


for i in range(400):
    consumed_elsewhere(list(range(6)))
print(consumed_elsewhere(list(range(6))))


def side_effects(items, log):
    def at(value):
        log.append(value)
        items.append(value)
        return value

    items[: at(2)] = items[at(1) : at(3)]
    return items


for i in range(300):
    side_effects([0, 1, 2, 3], [])
log = []
print(side_effects([0, 1, 2, 3], log), log)


def other_sequences(text, pair, rounds):
    out = []
    for i in range(rounds):
        n = i % 4
        out.append(text[n : n + 3] + text[::-1][:n] + text[:: n + 1])
        out.append(pair[n:] + pair[-n:] + pair[:: -(n + 1)])
    return out[-8:]


print(other_sequences("héllo wörld", (1, 2, 3, 4, 5), 3000))
print(other_sequences("ascii only text", tuple(range(7)), 3000))


def flipping_types(values, rounds):
    out = []
    for i in range(rounds):
        value = values[i % len(values)]
        out.append(value[1:3])
    return out[-6:]


print(flipping_types([[1, 2, 3, 4], (5, 6, 7, 8), "abcd", b"wxyz", range(10), Table()], 3000))
print(flipping_types([[1, 2, 3, 4]] * 2999 + [Tracing([9, 8, 7, 6])], 3000))


def store_other_values(items, values, rounds):
    for i in range(rounds):
        items[1:3] = values[i % len(values)]
    return items


print(store_other_values(list(range(6)), [[7, 8], (9,), "ab", range(3), {4: 0, 5: 0}], 3000))
try:
    store_other_values(list(range(6)), [[1], 5], 4)
except TypeError as error:
    print("TypeError:", error)


def big_slices(rounds):
    items = list(range(100))
    for _ in range(rounds):
        items[:60] = items[59::-1]
        items[10:90:2] = items[:40]
    return items[:20], len(items)


print(big_slices(300))
