# Constructions folded into compiled code: `Vec(x, y, z)` whose __init__ only stores its
# parameters or constants as new attributes makes the instance with its final shape at the
# call site, without running __init__. Every way the fold can go stale must construct the
# usual way: __init__ replaced (by one that adds attributes conditionally, or raises),
# __setattr__ or a property of the same name defined later on the class or a base, a class
# attribute of the same name, subclasses with another __init__, attributes deleted or added
# afterwards, collections in the middle of a loop of constructions, very many objects,
# RecursionError while constructing.
import gc
import sys


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


def spin(count):
    total = Vec(0.0, 0.0, 0.0)
    for i in range(count):
        step = Vec(i * 0.5, -i, 1)
        total = Vec(total.x + step.x, total.y + step.y, total.z + step.z)
    return total.x, total.y, total.z


print(spin(3000))


# Constants, the instance itself, one parameter twice, parameters in another order.
class Odd:
    def __init__(self, a, b):
        self.label = "odd"
        self.me = self
        self.b = b
        self.a = a
        self.again = a
        self.pair = (1, "two")
        self.nothing = None


def odd(count):
    total = 0
    last = None
    for i in range(count):
        last = Odd(i, -i)
        total += last.a + last.b + last.again + len(last.label) + last.pair[0]
        if last.me is not last or last.nothing is not None:
            total = -1
    return total, sorted(vars(last)), list(vars(last))


print(odd(3000))


# The folded instance goes on like any other: attributes added, deleted, __dict__, __class__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Labelled:
    def describe(self):
        return "labelled"


def afterwards(count):
    total = 0
    for i in range(count):
        p = Point(i, 2 * i)
        if i % 3 == 0:
            p.extra = i
            total += p.extra
        if i % 5 == 0:
            del p.x
            p.x = 7
        if i % 7 == 0:
            p.__dict__["y"] = 1
        total += p.x + p.y
    q = Point(1, 2)
    q.__class__ = Labelled
    return total, q.describe(), q.x, vars(q)


print(afterwards(3000))


# A class attribute of the same name (not a descriptor): the instance's attribute shadows it.
class Defaults:
    kind = "class"

    def __init__(self, kind, size):
        self.kind = kind
        self.size = size


def defaults(count):
    total = 0
    for i in range(count):
        item = Defaults("instance", i)
        total += item.size + len(item.kind)
    return total, Defaults.kind


print(defaults(3000))


# Changes after the constructing code was compiled.
class Base:
    pass


class Shape(Base):
    def __init__(self, width, height):
        self.width = width
        self.height = height


def shapes(count):
    total = 0
    for i in range(count):
        s = Shape(i, 2)
        total += s.width * s.height
    return total


print(shapes(3000))


def loud_setattr(self, name, value):
    object.__setattr__(self, name, value + 1)


Base.__setattr__ = loud_setattr
print(shapes(3000))
del Base.__setattr__
print(shapes(3000))

Base.height = property(lambda self: 100, lambda self, value: None)
print(shapes(3000))
del Base.height
print(shapes(3000))


def conditional_init(self, width, height):
    self.width = width
    if width % 2 == 0:
        self.height = height
    else:
        self.height = 0
        self.odd = True


Shape.__init__ = conditional_init
print(shapes(3000))


def raising_init(self, width, height):
    self.width = width
    if width == 2999:
        raise ValueError("too wide")
    self.height = height


Shape.__init__ = raising_init
try:
    print(shapes(3000))
except ValueError as error:
    print("ValueError:", error)


def returning_init(self, width, height):
    self.width = width
    self.height = height
    return None if width < 2999 else width


Shape.__init__ = returning_init
try:
    print(shapes(3000))
except TypeError as error:
    print("TypeError:", error)


# Subclasses: one inheriting the folded __init__, one with its own, through one site.
class Wide(Point):
    pass


class Tall(Point):
    def __init__(self, x, y):
        self.y = y
        self.x = x
        self.tall = True


def family(count):
    total = 0
    kinds = [Point, Wide, Tall]
    for i in range(count):
        kind = kinds[i % 3]
        p = kind(i, 1)
        total += p.x + p.y + len(vars(p))
    wide = 0
    for i in range(count):
        wide += Wide(i, i).x
    return total, wide


print(family(3000))


# Many objects, kept and dropped, with collections in between.
def many(count):
    kept = []
    total = 0.0
    for i in range(count):
        v = Vec(float(i), i, "s")
        if i % 1000 == 0:
            kept.append(v)
            gc.collect()
        total += v.x
    return total, [(v.x, v.y, v.z) for v in kept[:3]], len(kept)


print(many(200000))


# RecursionError while constructing deep in a recursion, then construction goes on.
def deep(depth):
    if depth == 0:
        return Vec(1, 2, 3)
    return deep(depth - 1)


print(deep(50).z)
try:
    deep(100000)
except RecursionError:
    print("RecursionError")
print(spin(10))
