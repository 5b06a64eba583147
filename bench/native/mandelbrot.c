/* Mandelbrot: the C counterpart of bench/programs/mandelbrot.py (same grid, same order of
 * operations, same output). */
#include <stdio.h>

#define WIDTH 480
#define HEIGHT 361
#define MAX_ITER 300

static int escape_time(double cr, double ci) {
    double zr = 0.0, zi = 0.0;
    for (int i = 0; i < MAX_ITER; i++) {
        double zr2 = zr * zr;
        double zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) {
            return i;
        }
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
    }
    return MAX_ITER;
}

int main(void) {
    static long row_totals[HEIGHT];
    double step = 2.5 / (HEIGHT - 1);
    int half = (HEIGHT - 1) / 2;
    long inside = 0;
    for (int row = 0; row < HEIGHT; row++) {
        double ci = (double)(row - half) * step;
        long total = 0;
        for (int col = 0; col < WIDTH; col++) {
            double cr = -2.0 + (double)col * (2.6 / WIDTH);
            int n = escape_time(cr, ci);
            if (n == MAX_ITER) {
                inside++;
            }
            total += n;
        }
        row_totals[row] = total;
    }
    long grand = 0;
    for (int row = 0; row < HEIGHT; row++) {
        if (row_totals[row] != row_totals[HEIGHT - 1 - row]) {
            fprintf(stderr, "mandelbrot: row %d is not the mirror of row %d\n", row, HEIGHT - 1 - row);
            return 1;
        }
        grand += row_totals[row];
    }
    if (inside != 40514 || grand != 13036512) {
        fprintf(stderr, "mandelbrot: got (%ld, %ld), expected (40514, 13036512)\n", inside, grand);
        return 1;
    }
    printf("mandelbrot %dx%d: %ld points inside, %ld iterations\n", WIDTH, HEIGHT, inside, grand);
    return 0;
}
