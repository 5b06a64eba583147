# Slicing right after the slice is built (`items[a:b]`, `items[a:b] = value`): exact lists take a
# path that builds no slice object; everything else (subclasses, __index__ bounds, tuples, strs,
# user classes) must behave as before, and errors must point at the subscript.


class Tracked(list):
    def __getitem__(self, key):
        print("  Tracked.__getitem__", key)
        return list.__getitem__(self, key)

    def __setitem__(self, key, value):
        print("  Tracked.__setitem__", key, value)
        list.__setitem__(self, key, value)


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        print("  __index__", self.value)
        return self.value


class Sliceable:
    def __getitem__(self, key):
        return ("sliced", key.start, key.stop, key.step)

    def __setitem__(self, key, value):
        print("  Sliceable set", key, value)


def show(label, function):
    try:
        print(label, function())
    except Exception as error:
        print(label, type(error).__name__, error)


data = list(range(10))
for start in [None, 0, 3, -3, 12, -12]:
    for stop in [None, 5, -1, 20, -20]:
        for step in [None, 1, 2, -1, -3]:
            print(start, stop, step, data[start:stop:step], data[start:stop])
show("zero step", lambda: data[::0])
show("float bound", lambda: data[1.5:])
show("str bound", lambda: data["a":"b"])
show("big bounds", lambda: data[-(10 ** 30):10 ** 30:3])
show("index bounds", lambda: data[Index(2):Index(8):Index(2)])
show("bool bounds", lambda: data[True:5])

tracked = Tracked(range(6))
print(tracked[1:4], tracked[::-2])
tracked[1:3] = ["a", "b", "c"]
print(list(tracked))
print((0, 1, 2, 3, 4)[1:4], "abcdef"[::-1], "héllo wörld"[2:9:2], b"bytes"[1:3])
print(Sliceable()[1:2], Sliceable()[::3])
Sliceable()[4:5] = "x"

# Assignment forms.
a = list(range(8))
a[2:5] = ["x"]
print(a)
a[:0] = [-2, -1]
print(a)
a[100:] = [99]
print(a)
a[::2] = a[1::2] + [None] * (len(a[::2]) - len(a[1::2]))
print(a)
a[:] = a
print(a)
a[1:3] = (i * i for i in range(4))
print(a)
show("extended size", lambda: a.__setitem__(slice(None, None, 2), [1]))


def extended_mismatch():
    b = list(range(6))
    b[::2] = [1, 2]
    return b


def zero_step_store():
    b = list(range(6))
    b[::0] = []
    return b


def not_iterable():
    b = list(range(6))
    b[1:2] = 5
    return b


def growing():
    b = list(range(4))

    def items():
        b.extend([7, 8, 9])
        yield "new"

    b[1:3] = items()
    return b


show("extended mismatch", extended_mismatch)
show("zero step store", zero_step_store)
show("not iterable", not_iterable)
show("growing", growing)


# One site seeing different containers.
def head(container):
    return container[:3]


for container in [[1, 2, 3, 4], (5, 6, 7, 8), "wxyz", Tracked([9, 8, 7, 6]), Sliceable(), range(10), b"\x01\x02\x03\x04"] * 2:
    print(head(container))

perm = list(range(9))
flips = 0
for k in [8, 3, 5, 1, 7, 2, 6, 4] * 50:
    perm[: k + 1] = perm[k::-1]
    flips += perm[0]
print(perm, flips)


def last(items):
    return items[-1:][0]


print(last([1, 2, 3]))
print(last([]))
