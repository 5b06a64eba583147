# Small integers: literals, arithmetic, repr and the int-specific operators.
print(0, 1, -1, 42, -42)
print(0x1F, 0o17, 0b1011, 1_000_000)
print(7 + 3, 7 - 3, 7 * 3, 7 - 10)
print(-7 + 3, -(-5), +5, -0)
print(2 * 3 + 4, 2 * (3 + 4), 2 + 3 * 4 - 1)
print(10 - 2 - 3, 2 ** 3 ** 2, (2 ** 3) ** 2)
x = 17
x += 5
print(x)
x -= 30
print(x)
x *= -3
print(x)
print(abs(-12), abs(12), abs(0))
print(int("123") + 1, str(456) + "!")
print(type(1), type(-1).__name__)
print(1 == 1, 1 != 2, 3 < 2, 3 >= 3)
print(repr(5), str(-5), repr(-0))
total = 0
for i in range(1, 101):
    total += i
print("sum 1..100 =", total)
product = 1
for i in range(1, 13):
    product *= i
print("12! =", product)
print(9007199254740993, -9007199254740993)
print(2147483647 + 1, -2147483648 - 1)
print(9223372036854775807, -9223372036854775808)
