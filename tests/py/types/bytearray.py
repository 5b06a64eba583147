# bytearray: construction, the bytes methods, and mutation.

def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as error:
        print(label, type(error).__name__ + ":", error)

print(bytearray(), bytearray(3), bytearray(b"abc"), bytearray([1, 2, 3]), bytearray("hé", "utf-8"), bytearray(range(3)))
print(repr(bytearray(b"a'b")), str(bytearray(b"xy")), type(bytearray()).__name__)
show("bad item", lambda: bytearray([300]))
show("str no encoding", lambda: bytearray("abc"))
show("neg", lambda: bytearray(-2))

a = bytearray(b"hello")
print(a[0], a[-1], a[1:3], a[::-1], len(a), list(a), b"ell" in a, 108 in a)
it = iter(a)
print(type(it).__name__, next(it))

# Item and slice assignment.
a[0] = 72
print(a)
a[1:3] = b"EY"
print(a)
a[1:3] = b""
print(a)
a[0:0] = bytearray(b"<<")
print(a)
a[len(a):] = [33, 63]
print(a)
a[::2] = b"\x00" * len(a[::2])
print(a)
show("item range", lambda: a.__setitem__(0, 256))
show("item type", lambda: a.__setitem__(0, b"x"))
show("index error", lambda: a.__setitem__(100, 1))
show("ext slice size", lambda: a.__setitem__(slice(None, None, 2), b"x"))
b = bytearray(b"0123456789")
show("slice int", lambda: b.__setitem__(slice(2, 5), 3))
b[2:5] = bytearray(3)
print(b)
b[1:4] = range(65, 70)
print(b)
del b[0]
print(b)
del b[-1]
print(b)
del b[::2]
print(b)
del b[1:3]
print(b)
show("del index", lambda: b.__delitem__(50))

# Mutating methods.
c = bytearray(b"abc")
c.append(100)
c.extend(b"ef")
c.extend([103, 104])
c.extend(bytearray(b"i"))
c.insert(0, 95)
c.insert(-1, 45)
c.insert(100, 33)
print(c)
print(c.pop(), c.pop(0), c.pop(-2), c)
c.remove(ord("c"))
print(c)
c.reverse()
print(c)
d = c.copy()
d.clear()
print(c, d, len(d))
show("append range", lambda: c.append(256))
show("append str", lambda: c.append("a"))
show("pop empty", lambda: bytearray().pop())
show("pop index", lambda: bytearray(b"a").pop(5))
show("remove missing", lambda: bytearray(b"abc").remove(120))
show("extend str", lambda: bytearray().extend("abc"))
show("extend int", lambda: bytearray().extend(5))
show("insert range", lambda: bytearray().insert(0, -1))

# In-place operators keep the object.
e = bytearray(b"xy")
alias = e
e += b"z"
e *= 2
print(e, alias is e, alias)
print(bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), bytearray(b"ab") * 2, 3 * bytearray(b"-"))
print(type(bytearray(b"ab") + b"cd").__name__, type(b"ab" + bytearray(b"cd")).__name__)

# Non-mutating methods return bytearrays.
f = bytearray(b"  Hello, World  ")
print(f.strip(), f.upper(), f.lower(), f.split(b","), f.replace(b"l", b"L"), f.find(b"World"), f.count(b"l"))
print(f.strip().decode(), f.hex(), bytearray(b"ab").center(6, b"*"), bytearray(b"x").zfill(3), bytearray(b"a,b").partition(b","))
print(bytearray(b"-").join([b"a", bytearray(b"b")]), bytearray(b"abc").translate(bytes.maketrans(b"a", b"A")), bytearray(b"a\nb").splitlines())
print(bytearray(b"%d-%s") % (1, b"x"), bytearray(b"ab").startswith(b"a"), bytearray(b"abc").isalpha(), bytearray(b"aBc").swapcase())

# Comparison and hashing.
print(bytearray(b"abc") == b"abc", bytearray(b"a") < bytearray(b"b"), bytearray(b"b") > b"a", bytearray() == bytearray())
show("hash", lambda: hash(bytearray(b"a")))
show("set", lambda: {bytearray(b"a")})
print(bytes(bytearray(b"conv")), bytearray(bytearray(b"copy")))

# Growth in a loop.
g = bytearray()
for i in range(1000):
    g.append(i % 256)
print(len(g), g[255], g[256], sum(g))
g[:] = b""
print(g, len(g))

class Buffer(bytearray):
    def first(self):
        return self[0]

h = Buffer(b"sub")
h.append(33)
print(h, h.first(), len(h), isinstance(h, bytearray))
