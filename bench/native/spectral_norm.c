/* Spectral norm: the C counterpart of bench/programs/spectral_norm.py (same size, same order of
 * operations, same output). */
#include <math.h>
#include <stdio.h>

#define N 400
#define LIMIT 1.2742241528

static double eval_a(long i, long j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void times_a(const double *u, double *result) {
    for (long i = 0; i < N; i++) {
        double total = 0.0;
        for (long j = 0; j < N; j++) {
            total += eval_a(i, j) * u[j];
        }
        result[i] = total;
    }
}

static void times_a_transposed(const double *u, double *result) {
    for (long i = 0; i < N; i++) {
        double total = 0.0;
        for (long j = 0; j < N; j++) {
            total += eval_a(j, i) * u[j];
        }
        result[i] = total;
    }
}

static void times_ata(const double *u, double *result) {
    double tmp[N];
    times_a(u, tmp);
    times_a_transposed(tmp, result);
}

int main(void) {
    static double u[N], v[N];
    for (int i = 0; i < N; i++) {
        u[i] = 1.0;
    }
    for (int i = 0; i < 10; i++) {
        times_ata(u, v);
        times_ata(v, u);
    }
    double vbv = 0.0, vv = 0.0;
    for (int i = 0; i < N; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    double norm = sqrt(vbv / vv);
    if (fabs(norm - LIMIT) > 1e-6 || norm > LIMIT + 1e-10) {
        fprintf(stderr, "spectral_norm: %.17g is not close enough to %.10f\n", norm, LIMIT);
        return 1;
    }
    printf("%.9f\n", norm);
    return 0;
}
