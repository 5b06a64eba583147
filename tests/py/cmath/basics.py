# cmath on ordinary values: every function, branch cuts, errors and argument conversion.
import cmath

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan)
print(repr(cmath.infj), repr(cmath.nanj), type(cmath.infj).__name__)
print(sorted(name for name in dir(cmath) if not name.startswith("_")))

values = [0j, 1, -1, 2.5, -0.5, 1j, -1j, 3 + 4j, -3 + 4j, 0.3 - 0.7j, -2 - 1e-3j,
          1e-8 + 1e-8j, 1e5 - 2e5j, 0.99 + 0.1j, 1 + 1e-20j, 700 + 1j]
names = ["exp", "log", "log10", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan",
         "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "phase", "polar"]
for name in names:
    function = getattr(cmath, name)
    for z in values:
        try:
            result = function(z)
        except (ValueError, OverflowError) as error:
            result = "%s: %s" % (type(error).__name__, error)
        print(name, repr(z), repr(result))

# Branch cuts: the sign of a zero component picks the side.
for name in ["sqrt", "log", "asin", "acos", "atanh", "acosh", "asinh", "atan"]:
    function = getattr(cmath, name)
    for z in [complex(-2, 0.0), complex(-2, -0.0), complex(2, 0.0), complex(2, -0.0),
              complex(0.0, 2), complex(-0.0, 2), complex(0.0, -2), complex(-0.0, -2)]:
        print(name, repr(z), repr(function(z)))

for base in [2, 10, 0.5, 1j, -2, 2 + 1j]:
    print("log base", repr(base), repr(cmath.log(8 + 1j, base)), repr(cmath.log(0, base)))
print(repr(cmath.log(100)), repr(cmath.log10(1000)), repr(cmath.log10(-1e-3j)))

for r, phi in [(1, 0), (2, cmath.pi / 3), (1, -0.0), (-1, 0.0), (0, 1), (3, -2.5), (1e308, 0.7)]:
    print("rect", r, phi, repr(cmath.rect(r, phi)))
for z in [1 + 1j, -1, 1e308 + 1e308j, complex(-1, -0.0)]:
    print("polar", repr(z), repr(cmath.polar(z)), repr(cmath.phase(z)))

for text in ["cmath.log(0)", "cmath.log(0j)", "cmath.log(1, 1)", "cmath.log(1+1j, 0)",
             "cmath.atanh(1)", "cmath.atanh(-1)", "cmath.exp(1000)", "cmath.exp(710+1j)",
             "cmath.cosh(1000)", "cmath.sinh(-1000j+1000)", "cmath.sin(1000j)",
             "cmath.rect(1, float('inf'))", "cmath.sqrt('a')", "cmath.exp(None)",
             "cmath.log(1, 'x')", "cmath.phase([])", "cmath.rect(1j, 0)", "cmath.exp(10**400)",
             "cmath.sqrt(10**300)"]:
    try:
        print(text, repr(eval(text)))
    except Exception as error:
        print(text, type(error).__name__, error)

# Classification and isclose.
for z in [1, 1j, complex("inf"), complex(1, float("nan")), complex(float("-inf"), 1)]:
    print("classify", repr(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
for a, b, options in [(1, 1 + 1e-10, {}), (1, 1.1, {}), (1, 1.1, {"rel_tol": 0.2}),
                      (0, 1e-10j, {}), (0, 1e-10j, {"abs_tol": 1e-9}), (1j, 1.0000000001j, {}),
                      (cmath.inf, cmath.inf, {}), (cmath.inf, 1e308, {}),
                      (cmath.nan, cmath.nan, {}), (1 + 1j, 1 + 1.00000000001j, {"rel_tol": 0.0})]:
    print("isclose", repr(a), repr(b), options, cmath.isclose(a, b, **options))
for options in [{"rel_tol": -1}, {"abs_tol": -1e-9}, {"rel_tol": "x"}]:
    try:
        print(cmath.isclose(1, 2, **options))
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)


# Arguments: __complex__ first, then __float__, then __index__; subclasses are their value.
class HasComplex:
    def __complex__(self):
        return 3 + 4j


class HasFloat:
    def __float__(self):
        return 2.25


class HasIndex:
    def __index__(self):
        return 9


class HasBoth:
    def __complex__(self):
        return 1j

    def __float__(self):
        return 9.0


class BadComplex:
    def __complex__(self):
        return 1.5


class BadFloat:
    def __float__(self):
        return 1


class FloatSubclass(float):
    def __float__(self):
        return 100.0


for argument in [True, 7, 2.5, HasComplex(), HasFloat(), HasIndex(), HasBoth(),
                 FloatSubclass(4.0), BadComplex(), BadFloat(), "1", b"1", None, [1]]:
    try:
        print(type(argument).__name__, repr(cmath.sqrt(argument)), repr(cmath.rect(argument, 0)))
    except TypeError as error:
        print(type(argument).__name__, "TypeError", error)
