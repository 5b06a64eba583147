# ** with int, float and negative operands; big exponents stay exact.
print(2 ** 10, 2 ** 0, 0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001, (-1) ** 1000)
print(-2 ** 2, (-2) ** 2, (-2) ** 3, -2 ** -1)
print(2 ** -1, 2 ** -2, 10 ** -3, 4 ** 0.5, 8 ** (1 / 3), 2.0 ** 3)
print(2 ** 63, 2 ** 64, 7 ** 77)
print((-3) ** 41)
print(1.5 ** 2, 0.5 ** 10, (-0.5) ** 3, 100.0 ** 0.5)
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(-2, 3))
print(type(2 ** 3).__name__, type(2 ** -3).__name__, type(4 ** 0.5).__name__)
x = 3
x **= 4
print(x)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(len(str(3 ** 1000)), str(3 ** 1000)[:20], str(3 ** 1000)[-20:])
print(10 ** 18, 10 ** 19, 10 ** 20)
for base in range(-3, 4):
    print(base, [base ** e for e in range(0, 6)])
