import abc
import collections.abc as cabc
from abc import ABC, ABCMeta, abstractmethod
from collections.abc import (Callable, Collection, Container, Generator, Hashable, ItemsView,
                             Iterable, Iterator, KeysView, Mapping, MutableMapping,
                             MutableSequence, MutableSet, Reversible, Sequence, Set, Sized,
                             ValuesView)


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


show("Shape()", lambda: Shape())
show("HalfDone()", lambda: HalfDone())
print(Square(3).describe(), Square(2).perimeter(), sorted(Shape.__abstractmethods__), HalfDone.__abstractmethods__)
print(Square.__abstractmethods__, isinstance(Square(1), Shape), issubclass(Square, ABC), type(Shape).__name__)


class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


class Impl(Base):
    name = "impl"

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return 42


show("Base()", lambda: Base())
print(Impl.make().name, Impl.helper(), sorted(Base.__abstractmethods__))


class Duck(ABC):
    pass


class Mallard:
    def quack(self):
        return "quack"


print(isinstance(Mallard(), Duck), issubclass(Mallard, Duck))
Duck.register(Mallard)
print(isinstance(Mallard(), Duck), issubclass(Mallard, Duck), Duck.register(int) is int, isinstance(3, Duck))
show("register non-class", lambda: Duck.register(3))
show("issubclass non-class", lambda: issubclass(3, Duck))


class Drawable(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            if any("draw" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


class Canvas:
    def draw(self):
        pass


class SubCanvas(Canvas):
    pass


print(isinstance(Canvas(), Drawable), issubclass(SubCanvas, Drawable), isinstance(Mallard(), Drawable))
print(abc.get_cache_token() == abc.get_cache_token(), callable(abc.update_abstractmethods))


class Late(ABC):
    @abstractmethod
    def f(self):
        ...


Late.f = lambda self: 1
abc.update_abstractmethods(Late)
print(Late().f(), Late.__abstractmethods__)

# collections.abc against built-in types
for name, value in [("list", []), ("tuple", ()), ("str", ""), ("dict", {}), ("set", set()),
                    ("frozenset", frozenset()), ("range", range(1)), ("bytes", b""),
                    ("int", 1), ("None", None), ("generator", (x for x in [])),
                    ("iterator", iter([])), ("dict_keys", {}.keys()), ("function", len)]:
    checks = [cls.__name__ for cls in (Hashable, Iterable, Iterator, Reversible, Generator, Sized,
                                       Container, Collection, Callable, Sequence, MutableSequence,
                                       Set, MutableSet, Mapping, MutableMapping)
              if isinstance(value, cls)]
    print(name, checks)
print(isinstance({}.items(), ItemsView), isinstance({}.values(), ValuesView), isinstance({}.keys(), KeysView))


class Bag(cabc.MutableSet):
    def __init__(self, items=()):
        self.items = []
        for item in items:
            self.add(item)

    def __contains__(self, item):
        return item in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, item):
        if item not in self.items:
            self.items.append(item)

    def discard(self, item):
        if item in self.items:
            self.items.remove(item)

    def __repr__(self):
        return f"Bag({self.items})"


b1, b2 = Bag([1, 2, 3]), Bag([3, 4])
print(b1 | b2, b1 & b2, b1 - b2, b1 ^ b2, b1 <= Bag([1, 2, 3, 4]), b1 == Bag([3, 2, 1]), b1.isdisjoint(b2))
b1 |= [9]
b1 -= {1}
print(b1, b1.pop(), b1, len(b1), 2 in b1)
b1.remove(3)
show("remove missing", lambda: b1.remove(100))
b1.clear()
print(b1)


class Record(cabc.Mapping):
    def __init__(self, **fields):
        self._fields = fields

    def __getitem__(self, key):
        return self._fields[key]

    def __iter__(self):
        return iter(self._fields)

    def __len__(self):
        return len(self._fields)

    def __repr__(self):
        return f"Record({self._fields})"


r = Record(a=1, b=2)
print(r["a"], r.get("z", "dflt"), "a" in r, list(r.keys()), list(r.values()), list(r.items()), r == {"a": 1, "b": 2})
print(r.keys(), isinstance(r.keys(), Set), r.keys() & {"a", "q"}, ("a", 1) in r.items(), 2 in r.values(), dict(r))


class Store(cabc.MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, key):
        return self._d[key]

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


s = Store()
s.update({"x": 1}, y=2)
s.update([("z", 3)])
print(dict(s), s.setdefault("x", 9), s.setdefault("w", 0), s.pop("y"), s.pop("missing", None), s.popitem(), dict(s))
show("pop missing", lambda: s.pop("missing"))
s.clear()
print(len(s), dict(s))


class Countdown(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self.n - i


c = Countdown(5)
print(list(c), list(reversed(c)), 3 in c, c.index(2), c.count(4), 9 in c)
show("index missing", lambda: c.index(9))


class Stack(cabc.MutableSequence):
    def __init__(self):
        self._items = []

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def insert(self, i, v):
        self._items.insert(i, v)


st = Stack()
st.append(1)
st.extend([2, 3, 4])
st += [5]
st.reverse()
print(list(st), st.pop(), st.pop(0), list(st))
st.remove(3)
print(list(st))
show("Sized()", lambda: Sized())
print(cabc.Iterable[int], cabc.Mapping[str, int], cabc.Callable.__name__)
