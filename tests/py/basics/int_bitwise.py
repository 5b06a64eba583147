# Bitwise operators, shifts and base conversions on ints (negative ones too).
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(-6 & 5, -6 | 5, -6 ^ 5, ~-1, ~0)
print(1 << 10, 1 << 63, 1 << 64, 1024 >> 3, -1024 >> 3, -1 >> 10, 5 >> 10)
print(bin(10), bin(-10), oct(64), oct(-8), hex(255), hex(-255), hex(0))
print(int("1010", 2), int("ff", 16), int("FF", 16), int("777", 8), int("z", 36))
print(int("0x1f", 16), int("0b101", 0), int("0o17", 0), int("42", 0), int("  12  "), int("-1_000"))
print((255).bit_length(), (256).bit_length(), (0).bit_length(), (-255).bit_length())
x = 0xF0
x &= 0x3C
print(x)
x |= 1
print(x)
x ^= 0xFF
print(x)
x <<= 4
print(x)
x >>= 2
print(x)
mask = 0
for bit in (0, 3, 5, 64):
    mask |= 1 << bit
print(mask, bin(mask))
print([(n, n & 1, n >> 1) for n in range(-4, 5)])
