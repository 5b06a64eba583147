# Int chains whose intermediate result leaves the 48-bit inline range but comes back
# (`(seed * 1103515245 + 12345) % 2147483648`): compiled code keeps the intermediate as an
# unboxed i64. Forces every way out: the i64 itself overflowing, a quotient that stays wide,
# a seed that is already a big int, negative values, and deopts between the two instructions
# (which must write the exact big intermediate to the frame).


def lcg(n, seed):
    out = 0
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out ^= seed
    return seed, out


print(lcg(5000, 42))
print(lcg(5000, -7))
# The seed is a big int from the start, then keeps being one (% of a big modulus).
print(lcg(10, 3 ** 60))


def wide_quotients(n, start):
    total = 0
    x = start
    for i in range(n):
        # x * 1000003 leaves the inline range; // 7 leaves it too for large x: deopt there.
        y = x * 1000003 // 7
        total += y % 1000
        x = (x + i) % 100000000000
    return total


print(wide_quotients(3000, 5))
print(wide_quotients(3000, 99999999999))


def chain_lengths(n):
    total = 0
    for i in range(n):
        a = (i * 4000000000 - 17) * 3 % 1000000007
        b = (i * 281474976710 + 1) // 4096
        c = (-i * 99999999999 + 5) % 65536
        total += a + b % 1000 + c
    return total


print(chain_lengths(4000))


def overflows_i64(n, factor):
    values = []
    for i in range(n):
        values.append((i * factor + 1) % 1000)
    return sum(values)


print(overflows_i64(3000, 3))
print(overflows_i64(3000, 2 ** 46))
print(overflows_i64(3000, 2 ** 62))


def exact_values(n):
    # The intermediate itself leaves through a deopt: the big value must be exact.
    seen = []
    x = 123456789
    for i in range(n):
        x = (x * 987654321 + i) % 1000000000039
        seen.append(x)
    return seen[-3:], sum(seen) % 1000000007


print(exact_values(4000))


def always_wide(n, start):
    # The quotient never fits: the consumer deopts every time, and the code must stop being
    # recompiled with the chain after a few compilations.
    total = 0
    for i in range(n):
        total += (start * 1000003 + 5) // 3 % 7 + i
    return total


print(always_wide(5000, 10 ** 12))
