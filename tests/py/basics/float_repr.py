# Float repr is the shortest string that round-trips.
values = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 3.14159,
          1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 1.5e-10, 2.5e300,
          1e22, 1e23, 5e-324, 1.7976931348623157e308, 100.0, 12345.678,
          0.000123, 1234567.0, 0.5, 2.0 ** 0.5, 1e100]
for v in values:
    print(repr(v), str(v), v)
print(float("inf"), float("-inf"), float("nan"))
print(-float("inf"), float("inf") * 0)
print(1.0 == 1, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print(1.5 + 2, 3 * 0.1, 10 / 4, 7.0 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2)
print(float(3), float(-0), int(2.99), int(-2.99))
print(1e308 * 10, -1e308 * 10)
print(0.1 * 3, 1.1 * 1.1, 100 * 1.1)
print(2.0 ** 10, 2.0 ** -2, 10.0 ** 20, 10.0 ** 15, 10.0 ** 16)
print(type(1.0).__name__, type(1 / 1).__name__)
print(round(2.5), round(3.5), round(-2.5))
print(float.__name__, isinstance(1.0, float))
print(3.0.is_integer(), 3.5.is_integer())
