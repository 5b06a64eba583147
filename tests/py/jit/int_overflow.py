# Int arithmetic in compiled code runs on machine words; results that leave the inline range
# (48 bits) deopt, and the interpreter makes a big int. Every operator, at the edges.

def powers(base, count):
    value = 1
    out = []
    for _ in range(count):
        value = value * base
        out.append(value)
    return out

for round_number in range(3):
    result = powers(3, 80)
    print(result[29], result[30], result[45], result[-1])

def add_up(start, step, count):
    value = start
    for _ in range(count):
        value = value + step
    return value

edge = 2 ** 47
for round_number in range(3):
    print(add_up(edge - 5000, 1, 10000), add_up(-edge + 5000, -1, 10000))
    print(add_up(0, edge // 3, 7), add_up(2 ** 62, 2 ** 62, 3))

def shifts(count):
    out = []
    for i in range(count):
        out.append((1 << i) - (i << 40) + (-(1 << i) >> 3))
    return out

for round_number in range(3):
    values = shifts(100)
    print(values[10], values[47], values[48], values[99])

def negate_all(values):
    return [-v for v in values]

print(negate_all([-(2 ** 47), 2 ** 47 - 1, -(2 ** 47) + 1, 0] * 2)[:4])

def divisions(count):
    total = 0
    for i in range(1, count):
        total += (i * 7919) // (i - 500 if i != 500 else 1) + (-i) % 7 - i // -3
    return total

print(divisions(3000), divisions(3000))

def big_product(n):
    product = 1
    i = 1
    while i <= n:
        product *= i
        i += 1
    return product

print(big_product(25), len(str(big_product(300))))
