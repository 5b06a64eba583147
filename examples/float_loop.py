# A float arithmetic loop: numerically integrates sin-like motion of a damped spring and sums a
# series, printing results with fixed precision.
#
#     krait examples/float_loop.py [iterations]
#
# iterations default to 8000000 (about a second under CPython).
import sys


def spring(iterations):
    # Semi-implicit Euler for x'' = -k x - c x'.
    k, c, dt = 4.0, 0.02, 0.0001
    x, v = 1.0, 0.0
    peak = 0.0
    for _ in range(iterations):
        v += (-k * x - c * v) * dt
        x += v * dt
        if x > peak:
            peak = x
    return x, v, peak


def leibniz(terms):
    # pi / 4 = 1 - 1/3 + 1/5 - ...
    total = 0.0
    sign = 1.0
    denominator = 1.0
    for _ in range(terms):
        total += sign / denominator
        sign = -sign
        denominator += 2.0
    return 4.0 * total


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 8000000
    x, v, peak = spring(iterations)
    print("x = %.9f, v = %.9f, peak = %.9f, energy = %.6e" % (x, v, peak, 0.5 * v * v + 2.0 * x * x))
    print("pi ~ %.9f" % leibniz(iterations // 2))


main()
