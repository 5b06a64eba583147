# Int floor division and remainder by a constant power of two compile to a shift and a mask;
# both must round toward negative infinity exactly as Python does, for negative operands too,
# and leave big ints and floats to the usual paths.
def parts(x):
    return (x // 2, x % 2, x // 8, x % 8, x // 1, x % 1, x // 4 * 3, -x // 16, -x % 16)


def run(low, high):
    out = []
    for x in range(low, high):
        out.append(parts(x))
    return out


for _ in range(300):
    table = run(-20, 20)
print(table)
print(parts(2**46), parts(-(2**46)), parts(2**47 - 1), parts(-(2**47)))
print(parts(2**50), parts(-(2**50)), parts(7.5), parts(-0.5))
print(run(-3, 3))
