# Comprehension-heavy code: list, set and dict comprehensions and generator expressions,
# nested and with conditions: a sieve of primes, Pythagorean triples, a matrix product, an
# inverted index and a transposition.
#
# Building containers element by element in comprehension scopes. The results are checked
# against known counts (78498 primes below one million) and against plain loops.
import sys

LIMIT = 1000000
TRIPLE_MAX = 420
MATRIX = 120


def primes_below(n):
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n, i))
    return [i for i, is_prime in enumerate(sieve) if is_prime]


def main():
    primes = primes_below(LIMIT)
    if len(primes) != 78498:
        sys.exit(f"comprehensions: {len(primes)} primes below {LIMIT}")
    prime_set = {p for p in primes}
    twins = [(p, p + 2) for p in primes if p + 2 in prime_set]
    last_digits = {d: len([p for p in primes if p % 10 == d]) for d in range(10)}
    if sum(last_digits.values()) != len(primes) or len(twins) != 8169:
        sys.exit(f"comprehensions: {len(twins)} twin pairs, digits {last_digits}")

    triples = [
        (a, b, c)
        for a in range(1, TRIPLE_MAX)
        for b in range(a, TRIPLE_MAX)
        for c in range(b, TRIPLE_MAX)
        if a * a + b * b == c * c
    ]
    loop_count = 0
    for a in range(1, TRIPLE_MAX):
        for b in range(a, TRIPLE_MAX):
            c2 = a * a + b * b
            c = int(c2 ** 0.5)
            if c < TRIPLE_MAX and c * c == c2:
                loop_count += 1
    if len(triples) != loop_count:
        sys.exit(f"comprehensions: {len(triples)} triples, loops found {loop_count}")

    a = [[(i * j + 1) % 17 for j in range(MATRIX)] for i in range(MATRIX)]
    b = [[(i + 2 * j) % 13 for j in range(MATRIX)] for i in range(MATRIX)]
    b_columns = [[row[j] for row in b] for j in range(MATRIX)]
    product = [[sum(x * y for x, y in zip(row, col)) for col in b_columns] for row in a]
    trace = sum(product[i][i] for i in range(MATRIX))
    check = 0
    for i in range(MATRIX):
        for k in range(MATRIX):
            check += a[i][k] * b[k][i]
    if trace != check:
        sys.exit(f"comprehensions: trace {trace}, loops gave {check}")

    words = ["w%d" % (p % 1000) for p in primes[:20000]]
    index = {w: [i for i, x in enumerate(words) if x == w] for w in set(words[:200])}
    positions = sum(len(v) for v in index.values())
    if positions != sum(1 for w in words if w in index):
        sys.exit("comprehensions: inverted index lost positions")

    print(
        f"comprehensions: {len(primes)} primes, {len(twins)} twins, {len(triples)} triples, "
        f"trace {trace}, {positions} positions"
    )


main()
