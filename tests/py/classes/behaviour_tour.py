# Class and function behaviour programs rely on: __eq__ without __hash__, __getattr__ fallbacks
# (also after a property raises AttributeError), name mangling, __new__, builtin subclasses,
# iteration protocols, argument errors, function attributes, closures, unpacking.
class A:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"A({self.x!r})"
    def __eq__(self, o): return isinstance(o, A) and self.x == o.x
    __hash__ = None
print([A(1)] == [A(1)], A(1) in [A(1)], [A(1)].index(A(1)))
try: {A(1)}
except TypeError as e: print(e)
class B:
    def __getattr__(self, name):
        if name.startswith("_"): raise AttributeError(name)
        return name.upper()
b = B(); print(b.foo, getattr(b, "bar"), hasattr(b, "_x"))
class C:
    def __init__(self): self.__private = 1
    def get(self): return self.__private
c = C(); print(c.get(), c._C__private, hasattr(c, "__private"))
class D:
    count = 0
    def __new__(cls, *args):
        cls.count += 1
        return super().__new__(cls)
    def __init__(self, v): self.v = v
D(1); D(2); print(D.count)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None: cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class E:
    def __init__(self): return None
try:
    class F:
        def __init__(self): return 1
    F()
except TypeError as e: print(e)
class G:
    @property
    def p(self): raise AttributeError("inner")
    def __getattr__(self, n): return f"fallback {n}"
print(G().p)
class H:
    x = 1
h = H(); h.x = 2; del h.x; print(h.x)
try: del h.x
except AttributeError as e: print(e)
print(H.__dict__["x"], "x" in vars(H))
class I(dict):
    def __getitem__(self, k): return super().__getitem__(k) * 2
i = I(a=1); print(i["a"], i.get("a"), dict(i))
class J(list):
    def __init__(self, *a): super().__init__(*a); self.extra = True
j = J([1, 2]); print(j, j.extra, j + [3], type(j[:1]).__name__, len(j))
class K:
    def __iter__(self): yield from range(3)
print(list(K()), sum(K()), [*K()], dict.fromkeys(K()))
class L:
    def __len__(self): return 5
    def __getitem__(self, i):
        if i >= 5: raise IndexError
        return i
print(list(L()), len(L()), 3 in L(), list(reversed(L())))
def f(*, a, b=2, **kw): return a, b, kw
print(f(a=1, c=3))
try: f(1)
except TypeError as e: print(e)
try: f()
except TypeError as e: print(e)
def g(a, b, /, c=3): return a, b, c
try: g(1, b=2)
except TypeError as e: print(e)
def h(a, b): pass
try: h(1, 2, 3)
except TypeError as e: print(e)
try: h(1, a=2)
except TypeError as e: print(e)
try: h(1, c=2)
except TypeError as e: print(e)
print((lambda: 1).__name__, f.__defaults__, f.__kwdefaults__, g.__code__.co_argcount, h.__code__.co_varnames)
def deco(fn):
    import functools
    @functools.wraps(fn)
    def wrapper(*a, **k): return fn(*a, **k)
    return wrapper
@deco
def documented():
    "docstring"
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
x = 5
def outer():
    x = 10
    def inner(): return x
    return inner
print(outer()(), outer().__closure__[0].cell_contents)
print([i for i in range(3) for j in range(i)], {k: v for k, v in zip("ab", [1, 2])}, {i % 2 for i in range(5)})
a, (b, c), *d = 1, (2, 3), 4, 5; print(a, b, c, d)
first, *_, last = "hello"; print(first, last)
print(*range(3), sep="-", end="!\n")
