/* The n-body benchmark: the C counterpart of bench/programs/nbody.py (same bodies, same order of
 * operations, same number of steps, same output). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#define STEPS 250000
#define BODIES 5
#define PI 3.14159265358979323
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

struct body {
    double x, y, z, vx, vy, vz, mass;
};

static struct body bodies[BODIES] = {
    {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
};

static void advance(double dt, long steps) {
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < BODIES; i++) {
            struct body *b1 = &bodies[i];
            for (int j = i + 1; j < BODIES; j++) {
                struct body *b2 = &bodies[j];
                double dx = b1->x - b2->x;
                double dy = b1->y - b2->y;
                double dz = b1->z - b2->z;
                double dist2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (dist2 * pow(dist2, 0.5));
                double m1 = b1->mass * mag;
                double m2 = b2->mass * mag;
                b1->vx -= dx * m2;
                b1->vy -= dy * m2;
                b1->vz -= dz * m2;
                b2->vx += dx * m1;
                b2->vy += dy * m1;
                b2->vz += dz * m1;
            }
        }
        for (int i = 0; i < BODIES; i++) {
            bodies[i].x += dt * bodies[i].vx;
            bodies[i].y += dt * bodies[i].vy;
            bodies[i].z += dt * bodies[i].vz;
        }
    }
}

static double energy(void) {
    double e = 0.0;
    for (int i = 0; i < BODIES; i++) {
        for (int j = i + 1; j < BODIES; j++) {
            double dx = bodies[i].x - bodies[j].x;
            double dy = bodies[i].y - bodies[j].y;
            double dz = bodies[i].z - bodies[j].z;
            e -= (bodies[i].mass * bodies[j].mass) / pow(dx * dx + dy * dy + dz * dz, 0.5);
        }
    }
    for (int i = 0; i < BODIES; i++) {
        struct body *b = &bodies[i];
        e += b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz) / 2.0;
    }
    return e;
}

static void offset_momentum(void) {
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < BODIES; i++) {
        px -= bodies[i].vx * bodies[i].mass;
        py -= bodies[i].vy * bodies[i].mass;
        pz -= bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = px / SOLAR_MASS;
    bodies[0].vy = py / SOLAR_MASS;
    bodies[0].vz = pz / SOLAR_MASS;
}

int main(void) {
    offset_momentum();
    double before = energy();
    advance(0.01, STEPS);
    double after = energy();
    char text[64];
    snprintf(text, sizeof text, "%.9f", before);
    if (strcmp(text, "-0.169075164") != 0) {
        fprintf(stderr, "nbody: initial energy %.17g, expected -0.169075164\n", before);
        return 1;
    }
    if (fabs(after - before) > 1e-4 * fabs(before)) {
        fprintf(stderr, "nbody: energy drifted from %.17g to %.17g\n", before, after);
        return 1;
    }
    printf("%.9f %.9f\n", before, after);
    return 0;
}
