# Fannkuch-redux (after the Computer Language Benchmarks Game): for every permutation of 0..n-1,
# count the prefix reversals ("pancake flips") until 0 comes first; report the maximum and a
# checksum that alternates sign with the permutation index.
#
# List indexing, slice reversal and integer bookkeeping. For n = 9 the benchmark's published
# answers are checksum 8629 and 30 flips; each of the ROUNDS runs is checked against them.
import sys

N = 9
ROUNDS = 3
EXPECTED = (8629, 30)


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    permutation_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k != 0:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if permutation_index % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # The next permutation: rotate the first r + 1 elements left until a counter allows.
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        permutation_index += 1


def main():
    for _ in range(ROUNDS):
        checksum, max_flips = fannkuch(N)
        if (checksum, max_flips) != EXPECTED:
            sys.exit(f"fannkuch: got {(checksum, max_flips)}, expected {EXPECTED}")
    print(checksum)
    print(f"Pfannkuchen({N}) = {max_flips}")


main()
