# // rounds toward negative infinity and % takes the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, divmod = {divmod(a, b)}")
    assert (a // b) * b + a % b == a
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (0.5, 0.25), (-1e-9, 1.0)]
for a, b in fpairs:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}")
print(-0.0 % 5, 0.0 % -5)
print(10 ** 20 // -3, 10 ** 20 % -3, -(10 ** 20) // 3, -(10 ** 20) % 3)
print(-1 // 2 ** 70, -1 % 2 ** 70)
x = -17
x //= 5
print(x)
x %= 3
print(x)
print(divmod(-17, 5), divmod(17.0, -5))
print(-13 // 4 * 4 + -13 % 4)
