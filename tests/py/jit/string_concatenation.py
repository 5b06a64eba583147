# `a + b` and `a += b` of two exact strs go through a fast path in compiled code; every other
# operand (str subclasses with their own `__add__` or `__radd__`, lists, ints, a str and a
# non-str raising TypeError) takes the generic path at the same site, after it was compiled.


def join_all(parts):
    text = ""
    for part in parts:
        text += part
    return text


def pairs(lefts, rights):
    out = []
    for left, right in zip(lefts, rights):
        out.append(left + right)
    return out


words = ["ab", "c", "", "déf", "x" * 40, "😀"] * 500
joined = join_all(words)
print(len(joined), joined[:20], joined[-10:])
print(len(join_all(["y"] * 3000)))
made = pairs(words, list(reversed(words)))
print(len(made), made[:7])
empty = ""
same = "kept"
print(all(empty + same is same for _ in range(2000)), all(same + empty is same for _ in range(2000)))
print(pairs(["a", "", "b"] * 1000, ["", "c", ""] * 1000)[:3])


class Shout(str):
    def __add__(self, other):
        return "SHOUT"


class Plain(str):
    pass


print(pairs([Shout("a")] * 1500 + ["b"] * 1500, ["c"] * 1500 + [Shout("d")] * 1500)[1499:1501])
# (A str subclass's __radd__ is left out: krait's interpreter does not call it first for
# `str + subclass` yet, compiled or not.)
mixed = pairs([Plain("p"), "q"] * 1500, ["r", Plain("s")] * 1500)
print(mixed[:2], type(mixed[0]).__name__, type(mixed[1]).__name__)
print(pairs([[1], (2,), 3] * 1000, [[4], (5,), 6] * 1000)[:3])
try:
    pairs(["a"] * 2000 + ["b"], ["c"] * 2000 + [7])
except TypeError as error:
    print("TypeError", error)
try:
    join_all(["a"] * 2000 + [None])
except TypeError as error:
    print("TypeError", error)
