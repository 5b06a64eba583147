# Small side-effect-free callees are inlined into their compiled callers: no frame, arguments
# and result unboxed. Every check of the inlined body leaves at the call boundary, where the
# interpreter makes the call as usual. Each way out is forced here: arguments turning into
# floats, big ints, bools and int subclasses; int overflow inside the body; an exception the
# callee raises (with the callee's frame and line in the traceback); an unbound local; the
# callee rebound while the caller stays compiled; the recursion limit
# reached exactly at the inlined call; and a call site whose inlining keeps failing (the caller
# is recompiled calling the callee).
import sys


def frames_of(error):
    names = []
    trace = error.__traceback__
    while trace is not None:
        names.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    return names


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def row_sum(i, n):
    total = 0.0
    for j in range(n):
        total += eval_a(i, j) * 2.0
    return total


print([round(row_sum(i, 300), 9) for i in range(8)])


# Arguments of other types reach the same compiled loop: floats, big ints (the int arithmetic
# overflows the inline range), bools and an int subclass.
class Count(int):
    def __add__(self, other):
        return Count(int(self) + int(other) + 1000)


def weighted(values, base):
    total = 0.0
    for value in values:
        total += eval_a(base, value)
    return total


ints = list(range(200))
for _ in range(20):
    weighted(ints, 3)
print(round(weighted(ints, 3), 12))
print(round(weighted([0.5, 1.5, 2.5] * 40, 3), 12))
print(weighted([2**40, 2**47, 2**62], 2**50))
print(round(weighted([True, False, True], 1), 12))
print(round(weighted([Count(4), Count(5)], Count(1)), 12))
print(round(weighted(ints, 3), 12))


# An exception inside the inlined callee: the interpreter makes the call and the traceback
# has the callee's frame at its line.
def ratio(a, b):
    scaled = a * 10
    return scaled // b


def ratios(pairs):
    total = 0
    for a, b in pairs:
        total += ratio(a, b)
    return total


pairs = [(i, i % 7 + 1) for i in range(300)]
for _ in range(10):
    ratios(pairs)
print(ratios(pairs))
try:
    ratios(pairs + [(5, 0)])
except ZeroDivisionError as error:
    print("ZeroDivisionError", error, frames_of(error)[1:])


# A local the callee reads before binding it on one path.
def pick(a, flag):
    if flag:
        chosen = a + 1
    return chosen


def picks(count, flag):
    total = 0
    for i in range(count):
        total += pick(i, flag)
    return total


print(picks(3000, True))
try:
    picks(10, False)
except UnboundLocalError as error:
    print("UnboundLocalError", frames_of(error)[1:])


# Branches and several returns, comparisons and negation.
def clamp(x, low, high):
    if x < low:
        return low
    if x > high:
        return high
    return -x if x % 2 else x


def clamps(count):
    total = 0
    for i in range(count):
        total += clamp(i - 50, -20, 20)
    return total


print(clamps(3000), clamps(100))


# The callee is rebound while the compiled caller loops, then rebound back.
def step(x):
    return x + 1


def doubled(x):
    return x * 2


def stepping(count, switch_at):
    global step
    total = 0
    for i in range(count):
        if i == switch_at:
            step = doubled
        total += step(i)
    return total


print(stepping(3000, -1))
print(stepping(3000, 1500))
print(stepping(3000, 10))


def step(x):
    return x + 1


print(stepping(3000, -1))


# A method whose body reads only its arguments.
class Scaler:
    def apply(self, x, y):
        return x * y - y


def scaled(scaler, count):
    total = 0.0
    for i in range(count):
        total += scaler.apply(i, 0.5)
    return total


print(scaled(Scaler(), 3000))


# The recursion limit is reached exactly at the inlined call: the call raises RecursionError
# as it would if it pushed a frame.
def leaf(a, b):
    return a + b


def descend(n):
    if n == 0:
        total = 0
        for i in range(50):
            total += leaf(i, 1)
        return total
    return descend(n - 1)


for _ in range(300):
    descend(3)
depth = 0


def probe(n):
    global depth
    depth = n
    return probe(n + 1)


try:
    probe(0)
except RecursionError:
    pass
limit = depth
results = []
for extra in range(-3, 3):
    try:
        results.append(descend(limit + extra))
    except RecursionError:
        results.append("RecursionError")
print(results)


# A call site whose inlined body keeps failing: the caller is recompiled calling the callee.
def half(x):
    return x / 2


def halves(values):
    total = 0.0
    for value in values:
        total += half(value)
    return total


for _ in range(20):
    halves(list(range(100)))
mixed = [1, 2.5, 3, 4.5] * 30 + [10**30]
for _ in range(20):
    last = halves(mixed)
print(last, halves(list(range(100))))


# A callee that rebinds its parameter to a float: the caller's int argument stays an int.
def widen(x):
    x = x + 0.5
    return x


def widened(count):
    total = 0.0
    for i in range(count):
        total += widen(i)
        total += i
        total += i * 3
    return total


for _ in range(20):
    widened(100)
print(widened(100), widened(3))
