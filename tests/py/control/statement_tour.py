# Statements: with (several items, suppression), match (every pattern kind), walrus, starred
# unpacking, del forms, try/finally with return/break/continue, assert, except*, scopes.
class CM:
    def __init__(self, n, sup=False): self.n, self.sup = n, sup
    def __enter__(self): print("enter", self.n); return self.n
    def __exit__(self, t, v, tb): print("exit", self.n, t.__name__ if t else None); return self.sup
with CM(1) as a, CM(2, True) as b:
    raise KeyError(a + b)
with (CM(3) as a,
      CM(4) as b):
    print(a, b)
def m(x):
    match x:
        case 0 | 1: return "small"
        case [1, 2, *rest]: return f"list {rest}"
        case {"k": v, **kw}: return f"map {v} {kw}"
        case str() as s if len(s) > 2: return f"str {s}"
        case Pt(x=0, y=yy): return f"pt y={yy}"
        case Pt(a, b): return f"pt {a} {b}"
        case (p, q): return f"pair {p} {q}"
        case Color.RED: return "red"
        case float(f): return f"float {f}"
        case None: return "none"
        case _: return "other"
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class Color:
    RED = "r"
for v in [0, 1, [1, 2, 3, 4], {"k": 1, "z": 2}, "abc", "ab", Pt(0, 5), Pt(1, 2), (7, 8), "r", 2.5, None, object]:
    print(m(v))
if (n := 10) > 5: print(n)
print([y for x in range(5) if (y := x * 2) > 4], y)
a, *b, c = range(6); print(a, b, c)
print(*[1, 2], *"ab", **{}) if False else print([*range(3), *"xy"], {**{'a': 1}, 'b': 2}, {*"ab"} == {"a", "b"})
x = [1, 2, 3, 4]; del x[1:3]; print(x)
d = {'a': 1}; del d['a']
class O: pass
o = O(); o.z = 1; del o.z
g = 5; del g
try: g
except NameError as e: print(e)
def f():
    try: return 1
    finally: print("finally")
print(f())
def f2():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally: print("fin", i)
    return i
print(f2())
def f3():
    try: return 1
    finally: return 2
print(f3())
try: assert 1 == 2, "msg here"
except AssertionError as e: print(e.args)
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e: print("V", e.exceptions)
except* TypeError as e: print("T", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError: print("handled V")
except ExceptionGroup as e: print("left", e.exceptions)
def fl():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
print(fl()())
global_var = 0
def gv():
    global global_var
    global_var += 1
gv(); print(global_var)
print(1 if 0 else 2, not 1, 1 < 2 < 3, 3 > 2 > 5)
for i in range(2): pass
else: print("else")
while False: pass
else: print("welse")
lam = lambda *a, k=1, **kw: (a, k, kw); print(lam(1, 2, k=3, z=4))
def po(a, b, /, c, *, d): return a, b, c, d
print(po(1, 2, c=3, d=4))
try: po(a=1, b=2, c=3, d=4)
except TypeError as e: print(e)
