# Metaclasses: __new__, __init__, __call__, __prepare__ and class creation with type().
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *args):
        print("creating", cls.__name__, args)
        return super().__call__(*args)
class Thing(metaclass=Meta):
    def __init__(self, v):
        self.v = v
t = Thing(5)
print(t.v, Thing.tag, type(Thing).__name__, isinstance(Thing, Meta), isinstance(t, Thing))
class Sub(Thing):
    pass
print(Sub.tag, type(Sub).__name__, Sub(7).v)
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class A(metaclass=Registry):
    pass
class B(A):
    pass
print(Registry.classes)
Dynamic = type("Dynamic", (object,), {"x": 1, "double": lambda self: self.x * 2})
d = Dynamic()
print(Dynamic.__name__, d.x, d.double(), type(Dynamic).__name__)
class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print("preparing", name)
        return {}
class C(metaclass=Ordered):
    a = 1
print(C.a)
