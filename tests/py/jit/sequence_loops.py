# `for` over lists and tuples and unpacking of tuples and lists, inline in compiled code: lists
# that grow or shrink while iterated, iterators advanced by hand inside the loop, strs and
# other iterables at the same sites, and unpacking of the wrong length or of other types.

def walk(items):
    total = 0
    count = 0
    for item in items:
        total += item
        count += 1
    return total, count

numbers = list(range(3000))
print(walk(numbers), walk(tuple(numbers)), walk([0.5] * 3000))
print(walk([]), walk(()), walk({1: 2, 3: 4}), walk(x for x in range(5)))

def grow(items):
    seen = 0
    for item in items:
        seen += 1
        if len(items) < 5000:
            items.append(item)
    return seen, len(items)

print(grow(list(range(3000))))

def shrink(items):
    seen = []
    for item in items:
        seen.append(item)
        if len(items) > 2000:
            items.pop()
    return len(seen), seen[-3:], len(items)

print(shrink(list(range(3000))))

def by_hand(items):
    iterator = iter(items)
    pairs = 0
    for first in iterator:
        second = next(iterator, None)
        if second is not None:
            pairs += 1
    return pairs

print(by_hand(list(range(3001))), by_hand(tuple(range(3000))))

def letters(text):
    out = 0
    for ch in text:
        out += len(ch)
    return out

for attempt in range(3):
    print(letters("abc" * 1000), letters(["ab", "c"] * 1000))

def pairs_sum(pairs):
    total = 0.0
    for a, b in pairs:
        total += a * b
    return total

tuples = [(i * 0.5, i * 0.25) for i in range(3000)]
lists = [[i * 0.5, i * 0.25] for i in range(3000)]
print(pairs_sum(tuples), pairs_sum(lists), pairs_sum([(1, 2)] * 3000))
print(pairs_sum([b"\x03\x04"] * 3000), pairs_sum([range(3, 5)] * 3000), pairs_sum({(1, 2): 0}))
for bad in [[(1, 2, 3)], [(1,)], [[1, 2, 3]], [5], ["abc"]]:
    try:
        pairs_sum(tuples + bad)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)

def triples(rows):
    out = []
    for row in rows:
        x, y, z = row
        out.append(z - x + y)
    return sum(out)

rows = [(i, i + 1, i + 2) for i in range(3000)]
print(triples(rows), triples([[1, 2, 3]] * 3000), triples([range(3)] * 3000))
try:
    triples(rows + [(1, 2, 3, 4)])
except ValueError as error:
    print("ValueError", error)
