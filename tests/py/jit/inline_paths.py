# The paths compiled code takes inline — list and tuple indexing and stores, range iteration,
# instance attribute loads and stores and method lookups — at their edges, and when what they
# assumed stops being true while the code is hot.

def index_all(sequence, indexes):
    total = 0
    for i in indexes:
        total += sequence[i]
    return total

data = list(range(100))
for attempt in range(3):
    print(index_all(data, range(-100, 100)), index_all(tuple(data), range(-100, 100)))
try:
    index_all(data, [5, 99, 100])
except IndexError as error:
    print("IndexError:", error)
try:
    index_all(tuple(data), [-101])
except IndexError as error:
    print("IndexError:", error)

class Squares(list):
    def __getitem__(self, index):
        return list.__getitem__(self, index) ** 2

print(index_all(Squares(range(10)), range(10)), index_all({1: 10, 2: 20}, [1, 2, 1]))
print(index_all("abc", []) , index_all([1.5, 2.5], [0, 1, -1]))
try:
    index_all(data, [1.0])
except TypeError as error:
    print("TypeError:", error)
print(index_all(data, [True, False]))

def store_all(target, count):
    for i in range(count):
        target[i % len(target)] = i
        target[-1] = -i
    return target

for attempt in range(3):
    print(store_all([0] * 7, 3000)[:3], store_all(list(range(5)), 100))
try:
    store_all((1, 2), 5)
except TypeError as error:
    print("TypeError:", error)
print(store_all({}, 0), store_all(bytearray(3), 0))

def growing(count):
    items = [0]
    total = 0
    for i in range(count):
        items.append(i)
        total += items[len(items) // 2] + items[-1]
        if i % 100 == 0:
            del items[:50]
    return total, len(items)

print(growing(5000))

def ranges(start, stop, step):
    total = 0
    count = 0
    for i in range(start, stop, step):
        total += i
        count += 1
    return total, count

for attempt in range(3):
    print(ranges(0, 5000, 1), ranges(5000, 0, -3), ranges(0, 0, 1), ranges(10, 0, 1))
    print(ranges(2 ** 47 - 10, 2 ** 47 + 10, 1), ranges(-(2 ** 47) + 5, -(2 ** 47) - 5, -1))
    print(ranges(0, 10 ** 18, 10 ** 17), ranges(-5, 5, 2))

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y

class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm(self):
        return Point.norm(self) + self.z * self.z

def sum_norms(points):
    total = 0
    for point in points:
        total += point.norm() + point.x
        point.y = point.y + 1
    return total

points = [Point(i, i + 1) for i in range(500)]
for attempt in range(4):
    print(sum_norms(points))
mixed = points[:250] + [Point3(i, i, i) for i in range(250)]
print(sum_norms(mixed))

Point.norm = lambda self: -1
print(sum_norms(points))
Point.x = property(lambda self: 1000)
print(sum_norms(points[:5]))
del Point.x
print(sum_norms(points[:5]))

odd = Point(1, 2)
odd.__dict__["x"] = 50
print(sum_norms([odd] * 3))
del points[0].x
try:
    sum_norms(points[:3])
except AttributeError as error:
    print("AttributeError:", error)

class Other:
    def __init__(self):
        self.x = "other"
        self.y = 0

    def norm(self):
        return 0

swapped = Point(3, 4)
swapped.__class__ = Other
try:
    print(sum_norms([Point(1, 1), swapped]))
except TypeError as error:
    print("TypeError:", error)

def slots_and_more(count):
    class Slotted:
        __slots__ = ("a", "b")

        def __init__(self, a):
            self.a = a
            self.b = a * 2

    objects = [Slotted(i) for i in range(count)]
    total = 0
    for item in objects:
        total += item.a + item.b
        item.b = 0
    return total, sum(item.b for item in objects)

print(slots_and_more(3000))
