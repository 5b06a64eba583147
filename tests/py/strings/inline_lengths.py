# Strs around the length where krait stops storing text inside the object (29 bytes): ASCII and
# 2-, 3- and 4-byte characters at every length 0..40, concatenation and slicing across the
# boundary, and equal strs built different ways meeting as dict keys and set members.
units = ["a", "é", "€", "😀"]
for unit in units:
    for length in range(0, 41):
        s = unit * length
        t = "".join([unit] * length)
        assert s == t and hash(s) == hash(t), (unit, length)
        assert len(s) == length and len(s.encode()) == length * len(unit.encode())
        if length:
            assert s[0] == unit and s[-1] == unit and s[length // 2] == unit
            assert s[1:] == unit * (length - 1) and s[:-1] == unit * (length - 1)
            assert s[::2] == unit * ((length + 1) // 2)
            assert s[::-1] == s
    print(unit.encode(), "ok")

# Mixed widths: the character index of a long non-ASCII str and of a short one.
mixed = "".join(units[i % 4] + str(i) for i in range(30))
print(len(mixed), mixed[:12], mixed[-9:], mixed[40:47], mixed[::7])
print([mixed[i] for i in range(0, len(mixed), 11)])
print(mixed.find("€"), mixed.find("😀2"), mixed.rfind("a"), mixed.index("é25"), mixed.count("😀"))
for width in (27, 28, 29, 30, 31):
    ascii_text = "x" * width
    print(width, len(ascii_text + "é"), len("é" + ascii_text), (ascii_text + "é")[-2:], ("é" + ascii_text)[:2])

# Concatenation across the boundary, with += in a loop.
word = ""
lengths = []
for i in range(45):
    word += "ab"[i % 2]
    lengths.append(len(word))
print(word, lengths[26:32])
built = ""
for i in range(12):
    built += "ü€"
print(len(built), built[20:], built.upper()[:6], built.encode()[:7])

# Equal strs built different ways are the same dict key and set member.
keys = {}
for length in range(0, 40, 3):
    literal = "k" * length
    keys[literal] = length
for length in range(0, 40, 3):
    made = "".join("k" for _ in range(length))
    sliced = ("k" * 60)[:length]
    joined = "k" * (length // 2) + "k" * (length - length // 2)
    assert keys[made] == keys[sliced] == keys[joined] == length
    keys[made] += 100
print(sorted(keys.values()))
members = {("é" * n) for n in range(35)} | {"".join(["é"] * n) for n in range(35)}
print(len(members), max(members, key=len) == "é" * 34)

# str subclasses are not the fast path: their own __eq__ and __hash__ are honoured.
class Loud(str):
    def __hash__(self):
        return hash(str(self))
    def __eq__(self, other):
        print("Loud.__eq__", str(self)[:5], str(other)[:5])
        return str(self) == str(other)

d = {"short": 1, "a long key of more than twenty-nine bytes": 2}
print(d[Loud("short")], d[Loud("a long key of more than twenty-nine bytes")])
d[Loud("short")] = 10
print(d, type(list(d)[0]).__name__)
print("".join([Loud("x")]), type("".join([Loud("x")])).__name__, type("".join(["x"])).__name__)
print(type(Loud("ab") + "cd").__name__, type("ab" + Loud("cd")).__name__, "ab" + Loud("") + "")

# split / strip / case on ASCII and non-ASCII text, short and long.
samples = [
    "  Hello, World!  ",
    "\tMixed CASE text with punctuation;;; and a long tail of words\n",
    "  Ünïcödé  Wörds,  ÅLESUND  ",
    "日本 語\u3000テキスト  ",
    "ǅemal ßa ﬁx ΣΑΣ",
    "",
    "   ",
]
for sample in samples:
    print(repr(sample.split()), repr(sample.split(" ")), repr(sample.rsplit(None, 1)))
    print(repr(sample.strip()), repr(sample.strip(" ,;!")), repr(sample.lstrip()), repr(sample.rstrip("\n ")))
    print(repr(sample.lower()), repr(sample.upper()), repr(sample.capitalize()))
    print(repr(sample.title()), repr(sample.swapcase()), repr(sample.casefold()))
    print(repr(sample.splitlines()), len(sample.strip()))
print("a.b.c".strip("a."), "xxhixx".strip("x"), "é!é".strip("é"), "!!".strip("!"), "abc".strip(""))
print("o'neil 3rd x_y".title(), "ABC".lower() == "abc", "abc".lower(), "ABC def".swapcase())
