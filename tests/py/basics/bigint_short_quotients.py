# Floor division and modulo of big integers whose quotient is short (a machine word or less),
# next to long quotients, with every sign combination: the result must equal the definition
# a == (a // b) * b + a % b with the remainder on the divisor's side.
import hashlib


def digest(values):
    return hashlib.sha256(",".join(map(str, values)).encode()).hexdigest()[:16]


divisors = [7 ** 300 - 1, 3 ** 500 + 17, (1 << 700) - 1, 1 << 900, 10 ** 250 + 3]
results = []
checks = 0
for d in divisors:
    for q in [0, 1, 2, 9, 10, 12345, 2 ** 32 + 1, 2 ** 62 - 1, 2 ** 63, 2 ** 64 + 5, 10 ** 40]:
        for r in [0, 1, d // 2, d - 1]:
            for sign_a in (1, -1):
                for sign_b in (1, -1):
                    a = sign_a * (q * d + r)
                    b = sign_b * d
                    quotient, remainder = a // b, a % b
                    assert divmod(a, b) == (quotient, remainder)
                    assert quotient * b + remainder == a
                    assert remainder == 0 or (remainder > 0) == (b > 0)
                    assert abs(remainder) < abs(b)
                    results.append(quotient)
                    results.append(remainder)
                    checks += 1

print("checks:", checks)
print("digest:", digest(results))
print(((10 ** 300 + 7) * 9 + 5) // (10 ** 300 + 7), ((10 ** 300 + 7) * 9 + 5) % (10 ** 300 + 7))
print(-(10 ** 300) // (10 ** 299 + 1), -(10 ** 300) % (10 ** 299 + 1) > 0)
print((2 ** 1000) // (2 ** 999), (2 ** 1000 - 1) // (2 ** 999), (2 ** 1000) % (2 ** 999 + 1))
try:
    (10 ** 300) // 0
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
