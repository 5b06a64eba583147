# decimal: construction, str forms, arithmetic, rounding modes, quantize, formatting,
# contexts and signals, compared with CPython 3.11.
from decimal import *
import decimal
D = Decimal
print(D("1.10") + D("2.205"), D("1.1") * D("3"), D("10") / D("4"), D(1) / D(3), D(2) / D(3), D("1") / D("8"), D("100") / D("10"), D("1.00") / D("0.1"))
print(repr(D("3.14")), D(10), D(-7), D("1e3"), D("1E-7"), D("0.000001"), D("0.0000001"), D("123e5"), D("-0"), D("1.2300"), D("  42  "), D("1_000"))
print(D(0.1), D(2.5), D(-0.0), D(1e20), D.from_float(0.5), D((0, (1, 4, 1), -2)), D((1, (5,), 3)))
print(D("inf"), D("-Infinity"), D("nan"), D("sNaN"), D("NaN123"), D("1.5").as_tuple(), D("-inf").as_tuple())
print(D("7") // D("2"), D("-7") // D("2"), D("7") % D("3"), D("-7") % D("3"), divmod(D("7.5"), D("2")), D("2") ** 10, D("2") ** -2, D("1.1") ** 3, D("4").sqrt(), D("2").sqrt(), D("0.25").sqrt())
print(D("1.23456").quantize(D("0.01")), D("1.235").quantize(D("0.01")), D("1.245").quantize(D("0.01")), D("1.245").quantize(D("0.01"), rounding=ROUND_HALF_UP), D("2.5").quantize(D("1"), ROUND_HALF_EVEN), D("-2.5").quantize(D("1"), ROUND_FLOOR), D("123").quantize(D("1e1")), D("1").quantize(D("0.000")))
for mode in [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]:
    print(mode, [str(D(v).quantize(D("0.1"), rounding=mode)) for v in ["1.25", "1.35", "-1.25", "1.21", "-1.29", "1.05", "1.01"]])
print(D("1.30") == D("1.3"), D("1.3") < D("1.31"), D(1) == 1, D("0.5") == 0.5, D("0.1") == 0.1, D(2) > 1.5, sorted([D("2.5"), D(1), D("-3")]), max(D(1), D("1.0")))
print(hash(D(1)) == hash(1), hash(D("2.5")) == hash(2.5), hash(D("0.1")) == hash(0.1), {D("1.0"): "x"}[1])
print(int(D("7.9")), int(D("-7.9")), float(D("0.1")), round(D("2.675"), 2), round(D("2.5")), round(D("3.5")), D("7.9").__floor__(), bool(D(0)), bool(D("0.01")))
print(D("1.2300").normalize(), D("100").normalize(), D("0.00").normalize(), D("1.5").to_integral_value(), D("2.5").to_integral_value(), D("123.456").adjusted(), D("0.001").adjusted())
print(-D("1.5"), +D("1.55"), abs(D("-2")), D("1.5").copy_negate(), D("1").copy_sign(D("-0")), D(5).compare(D(3)), D("1.5").max(D(2)), D(1).min(D("0.5")))
print(f"{D('1234.5678'):.2f}", f"{D('1234.5678'):,.2f}", f"{D('0.125'):.1%}", f"{D('12345.678'):e}", f"{D('12345.678'):.2e}", f"{D('1.5'):>8}", f"{D('-1.5'):08.2f}", f"{D('3'):.3f}", format(D("1e10"), "f"), format(D("0.000012345"), ".3g"), format(D("123456"), "g"), format(D("1.5")), format(D("2.5"), ".0f"))
getcontext().prec = 6
print(D(1) / D(7), D("123456789") + 0, D(2).sqrt(), getcontext().prec)
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 3
    ctx.rounding = ROUND_DOWN
    print(D(2) / D(3), D("1.999") + 0)
print(D(2) / D(3))
with localcontext(prec=4):
    print(D(1) / D(3))
print(getcontext())
ctx = Context(prec=5, rounding=ROUND_HALF_UP)
print(ctx.divide(D(1), D(3)), ctx.add(D("1.00005"), 0), ctx.create_decimal("3.14159265"), ctx)
for bad in [lambda: D("abc"), lambda: D(1) / D(0), lambda: D(0) / D(0), lambda: D("inf") - D("inf"), lambda: D("nan") < 1, lambda: D(1).quantize(D("1e-30")), lambda: D([1, 2]), lambda: int(D("nan")), lambda: D(1) // D(0)]:
    try:
        print(bad())
    except (decimal.DecimalException, TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
ctx = Context(traps=[])
print(ctx.divide(D(1), D(0)), ctx.divide(D(0), D(0)), ctx.flags[DivisionByZero], ctx.flags[InvalidOperation])
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError), D("1.10").as_integer_ratio(), D("0.3") + D("0.6") == D("0.9"), sum([D("0.1")] * 10))
print(D(10) ** D("0.5") if False else "", D(3) * 1, 1 + D(2), 10 - D(3), 7 / D(2), 7 // D(2), 2 ** D(3))
print(D("1234567890123456789012345678901234567890") * 1, D("1e-30") + D(1), D("9.999999999999999999999999999999") + 0)
print(D("-0") + D("0"), D("-0") + D("-0"), D("1") - D("1"), D("0.00") * D("1.0"), D("5E+3"), D("5E+3").to_eng_string(), D("0.0000005").to_eng_string())
