# Compiled arithmetic keeps intermediate ints and floats unboxed within a block and reuses a
# local's unboxed value after its first check. Chains whose operands change type, overflow the
# inline int range part-way, or produce NaN, infinities and negative zero must give exactly the
# interpreter's results, including after a deopt in the middle of a chain.
import math


def poly(x, y):
    a = x * x + y
    b = a * 3 - x
    c = (a + b) * (a - b) // 7 + a % 5
    return c - x + y


def run_poly(pairs):
    return [poly(x, y) for x, y in pairs]


ints = [(i, i * 3 - 7) for i in range(-50, 50)]
for _ in range(60):
    run_poly(ints)
print(sum(run_poly(ints)))
print(run_poly([(2**20, 5), (2**23, -1), (2**40, 2**40), (3, 2.5), (1.5, True)]))


def float_chain(x, y):
    t = x * 2.0 + y
    u = t * t - x
    v = u / (t - y) if t != y else -0.0
    return t, u, v


def run_float(values):
    out = []
    for x, y in values:
        out.append(float_chain(x, y))
    return out


floats = [(i / 7, i / 3) for i in range(1, 200)]
for _ in range(30):
    run_float(floats)
print(sum(sum(triple) for triple in run_float(floats)))
specials = [
    (math.inf, 1.0),
    (-math.inf, math.inf),
    (math.nan, 2.0),
    (0.0, -0.0),
    (-0.0, 0.0),
    (1e308, 1e308),
    (3, 4),
    (2**60, 1.0),
]
for result in run_float(specials):
    # (The sign of a NaN is not compared: krait keeps one canonical NaN.)
    signs = [math.copysign(1.0, value) if value == value else "nan" for value in result]
    print([repr(value) for value in result], signs)


def nan_signs(count):
    results = []
    for i in range(count):
        a = math.inf - math.inf
        b = -a
        c = b * 1.0
        results.append(repr(c))
    return results


print(sorted(set(nan_signs(3000))))


def reuse_after_guard(values):
    total = 0
    for value in values:
        doubled = value + value
        total += doubled * value - value
    return total


print(reuse_after_guard(list(range(3000))))
print(reuse_after_guard([1, 2, 3.5, 4, 2**46, 2**47, -(2**47)]))
print(reuse_after_guard([1.0, 2, "x"] if False else [1.0, 2, 3]))
try:
    reuse_after_guard([1, 2, "x"])
except TypeError as error:
    print("TypeError:", error)


def negation_chain(n):
    total = 0.0
    x = 1.5
    for i in range(n):
        x = -x * 1.0001
        total += -x
    return total


print(negation_chain(3000))
