# Spectral norm (after the Computer Language Benchmarks Game): the largest singular value of the
# infinite matrix A[i][j] = 1 / ((i + j)(i + j + 1) / 2 + i + 1), by power iteration on A^T A.
#
# Nested loops of integer index arithmetic, int-to-float division and float accumulation. The
# norm converges to 1.2742241528...; the check is that the truncated problem lands within 1e-6
# of it and that the Rayleigh quotient stays below the limit from above.
import math
import sys

N = 400
LIMIT = 1.2742241528


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(i, j) * u[j]
        result.append(total)
    return result


def times_a_transposed(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(j, i) * u[j]
        result.append(total)
    return result


def times_ata(u):
    return times_a_transposed(times_a(u))


def main():
    u = [1.0] * N
    v = u
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for i in range(N):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    norm = math.sqrt(vbv / vv)
    if abs(norm - LIMIT) > 1e-6 or norm > LIMIT + 1e-10:
        sys.exit(f"spectral_norm: {norm!r} is not close enough to {LIMIT}")
    print("%.9f" % norm)


main()
