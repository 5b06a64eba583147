# A StoreAttr site that adds a new attribute remembers the shape transition; every way the
# remembered transition can stop applying must fall back to the full store.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, -i) for i in range(5)]
print([(p.x, p.y) for p in points])
print(sorted(vars(points[0])))

# The same site sees instances in other shapes: attributes added elsewhere first.
def setup(obj, value):
    obj.z = value
    return obj


a = Point(1, 2)
b = Point(3, 4)
b.w = "extra"
c = Point(5, 6)
del c.x
for obj in (a, b, c, a, b, c):
    print(sorted(vars(setup(obj, len(vars(obj))))))
c.x = 99
print(vars(c))

# A subclass with __setattr__ at a site that cached adds for the base class.
class Logged(Point):
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)


logged = Logged(7, 8)
print(vars(logged))

# A property defined later for a name the site used to add.
def make_many(count):
    return [Point(i, i) for i in range(count)]


make_many(3)
Point.y = property(lambda self: "property y", lambda self, value: print("set y", value))
print([p.y for p in make_many(2)])
del Point.y
print([vars(p) for p in make_many(2)])

# __slots__ classes and instances whose __dict__ was taken.
class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


s = Slotted(1, 2)
print(s.x, s.y)
try:
    s.z = 3
except AttributeError as error:
    print("AttributeError:", error)

d = Point(1, 1)
namespace = d.__dict__
for obj in (Point(2, 2), d):
    setup(obj, "via site")
print(namespace)

# The __class__ of an instance changes between adds.
class Other:
    def __init__(self):
        self.x = 0


o = Other()
o.__class__ = Point
setup(o, "moved class")
print(type(o).__name__, vars(o))
