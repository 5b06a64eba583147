# A local that every iteration of a compiled loop uses as a list is assumed to be a list at the
# loop header, checked where the loop is entered: a tuple, a list subclass, a str or an unbound
# local at the entry deopts there (and, repeated, the loop is recompiled assuming nothing).


def total(items, n):
    result = 0
    i = 0
    while i < n:
        result += items[i % len(items)]
        items[i % 3] = result % 7
        i += 1
    return result


for _ in range(300):
    total([1, 2, 3, 4], 50)
print(total([1, 2, 3, 4], 50))


class Tracked(list):
    def __getitem__(self, index):
        return list.__getitem__(self, index) * 10


for value in ([5, 6, 7], Tracked([5, 6, 7]), {0: 1, 1: 2, 2: 3}):
    print(type(value).__name__, total(value, 40))
for _ in range(5):
    try:
        total((1, 2, 3), 40)
    except TypeError as error:
        print("TypeError:", error)
print(total([9, 8, 7], 40))


def rebinding(n):
    data = [1, 2, 3]
    out = 0
    for i in range(n):
        out += data[i % 3]
        if i == n - 5:
            data = (4, 5, 6)
        elif i == n - 3:
            data = "abc" if False else [7, 8, 9]
    return out


for n in (10, 3000, 3000):
    print(rebinding(n))


def maybe_unbound(flag, n):
    if flag:
        values = [1, 2, 3]
    count = 0
    for i in range(n):
        count += values[i % 3]
    return count


for _ in range(300):
    maybe_unbound(True, 20)
try:
    maybe_unbound(False, 20)
except UnboundLocalError as error:
    print("UnboundLocalError:", error)
print(maybe_unbound(True, 3000))


def osr_entry(first):
    # Entered by OSR in the middle of the loop with the list already bound.
    rows = [first, [0] * 3]
    steps = 0
    for _ in range(5000):
        rows[steps % 2][steps % 3] += 1
        steps += 1
    return rows


print(osr_entry([0, 0, 0]))
try:
    osr_entry((0, 0, 0))
except TypeError as error:
    print("TypeError:", error)
