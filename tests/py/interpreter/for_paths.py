# `for` over lists and tuples takes the loop's inline path; mutation during iteration, exhausted
# iterators, subclasses with their own __iter__, and iterators shared between loops must behave
# as CPython's.


class Reversed(list):
    def __iter__(self):
        return iter(list.__getitem__(self, slice(None, None, -1)))


class Counting(tuple):
    pass


items = [1, 2, 3]
seen = []
for x in items:
    seen.append(x)
    if x < 6:
        items.append(x + 3)
print(seen, items)

items = [1, 2, 3, 4, 5]
for x in items:
    items.remove(x)
print(items)

items = list(range(6))
for x in items:
    if x == 2:
        items.clear()
    print("x", x)
print(items)

shared = iter([10, 20, 30, 40, 50])
for a in shared:
    for b in shared:
        print(a, b)
        break
print(list(shared))

it = iter([1, 2])
print(list(it), list(it))
for value in it:
    print("never", value)

for container in [[1, 2], (3, 4), Reversed([5, 6, 7]), Counting((8, 9)), "ab", range(2), {"k": 1}, {5}] * 2:
    print([v for v in container])

total = 0
for row in [(i, i * i) for i in range(1000)]:
    a, b = row
    total += a + b
print(total)

nested = [[1, 2], [3], [], [4, 5, 6]]
print([x for inner in nested for x in inner])
print(sum(x for x in (1.5, 2.5, 3)))


def stops_early(values):
    for v in values:
        if v > 2:
            return v
    return None


print(stops_early([1, 2, 3, 4]), stops_early((0, 1)), stops_early([]))
