# The dispatch loop's inline arithmetic: every binary operator on small ints, floats and a float
# mixed with an int, at the edges (the inline int range, i64 overflow, zero divisors, negative
# shifts, signed zeros, overflowing powers), and sites that see other types after warming up.

EDGE = 2 ** 47


def apply(op, a, b):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    if op == "//":
        return a // b
    if op == "%":
        return a % b
    if op == "**":
        return a ** b
    if op == "<<":
        return a << b
    if op == ">>":
        return a >> b
    if op == "&":
        return a & b
    if op == "|":
        return a | b
    if op == "^":
        return a ^ b


def show(op, a, b):
    try:
        result = apply(op, a, b)
    except Exception as error:
        result = f"{type(error).__name__}: {error}"
    print(f"{a!r} {op} {b!r} = {result!r}")


ints = [0, 1, -1, 7, -7, 3, -3, EDGE - 1, -EDGE, EDGE, 2 ** 62, -(2 ** 63), 2 ** 70]
for op in ["+", "-", "*", "//", "%", "/", "&", "|", "^"]:
    for a in ints:
        for b in [3, -3, 1, -1, 0, EDGE - 1, -EDGE]:
            show(op, a, b)
for a in [1, -1, 5, -5, EDGE - 1, -EDGE, 2 ** 40]:
    for b in [0, 1, 2, 7, 8, 23, 24, 40, 62, 63, 64, 100, -1]:
        show("<<", a, b)
        show(">>", a, b)
for a in [0, 1, -1, 2, -2, 3, 10, -10, 2 ** 20]:
    for b in [0, 1, 2, 3, 5, 10, 40, 63, -1, -2]:
        show("**", a, b)

floats = [0.0, -0.0, 1.5, -1.5, 7.25, -7.25, 1e308, -1e308, float("inf"), float("nan")]
for op in ["+", "-", "*", "/", "//", "%", "**"]:
    for a in floats:
        for b in [2.0, -2.0, 0.0, -0.0, 0.5, 1e-320, float("inf")]:
            show(op, a, b)
for a in [2.0, 10.0, 0.5, 1e10, -8.0, -2.0, 0.0]:
    for b in [0.5, -1.5, 3.0, 400.0, -400.0, 1 / 3]:
        show("**", a, b)

for op in ["+", "-", "*", "/", "//", "%", "**"]:
    for a, b in [(3, 0.5), (0.5, 3), (-7, 2.0), (7.5, -2), (0, 0.0), (0.0, 0), (EDGE, 1.5), (True, 2.5), (2.5, False)]:
        show(op, a, b)

for a, b in [(1, 1.0), (2, 1.5), (-1, -1.0), (EDGE, float(EDGE)), (3, float("nan")), (2 ** 60, 2.0 ** 60), (2 ** 60 + 1, 2.0 ** 60)]:
    print(a < b, a <= b, a == b, a != b, a > b, a >= b, b < a, b == a)

for value in [0, 5, -5, EDGE, -EDGE, EDGE - 1, 2 ** 70, 1.5, -0.0, True, False]:
    print(repr(-value), repr(~value) if not isinstance(value, float) else "-")


# One site warmed up on ints, then given other types.
def add_all(pairs):
    return [a + b for a, b in pairs]


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))

    def __radd__(self, other):
        return Money(other + self.cents)

    def __repr__(self):
        return f"Money({self.cents})"


class Count(int):
    def __add__(self, other):
        return Count(int(self) + int(other) + 1000)


class Ratio(float):
    def __sub__(self, other):
        return "ratio minus"


print(add_all([(i, i) for i in range(3)] * 200)[:3])
print(add_all([(1, 2), (1.5, 2), (2, 1.5), ("a", "b"), ([1], [2]), (EDGE, EDGE), (Money(5), 3), (4, Money(1)), (Count(1), 2), (2, Count(1)), (True, True)]))
print(Ratio(2.5) - 1.0, 5.0 - Ratio(1.0), -Count(3), ~Count(3))
total = 0
for i in range(1000):
    total += i % 7 - i // 3 + (i << 2) - (i >> 1) + (i & 5) + (i | 2) + (i ^ 3)
print(total)
x = 1.0
for i in range(1, 500):
    x = x * 1.0001 + i / 7 - i // 3 * 0.5 + i % 5
print(repr(x))
