import math
import numbers
from fractions import Fraction as F


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


print(F(3, 4), repr(F(3, 4)), F(6, 8), F(-6, 8), F(6, -8), F(0, 5), F(), F(7), F(F(1, 3)), F(F(1, 2), F(1, 3)))
print(F("3/4"), F(" -10/4 "), F("1.25"), F(".5"), F("1."), F("1e3"), F("-2.5e-2"), F("1_000.5"), F("+.5E+2"))
print(F(1.5), F(0.1), F(-0.0), F(2 ** 60), F(True, 2) if False else F(1, 2))
print(F(3, 4).numerator, F(3, 4).denominator, F(-3, 4).as_integer_ratio(), F.from_float(0.25), F.from_float(3))
show("zero denominator", lambda: F(1, 0))
show("zero denominator str", lambda: F("3/0"))
show("bad string", lambda: F("abc"))
show("spaces around slash", lambda: F("1 / 2"))
show("double underscore", lambda: F("1__0"))
show("inf", lambda: F(float("inf")))
show("nan", lambda: F(float("nan")))
show("list", lambda: F([1]))
show("float denominator", lambda: F(1, 2.0))
show("from_float str", lambda: F.from_float("x"))

a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 3), F(1, 2)), -a, +a, abs(F(-5, 3)))
print(a + 1, 1 + a, a - 1, 1 - a, 2 * a, a * 2, a / 2, 2 / a, a ** 2, a ** -2, F(-2) ** -3, 2 ** F(2))
print(a + 0.5, 0.5 + a, a * 1.5, a + 1j, F(4) ** F(1, 2), F(2, 3) ** F(2), F(1, 2) ** 0.5)
print(F(1, 3) % F(1, 4), -F(1, 3) % F(1, 4), divmod(F(-7, 3), 2), F(5) / 2, 3 / F(6), F(1, 2) * 2.0)
show("divide by zero", lambda: F(1, 2) / F(0))
show("zero to negative power", lambda: F(0) ** -1)
show("floordiv zero", lambda: F(7, 2) // 0)
print(F(1, 2) == F(2, 4), F(1, 2) == 0.5, F(1, 2) == 1, F(2) == 2, F(1, 3) == 1 / 3, F(1, 2) != F(1, 3))
print(F(1, 2) < F(2, 3), F(1, 3) < 0.34, F(1, 2) >= 0.5, F(3) > 2, F(1, 3) <= F(1, 3), 1 < F(3, 2))
print(F(1, 2) < float("inf"), F(1, 2) > float("-inf"), F(1, 2) == float("nan"), F(1, 2) < float("nan"))
print(sorted([F(1, 2), F(1, 3), 0.4, 1, F(-1)]), max(F(1, 7), F(1, 8)), sum([F(1, 2), F(1, 3), F(1, 6)]))
print(int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), float(F(1, 3)))
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1234, 100), -1), round(F(1234, 1000), 2), round(F(1, 3), 0))
print(bool(F(0)), bool(F(1, 9)), hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)))
print({F(1, 2): "half"}[0.5], {0.25: "q"}[F(1, 4)], len({F(2, 4), F(1, 2), 0.5}))
pi = F("3.1415926535897932")
print(pi.limit_denominator(10), pi.limit_denominator(100), pi.limit_denominator(1000), pi.limit_denominator())
print(F(10, 4).limit_denominator(1), F(1, 3).limit_denominator(5), F(-7, 13).limit_denominator(4))
print(F(0.1).limit_denominator(1000), F(math.pi).limit_denominator(30000))
show("limit_denominator 0", lambda: F(1, 3).limit_denominator(0))
print(isinstance(F(1, 2), numbers.Rational), isinstance(F(1, 2), numbers.Real), isinstance(F(1, 2), numbers.Integral))
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1.5, numbers.Rational))
print(isinstance(1j, numbers.Complex), isinstance(1j, numbers.Real), isinstance(True, numbers.Number), isinstance("1", numbers.Number))
print(issubclass(int, numbers.Number), issubclass(float, numbers.Integral), issubclass(F, numbers.Complex))
print(F(1, 3).real, F(1, 3).imag, F(1, 3).conjugate(), complex(F(1, 2)))
print(str(F(4, 2)), f"{F(1, 3)}", F(1, 3).__class__.__name__, F(2, 3) * F(3, 2) == 1)
total = F(0)
for k in range(1, 30):
    total += F(1, k * (k + 1))
print(total, F(1, 2) + F(1, 3) + F(1, 7) + F(1, 43), sum(F(1, 2 ** k) for k in range(1, 60)))


class MyNumber(numbers.Integral):
    pass


show("abstract", lambda: MyNumber())
print(sorted(numbers.Rational.__abstractmethods__)[:5], numbers.Number.__hash__)
