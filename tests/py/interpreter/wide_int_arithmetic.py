# Ints past the 48-bit inline range but inside 64 bits take their own fast path in BinaryOp
# (computed in 64 bits); results that overflow 64 bits, zero divisors, subclasses and mixed
# operands fall back to the full protocol. Every operator, every sign, at the boundaries.

values = [
    0, 1, -1, 7, -7, 3, -3,
    2**47 - 1, 2**47, -(2**47), -(2**47) - 1,
    2**48 + 12345, -(2**48) - 12345,
    2**62, -(2**62), 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**64 + 5,
    1103515245 * 42, 2147483648,
]

operators = [
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
    ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b),
    ("/", lambda a, b: a / b),
    ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b),
    ("^", lambda a, b: a ^ b),
    ("<<", lambda a, b: a << (b % 70 if b >= 0 else b)),
    (">>", lambda a, b: a >> (b % 70 if b >= 0 else b)),
]

for name, operation in operators:
    for a in values:
        results = []
        for b in values:
            try:
                results.append(str(operation(a, b)))
            except (ZeroDivisionError, ValueError, OverflowError) as error:
                results.append(type(error).__name__)
        print(a, name, ":", " ".join(results))

# Powers and in-place forms at one site, with types flipping between iterations.
site_results = []
x = 2**50
for step in range(12):
    operand = [3, 2**55, -(2**60), 2.5, True, 10**30][step % 6]
    y = x
    y += operand
    y *= 3
    y -= operand
    y //= 7
    y %= 2**61 - 1
    site_results.append(y)
print(site_results)

print((2**40) ** 2, (-(2**40)) ** 3, 2**62 ** 1, (2**50) ** 0)


class Int(int):
    def __add__(self, other):
        return f"Int.__add__({int(self)}, {other})"

    def __rmul__(self, other):
        return f"Int.__rmul__({int(self)}, {other})"


print(Int(2**50) + 2**50)
print(2**50 * Int(2**51))
print(2**50 + True, True * 2**60, 2**52 - False)

# An LCG as in the word-count benchmark: products past 48 bits on every step.
seed = 42
total = 0
for _ in range(2000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    total ^= seed // 8
print(seed, total)

try:
    print(2**60 // 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)
try:
    print(2**60 % 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)
try:
    print(2**60 / 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)
try:
    print(2**60 << -1)
except ValueError as error:
    print("ValueError", error)

# True division of big ints: the sign of a zero quotient, rounding of long quotients,
# subnormal and overflowing results.
print(0 / -(2**70), 0 / 2**70, -0 / -(2**70), 0 / -(2**62))
print((2**80 + 1) / 3, (10**30) / 7, -(10**40) / 3, (2**100 - 1) / (2**47 + 1))
print(1 / 2**1050, 3 / 2**1060, -1 / 2**1074, 1 / 2**1080)
print((2**64 + 2**11 + 1) / 1, (2**64 + 2**11) / 1, (2**64 + 2**11 * 3) / 1)
try:
    print(2**2000 / 3)
except OverflowError as error:
    print("OverflowError", error)
