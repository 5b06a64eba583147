# super() in every form: zero-argument, explicit, in classmethods, properties, lambdas and
# comprehensions, cooperative multiple inheritance, builtin bases, and its errors.
class A:
    def who(self): return ["A"]
    @classmethod
    def cm(cls): return f"A.cm({cls.__name__})"
    @staticmethod
    def sm(): return "A.sm"
    @property
    def p(self): return "A.p"
    x = "A.x"
class B(A):
    def who(self): return ["B"] + super().who()
    @classmethod
    def cm(cls): return "B>" + super().cm()
    @property
    def p(self): return "B>" + super().p
class C(A):
    def who(self): return ["C"] + super().who()
class D(B, C):
    def who(self): return ["D"] + super().who()
    def via_explicit(self): return super(B, self).who()
    def lam(self): return (lambda: super(D, self).who())()
    def comp(self): return [super().who() for _ in range(1)]
    def x_attr(self): return super().x
print(D().who(), D().via_explicit(), D().lam(), D.cm(), D().p, D().x_attr())
print(super(D, D).cm(), super(B, D()).sm(), super(D, D()).__class__.__name__, super(D).__class__.__name__)
s = super(B, D()); print(s.who(), s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__)
def nested_fail():
    class E(A):
        def m(self):
            def inner(): return super().who()
            return inner()
    return E().m()
try: nested_fail()
except RuntimeError as e: print(e)
try: super(B, 1)
except TypeError as e: print(e)
try: super()
except RuntimeError as e: print(e)
class F(A):
    def __init__(self): super().__init__(); print("F init")
    def __repr__(self): return "F:" + super().__repr__()[:8]
print(repr(F()))
class G(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
    def __getitem__(self, k): return super().__getitem__(k) + 1
g = G(); g["a"] = 1; print(g["a"], dict(g), super(G, g).__getitem__("a"))
class H(int):
    def __new__(cls, v): return super().__new__(cls, v * 10)
    def __add__(self, o): return super().__add__(o) + 1000
print(H(2), H(2) + 1, type(H(2)).__name__)
class I(Exception):
    def __init__(self, msg): super().__init__(f"I: {msg}")
print(repr(I("x")), str(I("x")))
class J(list):
    def append(self, v): super().append(v); super().append(v)
j = J(); j.append(1); print(j)
