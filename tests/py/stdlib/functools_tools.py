import functools
from functools import (cache, cached_property, cmp_to_key, lru_cache, partial, reduce,
                       singledispatch, total_ordering, update_wrapper, wraps)
import operator


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


# reduce
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [], 10), reduce(lambda a, b: a * b, range(1, 6), 1))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
show("reduce empty", lambda: reduce(operator.add, []))
show("reduce not iterable", lambda: reduce(operator.add, 5))


# partial
def power(base, exponent, *, mod=None):
    return pow(base, exponent, mod)


square = partial(power, exponent=2)
print(square(5), square(5, mod=7), square.func is power, square.args, square.keywords)
cube_of_two = partial(power, 2)
print(cube_of_two(3), cube_of_two.args)
p = partial(partial(power, 3), mod=5)
print(p(4), p.func is power, p.args, p.keywords)
print(repr(partial(max, 1, 2, key=abs)))
print(repr(partial(int, base=2)), partial(int, base=2)("101"))
show("partial(1)", lambda: partial(1))
basetwo = partial(int, base=2)
basetwo.__doc__ = "Convert base 2 string to an int."
print(basetwo.__doc__, basetwo("10010"))
print(list(map(partial(operator.mul, 3), [1, 2, 3])))


# wraps / update_wrapper
def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    "Add two numbers."
    return a + b


print(add(2, 3), add.__name__, add.__doc__, add.__qualname__, add.__wrapped__.__name__)


def original():
    "doc of original"


original.custom = 42


def other():
    pass


update_wrapper(other, original)
print(other.__name__, other.__doc__, other.custom, other.__wrapped__ is original)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


# lru_cache
@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x


print(sq(2), sq(3), sq(2), sq(4), sq(3))
print(sq.cache_info())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info._fields)
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info(), fib.__name__, fib.cache_parameters())


@lru_cache(maxsize=None)
def count_calls(x, y=0):
    print("miss", x, y)
    return x + y


count_calls(1)
count_calls(1)
count_calls(1, 2)
count_calls(1, y=2)
count_calls(x=1, y=2)
print(count_calls.cache_info())


@lru_cache(typed=True)
def typed_f(x):
    print("typed miss", repr(x))
    return x


typed_f(1)
typed_f(1.0)
typed_f(1)
print(typed_f.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1)
nocache(1)
print(nocache.cache_info())
show("lru_cache('a')", lambda: lru_cache("a"))
show("unhashable", lambda: sq([1]))


@cache
def factorial(n):
    return n * factorial(n - 1) if n else 1


print(factorial(10), factorial(5), factorial.cache_info())


# cmp_to_key
def compare_len(a, b):
    return len(a) - len(b)


print(sorted(["ccc", "a", "bb", "dddd"], key=cmp_to_key(compare_len)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(compare_len)
print(K("ab") < K("abc"), K("ab") == K("cd"), K("abc") >= K("a"))
print(max(["x", "yyy", "zz"], key=cmp_to_key(compare_len)))


# total_ordering
@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"Version({self.major}, {self.minor})"


a, b = Version(1, 2), Version(1, 3)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, b >= a, a <= a)
print(sorted([Version(2, 0), Version(1, 5), Version(1, 0)]))
print(max(Version(0, 1), Version(0, 9)))
show("compare with int", lambda: a <= 5)


@total_ordering
class Desc:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __gt__(self, other):
        return self.v > other.v


print(Desc(1) < Desc(2), Desc(1) >= Desc(2), Desc(3) <= Desc(3))
show("no ordering", lambda: total_ordering(type("Empty", (), {})))


# cached_property
class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        "The area."
        print("computing area")
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, "area" in vars(c))
c.area = 100
print(c.area)
del c.area
print(c.area)
print(type(Circle.area).__name__, Circle.area.__doc__, Circle.area.attrname)


class Slotted:
    __slots__ = ("x",)

    @cached_property
    def prop(self):
        return 1


show("slots cached_property", lambda: Slotted().prop)


# singledispatch
@singledispatch
def describe(obj):
    return f"object {obj!r}"


@describe.register(int)
def _(obj):
    return f"int {obj}"


@describe.register(list)
def _(obj):
    return f"list of {len(obj)}"


def describe_str(obj):
    return f"str {obj!r}"


describe.register(str, describe_str)


class MyInt(int):
    pass


print(describe(1), describe([1, 2]), describe("s"), describe(1.5), describe(True), describe(MyInt(7)))
print(describe.dispatch(float).__name__, describe.dispatch(bool) is describe.dispatch(int))
print(sorted(k.__name__ for k in describe.registry))
show("no args", lambda: describe())
show("register(1)", lambda: describe.register(1, len))


@describe.register
def _(obj: dict):
    return f"dict with {len(obj)} keys"


print(describe({"a": 1}))


class Base:
    pass


class Derived(Base):
    pass


@singledispatch
def kind(obj):
    return "default"


kind.register(Base, lambda obj: "base")
print(kind(Derived()), kind(Base()), kind(3))
