# Digits of pi with big integers, two ways: Gibbons' unbounded spigot (the streaming algorithm
# behind the Benchmarks Game's pidigits) and Machin's formula in fixed point,
# pi = 16 arctan(1/5) - 4 arctan(1/239), scaled by a power of ten.
#
# Arbitrary-precision multiply, add, floor division and comparison on numbers of thousands of
# digits. The two methods must agree on every digit, and the start must be the digits everyone
# knows.
import sys

DIGITS = 5000
KNOWN = "31415926535897932384626433832795028841971693993751058209749445923078164062862089986280"


def spigot(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (
                q * k,
                (2 * q + r) * x,
                t * x,
                k + 1,
                (q * (7 * k + 2) + r * x) // (t * x),
                x + 2,
            )
    return "".join(str(d) for d in digits)


def arctan_inverse(x, unity):
    # arctan(1/x) * unity, by the alternating series.
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total


def to_decimal(value):
    # str() of an int over 4300 digits is refused since CPython 3.11: convert in chunks.
    chunk = 10 ** 1000
    parts = []
    while value >= chunk:
        value, low = divmod(value, chunk)
        parts.append(str(low).zfill(1000))
    parts.append(str(value))
    return "".join(reversed(parts))


def machin(n):
    guard = 10
    unity = 10 ** (n + guard)
    pi = 4 * (4 * arctan_inverse(5, unity) - arctan_inverse(239, unity))
    return to_decimal(pi // 10 ** (guard + 1))


def main():
    by_spigot = spigot(DIGITS)
    by_machin = machin(DIGITS)[:DIGITS]
    if not by_spigot.startswith(KNOWN):
        sys.exit(f"pidigits: spigot starts {by_spigot[:len(KNOWN)]}")
    if by_spigot != by_machin:
        first = next(i for i in range(DIGITS) if by_spigot[i] != by_machin[i])
        sys.exit(f"pidigits: the methods disagree at digit {first}")
    digit_sum = sum(int(c) for c in by_spigot)
    print(f"pidigits: {DIGITS} digits agree, last ten {by_spigot[-10:]}, digit sum {digit_sum}")


main()
