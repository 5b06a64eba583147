# Mandelbrot: escape-time iteration over a grid of the complex plane, with plain floats.
#
# A tight float loop with an early exit. The grid's rows are placed symmetrically about the
# real axis (y = k * step exactly), and the set is symmetric under conjugation, so every
# row must have the same escape total as its mirror; that and the totals (as CPython 3.11 and
# the C version compute them) are checked.
import sys

WIDTH = 480
HEIGHT = 361  # odd: the middle row lies on the real axis
MAX_ITER = 300
EXPECTED = (40514, 13036512)  # points inside, total iterations


def escape_time(cr, ci):
    zr = 0.0
    zi = 0.0
    for i in range(MAX_ITER):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return MAX_ITER


def main():
    step = 2.5 / (HEIGHT - 1)
    half = (HEIGHT - 1) // 2
    row_totals = []
    inside = 0
    for row in range(HEIGHT):
        ci = (row - half) * step
        total = 0
        for col in range(WIDTH):
            cr = -2.0 + col * (2.6 / WIDTH)
            n = escape_time(cr, ci)
            if n == MAX_ITER:
                inside += 1
            total += n
        row_totals.append(total)
    for row in range(HEIGHT):
        if row_totals[row] != row_totals[HEIGHT - 1 - row]:
            sys.exit(f"mandelbrot: row {row} is not the mirror of row {HEIGHT - 1 - row}")
    grand = sum(row_totals)
    if (inside, grand) != EXPECTED:
        sys.exit(f"mandelbrot: got {(inside, grand)}, expected {EXPECTED}")
    print(f"mandelbrot {WIDTH}x{HEIGHT}: {inside} points inside, {grand} iterations")


main()
