# __index__: objects that stand for ints wherever Python takes an index or a count.
class N:
    def __index__(self): return 3
n = N()
for f in [lambda: [0,1,2,3,4][n], lambda: b"abcd"[n], lambda: range(10)[n], lambda: range(n), lambda: "ab"*n, lambda: [1]*n, lambda: n*[1], lambda: (5).to_bytes(n, "big"), lambda: round(1.23456, n), lambda: bytes(n), lambda: bytearray(n), lambda: "abc".center(n+2) if False else 0, lambda: [1,2,3,4].pop(n), lambda: int(n), lambda: range(0, 10, n), lambda: "abc"[:n], lambda: list(range(10))[::n], lambda: __import__("operator").index(n), lambda: [1,2,3].insert(n, 0)]:
    try: print(f())
    except Exception as e: print("!!", type(e).__name__, e)
class Num:
    def __init__(self, v): self.v = v
    def __pow__(self, exponent, modulus=None): return ("pow", self.v, exponent, modulus)
print(pow(Num(2), 3, 5), pow(Num(2), 3), Num(2) ** 4)
class Bad:
    def __index__(self): return "x"
try:
    [1][Bad()]
except TypeError as error:
    print("TypeError:", error)
try:
    pow(object(), 2, 3)
except TypeError as error:
    print("TypeError:", error)
