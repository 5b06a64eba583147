# Loop-carried locals whose kind the compiled loop assumes at its header (it keeps them
# unboxed across the back-edge): each changes kind after the loop is compiled, or is entered
# with another kind, so a header check or an edge check deopts and the interpreter goes on.

# A float accumulator that becomes an int, then a str, mid-loop (the loop runs by OSR).
def float_then_other(n):
    total = 0.0
    for i in range(n):
        if i == 5000:
            total = 7
        elif i == 6000:
            total = "s"
            break
        total = total + 1.5
    return total

print(float_then_other(8000))
print(float_then_other(3000))

# The same function entered with a float, an int and a str accumulator: the entry edge checks
# what the header assumes, then the assumption is dropped once it keeps failing.
def scale_sum(start, factor, n):
    total = start
    for i in range(n):
        total = total * factor + 1.0
    return total

for start in [0.5, 2, 1.0, 3, 0.25, 4, 5, 6, 7.5]:
    print(repr(scale_sum(start, 0.999, 3000)))
try:
    scale_sum("x", 0.5, 10)
except TypeError as error:
    print("TypeError", error)

# An int that is loop-carried and overflows 48 bits, then 64 bits, inside the loop.
def grow(n):
    value = 1
    steps = 0
    for i in range(n):
        value = value * 3 + i
        steps += 1
    return value, steps

for n in [10, 40, 60, 3000]:
    value, steps = grow(n)
    print(n, steps, value % 1000000007, value.bit_length())

# A local bound only inside the loop (unbound at the first iteration), and one deleted in it.
def sometimes_bound(n):
    count = 0
    for i in range(n):
        if i > 0:
            count += previous
        previous = i
        if i % 1000 == 999:
            del previous
            previous = -1
    return count

print(sometimes_bound(5000))

def unbound_late(n):
    for i in range(n):
        if i == n - 1:
            del marker
            return marker
        marker = i
    return marker

try:
    unbound_late(4000)
except UnboundLocalError as error:
    print("UnboundLocalError", error)

# Special floats carried around a loop: NaN, infinities and -0.0 keep their values.
def specials(n):
    nan = float("nan")
    x = 0.0
    y = -0.0
    z = 1e308
    w = 0.0
    for i in range(n):
        x = x + nan
        y = y * 1.0
        z = z * 10.0
        w = -w
    return x, y, z, w, x == x

print(specials(3001))
print(specials(3000))

# A bool flag carried around a while loop, and a bool that becomes an int.
def flags(n):
    flag = False
    i = 0
    flips = 0
    while i < n:
        flag = not flag
        if flag:
            flips += 1
        i += 1
    return flag, flips

print(flags(5001))

def bool_then_int(n):
    seen = False
    for i in range(n):
        if i == 4000:
            seen = 10
        if seen:
            seen = seen + 1 if seen is not True else True
        elif i % 7 == 0:
            seen = True
    return seen

print(bool_then_int(5000))

# Negation: of floats, then of ints, then of something else, at a compiled site.
def negate_all(values):
    out = 0
    for v in values:
        out = -v
    return out

print(negate_all([0.5] * 3000), negate_all(list(range(3000))), negate_all([-(2**47)] * 3000))
try:
    negate_all(["a"] * 3000)
except TypeError as error:
    print("TypeError", error)
