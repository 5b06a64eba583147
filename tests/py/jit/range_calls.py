# `for ... in range(...)`: compiled code makes the range iterator directly when the callable
# is the builtin range and the arguments small ints. Everything else takes the usual call:
# bools, int subclasses, big ints, floats and a zero step (the errors CPython raises), and
# `range` rebound as a global, in builtins, or shadowed, after the code was compiled.
import builtins

class Count(int):
    pass

def spans(a, b, c):
    total = 0
    for i in range(a % 1000):
        total += i
    for i in range(a, b):
        total += i
    for i in range(b, a, c):
        total -= i
    return total

for attempt in range(300):
    spans(5, 20, -3)
print(spans(100, 3000, -7), spans(True, 5, -1), spans(Count(7), Count(9), Count(-2)))
print(spans(2 ** 40, 2 ** 40 + 5, -1), spans(2 ** 50, 2 ** 50 + 3, -2), spans(-5, -100, 3))
for bad in [(1.5, 2, 1), (1, 2, 0), ("a", 2, 1), (1, 2, "x")]:
    try:
        print(spans(*bad))
    except (TypeError, ValueError, OverflowError) as error:
        print(type(error).__name__, error)

def rebinding_target(n):
    out = []
    for i in range(n):
        out.append(i)
    return out

for attempt in range(300):
    rebinding_target(3)
print(rebinding_target(4))
range = lambda n: ["global", n]
print(rebinding_target(4))
del range
print(rebinding_target(4))
original = builtins.range
builtins.range = lambda n: ("builtin", n)
print(rebinding_target(4))
builtins.range = original
print(rebinding_target(4))

def shadowed(n):
    range = reversed
    return [i for i in range([n, n + 1])]

print(shadowed(5))

def nested(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += j
    return total

print(nested(200), nested(0), nested(1))
