# Calls of builtin functions from one site (called directly, arguments in place), builtins
# shadowed by globals, and isinstance's exact-class shortcut next to its general rules
# (tuples of classes, unions, subclasses, __instancecheck__ metaclasses).


def measure(values):
    return [len(value) for value in values]


print(measure(["", "naïve", [1, 2], {1: 2}, range(10)[:5]]))
try:
    len(5)
except TypeError as error:
    print("TypeError:", error)
try:
    len()
except TypeError as error:
    print("TypeError:", error)
try:
    len([], [])
except TypeError as error:
    print("TypeError:", error)
try:
    len(x=[])
except TypeError as error:
    print("TypeError:", error)


def codes(text):
    return [ord(ch) for ch in text]


print(codes("aé日😀"))
try:
    ord("ab")
except TypeError as error:
    print("TypeError:", error)

# A global named like a builtin takes its place at the same site, and stops when deleted.
print(measure(["abc"]))
len = lambda value: "shadowed"
print(measure(["abc"]))
del len
print(measure(["abc"]))


class Sized:
    def __len__(self):
        return 7


class HugeLength:
    def __len__(self):
        return 2**70


print(measure([Sized()]))
try:
    measure([HugeLength()])
except OverflowError as error:
    print("OverflowError:", error)


class Meta(type):
    def __instancecheck__(cls, instance):
        print("  __instancecheck__", type(instance).__name__)
        return isinstance(instance, (int, float))


class Numberish(metaclass=Meta):
    pass


class MyInt(int):
    pass


def kinds(value):
    return [
        isinstance(value, int),
        isinstance(value, bool),
        isinstance(value, (str, list)),
        isinstance(value, ((dict,), float)),
        isinstance(value, int | str),
        isinstance(value, Numberish),
        isinstance(value, object),
    ]


for value in [1, True, MyInt(3), 2.5, "s", [1], {}, Numberish(), 2**80, None]:
    print(repr(value) if type(value) is not Numberish else "Numberish()", kinds(value))

try:
    isinstance(1, 2)
except TypeError as error:
    print("TypeError:", error)
try:
    isinstance(1, (int, 2))
    isinstance(1, (str, 2))
except TypeError as error:
    print("TypeError:", error)
try:
    isinstance(1, list[int])
except TypeError as error:
    print("TypeError:", error)


def convert(values):
    return [(str(value), repr(value)) for value in values]


class Shown:
    def __repr__(self):
        return "Shown()"

    def __str__(self):
        return "shown"


print(convert([1, -2.5, "q'\"", None, Shown(), 10**30, float("inf")]))
print(list(enumerate("ab")), min(3, 1, 2), max([4, 9]), abs(-3))
print(sorted([3, 1, 2], key=lambda value: -value), sum(range(5), 10))
