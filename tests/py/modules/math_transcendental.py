# math: log, exp, trig and hypot, printed at 12 decimals so libm differences in the last bit do not matter.
import math
def show(label, value):
    print(f"{label:<16} {value:.12f}")
show("log(e)", math.log(math.e))
show("log(10)", math.log(10))
show("log(8, 2)", math.log(8, 2))
show("log2(1024)", math.log2(1024))
show("log10(1000)", math.log10(1000))
show("exp(1)", math.exp(1))
show("exp(-2.5)", math.exp(-2.5))
show("sin(pi/6)", math.sin(math.pi / 6))
show("cos(pi/3)", math.cos(math.pi / 3))
show("tan(pi/4)", math.tan(math.pi / 4))
show("sin(1)", math.sin(1))
show("cos(2)", math.cos(2))
show("atan2(1, 1)", math.atan2(1, 1))
show("asin(0.5)", math.asin(0.5))
show("hypot(3, 4)", math.hypot(3, 4))
show("hypot(1, 1)", math.hypot(1, 1))
show("degrees(pi)", math.degrees(math.pi))
show("radians(180)", math.radians(180))
print(math.exp(0), math.log(1), math.sin(0), math.cos(0), math.hypot(3, 4), math.hypot(5, 12))
print(math.exp(1000) if False else "skip", math.log(math.inf))
for x in [0.5, 1.0, 2.0, 10.0]:
    print(x, f"{math.sqrt(x):.10f} {math.log(x):.10f} {math.exp(x):.6f}")
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
