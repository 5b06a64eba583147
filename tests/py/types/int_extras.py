# int: to_bytes/from_bytes, as_integer_ratio, bit_count, conjugate and friends.

def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as error:
        print(label, type(error).__name__ + ":", error)

print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(), (255).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (-128).to_bytes(1, "little", signed=True), (2**64).to_bytes(9, "big"))
print((65).to_bytes(length=3, byteorder="little"), (5).to_bytes(0) if False else (0).to_bytes(0, "big"), True.to_bytes(1, "big"))
show("overflow", lambda: (256).to_bytes(1, "big"))
show("neg unsigned", lambda: (-1).to_bytes(1, "big"))
show("signed overflow", lambda: (128).to_bytes(1, "big", signed=True))
show("bad order", lambda: (1).to_bytes(1, "middle"))
show("neg length", lambda: (1).to_bytes(-1, "big"))
show("length type", lambda: (1).to_bytes("1", "big"))
show("order type", lambda: (1).to_bytes(1, 5))
show("zero length", lambda: (1).to_bytes(0, "big"))

print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"", "big"), int.from_bytes([1, 2], "big"), int.from_bytes(bytearray(b"\x80"), byteorder="little", signed=True), int.from_bytes(b"\x01"))
print(int.from_bytes(b"\x01" * 20, "little"), int.from_bytes(b"\xff" * 12, "big", signed=True), int.from_bytes(memoryview(b"\x02")))
show("from bad order", lambda: int.from_bytes(b"\x00", "sideways"))
show("from str", lambda: int.from_bytes("ab", "big"))
show("from ints", lambda: int.from_bytes([256], "big"))
class MyInt(int):
    pass
v = MyInt.from_bytes(b"\x07", "big")
print(v, type(v).__name__, bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)

for n in [0, 1, -7, 255, -256, 2**100 + 12345, -(2**70), True]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator, n.__index__())
print(type((5).as_integer_ratio()[0]).__name__, type(True.conjugate()).__name__, type(True.numerator).__name__)
print(int.__index__(7), (7).__int__(), (-3).__abs__() if hasattr(int, "__abs__") else 3, (10).__trunc__(), (10).__floor__(), (10).__ceil__(), (10).__round__(), (1234).__round__(-2))
print(round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
