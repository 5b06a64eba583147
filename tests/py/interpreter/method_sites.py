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


# super() method calls (found without a bound-method object) along a diamond, with
# classmethods, staticmethods, properties and builtin methods reached through super().
class Base:
    def greet(self, name, punctuation="!"):
        return f"Base greets {name}{punctuation}"

    @classmethod
    def make(cls):
        return f"made {cls.__name__}"

    @staticmethod
    def helper(value):
        return value * 2

    @property
    def kind(self):
        return "base kind"


class Left(Base):
    def greet(self, name, punctuation="!"):
        return "Left/" + super().greet(name, punctuation)


class Right(Base):
    def greet(self, name, punctuation="?"):
        return "Right/" + super().greet(name, punctuation=punctuation)


class Diamond(Left, Right):
    def greet(self, name):
        return "Diamond/" + super().greet(name)

    def others(self):
        return super().make(), super().helper(21), super().kind, super(Left, self).greet("x")


diamond = Diamond()
for round in range(2):
    print(diamond.greet("Ada"), diamond.others())


class Counter(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value + 1)

    def get(self, key, default=None):
        return super().get(key, default)


counter = Counter()
counter["a"] = 1
print(counter, counter.get("a"), counter.get("b", "none"))


class Swapping(Base):
    def greet(self, name, punctuation="!"):
        return super().greet(name, punctuation)


print(Swapping().greet("one"))
Base.greet = lambda self, name, punctuation: f"replaced {name}"
print(Swapping().greet("two"))
try:
    super(Swapping, Swapping()).missing()
except AttributeError as error:
    print("AttributeError:", error)


# Bound methods called through a plain `Call` (stored, passed around, with keywords).
class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, amount, times=1):
        self.total += amount * times
        return self.total


accumulator = Accumulator()
add = accumulator.add
results = [add(1), add(2, 3), add(amount=4), add(1, times=2)]
with_argument = [accumulator.add, [].append]
without = ["é".upper, Base.make, diamond.others]
print(results, [callback(5) for callback in with_argument], [callback() for callback in without])
try:
    add()
except TypeError as error:
    print("TypeError:", error)
try:
    add(1, 2, 3)
except TypeError as error:
    print("TypeError:", error)
