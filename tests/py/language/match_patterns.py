# Every pattern kind of `match`, with the values they capture.
from collections import OrderedDict


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Color:
    RED = "red"
    GREEN = "green"


def literal(value):
    match value:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case -1 + 2j:
            return "complex"
        case "text":
            return "str literal"
        case b"bytes":
            return "bytes literal"
        case "con" "cat":
            return "concatenated"
        case True:
            return "True"
        case False:
            return "False"
        case None:
            return "None"
        case Color.RED:
            return "value pattern red"
        case Color.GREEN:
            return "value pattern green"
        case _:
            return "wildcard"


for value in [0, 2, 3.0, -1, 1.5, 2j, -1 + 2j, "text", b"bytes", "concat", True, False, None,
              "red", "green", "blue", 1.0]:
    print(repr(value), "->", literal(value))


def sequence(value):
    match value:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y] if x == y:
            return f"pair of equal {x}"
        case (x, y):
            return f"pair {x}, {y}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case [*init, 99]:
            return f"ends with 99, init {init}"
        case [first, *_, last]:
            return f"first {first}, last {last}"
        case _:
            return "not a sequence"


for value in [[], (), [5], (6,), [7, 7], (1, 2), [1, 2, 3], (4, 5, 99), [3, 4, 5, 6], range(3),
              "ab", b"ab", bytearray(b"ab"), {1: 2}, 42, iter([1, 2])]:
    label = type(value).__name__ if type(value).__name__.endswith("iterator") else repr(value)
    print(label, "->", sequence(value))


def nested(value):
    match value:
        case [(a, b), [c, *d], {"k": e}]:
            return ("nested", a, b, c, d, e)
        case [Point(x=0) as p, *others]:
            return ("point first", p, others)
        case [[[deep]]]:
            return ("deep", deep)
        case _:
            return "no"


print(nested([(1, 2), [3, 4, 5], {"k": 6, "other": 7}]))
print(nested([Point(0, 9), 1, 2]))
print(nested([[[8]]]))
print(nested([[[8, 9]]]))


def mapping(value):
    match value:
        case {}  if not value:
            return "empty mapping"
        case {"action": "move", "to": [x, y]}:
            return f"move to {x},{y}"
        case {"action": "say", "text": str(text), **rest}:
            return f"say {text!r} with {rest}"
        case {1: one, 2.0: two}:
            return f"numbers {one} {two}"
        case {Color.RED: value}:
            return f"red key {value}"
        case {**everything}:
            return f"any mapping {everything}"
        case _:
            return "not a mapping"


for value in [{}, {"action": "move", "to": [1, 2]}, {"action": "say", "text": "hi", "loud": True},
              {"action": "say", "text": 5}, {1: "a", 2: "b", 3: "c"}, {"red": 1}, {"x": 1},
              OrderedDict(a=1), [("a", 1)], "mapping"]:
    print(repr(value), "->", mapping(value))


def classes(value):
    match value:
        case Point3(x, y, z):
            return f"3d {x} {y} {z}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, y=0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(y=yy, x=xx):
            return f"keywords x={xx} y={yy}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case bool(b):
            return f"bool {b}"
        case int():
            return "some int"
        case str(s) | bytes(s):
            return f"text {s!r}"
        case list([a, b]):
            return f"list of two {a} {b}"
        case dict({"k": v}):
            return f"dict with k {v}"
        case float(f) as whole:
            return f"float {f} {whole}"
        case object(__class__=cls):
            return f"object of {cls.__name__}"


for value in [Point3(1, 2, 3), Point(0, 0), Point(0, 5), Point(5, 0), Point(4, 4), Point(1, 2),
              -3, True, 7, "s", b"b", [1, 2], {"k": 3}, 2.5, (1, 2)]:
    print(repr(value), "->", classes(value))


def alternatives(value):
    match value:
        case [x, 1] | [1, x]:
            return f"x={x}"
        case {"a": x} | Point(x, _):
            return f"from alternative x={x}"
        case (1 | 2) as small:
            return f"small {small}"
        case [(0 | 1) as bit, *bits] if all(b in (0, 1) for b in bits):
            return f"bits starting with {bit}"
        case _:
            return "none"


for value in [[5, 1], [1, 6], {"a": 7}, Point(8, 9), 1, 2, [0, 1, 1], [1, 2]]:
    print(repr(value), "->", alternatives(value))


def guards(value):
    log = []

    def check(label, result):
        log.append(label)
        return result

    match value:
        case int(n) if check("first", n > 10):
            result = "big"
        case int(n) if check("second", n > 5):
            result = "medium"
        case int(n):
            result = "small"
        case _:
            result = "other"
    return result, log


for value in [20, 7, 1, "x"]:
    print(value, guards(value))


# A capture binds only when the whole pattern matches; a failed case binds nothing new.
x = "unchanged"
match [1, 2, 3]:
    case [x, 2, 4]:
        print("no")
    case _:
        pass
print("x after failed match:", x)

match {"k": [1, {"deep": "value"}]}:
    case {"k": [_, {"deep": found}]}:
        print("found", found)

# The subject is evaluated once.
calls = 0


def subject():
    global calls
    calls += 1
    return (1, 2)


match subject():
    case (2, _):
        pass
    case (1, second):
        print("second", second, "calls", calls)


# match in a loop with break/continue and return from a case.
def first_even(items):
    for item in items:
        match item:
            case int(n) if n % 2:
                continue
            case int(n):
                return n
            case "stop":
                break
    return None


print(first_even([1, 3, 4, 5]), first_even([1, "stop", 2]), first_even([]))

# Soft keywords stay usable as names.
match = [1, 2]
case = 3
_ = 4
print(match, case, _)
match match:
    case [a, b]:
        print("match on a variable named match:", a, b)
