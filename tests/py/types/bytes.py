# bytes: construction, sequence operations, comparison, hashing and the methods.

def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as error:
        print(label, type(error).__name__ + ":", error)

# Construction.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((1, 2, 255)), bytes(range(5)))
print(bytes("héllo", "utf-8"), bytes("abc", "ascii"), bytes("é", "latin-1"), bytes(b"xy"))
print(bytes(bytearray(b"ba")), bytes(memoryview(b"mv")), bytes(x for x in [104, 105]))
class WithBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(WithBytes()))
show("neg count", lambda: bytes(-1))
show("bad item", lambda: bytes([256]))
show("neg item", lambda: bytes([-1]))
show("str item", lambda: bytes(["a"]))
show("str no encoding", lambda: bytes("abc"))
show("encoding no str", lambda: bytes(b"abc", "utf-8"))
show("int encoding", lambda: bytes(3, "utf-8"))
show("float", lambda: bytes(1.5))
show("not iterable", lambda: bytes(None))
show("encode error", lambda: bytes("é", "ascii"))
show("unknown encoding", lambda: bytes("a", "nope"))
show("errors ignore", lambda: bytes("aéb", "ascii", "ignore"))
class BadBytes:
    def __bytes__(self):
        return "no"
show("bad __bytes__", lambda: bytes(BadBytes()))

# Literals and repr.
print(b"", b"a'b", b'a"b', b"a'\"b", b"\x00\x7f\x80\xff", b"\t\n\r\\")
print(repr(b"quote's"), str(b"abc"))

# Indexing, slicing, iteration, len.
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-1], b[::2], b[100:], b[-3:], len(b))
print(list(b"abc"), [x for x in b"\x00\xff"], tuple(b"hi"))
show("index error", lambda: b[20])
show("index type", lambda: b["a"])
it = iter(b"ab")
print(type(it).__name__, next(it), next(it))

# Operators.
print(b"ab" + b"cd", b"ab" + bytearray(b"cd"), b"ab" * 3, 2 * b"x", b"ab" * 0, b"ab" * -1)
show("add str", lambda: b"a" + "b")
show("add int", lambda: b"a" + 1)
show("mul float", lambda: b"a" * 1.5)
x = b"ab"
x += b"cd"
x *= 2
print(x)
print(b"ell" in b, 104 in b, 300 in b"a" if False else 0, b"" in b, b"z" in b, bytearray(b"wor") in b)
show("in str", lambda: "a" in b"abc")
show("in range", lambda: 256 in b"abc")
show("in float", lambda: 1.5 in b"abc")

