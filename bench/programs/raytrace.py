# A ray tracer: spheres over a checkered floor, two point lights with shadows, Phong highlights
# and mirror reflections, rendered to an in-memory picture.
#
# A small vector class with operator methods, many short-lived objects, float math, math.sqrt
# and polymorphic intersection methods. The scene is symmetric about the vertical plane through
# the camera, so each pixel must equal its mirror image; that and a checksum of the picture
# (as CPython 3.11 computes it) are checked.
import math
import sys

WIDTH = 320
HEIGHT = 240
MAX_DEPTH = 3
EXPECTED_CHECKSUM = 811881071


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())

    def reflect(self, normal):
        return self - normal.scale(2.0 * self.dot(normal))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Sphere:
    def __init__(self, center, radius, color, reflectivity):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflectivity = reflectivity

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        if t > 1e-6:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).scale(1.0 / self.radius)

    def color_at(self, point):
        return self.color


class Floor:
    def __init__(self, height, reflectivity):
        self.height = height
        self.reflectivity = reflectivity
        self.up = Vec(0.0, 1.0, 0.0)

    def intersect(self, ray):
        dy = ray.direction.y
        if -1e-9 < dy < 1e-9:
            return None
        t = (self.height - ray.origin.y) / dy
        if t > 1e-6:
            return t
        return None

    def normal_at(self, point):
        return self.up

    def color_at(self, point):
        # The checks are symmetric in x: floor(x) and floor(-x) differ, so use |x|.
        if (int(abs(point.x) + 0.5) + int(abs(point.z) + 0.5)) % 2 == 0:
            return Vec(0.9, 0.9, 0.9)
        return Vec(0.2, 0.2, 0.2)


class Light:
    def __init__(self, position, intensity):
        self.position = position
        self.intensity = intensity


class Scene:
    def __init__(self):
        self.objects = [
            Floor(-1.0, 0.25),
            Sphere(Vec(0.0, 0.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.4),
            Sphere(Vec(-2.2, -0.3, 6.0), 0.7, Vec(0.2, 0.8, 0.3), 0.2),
            Sphere(Vec(2.2, -0.3, 6.0), 0.7, Vec(0.2, 0.8, 0.3), 0.2),
            Sphere(Vec(0.0, 1.6, 7.5), 0.9, Vec(0.3, 0.4, 0.9), 0.6),
        ]
        self.lights = [
            Light(Vec(-4.0, 5.0, 0.0), 0.6),
            Light(Vec(4.0, 5.0, 0.0), 0.6),
        ]
        self.ambient = 0.1

    def closest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light.scale(1.0 / distance))
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.closest(ray)
        if obj is None:
            # Sky: a gradient by height.
            k = 0.5 * (ray.direction.y + 1.0)
            return Vec(0.5 + 0.3 * k, 0.6 + 0.3 * k, 0.9)
        point = ray.at(t)
        normal = obj.normal_at(point)
        base = obj.color_at(point)
        light_sum = self.ambient
        highlight = 0.0
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = (light.position - point).normalized()
            diffuse = normal.dot(to_light)
            if diffuse > 0.0:
                light_sum += diffuse * light.intensity
            mirror = to_light.reflect(normal)
            spec = mirror.dot(ray.direction)
            if spec > 0.0:
                # spec ** 16 by squaring, so no pow() rounding differences can creep in.
                spec *= spec
                spec *= spec
                spec *= spec
                spec *= spec
                highlight += spec * light.intensity
        color = base.scale(light_sum) + Vec(highlight, highlight, highlight)
        if depth < MAX_DEPTH and obj.reflectivity > 0.0:
            bounce = Ray(point, ray.direction.reflect(normal))
            reflected = self.trace(bounce, depth + 1)
            color = color.scale(1.0 - obj.reflectivity) + reflected.scale(obj.reflectivity)
        return color


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0)


def render(scene):
    eye = Vec(0.0, 0.5, 0.0)
    rows = []
    for j in range(HEIGHT):
        row = []
        y = (HEIGHT / 2 - j - 0.5) / HEIGHT
        for i in range(WIDTH):
            x = (i + 0.5 - WIDTH / 2) / HEIGHT
            direction = Vec(x, y, 1.0).normalized()
            c = scene.trace(Ray(eye, direction), 0)
            row.append((to_byte(c.x), to_byte(c.y), to_byte(c.z)))
        rows.append(row)
    return rows


def main():
    picture = render(Scene())
    checksum = 0
    for j, row in enumerate(picture):
        for i, (r, g, b) in enumerate(row):
            if (r, g, b) != row[WIDTH - 1 - i]:
                sys.exit(f"raytrace: pixel ({i}, {j}) differs from its mirror image")
            checksum = (checksum * 31 + r * 65536 + g * 256 + b) % 1000000007
    if checksum != EXPECTED_CHECKSUM:
        sys.exit(f"raytrace: checksum {checksum}, expected {EXPECTED_CHECKSUM}")
    print(f"raytrace {WIDTH}x{HEIGHT}: checksum {checksum}")


main()
