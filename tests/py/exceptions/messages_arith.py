# CPython's messages for arithmetic errors.
cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1.0 / 0,
         lambda: 1.0 // 0.0, lambda: 1.5 % 0, lambda: 0 ** -1, lambda: 2 ** 64 // 0,
         lambda: float(10 ** 400), lambda: int(float("inf")), lambda: int(float("nan")),
         lambda: 10 ** 400 / 1.5, lambda: pow(2, -1, 4)]
for i, case in enumerate(cases):
    try:
        print(i, "no error", case())
    except (ArithmeticError, ValueError) as e:
        print(i, type(e).__name__, str(e))
x = 0
try:
    x /= 0
except ZeroDivisionError as e:
    print("augmented:", e)
