# The interpreter's and runtime's shortcuts for strs and dicts with str keys, each exercised
# with the shapes that must leave them: dict subclasses, __missing__, keys of other types with
# the same hash, str subclasses, mutation, errors.
counts = {}
for word in "the cat and the hat and the bat".split():
    if word in counts:
        counts[word] += 1
    else:
        counts[word] = 1
print(counts)

class Missing(dict):
    def __missing__(self, key):
        return "missing " + key

m = Missing(a=1)
print(m["a"], m["b"])

class Logged(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

logged = Logged()
logged["k"] = 1
logged["k"] += 1
print(logged)

# A key of another type whose hash collides with a str key's: its __eq__ decides.
class Collider:
    def __init__(self, text):
        self.text = text
    def __hash__(self):
        return hash(self.text)
    def __eq__(self, other):
        print("Collider.__eq__", self.text, other)
        return other == self.text

table = {Collider("key"): "from collider"}
print(table["key"])
table["key"] = "replaced"
print(list(table.values()))
print("key" in table, table.get("key"))

# KeyError from the fast path's fallback.
try:
    counts["dog"]
except KeyError as error:
    print("KeyError", error)

# Unhashable keys still raise.
try:
    counts[["list"]] = 1
except TypeError as error:
    print("TypeError", error)

# Equality of strs: same text in different objects, different lengths, non-ASCII.
a = "".join(["wo", "rd"])
b = "wor" + "d"
print(a == b, a is b, a != "words", "é" * 3 == "".join(["é"] * 3), "ab" < "abc", "b" > "abc")

# Iteration and indexing give one-character strs; non-ASCII ones too.
text = "aé€😀z"
print([c for c in text], [text[i] for i in range(len(text))], text[-1], text[1:4])
print([ord(c) for c in "Ålesund"], list(reversed("añb")))
ESC = {'"': '\\"', "\n": "\\n"}
print([ESC.get(c, c) for c in 'say "hi"\n'])

# join: lists, tuples, generators, str subclasses, errors.
print("-".join(("x", "y")), "".join(c for c in "gen"), "é".join(["a", "b", "c"]))
try:
    "".join(["a", 1])
except TypeError as error:
    print("TypeError", error)
try:
    "".join(5)
except TypeError as error:
    print("TypeError", error)
class Loud(str):
    pass
print(", ".join([Loud("a"), "b", Loud("c")]))
print(repr("".join([])), repr("".join([""])), repr("ab" + ""), repr("" + "ab"))

# dict.get / setdefault / pop with str keys built at run time.
d = {}
for i in range(40):
    key = "k" * (i % 35)
    d[key] = d.get(key, 0) + 1
print(len(d), d["k" * 34], d.setdefault("new", 5), d.pop(""), len(d))

# str() of ints at the edges of the inline range, bools, and int subclasses.
class Count(int):
    def __str__(self):
        return "Count!"
for n in [0, 5, -5, 9, 10, -10, 2**47 - 1, -2**47, 2**47, -2**47 - 1, 10**20, True, False]:
    print(str(n), len(str(n)), str(n) == repr(n))
print(str(Count(3)), repr(Count(3)), str(int(Count(4))), f"{7}", "%d" % -8)
