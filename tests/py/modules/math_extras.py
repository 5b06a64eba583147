# Less common math functions: isqrt, trunc, tau, fabs, copysign, fmod, modf, frexp, ldexp, lcm, comb, perm, prod.
import math
print(math.tau, math.isqrt(99), math.isqrt(10 ** 30), math.trunc(-3.9), math.trunc(3.9))
print(math.fabs(-3), math.copysign(2, -0.0), math.copysign(-5, 1), math.pow(2, 10), math.fmod(-7, 3), -7 % 3)
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.lcm(4, 6), math.comb(10, 3), math.comb(100, 50), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.dist((0, 0), (3, 4)))
