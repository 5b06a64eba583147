# One `LoadMethod`/`CallMethod` site meets receivers of builtin types (cached per type: the
# builtin method is called with its arguments in place), subclasses of those types that
# override the method or not, instances of Python classes with the method on the class or
# set on the instance, and methods replaced on the class between calls.


class LoudList(list):
    def append(self, item):
        print("LoudList.append", item)
        super().append(item * 10)


class QuietList(list):
    pass


class Recorder:
    def __init__(self):
        self.items = []

    def append(self, item):
        self.items.append(("class", item))


def add_all(target, values):
    # The one site under test: `target.append`.
    for value in values:
        target.append(value)
    return target


plain = add_all([], [1, 2])
loud = add_all(LoudList(), [3, 4])
quiet = add_all(QuietList(), [5])
recorder = add_all(Recorder(), [6])
print(plain, loud, quiet, type(quiet).__name__, recorder.items)

# An `append` attribute set on the instance shadows the class's method.
shadowed = Recorder()
shadowed.append = lambda item: print("instance attribute", item)
add_all(shadowed, [7])
print(shadowed.items)
del shadowed.append
add_all(shadowed, [8])
print(shadowed.items)
print(add_all([], ["again"]))

# The method replaced on the class between calls.
def replacement(self, item):
    self.items.append(("replaced", item))


Recorder.append = replacement
print(add_all(Recorder(), [9]).items)
del Recorder.append
try:
    add_all(Recorder(), [10])
except AttributeError as error:
    print("AttributeError:", error)


# Methods of several builtin types at one site, including non-ASCII text and huge ints.
def describe(value):
    return value.__repr__(), value.__class__.__name__


for value in [1, 2**100, -0.5, "naïve", "日本", b"by", (1,), [2], {3: 4}, {5}, None, True]:
    print(describe(value))


def lookups(mapping, keys):
    return [mapping.get(key) for key in keys]


class DefaultingDict(dict):
    def get(self, key, default="missing"):
        return dict.get(self, key, default)


print(lookups({"a": 1, "é": 2}, ["a", "é", "z"]))
print(lookups(DefaultingDict(a=1), ["a", "z"]))


def starts(text, prefix):
    return text.startswith(prefix)


print(starts("naïve café", "naï"), starts("abc", "b"), starts("abc", ("x", "a")))

# Wrong argument counts and types through the cached builtin method raise CPython's errors.
for arguments in [(), (1, 2)]:
    try:
        [].append(*arguments)
    except TypeError as error:
        print("TypeError:", error)
for count in range(3):
    try:
        print("abc".startswith(5 if count == 1 else "a"))
    except TypeError as error:
        print("TypeError:", error)


# Errors raised inside methods (Python and builtin) keep their tracebacks' frames.
class Exploder:
    def explode(self, depth):
        if depth == 0:
            return {}.pop("key")
        return self.explode(depth - 1)


try:
    Exploder().explode(3)
except KeyError as error:
    frames = 0
    traceback = error.__traceback__
    while traceback is not None:
        frames += 1
        traceback = traceback.tb_next
    print("KeyError:", error, "frames:", frames)

# A builtin method on a receiver whose type changes at the site each time round.
for value in ["x", ["x"], ("x",), "xx"]:
    print(type(value).__name__, value.count("x"), value.index("x"))

# Unbound method objects and bound builtin methods called as plain values.
append = plain.append
append(99)
list.append(plain, 100)
print(plain, str.upper("ß"), len(plain))
