# / always produces a float.
print(1 / 2, 4 / 2, -7 / 2, 7 / -2, 0 / 5, -0 / 5)
print(10 / 3, 2 / 3, 1 / 7, 22 / 7)
print(type(4 / 2).__name__, 4 / 2 == 2)
print(2 ** 64 / 2 ** 32, 10 ** 30 / 10 ** 10)
print(1 / 3 + 1 / 3 + 1 / 3)
print(0.1 / 3, 1e300 / 1e-10, 1 / 1e-300)
print(5 / 0.5, 5.0 / 4, -5.0 / -4)
print((10 ** 400) // (10 ** 399), 10 ** 400 / 10 ** 399)
x = 9
x /= 2
print(x)
x /= 0.5
print(x)
for n in range(1, 11):
    print(n, 1 / n, n / 7)
