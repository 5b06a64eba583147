import math
for name in ["acosh", "asinh", "atanh", "cbrt", "ulp"]:
    f = getattr(math, name)
    for x in [0.0, 0.5, 1.0, 2.0, -1.0, 1e300, -8.0, 27.0, float("inf"), float("nan"), 5e-324, 1e-310]:
        try:
            print(name, x, f(x))
        except (ValueError, OverflowError) as e:
            print(name, x, type(e).__name__, e)
for x, y in [(1.0, 2.0), (1.0, 0.0), (0.0, -1.0), (5.0, 3.0), (-5.0, 3.0), (5.5, 2.0), (float("inf"), 1.0), (1.0, float("inf")), (3.0, 0.0), (7.5, -2.0), (2.5, 1.0), (3.5, 1.0)]:
    for name in ["nextafter", "remainder"]:
        try:
            print(name, x, y, getattr(math, name)(x, y))
        except (ValueError, OverflowError) as e:
            print(name, x, y, type(e).__name__, e)
print(sorted(n for n in dir(math) if not n.startswith("_")))
