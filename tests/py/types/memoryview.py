# memoryview basics over bytes and bytearray (one-dimensional, format 'B').

def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as error:
        print(label, type(error).__name__ + ":", error)

m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m.tobytes(), m.tolist(), m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides)
print(m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tolist(), len(m[2:]), m[1:4][1], bytes(m[4:]))
print(m.obj, m[1:].obj is m.obj, type(m).__name__, m == b"abcdef", m == memoryview(b"abcdef"), m != b"x", m.hex(), m[1:3].hex())
print(list(m[:3]), [x for x in m[3:]], b"".join([m[:2], b"!"]), b"abc" + m[:1], bytearray(m[:2]))
show("index", lambda: m[10])
show("index type", lambda: m["a"])
show("readonly", lambda: m.__setitem__(0, 1))
show("hash", lambda: hash(memoryview(b"ab")) == hash(b"ab"))
show("not buffer", lambda: memoryview("str"))
show("not buffer int", lambda: memoryview(5))

ba = bytearray(b"hello")
view = memoryview(ba)
print(view.readonly, view.tobytes())
view[0] = 74
view[1:3] = b"EE"
print(ba, view.tobytes(), view[1:3].tobytes())
ba[4] = 33
print(view.tobytes(), view.tolist())
show("set range", lambda: view.__setitem__(0, 256))
show("set size", lambda: view.__setitem__(slice(0, 2), b"abc"))
show("unhashable", lambda: hash(view))

# Release and the context manager.
with memoryview(b"ctx") as cm:
    print(cm.tobytes(), repr(cm).startswith("<memory"))
print(repr(cm).startswith("<released memory"))
show("released len", lambda: len(cm))
show("released tobytes", lambda: cm.tobytes())
show("released index", lambda: cm[0])
r = memoryview(b"rel")
r.release()
r.release()
print(repr(r).startswith("<released memory at 0x"), repr(memoryview(b"")).startswith("<memory at 0x"))
mv2 = memoryview(memoryview(b"nested"))
print(mv2.tobytes(), mv2.obj)
print(b"ab" in [memoryview(b"ab")], memoryview(b"abc")[1:].tobytes().decode())
