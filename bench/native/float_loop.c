/* The float arithmetic loop: the C counterpart of bench/programs/float_loop.py. The operations
 * are written in the same order as the Python, so the results are bit-identical. */
#include <math.h>
#include <stdio.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define STEPS 6000000

static double integrate_pi(long n) {
    double h = 1.0 / (double)n;
    double total = 0.0;
    for (long i = 0; i < n; i++) {
        double x = ((double)i + 0.5) * h;
        total += 4.0 / (1.0 + x * x);
    }
    return total * h;
}

int main(void) {
    double pi = integrate_pi(STEPS);
    if (fabs(pi - M_PI) > 1e-9) {
        fprintf(stderr, "float_loop: integral gave %.17g, too far from pi\n", pi);
        return 1;
    }
    double k = 4.0, c = 0.02, dt = 0.0001;
    double x = 1.0, v = 0.0, peak = 0.0;
    for (long i = 0; i < STEPS; i++) {
        v += (-k * x - c * v) * dt;
        x += v * dt;
        if (x < peak) {
            peak = x;
        }
    }
    double energy = 0.5 * v * v + 0.5 * 4.0 * x * x;
    if (!(0.0 < energy && energy < 2.0) || !(-1.0 < peak && peak < 0.0)) {
        fprintf(stderr, "float_loop: spring energy %.17g / trough %.17g out of bounds\n", energy, peak);
        return 1;
    }
    printf("pi = %.12f, x = %.9f, v = %.9f, trough = %.9f\n", pi, x, v, peak);
    return 0;
}
