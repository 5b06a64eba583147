# Building instances in compiled code: `Point(x, y)` of a plain class enters its compiled
# __init__ directly, and __init__'s stores that add attributes move the new instance to the
# shape the cache recorded, inline. Every way either can go stale must take the general path:
# the class or its __init__ rebound after compiling, __new__ or __setattr__ or a property
# added later, __slots__, __init__ raising or returning a value, __init__ rebinding self,
# instances that get another attribute order, deleted attributes, a subclass with its own
# __init__, subclasses of builtins, and more attributes than the class reserved.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def build(count, offset):
    total = 0
    last = None
    for i in range(count):
        last = Point(i, i + offset)
        total += last.x + last.y
    return total, last.x, last.y


print(build(3000, 1))


# The attribute order changes for some instances: another shape at the same stores.
class Flexible:
    def __init__(self, a, b, swap):
        if swap:
            self.b = b
            self.a = a
        else:
            self.a = a
            self.b = b


def flexible(count):
    total = 0
    for i in range(count):
        item = Flexible(i, 2 * i, i % 7 == 0)
        total += item.a - item.b
        if i % 11 == 0:
            del item.a
            item.a = 1
            total += item.a
    return total


print(flexible(3000))


# More attributes on later instances than the class reserved room for.
class Growing:
    def __init__(self, n):
        self.n = n
        if n > 2000:
            self.extra1 = n
            self.extra2 = n
            self.extra3 = n
            self.extra4 = n


def growing(count):
    total = 0
    for i in range(count):
        item = Growing(i)
        total += item.n
        if i > 2000:
            total += item.extra1 + item.extra4
    return total


print(growing(3000))


# __init__ raising partway, after one attribute is stored.
class Picky:
    def __init__(self, value):
        self.value = value
        if value % 500 == 499:
            raise ValueError(f"bad value {value}")
        self.double = 2 * value


def picky(count):
    total = 0
    errors = 0
    for i in range(count):
        try:
            total += Picky(i).double
        except ValueError:
            errors += 1
    return total, errors


print(picky(3000))


# __init__ returning something else: TypeError, as CPython.
class Returns:
    def __init__(self, value):
        self.value = value
        if value == 2500:
            return value


def returns(count):
    total = 0
    for i in range(count):
        try:
            total += Returns(i).value
        except TypeError as error:
            print("TypeError:", error)
    return total


print(returns(3000))


# __init__ rebinding its `self`: the new instance is still the result.
class Rebinds:
    def __init__(self, value):
        self.value = value
        self = None


def rebinds(count):
    return sum(Rebinds(i).value for i in range(count))


print(rebinds(3000))


# Changes to the class after the constructing code was compiled.
class Mutable:
    def __init__(self, value):
        self.value = value


def make_many(count):
    made = []
    for i in range(count):
        made.append(Mutable(i))
    return made


print(sum(item.value for item in make_many(2000)))


def new_init(self, value):
    self.value = -value
    self.tag = "new"


Mutable.__init__ = new_init
made = make_many(2000)
print(sum(item.value for item in made), made[0].tag)


def noisy_setattr(self, name, value):
    object.__setattr__(self, name, value * 10)


Mutable.__setattr__ = noisy_setattr
made = make_many(2000)
print(sum(item.value for item in made))
del Mutable.__setattr__

Mutable.value = property(lambda self: 42, lambda self, value: None)
made = make_many(2000)
print(sum(item.value for item in made))
del Mutable.value
print(sum(item.value for item in make_many(2000)))


# (Last: CPython keeps calling the __new__ slot even after `del Mutable.__new__`.)
def custom_new(cls, value):
    instance = object.__new__(cls)
    instance.created = True
    return instance


Mutable.__new__ = custom_new
made = make_many(2000)
print(sum(item.value for item in made), made[-1].created)


# The global naming the class rebound to another class, and to a function.
class Other:
    def __init__(self, value):
        self.value = value + 1000000


def rebound(count):
    return sum(Target(i).value for i in range(count))


class Target:
    def __init__(self, value):
        self.value = value


print(rebound(2000))
Target = Other
print(rebound(2000))
Target = lambda value: Other(2 * value)
print(rebound(2000))


# __slots__ classes, subclasses with and without their own __init__, subclasses of builtins.
class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Child(Point):
    pass


class Grandchild(Point):
    def __init__(self, x, y):
        super().__init__(x, y)
        self.z = x * y


class Number(int):
    def __init__(self, value):
        self.label = str(value)


class Items(list):
    def __init__(self, first):
        super().__init__([first])
        self.first = first


def mixed(count):
    total = 0
    for i in range(count):
        s = Slotted(i, 1)
        c = Child(i, 2)
        g = Grandchild(i, 3)
        n = Number(i)
        items = Items(i)
        total += s.a + s.b + c.x + c.y + g.z + n + len(n.label) + items[0] + items.first
    return total


print(mixed(3000))


# Wrong argument counts reach the usual errors.
def wrong(count):
    caught = 0
    for i in range(count):
        try:
            if i % 100 == 99:
                Point(i)
            else:
                Point(i, i)
        except TypeError as error:
            caught += 1
            last = str(error)
    return caught, last


print(wrong(3000))


# Deep recursion through constructors reaches RecursionError, not a native stack overflow.
class Node:
    def __init__(self, depth):
        self.depth = depth
        self.child = Node(depth - 1) if depth > 0 else None


def depth_of(node):
    count = 0
    while node is not None:
        count += 1
        node = node.child
    return count


print(depth_of(Node(300)))
sys.setrecursionlimit(400)
try:
    Node(100000)
except RecursionError:
    print("RecursionError")