# Comparison and hashing.
print(b"abc" == b"abc", b"abc" == bytearray(b"abc"), b"abc" != b"abd", b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc")
print(b"abc" <= b"abc", b"abc" >= b"abd", b"abc" == "abc", b"" == b"")
show("lt str", lambda: b"a" < "a")
print(hash(b"abc") == hash(b"abc"), hash(b"") == hash(b""), len({b"a": 1, b"a" + b"": 2}))
print({b"x", b"x", b"y"} == {b"y", b"x"}, b"abc" in {b"abc"})
print(bool(b""), bool(b"\x00"))

# Methods: decoding.
print(b"h\xc3\xa9llo".decode(), b"abc".decode("ascii"), b"\xe9".decode("latin-1"), b"abc".decode(encoding="utf-8"))
show("utf8 start", lambda: b"a\xffb".decode())
show("utf8 cont", lambda: b"\xe4A".decode())
show("utf8 end", lambda: b"ab\xe4\xb8".decode())
show("ascii", lambda: b"ab\x80\x81c".decode("ascii"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
print(b"a\xe4\xb8b".decode("utf-8", "replace"), b"\x80abc".decode("ascii", "replace"))
show("bad handler", lambda: b"\xff".decode("utf-8", "bogus"))
show("unknown", lambda: b"".decode("nope"))

# hex / fromhex.
print(b"\x00\xffab".hex(), b"".hex(), b"abcdef".hex(":"), b"abcdef".hex("-", 2), b"abcdef".hex("-", -2), b"abcde".hex(" ", 2))
print(bytes.fromhex("00ff 61"), bytes.fromhex(""), bytes.fromhex(" 4142 "), bytearray.fromhex("4a4B"))
show("fromhex odd", lambda: bytes.fromhex("abc"))
show("fromhex bad", lambda: bytes.fromhex("zz"))
show("fromhex int", lambda: bytes.fromhex(12))
show("hex sep", lambda: b"ab".hex("::"))

# join / split family.
print(b",".join([b"a", b"b", bytearray(b"c")]), b"".join([]), b"-".join((b"x",)))
show("join str", lambda: b",".join([b"a", "b"]))
print(b"a,b,,c".split(b","), b"  a b  c ".split(), b"a b c".split(None, 1), b"a,b,c".rsplit(b",", 1), b" a b ".rsplit())
print(b"a b".split(maxsplit=0), b"abc".split(b"abc"), b"".split(), b"".split(b","))
show("split empty sep", lambda: b"abc".split(b""))
show("split str", lambda: b"abc".split(","))
print(b"  x  ".strip(), b"xxaxx".strip(b"x"), b"  x  ".lstrip(), b"  x  ".rstrip(), b"abcba".strip(b"ab"), b"ab".rstrip(None))
print(b"line1\nline2\r\nline3\rend".splitlines(), b"a\nb\n".splitlines(True), b"".splitlines())
print(b"key=value=x".partition(b"="), b"noeq".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".rpartition(b"z"))
show("partition empty", lambda: b"abc".partition(b""))

# Searching.
s = b"abracadabra"
print(s.find(b"bra"), s.find(b"bra", 2), s.find(b"x"), s.rfind(b"bra"), s.find(97), s.rfind(97), s.find(b""), s.rfind(b""))
print(s.index(b"cad"), s.rindex(b"a"), s.count(b"a"), s.count(b"ab"), s.count(b""), s.count(97), s.find(b"a", -3), s.count(b"a", 1, -1))
show("index missing", lambda: s.index(b"zz"))
show("rindex missing", lambda: s.rindex(b"zz"))
show("find big int", lambda: s.find(256))
show("find str", lambda: s.find("a"))
print(s.startswith(b"abra"), s.startswith((b"x", b"ab")), s.endswith(b"bra"), s.startswith(b"bra", 1), s.endswith(b"cad", 0, 7))
show("startswith str", lambda: s.startswith("a"))
print(s.replace(b"a", b"A"), s.replace(b"a", b"", 2), s.replace(b"", b"-"), b"aaa".replace(b"a", b"bb", 1))
print(b"prefix-body".removeprefix(b"prefix-"), b"body.txt".removesuffix(b".txt"), b"x".removeprefix(b"y"))

# Case and classification.
print(b"Hello World 1".upper(), b"Hello World 1".lower(), b"hello world".title(), b"hELLO".capitalize(), b"Hello".swapcase())
print(b"\xe9abc".upper())
for t in [b"abc", b"ABC", b"Abc", b"123", b"abc123", b"  \t", b"", b"Ab Cd", b"\xe9"]:
    print(t, t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isascii())

# Layout.
print(b"ab".center(6), b"ab".center(7, b"*"), b"ab".ljust(5, b"."), b"ab".rjust(5), b"42".zfill(5), b"-42".zfill(5), b"+7".zfill(3), b"ab".center(1))
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(4))
show("center fill", lambda: b"a".center(5, b"ab"))
show("center str fill", lambda: b"a".center(5, "*"))

# translate / maketrans.
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97:100], b"aabbcc".translate(table), b"abcdef".translate(None, b"bd"), b"abc".translate(table, b"a"))
show("maketrans lengths", lambda: bytes.maketrans(b"ab", b"x"))
show("translate table", lambda: b"a".translate(b"short"))

# % formatting.
print(b"%s and %s" % (b"x", bytearray(b"y")), b"%d%%" % 50, b"%5d|%-5d|%05d" % (1, 2, 3), b"%x %X %o %#x" % (255, 255, 8, 255))
print(b"%r" % b"a", b"%a" % "é", b"%c%c" % (65, b"B"), b"%b" % b"bee", b"%.2f" % 3.14159, b"%(k)s" % {b"k": b"v"}, b"%s" % memoryview(b"m"))
print(b"%5s|%-5s|%.1s" % (b"ab", b"ab", b"ab"), b"%i %u" % (-3, 4), b"%e" % 12345.678)
show("%s str", lambda: b"%s" % "str")
show("%d str", lambda: b"%d" % "x")
show("too few", lambda: b"%s %s" % (b"a",))
show("too many", lambda: b"%s" % (b"a", b"b"))
show("bad char", lambda: b"%y" % 1)
show("%c range", lambda: b"%c" % 256)
show("%c long", lambda: b"%c" % b"ab")
print(b"%s" % WithBytes())

# Conversions through other constructors.
print(str(b"abc", "ascii"), str(b"\xc3\xa9", encoding="utf-8"), str(b"\xff", "utf-8", "replace"), str(bytearray(b"x"), "utf-8"), str(memoryview(b"mv"), "ascii"))
show("str decode str", lambda: str("x", "utf-8"))
show("str decode int", lambda: str(5, "utf-8"))
print(int(b" 12 "), int(b"ff", 16), int(bytearray(b"7")), float(b"2.5"), float(bytearray(b" 1e3 ")))
show("int bytes bad", lambda: int(b"x"))
show("float bytes bad", lambda: float(b"\xff"))

# Misc.
print(b"abc".isascii(), b"a b".split(b" "), bytes.__name__, type(b"").__name__, isinstance(b"", bytes))
print(sorted([b"b", b"a", b"ab"]), max(b"hello"), min(b"hello"), sum(b"\x01\x02"))
print(b"ab" * 2 == b"abab", b"a" in [b"a"], list(reversed(b"abc")))
print(b"ab".__add__(b"cd"), b"ab".__mul__(2), b"ab".__rmul__(2), b"%d".__mod__(5), bytearray(b"x").__add__(b"y"))
class Tagged(bytes):
    def __add__(self, other):
        return "tagged " + repr(bytes(self) + other) + " " + repr(super().__add__(other))
print(Tagged(b"t") + b"!", b"?" + Tagged(b"t"), Tagged(b"t") * 2, type(Tagged(b"t") * 2).__name__)
