/* Recursive Fibonacci: the C counterpart of bench/programs/fib.py (same size, same output). */
#include <stdio.h>

#define N 35

static long fib(long n) {
    if (n < 2) {
        return n;
    }
    return fib(n - 1) + fib(n - 2);
}

int main(void) {
    long a = 0, b = 1;
    for (int i = 0; i < N; i++) {
        long next = a + b;
        a = b;
        b = next;
    }
    long result = fib(N);
    if (result != a || a != 9227465) {
        fprintf(stderr, "fib: fib(%d) = %ld, expected %ld\n", N, result, a);
        return 1;
    }
    printf("fib(%d) = %ld\n", N, result);
    return 0;
}
