# CPython's messages for TypeError.
def show(f):
    try:
        f()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: 1.5 - "x")
show(lambda: [1] + (2,))
show(lambda: None + 1)
show(lambda: "a" * "b")
show(lambda: [1] * 2.0)
show(lambda: 1 < "a")
show(lambda: [1] > 1)
show(lambda: {} <= {})
show(lambda: len(5))
five, text, nothing, floaty, word = 5, "text", None, 1.0, "x"
show(lambda: five())
show(lambda: text())
show(lambda: five[0])
show(lambda: nothing[0])
show(lambda: {[]: 1})
show(lambda: {{}})
show(lambda: hash([]))
show(lambda: int(None))
show(lambda: int([1]))
show(lambda: iter(5))
show(lambda: next([1]))
show(lambda: -"a")
show(lambda: ~1.5)
show(lambda: text[floaty])
show(lambda: [1, 2][word])
show(lambda: sum(["a", "b"]))
show(lambda: abs("x"))
show(lambda: ord("ab"))
show(lambda: sorted([3, "a", 1]))
def f(a, b):
    return a + b
show(lambda: f(1))
show(lambda: f(1, 2, 3))
show(lambda: f(1, c=2))
show(lambda: f(1, 2, a=3))
def g(*, key):
    return key
show(lambda: g(1))
show(lambda: g())
class C:
    def method(self, x):
        return x
show(lambda: C().method())
show(lambda: C(1))
def t():
    a, b = 1
show(t)
