# Classes: __init__, instance attributes, methods, and class attributes.
class Point:
    dimensions = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def scale(self, k):
        self.x *= k
        self.y *= k
        return self
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dimensions, Point.dimensions)
q = p.moved(1, -1)
print(q.x, q.y, p.x)
print(p.scale(2).norm2(), p.x, p.y)
p.label = "dynamic attribute"
print(p.label)
print(type(p).__name__, type(p) is Point, Point.__name__)
print(type(p))
m = p.norm2
print(m())
print(Point.norm2(q))
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
a, b, c = Counter(), Counter(), Counter()
print(a.id, b.id, c.id, Counter.instances, a.instances)
a.instances = "shadowed"
print(a.instances, b.instances, Counter.instances)
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, isinstance(e, Empty))
class WithDoc:
    "A docstring."
    value = [1, 2]
print(WithDoc.__doc__, WithDoc.value)
w1, w2 = WithDoc(), WithDoc()
w1.value.append(3)
print(w2.value)
