# cmath with infinite, nan and zero components (C99 Annex G, as CPython implements it).
import cmath

inf = float("inf")
nan = float("nan")
parts = [-inf, -2.5, -0.0, 0.0, 2.5, inf, nan]
names = ["exp", "log", "log10", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan",
         "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "phase", "polar"]
for name in names:
    function = getattr(cmath, name)
    for x in parts:
        row = []
        for y in parts:
            try:
                row.append(repr(function(complex(x, y))))
            except (ValueError, OverflowError) as error:
                row.append(type(error).__name__)
        print(name, x, " ".join(row))
for r in parts:
    row = []
    for phi in parts:
        try:
            row.append(repr(cmath.rect(r, phi)))
        except (ValueError, OverflowError) as error:
            row.append(type(error).__name__)
    print("rect", r, " ".join(row))
# Near overflow and underflow: scaled formulas keep full precision.
for z in [complex(1e308, 1e308), complex(-1e308, 5), complex(5e-324, 5e-324),
          complex(1e-310, -1e-310), complex(710, 0.5), complex(-710, 0.5), complex(1, 1e-200)]:
    for name in ["sqrt", "log", "exp", "atanh", "asinh", "acos", "tanh", "cosh"]:
        try:
            print(name, repr(z), repr(getattr(cmath, name)(z)))
        except (ValueError, OverflowError) as error:
            print(name, repr(z), type(error).__name__, error)
# The C library reports atan2 underflowing to zero as a range error.
for z in [complex(1e300, 1e-300), complex(1e300, 0.0), complex(-1e300, 1e-300), complex(1, 1e-310)]:
    try:
        print("phase", repr(z), repr(cmath.phase(z)))
    except OverflowError as error:
        print("phase", repr(z), "OverflowError", error)
