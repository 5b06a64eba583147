# A small method inlined at `obj.method(args)` starts knowing the receiver's class and shape
# from the attribute check of the method load. Forces: receivers of other classes and shapes
# at the same site after compiling (the method load takes its generic path), a receiver whose
# instance dict was replaced, a subclass overriding the method, arguments that are locals and
# constants, and a method whose attribute read fails.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs_value(self.x) + abs_value(self.y)

    def scaled(self, k, offset):
        return self.x * k + offset


def abs_value(v):
    return v if v >= 0 else -v


class Shifted(Point):
    def norm1(self):
        return self.x + self.y + 1000


def total(points, k):
    result = 0
    for p in points:
        result += p.norm1()
        result += p.scaled(k, 7)
    return result


points = [Point(i, -i) for i in range(40)]
print("plain", total(points, 3))
print("plain again", sum(total(points, 2) for _ in range(200)))

# Another shape: an attribute added to one instance.
odd = Point(5, 6)
odd.z = 1
print("other shape", total(points + [odd], 3))

# A subclass whose method is another function.
print("subclass", total(points + [Shifted(1, 2)], 3))

# The instance dict replaced: attributes come from the new dict.
replaced = Point(1, 1)
replaced.__dict__ = {"x": 100, "y": 200}
print("replaced dict", total([replaced] + points, 3))

# An attribute missing: AttributeError from the method's frame.
broken = Point(1, 2)
del broken.y
try:
    total(points + [broken], 3)
except AttributeError as error:
    print("AttributeError:", error)

# Floats through the same site.
print("floats", total([Point(0.5, -1.5) for _ in range(30)] + points, 2))
