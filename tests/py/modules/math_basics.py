# math: constants, sqrt, floor, ceil, gcd, factorial, isnan, isinf, fsum.
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5), math.ceil(7))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(-0.5))
print(math.gcd(12, 18), math.gcd(17, 5), math.gcd(0, 9), math.gcd(-24, 36), math.gcd(2 ** 100, 6 ** 50))
print(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(30))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.isfinite(1.0), math.isfinite(math.nan), math.nan == math.nan, math.inf > 10 ** 300)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
from math import sqrt, pi as PI
print(sqrt(81), PI == math.pi)
