# Integers grow without bound: results past 64 bits must be exact.
a = 9223372036854775807
print(a + 1)
print(a * a)
print(-a - 2)
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63))
print(2 ** 100)
print(3 ** 200)
print(10 ** 30 + 1)
print((10 ** 30) // 7, (10 ** 30) % 7)
print((-10 ** 30) // 7, (-10 ** 30) % 7)
print(12345678901234567890123456789 * 98765432109876543210)
print(2 ** 200 // 3 ** 50)
print(divmod(2 ** 100, 12345))
print(2 ** 100 == 1267650600228229401496703205376)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 5)
print(abs(-(2 ** 70)))
f = 1
for i in range(1, 41):
    f *= i
print("40! =", f)
fib = [0, 1]
while len(fib) < 150:
    fib.append(fib[-1] + fib[-2])
print("fib(149) =", fib[149])
print(int("123456789012345678901234567890") + 1)
print(str(2 ** 128))
print(len(str(2 ** 1000)))
print(2 ** 64 & 0xFFFF, (2 ** 64 + 255) & 0xFF, 1 << 100, (1 << 100) >> 98)
print(-(2 ** 65) // 2 ** 64, -(2 ** 65) % 3)
print(hex(2 ** 80), bin(2 ** 70 + 1))
print((2 ** 64) / 2, 2 ** 64 * 1.0)
print(float(2 ** 63) == 2.0 ** 63)
