# `items.append(x)` in compiled code appends inline where the receiver is an exact list and
# the method is list.append; every other receiver or method takes the usual call. The loops
# run long enough to be compiled with the interpreter's attribute feedback first.
from collections import deque


def fill(target, n):
    for i in range(n):
        target.append(i * 2)
    return target


print(len(fill([], 2000)), fill([], 2000)[-3:])


class Plain(list):
    pass


class Logged(list):
    def append(self, value):
        if value % 1000 == 0:
            print("Logged.append", value)
        super().append(-value)


class Bag:
    def __init__(self):
        self.items = []

    def append(self, value):
        self.items.append(value + 1)


plain = fill(Plain(), 2000)
print(type(plain).__name__, len(plain), plain[-2:])
logged = fill(Logged(), 2000)
print(type(logged).__name__, len(logged), logged[-2:])
print(list(fill(deque(), 2000))[-2:])
print(fill(Bag(), 2000).items[-2:])
try:
    fill(object(), 10)
except AttributeError as error:
    print("AttributeError:", error)
try:
    fill((), 10)
except AttributeError as error:
    print("AttributeError:", error)


def wrong_arguments(target, n):
    for i in range(n):
        target.append(i)
    target.append()


try:
    wrong_arguments([], 2000)
except TypeError as error:
    print("TypeError:", error)


def two_arguments(target, n, flag):
    for i in range(n):
        target.append(i)
    if flag:
        target.append(1, 2)
    return len(target)


print(two_arguments([], 2000, False))
try:
    two_arguments([], 2000, True)
except TypeError as error:
    print("TypeError:", error)


def rebind_attempt():
    try:
        list.append = lambda self, value: None
    except TypeError as error:
        print("TypeError:", error)


rebind_attempt()
print(fill([], 3)[-1])


def nested(n):
    rows = []
    for i in range(n):
        row = []
        rows.append(row)
        for j in range(i % 5):
            row.append((i, j))
        row.append(row if i == 7 else None)
    return rows


rows = nested(2000)
print(len(rows), rows[7], rows[-1])


def switching(n):
    targets = [[], Plain(), Logged(), deque(), Bag()]
    for i in range(n):
        targets[i % 5].append(i)
    return [len(t) if not isinstance(t, Bag) else len(t.items) for t in targets]


print(switching(2000))


def keep_alive(n):
    out = []
    for i in range(n):
        out.append([i] * 3)
        out.append(str(i))
    return sum(len(item) for item in out)


print(keep_alive(2500))
