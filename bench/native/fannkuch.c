/* Fannkuch-redux: the C counterpart of bench/programs/fannkuch.py (same n, same rounds, same
 * output). */
#include <stdio.h>

#define N 9
#define ROUNDS 3

static void fannkuch(int n, int *checksum_out, int *max_flips_out) {
    int perm[N], perm1[N], count[N];
    int max_flips = 0, checksum = 0, permutation_index = 0;
    for (int i = 0; i < n; i++) {
        perm1[i] = i;
        count[i] = 0;
    }
    int r = n;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (int i = 0; i < n; i++) {
            perm[i] = perm1[i];
        }
        int flips = 0;
        int k = perm[0];
        while (k != 0) {
            for (int i = 0, j = k; i < j; i++, j--) {
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            flips++;
            k = perm[0];
        }
        if (flips > max_flips) {
            max_flips = flips;
        }
        checksum += permutation_index % 2 == 0 ? flips : -flips;
        for (;;) {
            if (r == n) {
                *checksum_out = checksum;
                *max_flips_out = max_flips;
                return;
            }
            int first = perm1[0];
            for (int i = 0; i < r; i++) {
                perm1[i] = perm1[i + 1];
            }
            perm1[r] = first;
            count[r]--;
            if (count[r] > 0) {
                break;
            }
            r++;
        }
        permutation_index++;
    }
}

int main(void) {
    int checksum = 0, max_flips = 0;
    for (int round = 0; round < ROUNDS; round++) {
        fannkuch(N, &checksum, &max_flips);
        if (checksum != 8629 || max_flips != 30) {
            fprintf(stderr, "fannkuch: got (%d, %d), expected (8629, 30)\n", checksum, max_flips);
            return 1;
        }
    }
    printf("%d\nPfannkuchen(%d) = %d\n", checksum, N, max_flips);
    return 0;
}
