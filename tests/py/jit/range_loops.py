# `for ... in range(...)` loops compiled for range iterators only: the bound given as an int
# subclass, as a huge int, with a negative or large step, values leaving the inline int range,
# and the same loop later iterating over something else (a list, a generator), which deopts.

class Count(int):
    pass

def total_of(iterable):
    total = 0
    for i in iterable:
        total += i
    return total

for attempt in range(3):
    print(total_of(range(3000)), total_of(range(Count(2500))), total_of(range(5000, 0, -3)))

# Near and past the inline int range (48 bits) and past 64 bits.
big = 2 ** 47
print(total_of(range(big - 2000, big + 2000)))
print(total_of(range(2 ** 61, 2 ** 61 + 2000)), total_of(range(2 ** 62, 2 ** 62 - 6000, -3)))
print(total_of(range(-big - 1000, -big + 1000)))
print(total_of(range(big + 5, big - 3000, -2)))

# The same compiled loop now iterating over other things.
print(total_of([1, 2, 3] * 1000), total_of(x * 0.5 for x in range(3000)), total_of((4, 5) * 900))
print(total_of(range(3000)))

# A loop compiled after seeing only range iterators, then given other iterables.
def squares(iterable):
    total = 0
    for i in iterable:
        total += i * i
    return total

for attempt in range(300):
    squares(range(20))
print(squares(range(3000)), squares([1, 2, 3]), squares((0.5, 1.5)), squares(iter(range(4))))
for attempt in range(5):
    print(squares([attempt] * 10), squares(range(attempt)), squares(range(2 ** 47 - 2, 2 ** 47 + 2)))

# Index loops over a list that shrinks (and grows) while the loop runs.
def shrink_while_indexing(values):
    total = 0.0
    for i in range(len(values)):
        if i == 2000:
            del values[2500:]
        total += values[i]
    return total

try:
    shrink_while_indexing([float(x) for x in range(4000)])
except IndexError as error:
    print("IndexError", error)

def grow_while_indexing(values):
    total = 0
    for i in range(len(values)):
        values.append(i)
        total += values[i] + values[-1]
    return total, len(values)

print(grow_while_indexing(list(range(3000))))

# A range loop left by an exception raised in its body, caught and then uncaught.
def fails_at(n, bad):
    acc = 0.0
    for i in range(n):
        acc += 1.0 / (i - bad)
    return acc

for bad in [2999, 2500]:
    try:
        fails_at(3000, bad)
    except ZeroDivisionError as error:
        print("ZeroDivisionError", error, bad)
    try:
        fails_at(3000, bad)
    except ZeroDivisionError as error:
        trace = error.__traceback__
        lines = []
        while trace is not None:
            lines.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
            trace = trace.tb_next
        print(lines)

# Nested range loops with float accumulators carried through both.
def grid(n):
    total = 0.0
    for i in range(n):
        row = 0.0
        for j in range(i, n, 7):
            row += j * 0.25
        total += row - i
    return total

print(grid(300))
print(fails_at(3000, 1500))
