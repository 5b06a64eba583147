# float: hex/fromhex, is_integer, as_integer_ratio, and inf/nan semantics.

def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as error:
        print(label, type(error).__name__ + ":", error)

for x in [0.0, -0.0, 1.0, -1.5, 0.1, 3.14159, 1e300, 5e-324, 2.2250738585072014e-308, 1 / 3, 123456.789, float("inf"), float("-inf"), float("nan")]:
    print(repr(x), x.hex(), x.is_integer())
for text in ["0x1.8p1", "-0x1p-2", "0x.8p0", "0X1P+4", "1", "0xff", "  0x1.fffffffffffffp+1023  ", "inf", "-Infinity", "nan", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x0p0", "-0x0.0p0", "0x1.00000000000008p0", "0x1.00000000000018p0", "0xa.bp3"]:
    show(text.strip(), lambda: float.fromhex(text))
show("overflow", lambda: float.fromhex("0x1p1024"))
show("invalid", lambda: float.fromhex("0x1.g"))
show("empty", lambda: float.fromhex(""))
show("not str", lambda: float.fromhex(1.0))
print(all(float.fromhex(x.hex()) == x for x in [0.1, 1e-310, 7.25, -123.5e10]))

for x in [0.5, -0.75, 0.1, 2.0, 1e20, 5e-324, -0.0]:
    print(x, x.as_integer_ratio())
show("ratio inf", lambda: float("inf").as_integer_ratio())
show("ratio nan", lambda: float("nan").as_integer_ratio())
print((2.5).conjugate(), (2.5).real, (2.5).imag, (3.0).__trunc__(), (3.7).__floor__() if hasattr(float, "__floor__") else 3, (-3.5).__round__(), (2.675).__round__(2))

inf, nan = float("inf"), float("nan")
print(inf == inf, inf > 1e308, -inf < -1e308, inf + 1, inf - inf, inf * 0, inf * -2, -inf / 1e300 if True else 0)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= nan, [nan] == [1.0], 1.0 in [nan])
print(inf == 10 ** 400, inf > 10 ** 400, -inf < -(10 ** 400), 10 ** 400 < inf, 1e308 * 10, -1e308 * 10, 2.0 ** 1000 < inf)
print(max(1.0, nan), min(nan, 1.0), sorted([3.0, 1.0, 2.0]), abs(-inf), abs(nan), -nan)
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0), hash(1.0) == hash(1), hash(nan) == hash(nan) or True)
print(round(inf) if False else "skip", 1 / inf, -1 / inf, inf % 2 if False else "", divmod(5.5, inf), 5.5 % inf, -5.5 % inf, 5.5 // inf, -5.5 // inf)
show("inf mod", lambda: inf % 2)
show("inf floordiv", lambda: inf // 2)
show("int inf", lambda: int(inf))
show("int nan", lambda: int(nan))
show("round inf", lambda: round(inf))
show("round nan", lambda: round(nan))
show("zero div", lambda: 1.0 / 0)
show("zero mod", lambda: 1.0 % 0.0)
show("pow overflow", lambda: 10.0 ** 400)
show("neg pow", lambda: (-8.0) ** (1 / 3))
print(float("1e500"), float("-1e500"), float("1e-500"), 0.0 == -0.0, str(-0.0), 1e16, 1.5e-7, 9007199254740993.0)
print(float(" 12.5 "), float("1_000.5"), float("+nan"), float("-iNF"), float(b"2.5") if True else 0, 0.1 + 0.2, 1e22, 1e23)
