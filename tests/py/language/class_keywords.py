# Class keywords reach __init_subclass__ (through type.__new__ and metaclasses), and
# zero-argument super() inside comprehensions behaves as in CPython.


class Base:
    registry = []

    def __init_subclass__(cls, flag=None, **kwargs):
        print("Base.__init_subclass__", cls.__name__, flag, kwargs)
        super().__init_subclass__(**kwargs)
        Base.registry.append((cls.__name__, flag))


class A(Base, flag=1):
    pass


class B(A):
    pass


try:
    class C(A, flag=2, unexpected=3):
        pass
except TypeError as error:
    print("TypeError:", error)

try:
    class D(not_a_keyword=1):
        pass
except TypeError as error:
    print("TypeError:", error)

print(Base.registry)


class Meta(type):
    def __new__(mcs, name, bases, namespace, **kwargs):
        print("Meta.__new__", name, kwargs)
        return super().__new__(mcs, name, bases, namespace, **kwargs)

    def __init__(cls, name, bases, namespace, **kwargs):
        print("Meta.__init__", name, kwargs)
        super().__init__(name, bases, namespace)


class E(Base, metaclass=Meta, flag="meta"):
    pass


class Plugin:
    plugins = {}

    @classmethod
    def __init_subclass__(cls, name=None):
        super().__init_subclass__()
        cls.plugins[name or cls.__name__] = cls


class First(Plugin, name="first"):
    pass


class Second(Plugin):
    pass


print(sorted(Plugin.plugins))

# type() with three arguments goes through the same hook.
F = type("F", (Base,), {})
print(F.__name__, Base.registry[-1])


class G:
    def items(self):
        return [super().__repr__ for _ in range(1)]

    def explicit(self):
        return [type(super(G, self)).__name__ for _ in range(2)]


try:
    G().items()
except TypeError as error:
    print("TypeError:", error)
print(G().explicit())


def outside_class():
    return [super() for _ in range(1)]


try:
    outside_class()
except RuntimeError as error:
    print("RuntimeError:", error)

try:
    super(int, "text")
except TypeError as error:
    print("TypeError:", error)
print(type(super(int, True)).__name__, type(super(int, bool)).__name__)
