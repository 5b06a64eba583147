# `isinstance(x, C)` in compiled code answers itself where the builtin consults no hook (x's
# class is C, or C's metaclass is exactly `type`), and makes the call as usual for anything
# else: tuples and unions of classes, metaclasses with `__instancecheck__`, ABCs, arguments
# that are not classes, wrong argument counts, and `isinstance` rebound in the module, in
# `builtins` or shadowed by a local after the code compiled.
import builtins
from collections.abc import Sequence


class Base:
    pass


class Child(Base):
    pass


class MyInt(int):
    pass


class Meta(type):
    def __instancecheck__(cls, instance):
        return instance == "magic"


class Magic(metaclass=Meta):
    pass


def kind(value):
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    if isinstance(value, Base):
        return "base"
    return "other"


values = [True, 3, 2**80, MyInt(4), 1.5, "s", [1], {}, Base(), Child(), None, (1,), object]
for round_number in range(300):
    kinds = [kind(value) for value in values]
print(kinds)


def check(value, classes):
    return isinstance(value, classes)


for round_number in range(300):
    check(round_number, int)
cases = [
    (3, (str, int)),
    ("x", (list, (dict, str))),
    (3, int | str),
    (None, int | None),
    ("magic", Magic),
    ("plain", Magic),
    (Magic(), Magic),
    ([1], Sequence),
    ({}, Sequence),
    (Child(), Base),
    (Base(), Child),
    (int, type),
    (type, object),
    (3, object),
]
for value, classes in cases:
    print(check(value, classes))
for bad in [3, "int", None, [int], list[int]]:
    try:
        print(check(1, bad))
    except TypeError as error:
        print("TypeError", error)


def wrong_counts():
    out = []
    try:
        out.append(isinstance(1))
    except TypeError as error:
        out.append(str(error))
    try:
        out.append(isinstance(1, int, str))
    except TypeError as error:
        out.append(str(error))
    try:
        out.append(isinstance(1, cls=int))
    except TypeError as error:
        out.append(str(error))
    return out


for round_number in range(300):
    messages = wrong_counts()
print(messages)


def local_shadow(value):
    isinstance = lambda item, classes: "local"
    return isinstance(value, int)


for round_number in range(300):
    shadowed = local_shadow(1)
print(shadowed)


def module_check(value):
    return isinstance(value, int)


for round_number in range(300):
    module_check(round_number)
print("before", module_check(1), module_check("1"))


def isinstance(value, classes):
    return "module isinstance"


print("module", module_check(1), check(1, int))
del isinstance
print("restored", module_check(1))
original = builtins.isinstance
builtins.isinstance = lambda value, classes: "builtins isinstance"
print("builtins", module_check(1), check(1, int))
builtins.isinstance = original
print("back", module_check(1), check("1", int))


def raising_in_try(values):
    caught = 0
    hits = 0
    for value in values:
        try:
            if isinstance(value, 5):
                hits += 1
        except TypeError:
            caught += 1
    return hits, caught


for round_number in range(300):
    outcome = raising_in_try([1, "a"])
print(outcome)

# Fresh classes and instances per round, for the collector.
total = 0
for round_number in range(1500):
    Fresh = type("Fresh", (Base,), {})
    total += check(Fresh(), Base) + check(Base(), Fresh) + check([round_number], list)
print("garbage", total)
