# The object model end to end: MRO and its conflict error, super(), descriptors, properties,
# __slots__, attribute hooks, operator dunders with NotImplemented, __hash__ rules, metaclasses.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print(D.__mro__)
try:
    class E(A, B): pass
except TypeError as e: print(e)
class X:
    def f(self): return "X"
class Y(X):
    def f(self): return "Y" + super().f() + super(Y, self).f()
print(Y().f())
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, typ=None): return (self.name, obj is None)
    def __set__(self, obj, v): print("set", self.name, v)
    def __delete__(self, obj): print("del", self.name)
class H:
    d = Desc()
h = H(); print(h.d, H.d); h.d = 3
try:
    del h.d
except Exception as e: print("BUG", e)
class P:
    def __init__(self): self._x = 1
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v
    @x.deleter
    def x(self): print("deleting")
p = P(); p.x = 5; print(p.x); del p.x
try:
    class Q:
        @property
        def y(self): return 1
    Q().y = 2
except AttributeError as e: print(e)
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1
try: s.c = 2
except AttributeError as e: print(e)
try: print(s.b)
except AttributeError as e: print(e)
print(hasattr(s, '__dict__'))
class G:
    def __getattr__(self, n): return n * 2
print(G().abc)
class GA:
    def __getattribute__(self, n):
        if n == 'z': return 42
        return object.__getattribute__(self, n)
print(GA().z)
class SA:
    def __setattr__(self, n, v): print("setattr", n, v); object.__setattr__(self, n, v)
    def __delattr__(self, n): print("delattr", n)
sa = SA(); sa.q = 1; del sa.q; print(sa.q)
class N:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return "radd"
    def __iadd__(self, o): return "iadd"
print(1 + N())
n = N(); n += 1; print(n)
try: N() - 1
except TypeError as e: print(e)
class E2:
    def __eq__(self, o): return True
try: hash(E2())
except TypeError as e: print(e)
print(E2.__hash__)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw): print("prepare", name, kw); return {}
    def __new__(mcs, name, bases, ns, **kw): return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a): print("meta call", a); return super().__call__(*a)
class M(metaclass=Meta, flag=1):
    def __init__(self, *a): pass
M(1, 2)
T = type('T', (A,), {'v': 1})
print(T, T.v, T.__mro__, T.__name__, T.__qualname__, T.__module__)
class Init:
    def __init_subclass__(cls, **kw): print("init_subclass", cls.__name__, kw)
class Sub(Init, k=2): pass
class O:
    "doc here"
    class Inner:
        def m(self): pass
print(O.__doc__, O.Inner.__qualname__, O.Inner.m.__qualname__, O.__module__)
def deco(c): c.tag = 1; return c
@deco
class Dd: pass
print(Dd.tag, Dd().__class__, Dd.__dict__['tag'])
class NN:
    def __new__(cls, v): o = super().__new__(cls); o.v = v * 2; return o
print(NN(3).v)
class Cm:
    @classmethod
    def c(cls): return cls.__name__
    @staticmethod
    def s(x): return x
print(Cm.c(), Cm().c(), Cm.s(1), Cm().s(2))
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *a): print("exit", a[0]); return True
with Ctx() as c, Ctx() as d: raise ValueError
print(type(super), super(Y, Y()).f.__name__)
class Bo:
    def __bool__(self): return False
    def __len__(self): return 3
print(bool(Bo()))
class Co:
    def __contains__(self, x): return x == 1
print(1 in Co(), 2 in Co())
class Ca:
    def __call__(self, *a, **k): return a, k
print(Ca()(1, x=2))
