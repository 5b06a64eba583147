# NaNs made by float arithmetic, in interpreted and compiled code: their sign (the hardware's
# default NaN of an invalid operation), how they print, pack and compare, and that they stay
# floats when they flow through loops, lists and further arithmetic.
import math
import struct

inf = float("inf")


def make(n):
    results = []
    x = 0.0
    for i in range(n):
        a = inf - inf
        b = inf * 0.0
        c = -(inf - inf)
        d = a + 1.0
        e = float("nan") * 2.0
        f = (i * 0.0) * inf
        x = x + a
        results.append((a, b, c, d, e, f, x))
    return results


def describe(value):
    return (
        repr(value),
        math.isnan(value),
        math.copysign(1.0, value),
        struct.pack("<d", value).hex(),
        value == value,
        value != value,
        type(value).__name__,
        bool(value),
    )


for round_number in range(300):
    rows = make(8)
for row in rows[-1:]:
    for value in row:
        print(describe(value))
print(describe(float("nan")), describe(-float("nan")))
print(sorted([1.0, rows[0][0], 0.5])[1:], max(2.0, 3.0), min([rows[0][1], 1.0]) == 1.0)
print(math.copysign(1.0, inf - inf), math.copysign(1.0, -(inf - inf)))
counts = {}
for row in rows:
    for value in row:
        counts[math.isnan(value)] = counts.get(math.isnan(value), 0) + 1
print(counts)
