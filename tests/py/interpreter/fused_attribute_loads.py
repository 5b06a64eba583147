# `local.attribute` is read in the same dispatch as the local when the attribute site's cache
# knows the instance's class and shape; everything else (new shapes, deleted attributes,
# properties, class attributes, __getattr__, other types at the same site) goes the usual way.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Lazy:
    def __getattr__(self, name):
        return f"lazy {name}"


class WithProperty:
    @property
    def x(self):
        return "property x"


def read_x(point):
    return point.x


values = [Point(1, 2), Point(3, 4), Point3(5, 6, 7), Lazy(), WithProperty(), 3 + 4j, Point(8, 9)]
for value in values:
    try:
        print(type(value).__name__, read_x(value))
    except AttributeError as error:
        print("AttributeError", error)

late = Point(10, 11)
del late.x
for value in (Point(1, 1), late, Point(2, 2)):
    try:
        print(read_x(value))
    except AttributeError as error:
        print("AttributeError", error)

reshaped = Point(20, 21)
reshaped.extra = 1
del reshaped.x
reshaped.x = "re-added"
print(read_x(reshaped), read_x(Point(0, 0)))


class Counter:
    total = "class attribute"


counter = Counter()
print(read_x.__code__.co_name, getattr(counter, "total"))


def read_total(item):
    return item.total


print(read_total(counter))
counter.total = "instance attribute"
print(read_total(counter))
del counter.total
print(read_total(counter))
Counter.total = "changed on the class"
print(read_total(counter))


def unbound():
    try:
        print(missing.x)
    except UnboundLocalError as error:
        print("UnboundLocalError", error)
    missing = Point(1, 2)
    return missing.x


print(unbound())


def sum_points(points):
    total = 0
    for point in points:
        total = total + point.x * point.y
    return total


print(sum_points([Point(i, i + 1) for i in range(50)] + [Point3(1, 2, 3)]))
