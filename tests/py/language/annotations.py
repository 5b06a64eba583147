# Annotations are evaluated as CPython does: module and class bodies collect them in
# __annotations__, functions get them from their signature, and local ones are not evaluated.

counter = 0


def note(label):
    global counter
    counter += 1
    print("evaluating annotation", label, counter)
    return label


x: note("x") = 1
y: note("y")
(z): note("parenthesized, not recorded") = 3
print(__annotations__)
print("y defined:", "y" in globals(), "z:", z)


class Box:
    first: int
    second: "forward" = "value"
    third: note("class level") = [1]
    __private: int = 0

    def method(self, a: int, b: str = "b", *args: tuple, key: bool = True, **kwargs: dict) -> list:
        local: note("never evaluated") = 5
        return [a, b, local]


print(Box.__annotations__)
print(Box.second, Box.third)
print(Box.method.__annotations__)
print(Box().method(1))


def positional_only(a: 1, b: 2, /, c: 3, *, d: 4) -> 5:
    pass


print(positional_only.__annotations__)
print(list(positional_only.__annotations__))


def plain(a, b=2):
    pass


print(plain.__annotations__, plain.__annotations__ is plain.__annotations__)
plain.__annotations__ = {"a": "set later"}
print(plain.__annotations__)
try:
    plain.__annotations__ = 5
except TypeError as error:
    print("TypeError:", error)
plain.__annotations__ = None
print(plain.__annotations__)

lambda_function = lambda value: value
print(lambda_function.__annotations__)


class Empty:
    pass


print("__annotations__" in Empty.__dict__)


class Conditional:
    if True:
        inside_if: int = 1
    for _ in range(1):
        inside_for: str
    try:
        inside_try: float
    except Exception:
        pass


print(Conditional.__annotations__)


class Dotted:
    def __init__(self):
        self.attribute: note("attribute annotation, in a function: not evaluated") = 1


print(Dotted().attribute)


class Target:
    value = None
    items = {}


Target.value: note("module-level attribute target") = 10
Target.items["k"]: note("subscript target") = 20
Target.bare: note("bare attribute annotation")
print(Target.value, Target.items, hasattr(Target, "bare"))


def annotated_with_names():
    kind = "from closure"

    def inner(a: kind) -> kind:
        pass
    return inner.__annotations__


print(annotated_with_names())


def function_with_local_annotations():
    declared: int
    try:
        return declared
    except UnboundLocalError as error:
        return f"UnboundLocalError: {error}"


print(function_with_local_annotations())
print(__annotations__ is globals()["__annotations__"])
