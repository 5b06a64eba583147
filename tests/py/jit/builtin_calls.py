# Builtin calls from compiled code: `len(x)` read inline for exact lists, tuples and strs, and
# builtin functions and methods of builtin receivers called straight from the call helper.
# Each loop is compiled before what it calls changes: other argument types, subclasses that
# override the method, `len` rebound (globally and in builtins), exceptions raised by the
# builtin, methods of str and dict subclasses.
import builtins


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class ShortList(list):
    def __len__(self):
        return 1


class LoudStr(str):
    def __len__(self):
        return 99

    def strip(self, chars=None):
        return "<" + str.strip(self, chars) + ">"


class Defaults(dict):
    def __missing__(self, key):
        return "missing"

    def get(self, key, default=None):
        return ("get", key, default)


def total_length(items):
    total = 0
    for item in items:
        total += len(item)
    return total


def lengths(items):
    out = []
    for item in items:
        try:
            out.append(len(item))
        except TypeError as error:
            out.append(str(error))
    return out


values = [[1, 2, 3], (4, 5), "naïve café", "", [], ()] * 200
print(total_length(values))
print(lengths([[1], (1, 2), "日本", {1: 2, 3: 4}, {5}, Sized(7), ShortList([1, 2, 3]),
               LoudStr("abc"), range(10), b"bytes", 12, None]))
print(total_length(values + [ShortList([1, 2, 3, 4]), LoudStr("xy"), Sized(1000)]))


def count_up(n):
    i = 0
    steps = 0
    text = "abcdef"
    while i < len(text) * n:
        i += 1
        steps += len(text)
    return steps


print(count_up(300))
len = lambda value: 1  # noqa: E731 - rebinding the global the compiled code folded
print(count_up(300))
del len
print(count_up(300))
original_len = builtins.len
builtins.len = lambda value: 2
print(count_up(300))
builtins.len = original_len
print(count_up(300))


def normalise(words):
    counts = {}
    for raw in words:
        word = raw.strip(",.!").lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


words = ["Alpha,", "beta.", "GAMMA!", "alpha", "Beta"] * 300
print(sorted(normalise(words).items()))
print(sorted(normalise(words + [LoudStr("  Loud  "), LoudStr("x")]).items()))


def lookups(table, keys):
    out = []
    for key in keys:
        out.append(table.get(key, 0))
    return out


keys = ["a", "b", "c", "d"] * 300
print(sum(lookups({"a": 1, "b": 2}, keys)))
print(lookups(Defaults(a=1), ["a", "zz"]))


def positions(text, needles):
    out = []
    for needle in needles:
        try:
            out.append(text.index(needle))
        except ValueError as error:
            out.append(str(error))
    return out


print(positions("hello world", ["o", "w", "hello"] * 300)[-3:])
print(positions("hello world", ["o", "zz", "d"]))


def codes(text):
    total = 0
    for ch in text:
        total += ord(ch)
    return total


print(codes("json ünïcode 日本" * 100))
try:
    codes(["ab"])
except TypeError as error:
    print("TypeError:", error)


def split_join(lines):
    out = []
    for line in lines:
        parts = line.split(" ")
        out.append("-".join(parts).upper())
    return out


print(split_join(["a b c", "d e", "f"] * 200)[-3:])
try:
    split_join(["a b", 5])
except AttributeError as error:
    print("AttributeError:", error)
