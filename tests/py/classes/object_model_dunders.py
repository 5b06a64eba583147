# More of the object model: __class__ cells, __init_subclass__, metaclass dunders, slots
# inheritance, annotations, total_ordering, __index__, numeric dunders, __set_name__.
class A:
    def __init__(self): print("A init")
class B(A):
    def __init__(self):
        super().__init__()
        print("B init", __class__.__name__)
B()
class C:
    @classmethod
    def make(cls): return super().__new__(cls)
    def __init_subclass__(cls, /, **kw): super().__init_subclass__(); cls.kw = kw
class D(C, x=1): pass
print(D.kw, type(D.make()).__name__)
print(super(D, D).make)
class M(type):
    def __new__(mcs, name, bases, ns):
        ns['added'] = 1
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.inited = True
    def __repr__(cls): return f"<M {cls.__name__}>"
    def __len__(cls): return 7
    def __iter__(cls): return iter([1, 2])
    def __getitem__(cls, k): return k * 2
class X(metaclass=M): pass
print(X, X.added, X.inited, len(X), list(X), X[3], type(X), isinstance(X, M))
class Y(X): pass
print(type(Y), Y.added)
class P:
    __slots__ = ('a',)
    def __init__(self): self.a = 1
class Q(P):
    pass
q = Q(); q.b = 2; print(q.a, q.b, hasattr(q, '__dict__'))
class R:
    x: int = 5
    y: str
print(R.__annotations__, R.x)
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return self.v == o.v
print(sorted([Ord(3), Ord(1)], key=lambda o: o).__len__(), Ord(1) > Ord(0), Ord(1) != Ord(1))
try: Ord(1) <= Ord(2)
except TypeError as e: print(e)
import functools
@functools.total_ordering
class TO:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return self.v == o.v
print(TO(1) <= TO(2), TO(3) >= TO(2))
class N:
    def __index__(self): return 3
print([0,1,2,3,4][N()], bin(N()), hex(N()), range(N()), "ab"*N())
class L:
    def __len__(self): return 0
print(bool(L()), not L())
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __neg__(self): return Num(-self.v)
    def __abs__(self): return Num(abs(self.v))
    def __invert__(self): return Num(~self.v)
    def __pos__(self): return self
    def __repr__(self): return f"Num({self.v})"
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o): return ("rpow", o)
    def __divmod__(self, o): return "divmod"
    def __rdivmod__(self, o): return "rdivmod"
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 9
    def __floor__(self): return 8
    def __ceil__(self): return 10
    def __int__(self): return 4
    def __float__(self): return 4.5
    def __complex__(self): return 1j
print(sum([Num(1), Num(2)]), -Num(3), abs(Num(-2)), ~Num(0), +Num(1), Num(1) @ 2, 2 @ Num(1), pow(Num(1), 2, 5), 2 ** Num(1), divmod(Num(1), 2), divmod(2, Num(1)), round(Num(1)), round(Num(1), 2))
import math
print(math.trunc(Num(1)), math.floor(Num(1)), math.ceil(Num(1)), int(Num(1)), float(Num(1)), complex(Num(1)))
class CM:
    def __eq__(self, o): return "eqresult"
print(CM() == 1, CM() != 1)
class H:
    def __hash__(self): return 42
print(hash(H()), {H(): 1}.__len__())
class GetItem:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i
print(list(GetItem()), 2 in GetItem(), list(reversed([1, 2])))
class Iter:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(list(Iter()))
class Ctx:
    def __enter__(self): raise ValueError("enter fail")
    def __exit__(self, *a): print("never"); return True
try:
    with Ctx(): pass
except ValueError as e: print(e)
print(type.__name__, object.__name__, A.__init__.__qualname__, A.__module__, A.__name__, A.__class__)
class WithClassGetitem:
    __class_getitem__ = classmethod(lambda cls, i: (cls.__name__, i))
print(WithClassGetitem[int])
class SetName:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
class Owner:
    a = SetName()
    b = SetName()
T = type("T", (), {"s": SetName()})
