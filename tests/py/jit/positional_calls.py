# Positional calls from compiled code that are not calls of an expected Python function take
# the interpreter's fast paths: a plain class constructed with its __init__ run on the
# arguments in place, builtin classes and functions called with the arguments from the stack,
# bound methods unpacked. Each must fall back or raise as CPython does: __init__ returning a
# value or raising, the class gaining __new__ or a metaclass-made class, a class rebound to a
# function, builtins raising, bound methods of several kinds at one site.


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


class Empty:
    pass


def make(kind, count):
    total = 0
    for i in range(count):
        point = kind(i, i + 1)
        total += point.x + point.y
    return total


print(make(Point, 3000))


class Pair(Point):
    def __new__(cls, x, y):
        instance = super().__new__(cls)
        instance.made = True
        return instance


print(make(Pair, 3000))


class Meta(type):
    def __call__(cls, *args):
        return Point(*args)


class Odd(metaclass=Meta):
    pass


print(make(Odd, 3000))
print(make(lambda x, y: Point(y, x), 3000))


class Defaults:
    def __init__(self, x, y, z=10):
        self.x = x + z
        self.y = y


print(make(Defaults, 3000))


class Returns:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        if x == 2500:
            return 5


try:
    make(Returns, 3000)
except TypeError as error:
    print("TypeError:", error, frames_of(error))


class Raises:
    def __init__(self, x, y):
        if x == 2900:
            raise ValueError(f"bad {x}")
        self.x = x
        self.y = y


try:
    make(Raises, 3000)
except ValueError as error:
    print("ValueError:", error, frames_of(error))


def empties(count):
    made = 0
    for _ in range(count):
        if isinstance(Empty(), Empty):
            made += 1
    return made


print(empties(3000))
try:
    for _ in range(3):
        Empty(1)
except TypeError as error:
    print("TypeError:", error)


# Builtin functions and classes, one raising late.
def builtins(values):
    total = 0
    for value in values:
        total += len(value) + abs(-len(value)) + max(len(value), 2) + int(str(len(value)))
    return total


print(builtins(["ab", [1, 2, 3], (4,), "xyz"] * 800))
try:
    builtins(["ab"] * 2000 + [5])
except TypeError as error:
    print("TypeError:", error, frames_of(error)[-1][0])


# Bound methods called through a local: Python functions, builtin methods, a class method.
class Box:
    def __init__(self, value):
        self.value = value

    def get(self, extra):
        return self.value + extra

    @classmethod
    def build(cls, value):
        return cls(value)


def bound_calls(count):
    box = Box(3)
    items = []
    methods = [box.get, items.append, Box.build, box.get]
    total = 0
    for i in range(count):
        method = methods[i % 4]
        result = method(i)
        if isinstance(result, int):
            total += result
        elif isinstance(result, Box):
            total += result.value
    return total, len(items)


print(bound_calls(4000))
