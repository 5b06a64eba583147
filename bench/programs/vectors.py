# Float-heavy object-oriented code: a cloud of 3-D points as Vector objects with operator
# methods, spun about a tilted axis with Rodrigues' rotation formula (cross and dot products)
# and pulled through a spring-and-damper relaxation.
#
# Method calls, operator dunders, attribute loads and a fresh small object per operation.
# Rotation preserves lengths and a whole turn returns every point home: both are checked to
# tight tolerances, as is the relaxation's final energy against the value computed alone.
import math
import sys

POINTS = 1200
TURN_STEPS = 360
RELAX_STEPS = 60


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(
            self.y * other.z - self.z * other.y,
            self.z * other.x - self.x * other.z,
            self.x * other.y - self.y * other.x,
        )

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())


class Rotation:
    """Rotation by a fixed angle about a unit axis (Rodrigues' formula)."""

    def __init__(self, axis, angle):
        self.axis = axis.normalized()
        self.cos = math.cos(angle)
        self.sin = math.sin(angle)

    def apply(self, v):
        k = self.axis
        return v * self.cos + k.cross(v) * self.sin + k * (k.dot(v) * (1.0 - self.cos))


def make_cloud(n):
    points = []
    seed = 12345
    for _ in range(n):
        coords = []
        for _ in range(3):
            seed = (seed * 1103515245 + 12345) % 2147483648
            coords.append(seed / 2147483648.0 * 2.0 - 1.0)
        points.append(Vector(coords[0], coords[1], coords[2]))
    return points


def relax(points, steps):
    # Every point is tied to the centroid by a spring and slowed by a damper.
    velocities = [Vector(0.0, 0.0, 0.0) for _ in points]
    dt = 0.05
    for _ in range(steps):
        centroid = Vector(0.0, 0.0, 0.0)
        for p in points:
            centroid = centroid + p
        centroid = centroid * (1.0 / len(points))
        for i in range(len(points)):
            force = -(points[i] - centroid) * 2.0 - velocities[i] * 0.3
            velocities[i] = velocities[i] + force * dt
            points[i] = points[i] + velocities[i] * dt
    energy = 0.0
    for v in velocities:
        energy += 0.5 * v.dot(v)
    return energy


def main():
    start = make_cloud(POINTS)
    rotation = Rotation(Vector(1.0, 2.0, 3.0), 2.0 * math.pi / TURN_STEPS)
    points = list(start)
    for _ in range(TURN_STEPS):
        points = [rotation.apply(p) for p in points]
    worst_length = 0.0
    worst_home = 0.0
    for p, q in zip(points, start):
        worst_length = max(worst_length, abs(p.length() - q.length()))
        worst_home = max(worst_home, (p - q).length())
    if worst_length > 1e-12 or worst_home > 1e-11:
        sys.exit(f"vectors: rotation drifted (length {worst_length!r}, position {worst_home!r})")
    energy = relax(points, RELAX_STEPS)
    again = relax(make_cloud(POINTS), RELAX_STEPS)
    if abs(energy - again) > 1e-9 * abs(again):
        sys.exit(f"vectors: relaxation energy {energy!r} != {again!r}")
    print("vectors: %d points, a full turn in %d steps, energy %.6f" % (POINTS, TURN_STEPS, energy))


main()
