# What compiled code remembers about an instance between attribute instructions on the same
# local (its class and shape, checked once) must be forgotten whenever it may stop holding:
# attributes added through another name for the same object, __class__ reassigned, attributes
# deleted, class attributes and methods rebound, and calls made between two reads. Each loop
# runs long enough to be compiled before the change happens inside it.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def total(self):
        return self.x + self.y

    def plus(self, k):
        return self.x + self.y + k


class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z


class Sneaky(Point):
    @property
    def x(self):
        return 1000

    @x.setter
    def x(self, value):
        pass


class Swapped(Point):
    def total(self):
        return -1


def alias_adds(n):
    # `other` is the same object as `p`: the store adding `extra` through it changes the shape
    # `p` was checked to have.
    result = 0
    for i in range(n):
        p = Point(i, 1)
        other = p
        a = p.x
        if i % 3 == 0:
            other.extra = i
        b = p.y
        c = p.x
        result += a + b + c
        if i % 3 == 0:
            result += p.extra
    return result


def class_changes(n):
    result = 0
    for i in range(n):
        p = Point(i, 2)
        a = p.x
        if i == n - 5:
            p.__class__ = Sneaky
        b = p.x
        result += a + b + p.y
    return result


def deletions(n):
    result = 0
    for i in range(n):
        p = Point(i, 3)
        a = p.x
        if i % 50 == 49:
            del p.x
        try:
            b = p.x
        except AttributeError:
            b = -1
        result += a + b + p.y
    return result


def mutate(p, i):
    if i % 97 == 96:
        del p.y
        p.y = 7
    if i % 89 == 88:
        p.__class__ = Sneaky
    return 0


def calls_between(n):
    # A call between two reads of the same instance may change it.
    result = 0
    for i in range(n):
        p = Point(i, 4)
        a = p.x
        mutate(p, i)
        result += a + p.x + p.y
    return result


def arguments_between(n):
    # The receiver's facts reach an inlined method, but evaluating the arguments of the call
    # runs code first (which deletes and re-adds `y`, or changes the class).
    result = 0
    for i in range(n):
        p = Point(i, 5)
        result += p.plus(mutate(p, i))
        result += p.norm1()
    return result


def polymorphic(points, rounds):
    # Subclasses share the slots of x and y (one load after one check for all of them).
    result = 0
    for _ in range(rounds):
        for p in points:
            result += p.x + p.y + p.total()
    return result


def rebind_later(points, rounds):
    result = 0
    for r in range(rounds):
        if r == rounds // 2:
            Point3.total = lambda self: 100
        for p in points:
            result += p.total() + p.x
    return result


def property_later(points, rounds):
    result = 0
    for r in range(rounds):
        if r == rounds // 2:
            Point3.y = property(lambda self: 55)
        for p in points:
            result += p.y + p.x + p.y
    return result


print(alias_adds(3000))
print(class_changes(3000))
print(deletions(3000))
print(calls_between(3000))
print(arguments_between(3000))


def fresh_points(count):
    points = []
    for i in range(count):
        if i % 3 == 0:
            points.append(Point(i, -i))
        elif i % 3 == 1:
            points.append(Point3(i, i, i))
        else:
            points.append(Swapped(-i, i))
    return points


print(polymorphic(fresh_points(30), 200))
print(rebind_later(fresh_points(30), 200))
print(property_later(fresh_points(30), 200))


def arguments_calls(n):
    result = 0
    for i in range(n):
        p = Point(i, 5)
        result += p.x
        result += p.total() + mutate(p, i)
        result += p.norm1()
    return result


print(arguments_calls(3000))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def mixed(n):
    result = 0
    for i in range(n):
        o = Point(i, 1) if i % 2 else Slotted(i, 1)
        result += (o.x if i % 2 else o.a) + (o.y if i % 2 else o.b)
    return result


print(mixed(3000))
