# Binary operators on instances of Python classes: the operator method is called directly when
# the protocol would call nothing else first (same class on the right, or an int or a float).
# Every other shape of the protocol must behave as before: NotImplemented, reflected methods of
# subclasses, in-place methods, defaults, generators, static methods, errors and recursion.

class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, (int, float)):
            return V(self.x + other)
        return NotImplemented

    def __mul__(self, k, scale=1):
        return V(self.x * k * scale)

    def __sub__(self, other):
        return NotImplemented

    def __or__(self, other):
        return NotImplemented

    def __truediv__(self, other):
        if other == 0:
            raise ZeroDivisionError("V divided by zero")
        return V(self.x / other)

    def __repr__(self):
        return f"V({self.x})"


class W(V):
    def __radd__(self, other):
        return "W.__radd__ first"

    def __rsub__(self, other):
        return "W.__rsub__"


class Accumulating(V):
    def __iadd__(self, other):
        self.x += 1000
        return self


def loop(n):
    total = V(0)
    for i in range(n):
        total = total + V(i)
        total = total + i
        total = total + 0.5
        total = total * 1
        total += 1
    return total


print(loop(300))
print(V(1) + W(2), V(1) - W(2))
a = Accumulating(1)
a += V(1)
print(a, type(a).__name__)
for left, right in ((V(1), V(2)), (V(1), 3), (V(1), "s"), (V(1), True), (V(1), None)):
    for name, op in (("-", lambda p, q: p - q), ("|", lambda p, q: p | q), ("+", lambda p, q: p + q)):
        try:
            print(name, op(left, right))
        except TypeError as error:
            print(name, "TypeError:", error)


class Gen:
    def __add__(self, other):
        yield other


class Static:
    @staticmethod
    def __add__(other):
        return ("static", type(other).__name__)


class Starred:
    def __add__(self, *others):
        return ("starred", len(others))


class Lambda:
    __add__ = lambda self, other: ("lambda", other)


print(list(Gen() + Gen())[0].__class__.__name__, Static() + Static(), Starred() + Starred())
print((Lambda() + 2)[0])

# A method rebound on the class, and an instance attribute the protocol ignores.
v = V(5)
v.__add__ = lambda other: "instance attribute"
print(v + 1)
V.__add__ = lambda self, other: "rebound"
print(v + 1, loop.__name__)


def deep(n):
    class R:
        def __add__(self, other):
            return self + other

    try:
        R() + R()
    except RecursionError as error:
        print("RecursionError:", error)


deep(0)

# Escapes: the traceback goes through the operator method's frame.
V(1) / 0
