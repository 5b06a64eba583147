# A float arithmetic loop: the midpoint rule for the integral of 4 / (1 + x^2) over [0, 1]
# (which is pi), then a damped spring integrated with semi-implicit Euler.
#
# Pure float multiply, add and divide in tight loops, with int-to-float mixing in the first.
# The integral is checked against math.pi and the spring against its energy budget (damping can
# only remove energy).
import math
import sys

STEPS = 6000000


def integrate_pi(n):
    h = 1.0 / n
    total = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        total += 4.0 / (1.0 + x * x)
    return total * h


def spring(n):
    k, c, dt = 4.0, 0.02, 0.0001
    x, v = 1.0, 0.0
    peak = 0.0
    for _ in range(n):
        v += (-k * x - c * v) * dt
        x += v * dt
        if x < peak:
            peak = x
    return x, v, peak


def main():
    pi = integrate_pi(STEPS)
    if abs(pi - math.pi) > 1e-9:
        sys.exit(f"float_loop: integral gave {pi!r}, too far from pi")
    x, v, trough = spring(STEPS)
    energy = 0.5 * v * v + 0.5 * 4.0 * x * x
    if not (0.0 < energy < 2.0) or not (-1.0 < trough < 0.0):
        sys.exit(f"float_loop: spring energy {energy!r} / trough {trough!r} out of bounds")
    print("pi = %.12f, x = %.9f, v = %.9f, trough = %.9f" % (pi, x, v, trough))


main()
