# The n-body benchmark: the Jovian planets orbiting the sun under a simple symplectic
# integrator (after the Computer Language Benchmarks Game program).
#
# Float arithmetic on list elements in a tight loop. The energy before and after is checked:
# the initial energy is the benchmark's published value, and the integrator must conserve
# energy to better than one part in 10^4 over the run.
import sys

STEPS = 250000

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

# Each body is [x, y, z, vx, vy, vz, mass].
BODIES = {
    "sun": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
    "jupiter": [
        4.84143144246472090e+00,
        -1.16032004402742839e+00,
        -1.03622044471123109e-01,
        1.66007664274403694e-03 * DAYS_PER_YEAR,
        7.69901118419740425e-03 * DAYS_PER_YEAR,
        -6.90460016972063023e-05 * DAYS_PER_YEAR,
        9.54791938424326609e-04 * SOLAR_MASS,
    ],
    "saturn": [
        8.34336671824457987e+00,
        4.12479856412430479e+00,
        -4.03523417114321381e-01,
        -2.76742510726862411e-03 * DAYS_PER_YEAR,
        4.99852801234917238e-03 * DAYS_PER_YEAR,
        2.30417297573763929e-05 * DAYS_PER_YEAR,
        2.85885980666130812e-04 * SOLAR_MASS,
    ],
    "uranus": [
        1.28943695621391310e+01,
        -1.51111514016986312e+01,
        -2.23307578892655734e-01,
        2.96460137564761618e-03 * DAYS_PER_YEAR,
        2.37847173959480950e-03 * DAYS_PER_YEAR,
        -2.96589568540237556e-05 * DAYS_PER_YEAR,
        4.36624404335156298e-05 * SOLAR_MASS,
    ],
    "neptune": [
        1.53796971148509165e+01,
        -2.59193146099879641e+01,
        1.79258772950371181e-01,
        2.68067772490389322e-03 * DAYS_PER_YEAR,
        1.62824170038242295e-03 * DAYS_PER_YEAR,
        -9.51592254519715870e-05 * DAYS_PER_YEAR,
        5.15138902046611451e-05 * SOLAR_MASS,
    ],
}


def pairs_of(bodies):
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def advance(dt, steps, bodies, pairs):
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            dist2 = dx * dx + dy * dy + dz * dz
            mag = dt / (dist2 * dist2 ** 0.5)
            m1 = b1[6] * mag
            m2 = b2[6] * mag
            b1[3] -= dx * m2
            b1[4] -= dy * m2
            b1[5] -= dz * m2
            b2[3] += dx * m1
            b2[4] += dy * m1
            b2[5] += dz * m1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def energy(bodies, pairs):
    e = 0.0
    for b1, b2 in pairs:
        dx = b1[0] - b2[0]
        dy = b1[1] - b2[1]
        dz = b1[2] - b2[2]
        e -= (b1[6] * b2[6]) / (dx * dx + dy * dy + dz * dz) ** 0.5
    for b in bodies:
        e += b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5]) / 2.0
    return e


def offset_momentum(reference, bodies):
    px = py = pz = 0.0
    for b in bodies:
        px -= b[3] * b[6]
        py -= b[4] * b[6]
        pz -= b[5] * b[6]
    reference[3] = px / SOLAR_MASS
    reference[4] = py / SOLAR_MASS
    reference[5] = pz / SOLAR_MASS


def main():
    bodies = list(BODIES.values())
    pairs = pairs_of(bodies)
    offset_momentum(BODIES["sun"], bodies)
    before = energy(bodies, pairs)
    advance(0.01, STEPS, bodies, pairs)
    after = energy(bodies, pairs)
    if "%.9f" % before != "-0.169075164":
        sys.exit(f"nbody: initial energy {before!r}, expected -0.169075164")
    if abs(after - before) > 1e-4 * abs(before):
        sys.exit(f"nbody: energy drifted from {before!r} to {after!r}")
    print("%.9f %.9f" % (before, after))


main()
