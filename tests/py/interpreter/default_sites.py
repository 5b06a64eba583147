# Calls that leave out parameters with defaults take the interpreter's fast path (defaults
# copied after the arguments in place); replaced or removed __defaults__, mutable defaults,
# too few or too many arguments, methods, constructors and closures with defaults.


def scale(value, factor=2, offset=0):
    return value * factor + offset


def greet(name, greeting="héllo", mark="!"):
    return greeting + " " + name + mark


def run(function, argument_lists):
    # The one site under test.
    return [function(*arguments) for arguments in argument_lists]


def direct():
    return [scale(1), scale(1, 3), scale(1, 3, 4), scale(2.5, offset=1), greet("é")]


print(direct(), direct())
print(run(scale, [(1,), (1, 3), (1, 3, 4)]))
scale.__defaults__ = (10, 100)
print(direct())
scale.__defaults__ = (5,)
try:
    scale(1)
except TypeError as error:
    print("TypeError:", error)
print(scale(1, 2))
scale.__defaults__ = None
try:
    scale(1, 2)
except TypeError as error:
    print("TypeError:", error)
for arguments in [(), (1, 2, 3, 4)]:
    try:
        scale(*arguments)
    except TypeError as error:
        print("TypeError:", error)


def remember(item, seen=[]):
    seen.append(item)
    return len(seen)


print([remember(i) for i in range(4)], remember.__defaults__)


class Variable:
    def __init__(self, name, initial_value=0, *extra):
        self.name = name
        self.value = initial_value


class Plain:
    def __init__(self, name, initial_value=0):
        self.name = name
        self.value = initial_value

    def bump(self, amount=1, times=1):
        self.value += amount * times
        return self.value


points = [Plain("a"), Plain("b", 5), Variable("c"), Variable("d", 7, 8)]
print([(point.name, point.value) for point in points])
plain = points[0]
print([plain.bump(), plain.bump(2), plain.bump(2, 3)], Plain.bump(plain), plain.bump(times=10))
try:
    Plain()
except TypeError as error:
    print("TypeError:", error)
try:
    Plain("x", 1, 2)
except TypeError as error:
    print("TypeError:", error)
Plain.__init__.__defaults__ = ("late",)
print(Plain("y").value)


def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


counter = make_counter()
print([counter(), counter(5), counter()], make_counter(100)())
bound = plain.bump
print(bound(), bound(3))


def positional_only(a, b=2, /, c=3):
    return (a, b, c)


print(positional_only(1), positional_only(1, 5), positional_only(1, c=9))
