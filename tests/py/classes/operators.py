# Arithmetic dunders, reflected operators, in-place operators and __hash__.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, abs(b))
print(sum([a, b, Vec(10, 10)]))
c = a
c += b
print(c, a, c is a)
print(a == Vec(1, 2), a != Vec(1, 2), a == (1, 2))
unique = {Vec(1, 1), Vec(1, 1), Vec(2, 2)}
print(len(unique), Vec(2, 2) in unique, {Vec(0, 0): "origin"}[Vec(0, 0)])
try:
    a + 5
except TypeError as e:
    print("TypeError:", e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
acc = Acc()
same = acc
acc += "x"
acc += "y"
print(acc.items, acc is same)
class Money:
    def __init__(self, c):
        self.c = c
    def __mod__(self, n):
        return Money(self.c % n)
    def __floordiv__(self, n):
        return Money(self.c // n)
    def __truediv__(self, n):
        return self.c / n
    def __pow__(self, n):
        return Money(self.c ** n)
    def __lt__(self, other):
        return self.c < other.c
    def __repr__(self):
        return f"Money({self.c})"
m = Money(107)
print(m % 10, m // 10, m / 4, m ** 2, m < Money(200), Money(300) > m)
class Unhashable:
    def __eq__(self, other):
        return True
try:
    {Unhashable()}
except TypeError as e:
    print("TypeError:", e)
class Callable:
    def __call__(self, *args):
        return f"called with {args}"
print(Callable()(1, 2))
