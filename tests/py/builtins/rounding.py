# round: banker's rounding, ndigits (positive, zero, negative) and float representation effects.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999, 2.675, 1.005]:
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2))
print(round(3.14159, 3), round(2.71828, 4), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(7), round(7, 2), round(-7, -1), round(123456789, -4))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(5, 1)).__name__)
print(round(0.1 + 0.2, 10), round(1e-20, 5), round(123.456, 10), round(1e20, -19))
print(round(float("inf"), 2), round(-0.0), round(-0.4), round(0.000123456, 5))
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
