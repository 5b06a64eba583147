# Float `**` compiled as a direct call to the C library's pow on unboxed floats, for a positive
# finite base and a finite exponent with a finite result. Every other case deopts to the
# interpreter after the loop is compiled: a negative base (a complex result), zero and -0.0,
# infinities, NaN, an overflowing result (OverflowError), and ints turning up.

def roots(values, exponent):
    total = 0.0
    for v in values:
        total += v ** exponent
    return total

floats = [x * 0.25 + 0.125 for x in range(3000)]
print(roots(floats, 0.5), roots(floats, 1.5), roots(floats, -2.0))
print(roots(floats + [-4.0], 0.5))
print(roots(floats + [0.0, -0.0], 0.5), roots([0.0, -0.0] * 2000, 3.0))
print(roots(floats + [float("inf")], 0.5), roots(floats + [float("inf")], -1.0))
print(roots(floats + [float("nan")], 0.5), roots(floats, float("nan")))
print(roots([0.5] * 3000, float("inf")), roots([2.0] * 3000, float("-inf")))
try:
    roots(floats + [1e300], 2.0)
except OverflowError as error:
    print("OverflowError", error)
print(roots(list(range(1, 3000)), 0.5), roots(floats, 2))

def distance_sum(points):
    total = 0.0
    for x, y in points:
        d2 = x * x + y * y
        total += d2 * d2 ** 0.5
    return total

points = [(i * 0.5, i * -0.25) for i in range(2000)]
for attempt in range(3):
    print(distance_sum(points))
print(distance_sum(points + [(float("nan"), 1.0)]), distance_sum([(-0.0, 0.0)] * 2000))
