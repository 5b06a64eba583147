# `Class(arguments)` at one site for plain classes (the interpreter runs `__init__` with the
# arguments in place) and for every kind of class that needs the general path: __new__
# overrides, metaclasses with __call__, builtin and exception bases, abstract classes,
# __slots__, default and keyword arguments, __init__ replaced between calls.
import abc
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Empty:
    pass


class WithDefaults:
    def __init__(self, a, b=2, *, c=3):
        self.total = a + b + c

    def __repr__(self):
        return f"WithDefaults({self.total})"


class WithNew:
    def __new__(cls, value):
        print("  WithNew.__new__", value)
        instance = super().__new__(cls)
        instance.seen = value
        return instance

    def __init__(self, value):
        self.value = value * 2

    def __repr__(self):
        return f"WithNew({self.seen}, {self.value})"


class NotMine:
    def __new__(cls, value):
        return ("not an instance", value)

    def __init__(self, value):
        print("never runs")


class Counting(type):
    calls = 0

    def __call__(cls, *arguments):
        Counting.calls += 1
        return super().__call__(*arguments)


class Counted(metaclass=Counting):
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"Counted({self.value})"


class Items(list):
    def __init__(self, first):
        super().__init__([first, first])


class Failure(Exception):
    def __init__(self, code):
        super().__init__("failure", code)


class Slotted:
    __slots__ = ("left", "right")

    def __init__(self, left):
        self.left = left

    def __repr__(self):
        return f"Slotted({self.left})"


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side**2

    def __repr__(self):
        return f"Square({self.side})"


def build(kind, value):
    # The one site under test.
    return kind(value)


def show(kind, value):
    try:
        print(kind.__name__, repr(build(kind, value)))
    except Exception as error:
        print(kind.__name__, type(error).__name__, error)


for round in range(2):
    for kind in [WithDefaults, WithNew, NotMine, Counted, Items, Failure, Slotted, Square,
                 Empty, int, str, list]:
        show(kind, 5)
    print(Point(1, 2), Point(x=3, y=4), Point(*[5, 6]), type(Empty()).__name__)
print("metaclass calls", Counting.calls)
try:
    Shape()
except TypeError as error:
    print("TypeError:", error)


class MadeAbstract:
    pass


MadeAbstract.__abstractmethods__ = frozenset({"f"})
for arguments in [(), (1,)]:
    try:
        MadeAbstract(*arguments)
    except TypeError as error:
        print("TypeError:", error)
del MadeAbstract.__abstractmethods__
print(type(MadeAbstract()).__name__)

# __init__ replaced on the class between calls, then removed.
def other_init(self, x, y):
    self.x = -x
    self.y = -y


print(Point(1, 1))
Point.__init__ = other_init
print(Point(1, 1))
del Point.__init__
try:
    Point(1, 1)
except TypeError as error:
    print("TypeError:", error)
print(type(Point()).__name__)


class Strict:
    def __init__(self, a):
        self.a = a


for arguments in [(), (1, 2)]:
    try:
        Strict(*arguments)
    except TypeError as error:
        print("TypeError:", error)


class ReturnsValue:
    def __init__(self, value):
        return value


for value in [None, 0, "text"]:
    try:
        print(type(ReturnsValue(value)).__name__)
    except TypeError as error:
        print("TypeError:", error)


class Rebinds:
    def __init__(self, value):
        self.value = value
        self = None
        [object() for _ in range(1000)]


print([Rebinds(n).value for n in range(3)])


class Raises:
    def __init__(self, value):
        self.check(value)

    def check(self, value):
        if value < 0:
            raise ValueError(f"negative: {value}")


try:
    Raises(-1)
except ValueError as error:
    frames = 0
    traceback = error.__traceback__
    while traceback is not None:
        frames += 1
        traceback = traceback.tb_next
    print("ValueError:", error, "frames:", frames)


def make_class(offset):
    class Local:
        def __init__(self, value):
            self.value = value + offset

    return Local


print(make_class(10)(5).value, make_class(20)(5).value)


class Nested:
    def __init__(self, depth):
        self.child = Nested(depth - 1) if depth else None


sys.setrecursionlimit(200)
try:
    Nested(1000)
except RecursionError as error:
    print("RecursionError:", error)
sys.setrecursionlimit(1000)
node = Nested(50)
depth = 0
while node.child is not None:
    node = node.child
    depth += 1
print("depth", depth)


# A class constructed through the fast path, then changed: abstract methods declared, a
# __init__ replaced, a __new__ added.
class Changing:
    def __init__(self, value):
        self.value = value


def make_changing(value):
    return Changing(value).value


print(make_changing(1), make_changing(2))
Changing.__abstractmethods__ = frozenset({"run"})
try:
    make_changing(3)
except TypeError as error:
    print("TypeError:", error)
del Changing.__abstractmethods__
print(make_changing(4))


Changing.__init__ = lambda self, value, extra="!": setattr(self, "value", f"{value}{extra}")
print(make_changing(5))


def new(cls, value):
    print("  added __new__", value)
    return object.__new__(cls)


Changing.__new__ = new
print(make_changing(6))
