# f-strings: expressions, conversions and format specs.
x = 3.14159265
n = 1234567
s = "krait"
print(f"{x}")
print(f"[{x:>8.3f}]", f"[{x:<8.2f}]", f"[{x:^10.1f}]", f"[{x:08.3f}]", f"[{-x:+.2f}]", f"[{x:+.2f}]")
print(f"{n:,}", f"{n:_}", f"{n:>12,}", f"{n:012d}", f"{-n:,}", f"{1234.5678:,.2f}")
print(f"{s!r}", f"{s!s}", f"{s:>8}", f"{s:<8}|", f"{s:^9}|", f"{s:*^9}", f"{s:.3}", f"{s!r:>10}")
print(f"{255:x}", f"{255:X}", f"{255:#x}", f"{255:o}", f"{255:#o}", f"{5:b}", f"{5:#010b}", f"{65:c}")
print(f"{0.5:%}", f"{0.256:.1%}", f"{12345.678:e}", f"{12345.678:.2E}", f"{0.000012345:g}", f"{123456789.0:g}", f"{1.5:g}")
print(f"{42:d}", f"{42:5d}|", f"{42:<5d}|", f"{-42:5d}|", f"{42: d}", f"{-42: d}", f"{42:=+6d}")
print(f"{1e20:f}", f"{1/3:.10f}", f"{2.5:.0f}", f"{3.5:.0f}", f"{0.125:.2f}", f"{-0.0:.1f}")
print(f"{float('inf'):f}", f"{float('nan'):.2f}", f"{float('-inf'):>6}")
w, p = 10, 2
print(f"[{x:{w}.{p}f}]", f"[{s:>{w}}]")
print(f"{'nested'}", f"{1 + 2 * 3}", f"{[1, 2][1]}", f"{ {'a': 1}['a'] }", f"{len(s)}")
print(f"{{literal braces}}", f"{{{n}}}")
print(f"{x=}", f"{n = :,}", f"{s=!r}")
items = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
for name, price, qty in items:
    print(f"{name:<10}{price:>8.2f}{qty:>5d}{price * qty:>10.2f}")
print(f"{True}", f"{None}", f"{[1, 'a']}", f"{(1,)}", f"{ {'k': 'v'} }")
print(f"{10:>{w}}", f"{'a' 'b'}", f"{x:.3}", f"{1e-7}")
