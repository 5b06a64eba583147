# Positional calls made from compiled code take the interpreter's fast paths: bound methods
# unpacked in place, builtin classes and functions called with the arguments from the stack,
# plain classes constructed with their __init__, Python functions with defaults. Each site
# also sees the other kinds of callables after it was compiled, and errors raised inside.


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Slotted:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class Counting:
    made = 0

    def __new__(cls, value):
        Counting.made += 1
        return super().__new__(cls)

    def __init__(self, value):
        self.value = value


def with_default(a, b=10, *rest):
    return a + b + len(rest)


def run(callables, rounds):
    total = 0
    log = []
    for i in range(rounds):
        for name, call in callables:
            try:
                result = call(i)
            except Exception as error:
                log.append(f"{name}: {type(error).__name__}: {error}")
                continue
            if isinstance(result, (int, float)):
                total += result
            elif isinstance(result, str):
                total += len(result)
            elif isinstance(result, Point):
                total += result.norm1()
            elif isinstance(result, (Slotted, Counting)):
                total += result.value
            elif result is None:
                total += 1
            else:
                total += len(list(result))
    return total, log[:6], len(log)


p = Point(3, -4)
bound = p.norm1
items = []

callables = [
    ("bound", lambda i: bound()),
    ("builtin class", str),
    ("builtin function", abs),
    ("enumerate", lambda i: enumerate(range(i % 5))),
    ("plain class", Point),
    ("slotted", Slotted),
    ("custom new", Counting),
    ("defaults", with_default),
    ("append", items.append),
    ("divmod", lambda i: divmod(i, 7)[1]),
]
print(run(callables, 300))
print(len(items), Counting.made)

# The same sites then meet callables that fail.
failing = [
    ("int of text", lambda i: int("x%d" % i)),
    ("too many", lambda i: Point(i, i, i)),
    ("missing", lambda i: Slotted()),
    ("bad abs", lambda i: abs("nope")),
]
print(run(callables + failing, 50))


def direct_calls(n):
    # Calls written at the site itself, not through a lambda.
    total = 0
    for i in range(n):
        q = Point(i)
        total += q.norm1() + with_default(i) + with_default(i, 1, 2, 3)
        total += len(str(i)) + abs(-i) + max(i, 3) + min(i, 3)
        m = q.norm1
        total += m()
    return total


print(direct_calls(400))


def traceback_inside():
    for i in range(300):
        if i == 250:
            Point(1, 2, 3, 4)
        Point(i)


try:
    traceback_inside()
except TypeError as error:
    print("TypeError:", error)
