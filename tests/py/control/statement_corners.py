# try/finally with return/break/continue, match with every pattern kind and guards, scopes,
# comprehensions, assignment forms, augmented assignment, del and assert.
def f1():
    try: raise ValueError
    finally: return "finally wins"
print(f1())
def f2():
    for i in range(3):
        try: raise KeyError(i)
        finally: break
    return i
print(f2())
def f3():
    x = 0
    while True:
        try:
            x += 1
            if x < 3: continue
            return x
        finally:
            print("f", x)
print(f3())
def order():
    try:
        print("try")
    except Exception:
        print("no")
    else:
        print("else")
    finally:
        print("finally")
order()
class P:
    __match_args__ = ("a", "b")
    def __init__(self, a, b): self.a, self.b = a, b
def m(v):
    match v:
        case P(1, b=2): return "P12"
        case P(a=P() as inner): return f"nested {inner.a}"
        case [P(), *rest] if rest: return f"Plist {len(rest)}"
        case {"type": "x", **rest} if not rest: return "exact x"
        case {"type": t}: return f"type {t}"
        case [1, [2, *inner], *_]: return f"deep {inner}"
        case (1 | 2 | 3) as small: return f"small {small}"
        case str(s) | bytes(s): return f"strish {s!r}"
        case int(n) if n > 100: return "big"
        case bool(): return "bool"
        case -1: return "minus one"
        case 1.5: return "float"
        case 2+3j: return "complex"
        case None | True: return "singleton"
        case _: return "default"
for v in [P(1, 2), P(P(7, 0), 0), [P(0, 0), 1], {"type": "x"}, {"type": "y", "z": 1}, [1, [2, 3, 4], 5], 2, "s", b"b", 500, -1, 1.5, 2+3j, None, True, object]:
    print(m(v))
match 5:
    case x if x > 10: print("gt")
    case x: print("bound", x)
try:
    match P(1, 2):
        case P(1, 2, 3): pass
except TypeError as e: print(e)
import collections
match collections.OrderedDict(a=1):
    case {"a": 1}: print("mapping ok")
match range(3):
    case [0, 1, 2]: print("range is a sequence")
match "abc":
    case [*_]: print("str is a sequence?!")
    case _: print("str is not a sequence")
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        def innermost():
            nonlocal x
            x *= 10
        innermost()
    inner()
    return x
print(outer())
counter = 0
def bump():
    global counter
    counter += 1
    def nested():
        global counter
        counter += 10
    nested()
bump(); print(counter)
print([(x, y) for x in range(3) if x for y in range(x) if y != 1])
gen = ((a, b) for a in "ab" for b in "cd"); print(list(gen))
data = {"a": [1, 2], "b": [3]}
print({k: [v * 2 for v in vs] for k, vs in data.items()}, [*data, *data.values()])
first, second = "ab"; (a, b), c = "xy", 3; [d, e] = (4, 5); print(first, second, a, b, c, d, e)
i = 0; l = [0, 0]; i, l[i] = 1, 9; print(i, l)
x = y = z = []; x.append(1); print(y, z is x)
n = 10; n //= 3; n **= 2; n %= 5; n <<= 3; n |= 1; n ^= 2; n &= 0xff; n >>= 1; print(n)
s = "a"; s *= 3; s += "b"; print(s)
t = (1,); t += (2,); print(t)
del (a), [b]
try: print(a)
except NameError as e: print(e)
lst = [1, 2, 3, 4]; del lst[0], lst[-1]; print(lst)
assert True, "never"
try: assert 1 > 2, f"computed {1 + 1}"
except AssertionError as e: print(e.args)
