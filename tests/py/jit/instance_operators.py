# `left op right` on instances of a class with operator methods: compiled code calls the
# class's method directly when the left operand is a plain instance of the class it recorded
# and the right one is of the same class, an int or a float. Everything else must behave as
# the full protocol: other right operands (reflected methods of other classes and of
# subclasses first), NotImplemented, in-place operators with and without __iadd__, methods
# rebound or added after compiling, exceptions raised inside, instances that grew a __dict__,
# subclasses, huge ints, and deep recursion through operators.
import sys


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return V(self.x + other, self.y + other)
        return NotImplemented

    def __mul__(self, k):
        if k == 13:
            raise ValueError("unlucky factor")
        return V(self.x * k, self.y * k)

    def __sub__(self, other):
        return V(self.x - other.x, self.y - other.y)

    def __repr__(self):
        return f"V({self.x}, {self.y})"


class Reflector:
    def __radd__(self, other):
        return "reflected"


class SubV(V):
    def __radd__(self, other):
        return "subclass reflected first"


def accumulate(items, extra):
    total = V(0, 0)
    for item in items:
        total = total + item
        total = total + extra
        total = total * 1
    return total


vs = [V(i, -i) for i in range(1000)]
print(accumulate(vs, 1))
print(accumulate(vs, 0.5))
print(accumulate(vs, 2**70))


def mixed(count):
    results = []
    base = V(1, 2)
    for i in range(count):
        other = [V(1, 1), 3, 2.5, Reflector(), SubV(0, 0), "text", None][i % 7]
        try:
            results.append(repr(base + other))
        except TypeError as error:
            results.append(f"TypeError: {error}")
    return results


out = mixed(2100)
print(len(out), sorted(set(out)))


def scaled(count):
    total = V(0, 0)
    caught = 0
    for i in range(count):
        try:
            total = total + V(1, 1) * (i % 20)
        except ValueError as error:
            caught += 1
            message = str(error)
    return total, caught, message


print(scaled(2000))


def in_place(count):
    total = V(0, 0)
    for i in range(count):
        total += V(i, 1)
    return total


print(in_place(2000))
V.__iadd__ = lambda self, other: V(-1, -other.x)
print(in_place(10))
del V.__iadd__
print(in_place(10))


# The method rebound after compiling, then restored.
original_add = V.__add__
V.__add__ = lambda self, other: V(0, 0) if isinstance(other, V) else NotImplemented
print(accumulate(vs[:10], V(1, 1)))
V.__add__ = original_add
print(accumulate(vs, V(1, 1)))


# Instances that grew a __dict__ view, and subclasses on the left.
def with_dicts(items):
    total = V(0, 0)
    for item in items:
        total = total + item
    return total


special = [V(i, i) for i in range(1000)]
for item in special[::3]:
    item.__dict__["tag"] = 1
print(with_dicts(special))
print(with_dicts([SubV(i, 1) for i in range(1000)]))


# An operator method that recurses through the operator.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __sub__(self, k):
        if self.n <= 0:
            return 0
        return 1 + (Countdown(self.n - 1) - k)


print(Countdown(200) - 1)
sys.setrecursionlimit(300)
try:
    Countdown(10000) - 1
except RecursionError:
    print("RecursionError")


# An exception escaping an operator method: the traceback passes through it.
def fails(count):
    total = V(0, 0)
    for i in range(count):
        total = total + V(1, 1) * (13 if i == count - 1 else 1)
    return total


fails(1500)
