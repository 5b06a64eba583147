# The format mini-language, f-strings (nested specs, conversions, =) and %-formatting corners.
print(f"{1234567.891:,.2f} {1234567:_} {0.000012345:.3g} {123.456:.0e} {-0.0:+.1f} {1e300*10:f} {float('nan'):>6}")
print(f"{'abc':.2} {'abc':>5.1} {12:#010b} {-12:#x} {255:#o} {3.0:g} {3.5:%} {1/3:.2%} {12345:e}")
print(f"{12:c} {65:c} {0x1F600:c}", f"{'x'!r:>{3+2}}", f"{3:{'>'}{4}}", f"{{{1}}}", f"{'{'}")
print(format(1e-5, ""), format(1e16, ""), format(123.0, ""), format(1.5e-7, ".2"), format(12345678.9, ".3"), format(0.1, ".17g"))
print(format(10, "n"), format(1234.5, "n"), format(True, ">5"), format(3, "+"), format(-3, " "), format(3, " "))
print("{:>10.3f}|{:<10}|{:^10}|{:*^10}".format(3.14159, "left", "mid", "star"))
print("{0!s:>8} {0!r:>8} {0!a}".format("é"))
print("{name:>{width}.{prec}f}".format(name=3.14159, width=10, prec=2))
print("{[key]} {.real} {0[1][0]}".format({"key": "v"}, 5j, [0, [9]]))
for spec in ["=10", "010", "+010.2f", "x<10", "^#10x", ",d", "_b", ".3s"]:
    try: print(repr(format(-42 if "s" not in spec else "hello", spec)))
    except ValueError as e: print(e)
for v, spec in [(1.5, "d"), ("s", "d"), (1, "s"), (1, ".2"), (1, ",s"), ("x", "="), (1.0, "c"), (1, "z"), (3j, "="), (None, "x")]:
    try: print(format(v, spec))
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
print("%5.2f%%|%-6s|%06.2f|%+d|%x|%#o|%e|%.3g|%10.4s|" % (3.14159, "ab", 3.14159, 5, 255, 8, 1e10, 1234567, "abcdefg"))
print("%(x)s and %(y)r" % {"x": [1], "y": "q"}, "%c%c" % (72, "i"), "%s" % (), "%%")
print("%d" % 3.9, "%i" % True, "%x" % 255, "%r" % 1.0, "%s" % 1e100, "%.2s" % "abc", "%5d|%-5d|" % (1, 2))
try: "%s %s" % ("a",)
except TypeError as e: print(e)
try: "%d" % "s"
except TypeError as e: print(e)
try: "%s" % ("a", "b")
except TypeError as e: print(e)
try: "%(a)s %s" % {"a": 1}
except TypeError as e: print(e)
print(f"{3.14!s:>6}", f"{[1,2]!r}", f"{'a' 'b'}", f"{1:{'0'}>{'3'}}")
x = 10
print(f"{x=}", f"{x = :>5}", f"{x=!r}", f"{x*2=}", f"{'é'=!a}")
print(f"""{
    x
}""")
print("{:,}".format(-1234567), "{:_x}".format(0xFFFFFF), "{:>+10,.1f}".format(-1234.56), "{:#_b}".format(10))
print(format(1234.5678, ",.2f"), format(-0.5, ".0f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(5e-324, ".3g"))
print(format(float("inf"), "+.2f"), format(float("-inf"), "010.2f"), format(float("nan"), "=+10"), format(123456789, ".2e"), format(-1e-10, "g"))
print(str(1.0), str(1e16), str(1.5e-5), repr(1e22), repr(123456789.123), repr(-0.0), str(2.0**60), 1e15, 1.0e-4)
print(round(0.125, 2), round(0.375, 2), round(2.5), round(-2.5), round(1234.5678, -2), round(5, -1), round(15, -1), round(25, -1))
