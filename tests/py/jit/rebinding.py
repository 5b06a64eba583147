# Compiled code reads globals and builtins and calls methods; rebinding any of them while the
# code is hot must be seen at once.

SCALE = 2

def scaled_sum(values):
    total = 0
    for value in values:
        total += value * SCALE + len(str(value))
    return total

data = list(range(2000))
print(scaled_sum(data))
SCALE = 3
print(scaled_sum(data))

def fake_len(value):
    return 100

len = fake_len
print(scaled_sum(data))
del len
print(scaled_sum(data))

def rebinding_inside(count):
    global SCALE
    total = 0
    for i in range(count):
        if i == count // 2:
            SCALE = 10
        total += SCALE
    return total

print(rebinding_inside(5000), SCALE)

class Shape:
    sides = 4

    def area(self):
        return 1

class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

def total_area(shapes):
    total = 0
    for shape in shapes:
        total += shape.area() + shape.sides
    return total

shapes = [Square(i % 7) for i in range(3000)]
print(total_area(shapes))
Square.area = lambda self: -self.side
print(total_area(shapes))
Shape.sides = 0
print(total_area(shapes))
del Square.area
print(total_area(shapes))
Square.sides = 10
shapes[5].area = lambda: 1000
print(total_area(shapes))

def attributes(points):
    total = 0
    for point in points:
        total += point.x
    return total

class Point:
    def __init__(self, x):
        self.x = x

points = [Point(i) for i in range(3000)]
print(attributes(points))
points[1500].x = 0.5
print(attributes(points))
Point.x = property(lambda self: 7)
print(attributes([Point.__new__(Point) for _ in range(10)]))
