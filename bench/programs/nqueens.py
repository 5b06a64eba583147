# N-queens: count every placement of n non-attacking queens on an n x n board, for n = 1..12,
# twice: by backtracking over columns and diagonals kept as lists of booleans, and by the
# classic bitmask recursion.
#
# Recursion, closures over lists, list indexing, boolean stores and integer bit operations. The
# two methods must agree with each other and with the known sequence (OEIS A000170).
import sys

MAX_N = 12
KNOWN = [1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200]


def solve_lists(n):
    columns = [False] * n
    rising = [False] * (2 * n)  # row + col
    falling = [False] * (2 * n)  # row - col + n

    def place(row):
        if row == n:
            return 1
        count = 0
        for col in range(n):
            if columns[col] or rising[row + col] or falling[row - col + n]:
                continue
            columns[col] = rising[row + col] = falling[row - col + n] = True
            count += place(row + 1)
            columns[col] = rising[row + col] = falling[row - col + n] = False
        return count

    return place(0)


def solve_bits(n):
    full = (1 << n) - 1

    def place(columns, left, right):
        if columns == full:
            return 1
        count = 0
        free = full & ~(columns | left | right)
        while free:
            bit = free & -free
            free ^= bit
            count += place(columns | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return count

    return place(0, 0, 0)


def main():
    counts = [solve_lists(n) for n in range(1, MAX_N + 1)]
    by_bits = [solve_bits(n) for n in range(1, MAX_N + 1)]
    if counts != KNOWN[:MAX_N] or by_bits != counts:
        sys.exit(f"nqueens: lists {counts}, bits {by_bits}, expected {KNOWN[:MAX_N]}")
    print("nqueens 1..%d: %s" % (MAX_N, " ".join(str(c) for c in counts)))


main()
