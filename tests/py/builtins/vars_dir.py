# vars() and dir() with and without an argument, __dir__ overrides, and their errors.
import math


class Base:
    shared = 1

    def method(self):
        return self


class Child(Base):
    def __init__(self):
        self.own = 2


class Slotted:
    __slots__ = ("a", "b")


class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


def public(names):
    return [name for name in names if not name.startswith("_")]


child = Child()
print(vars(child), public(dir(child)), public(dir(Child)))
print(sorted(name for name in vars(Child) if not name.startswith("__")))
print("__dict__" in dir(child), "__class__" in dir(child), "__doc__" in dir(Child))
print("__module__" in dir(child), "__weakref__" in dir(Child))
print(public(dir(Slotted())), "__slots__" in dir(Slotted), "__dict__" in dir(Slotted()))
print(dir(Custom()), object.__dir__(child) is not None)
print(sorted(object.__dir__(child)) == dir(child))
print("sqrt" in dir(math), "pi" in dir(math))
print(public(dir(1)), public(dir("")))
print(Child.__doc__, child.__doc__)


def scope(alpha, beta=2):
    gamma = alpha + beta
    print(dir(), vars())
    print(sorted(locals()))


scope(1)
print("scope" in dir(), "child" in vars())
for bad in (lambda: vars(1), lambda: vars(Slotted()), lambda: dir(1, 2), lambda: vars(1, 2)):
    try:
        bad()
    except TypeError as error:
        print("TypeError:", error)


class BadDir:
    def __dir__(self):
        return 5


try:
    dir(BadDir())
except TypeError as error:
    print("TypeError:", error)
