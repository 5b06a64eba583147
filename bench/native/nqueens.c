/* N-queens: the C counterpart of bench/programs/nqueens.py (both methods, n = 1..12, same
 * output). */
#include <stdio.h>
#include <string.h>

#define MAX_N 12

static const long KNOWN[] = {1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200};

static int n_board;
static char columns[MAX_N], rising[2 * MAX_N], falling[2 * MAX_N];

static long place_lists(int row) {
    if (row == n_board) {
        return 1;
    }
    long count = 0;
    for (int col = 0; col < n_board; col++) {
        if (columns[col] || rising[row + col] || falling[row - col + n_board]) {
            continue;
        }
        columns[col] = rising[row + col] = falling[row - col + n_board] = 1;
        count += place_lists(row + 1);
        columns[col] = rising[row + col] = falling[row - col + n_board] = 0;
    }
    return count;
}

static long solve_lists(int n) {
    n_board = n;
    memset(columns, 0, sizeof columns);
    memset(rising, 0, sizeof rising);
    memset(falling, 0, sizeof falling);
    return place_lists(0);
}

static long place_bits(unsigned full, unsigned cols, unsigned left, unsigned right) {
    if (cols == full) {
        return 1;
    }
    long count = 0;
    unsigned free = full & ~(cols | left | right);
    while (free) {
        unsigned bit = free & -free;
        free ^= bit;
        count += place_bits(full, cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1);
    }
    return count;
}

int main(void) {
    long counts[MAX_N];
    for (int n = 1; n <= MAX_N; n++) {
        counts[n - 1] = solve_lists(n);
        long by_bits = place_bits((1u << n) - 1, 0, 0, 0);
        if (counts[n - 1] != KNOWN[n - 1] || by_bits != counts[n - 1]) {
            fprintf(stderr, "nqueens: n = %d: lists %ld, bits %ld, expected %ld\n", n, counts[n - 1],
                    by_bits, KNOWN[n - 1]);
            return 1;
        }
    }
    printf("nqueens 1..%d:", MAX_N);
    for (int n = 0; n < MAX_N; n++) {
        printf(" %ld", counts[n]);
    }
    printf("\n");
    return 0;
}
