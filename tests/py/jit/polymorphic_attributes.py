# Attribute loads, stores and method lookups that see several classes (or shapes) at one site are
# checked inline against each (class, shape) the cache recorded. Every way a recorded entry can go
# stale must fall back to the full lookup: a class attribute or method rebound, a property added,
# an attribute deleted from one instance, an instance growing a __dict__-like shape, a method
# shadowed on one instance, and more classes than the cache holds.


class Base:
    def __init__(self, value):
        self.value = value
        self.hits = 0

    def weight(self):
        return 1


class A(Base):
    def weight(self):
        return 2


class B(Base):
    def weight(self):
        return 3


class C(Base):
    pass


class D(Base):
    def __init__(self, value):
        self.extra = -1
        super().__init__(value)

    def weight(self):
        return 5


class E(Base):
    def weight(self):
        return 7


def visit(items, rounds):
    total = 0
    for _ in range(rounds):
        for item in items:
            item.hits = item.hits + 1
            total += item.value * item.weight()
    return total


items = [A(1), B(2), C(3), D(4)]
print(visit(items, 800))
print([item.hits for item in items])

# A fifth class: more than the cache holds.
items.append(E(6))
print(visit(items, 800))

# A method rebound on one class, then on the base.
B.weight = lambda self: 30
print(visit(items, 400))
Base.weight = lambda self: 100
print(visit(items, 400))

# A property replaces a plain attribute for one class.
A.value = property(lambda self: 1000)
try:
    print(visit(items, 10))
except AttributeError as error:
    print("AttributeError:", error)
del A.value
print(visit(items, 10))

# An attribute deleted from one instance.
del items[2].value
try:
    visit(items, 10)
except AttributeError as error:
    print("AttributeError:", error)
items[2].value = 3.5
print(visit(items, 300))

# A method shadowed on one instance, then an instance given many attributes.
items[0].weight = lambda: -1
print(visit(items, 300))
for index in range(40):
    setattr(items[1], f"attribute_{index}", index)
print(visit(items, 300))
print([item.hits for item in items])


# The same site sees instances of one class with different shapes (attributes added in
# different orders).
class Point:
    pass


def make(order):
    point = Point()
    for name in order:
        setattr(point, name, len(name))
    return point


points = [make("xy"), make(["y", "x"]), make(["x", "y", "zz"]), make(["zz", "x", "y"])]


def norm(points, rounds):
    total = 0
    for _ in range(rounds):
        for point in points:
            total += point.x * 10 + point.y
            point.x = point.x
    return total


print(norm(points, 1000))
Point.x = "class attribute"
del points[0].x
print(norm(points[1:], 100))
try:
    norm(points, 1)
except TypeError as error:
    print("TypeError:", error)
