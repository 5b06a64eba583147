# One call site meets functions that take the interpreter's plain-call fast path (exact
# positional arguments) and functions that need full argument binding, in turn.
import sys


def plain(a, b):
    return a + b


def with_default(a, b=10):
    return a * b


def with_varargs(*args):
    return len(args)


def with_keyword_only(a, b, *, c=3):
    return a - b + c


def make_closure(k):
    def closure(a, b):
        return (a + b) * k
    return closure


def with_cell(a, b):
    def inner():
        return a * b
    return inner()


def generator(a, b):
    yield a
    yield b


class Callable:
    def __call__(self, a, b):
        return "instance", a, b


functions = [plain, with_default, with_varargs, with_keyword_only, make_closure(5), with_cell,
             generator, Callable(), max, lambda a, b: (b, a)]
for round in range(2):
    for function in functions:
        result = function(2, 7)
        if hasattr(result, "__next__"):
            result = list(result)
        print(function.__class__.__name__, result)

for function in (plain, with_default):
    try:
        function(1)
    except TypeError as error:
        print("TypeError:", error)
    try:
        function(1, 2, 3)
    except TypeError as error:
        print("TypeError:", error)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(0, 0)
for i in range(5):
    p = p.moved(i, -i)
print(p.x, p.y)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(500))
sys.setrecursionlimit(200)
try:
    deep(1000)
except RecursionError as error:
    print("RecursionError:", error)
sys.setrecursionlimit(1000)
print(deep(300))
