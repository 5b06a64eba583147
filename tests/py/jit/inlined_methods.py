# Small methods that only read instance attributes and compute are inlined into compiled
# callers (the receiver's class and shape checked inline, as for any compiled attribute load).
# Forced here: another class at the site, an instance of another shape, a subclass whose
# attribute is a property, a deleted attribute (AttributeError from the method's frame), float
# and str attribute values, and the method rebound on the class while callers run.
def frames_of(error):
    names = []
    trace = error.__traceback__
    while trace is not None:
        names.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    return names


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def first(self):
        return self.x


def total(points, probe):
    result = 0
    for point in points:
        result += point.dot(probe)
    return result


def firsts(points):
    result = 0
    for point in points:
        result += point.first()
    return result


points = [Point(i, i % 5) for i in range(100)]
probe = Point(2, 3)
for _ in range(40):
    total(points, probe)
    firsts(points)
print(total(points, probe), firsts(points))


class Other:
    def __init__(self, x, y):
        self.y = y
        self.x = x

    def dot(self, other):
        return self.x - other.x

    def first(self):
        return -self.x


print(total(points + [Other(1, 2)], probe), firsts([Other(4, 5)] + points))

odd = Point(7, 8)
odd.extra = 1
print(total([odd] + points, probe))
print(total(points, Point(0.5, 1.5)), firsts([Point(2.5, 0)] + points))


def dots(points, probe):
    out = []
    for point in points:
        out.append(point.dot(probe))
    return out


for _ in range(40):
    dots(points, probe)
print(dots(points[:3] + [Point("ab", "cd")] + points[3:5], Point(2, 0)))
try:
    total(points + [Point("ab", 2)], Point(3, 4))
except TypeError as error:
    print("TypeError", error, frames_of(error))


class Lazy(Point):
    def __init__(self, y):
        self.y = y

    @property
    def x(self):
        return 100


lazy = Lazy(1)
print(total([lazy] + points, probe), firsts(points + [lazy]))

broken = Point(1, 2)
del broken.x
try:
    firsts(points + [broken])
except AttributeError as error:
    print("AttributeError", error, frames_of(error))


def scaled_dot(self, other):
    return (self.x * other.x + self.y * other.y) * 10


Point.dot = scaled_dot
print(total(points, probe))
for _ in range(40):
    total(points, probe)
print(total(points, probe))
