# Metaclass hooks (__instancecheck__, __prepare__, __call__), type(), __init_subclass__ checks,
# class decorators, special method lookups, context managers and operator dunders on subclasses.
class Meta(type):
    def __instancecheck__(cls, obj): return obj == 42
    def __subclasscheck__(cls, sub): return sub is int
class Any(metaclass=Meta): pass
print(isinstance(42, Any), isinstance(1, Any), issubclass(int, Any), issubclass(str, Any))
class Reg(type):
    registry = []
    def __new__(m, name, bases, ns, **kw):
        cls = super().__new__(m, name, bases, ns)
        m.registry.append(name)
        return cls
class Base(metaclass=Reg): pass
class Child(Base): pass
print(Reg.registry, type(Child).__name__)
class WithPrepare(type):
    @classmethod
    def __prepare__(m, name, bases):
        import collections
        return collections.OrderedDict()
    def __new__(m, name, bases, ns):
        cls = super().__new__(m, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
class Ordered(metaclass=WithPrepare):
    z = 1
    a = 2
    def m(self): pass
print(Ordered.order)
class Callable(type):
    def __call__(cls, *args, **kwargs):
        inst = super().__call__(*args, **kwargs)
        inst.created_by_meta = True
        return inst
class Thing(metaclass=Callable):
    def __init__(self, v): self.v = v
t = Thing(5); print(t.v, t.created_by_meta)
X = type("X", (), {"__init__": lambda self, v: setattr(self, "v", v), "double": lambda self: self.v * 2})
print(X(4).double(), X.__name__, X.__qualname__, X.__module__, X.__bases__, X.__mro__)
class Abstract:
    def __init_subclass__(cls, required=None, **kw):
        super().__init_subclass__(**kw)
        if required and not hasattr(cls, required): raise TypeError(f"{cls.__name__} lacks {required}")
try:
    class Bad(Abstract, required="go"): pass
except TypeError as e: print(e)
class Good(Abstract, required="go"):
    def go(self): pass
print(Good.__name__)
def class_deco(cls):
    cls.decorated = True
    return cls
@class_deco
class Dec: pass
print(Dec.decorated)
print(type.__call__(int, "5"), type(type), type(object), object.__class__, isinstance(type, object), isinstance(object, type))
class A: pass
class B(A): pass
print(B.__base__, B.__bases__, A.__subclasses__(), B.mro(), issubclass(B, (str, A)))
class C:
    __slots__ = ()
try: C().x = 1
except AttributeError as e: print(e)
class D:
    __slots__ = ("x", "__dict__")
class E:
    def __repr__(self): return "E()"
    def __str__(self): return "str-E"
    def __format__(self, spec): return f"fmt-{spec}"
    def __bytes__(self): return b"bytes-E"
    def __bool__(self): return False
    def __len__(self): return 3
print(repr(E()), str(E()), f"{E()}", f"{E():x}", bytes(E()), bool(E()), len(E()), "%s %r" % (E(), E()))
class F:
    def __eq__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
f = F(); print(f == f, f != f, f == 1)
try: f < f
except TypeError as e: print(e)
class G:
    def __contains__(self, x): return True
    def __iter__(self): return iter([])
print(1 in G(), list(G()))
class H:
    def __call__(self): return "called"
    def __getitem__(self, k): return k
    def __setitem__(self, k, v): print("set", k, v)
    def __delitem__(self, k): print("del", k)
h = H(); h[1:2] = 3; del h[::2]; print(h(), h[1, 2], h[...], h[:])
class I:
    def __enter__(self): return self
    def __exit__(self, t, v, tb): print("exit", t.__name__ if t else None, v); return isinstance(v, KeyError)
with I():
    raise KeyError("swallowed")
try:
    with I():
        raise ValueError("propagates")
except ValueError as e: print("caught", e)
class J:
    def __neg__(self): return "neg"
    def __invert__(self): return "inv"
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
print(-J(), ~J(), +J(), abs(J()))
class K:
    def __iadd__(self, o): self.v = o; return self
    def __ilshift__(self, o): return "ilshift"
k = K(); k += 5; print(k.v); k <<= 1; print(k)
class L(int):
    def __add__(self, o): return "L.add"
print(L(1) + 1, 1 + L(1), L(1) * 2)
class M(int):
    def __radd__(self, o): return "M.radd"
print(1 + M(1), M(1) + 1)
