# `len(x)` in compiled code answers itself for exact lists, tuples, strs, dicts, sets, bytes and
# bytearrays, and makes the call as usual for anything else: subclasses with their own
# `__len__`, objects whose `__len__` returns huge or negative ints, non-ints or raises, and
# `len` rebound in the module, in `builtins` or shadowed by a local after the code compiled.
import builtins


class Sized:
    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


class Raising:
    def __len__(self):
        raise KeyError("no length")


class MyList(list):
    def __len__(self):
        return 100


class MyStr(str):
    def __len__(self):
        return -1 if False else 7


class MyDict(dict):
    pass


class MyTuple(tuple):
    def __len__(self):
        return 3


def measure(values):
    total = 0
    for value in values:
        total += len(value)
    return total


plain = [[1, 2, 3], (4, 5), "héllo", {"a": 1}, {1, 2}, frozenset([3]), b"xyz", bytearray(b"ab"), [], ()]
for round_number in range(300):
    result = measure(plain)
print("plain", result)

mixed = plain + [MyList([1]), MyStr("ab"), MyDict(a=1, b=2), MyTuple((1,)), Sized(5), range(10), {"k": 1}.keys()]
for round_number in range(300):
    result = measure(mixed)
print("mixed", result)


def measure_one(value):
    return len(value)


for round_number in range(300):
    measure_one([round_number])
print("huge", measure_one(Sized(2**40)))
for bad in [Sized(2**70), Sized(-1), Sized("3"), Sized(True), Raising(), 5, None, 1.5, len]:
    try:
        print("bad", measure_one(bad))
    except Exception as error:
        print(type(error).__name__, error)


def wrong_counts():
    out = []
    for args in [(), ([1], [2])]:
        try:
            out.append(len(*args))
        except TypeError as error:
            out.append(str(error))
    try:
        out.append(len())
    except TypeError as error:
        out.append(str(error))
    try:
        out.append(len([1], [2]))
    except TypeError as error:
        out.append(str(error))
    try:
        out.append(len([1], extra=2))
    except TypeError as error:
        out.append(str(error))
    return out


for round_number in range(300):
    messages = wrong_counts()
print(messages)


def growing(count):
    items = []
    lengths = 0
    for index in range(count):
        items.append(index)
        lengths += len(items)
        if len(items) % 50 == 0:
            items = items[:10]
    return lengths, len(items)


print(growing(3000))


def len_in_try(values):
    caught = 0
    total = 0
    for value in values:
        try:
            total += len(value)
        except KeyError:
            caught += 1
    return total, caught


for round_number in range(300):
    outcome = len_in_try([[1], Raising(), "abc", Raising()])
print(outcome)


def local_shadow(value):
    len = lambda item: -5
    return len(value)


for round_number in range(300):
    shadowed = local_shadow([1, 2])
print("local", shadowed)


def module_len(value):
    return len(value)


for round_number in range(300):
    module_len([1, 2, 3])
print("before", module_len([1, 2, 3]))


def len(value):
    return "module len"


print("module", module_len([1, 2, 3]), measure_one("ab"))
del len
print("restored", module_len([1, 2, 3]))
original = builtins.len
builtins.len = lambda value: "builtins len"
print("builtins", module_len([1, 2, 3]), measure_one((1,)))
builtins.len = original
print("back", module_len([1, 2, 3]), measure_one((1,)))
for round_number in range(300):
    module_len(round_number * "x")
print("str", module_len("x" * 1000))

# Many fresh containers per round, for the collector.
garbage = 0
for round_number in range(2000):
    garbage += measure([[0] * (round_number % 7), (round_number,), "s" * (round_number % 5), {round_number: 1}])
print("garbage", garbage)
