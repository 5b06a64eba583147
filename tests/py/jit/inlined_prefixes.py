# A callee that cannot be inlined whole (it calls, or it is the caller itself) still has its
# side-effect-free start inlined at the call site: where that prefix returns (fib's
# `if n < 2: return n`), no call is made; everywhere else — the rest of the body, a failing
# check — the call is made as usual and runs the callee from its start. Forced here: the prefix
# returning and bailing out, arguments of other types, an exception raised by the prefix's
# operation (the traceback has every recursive frame), the recursion limit reached exactly at a
# call the prefix would answer, and the callee rebound.
import sys


def frames_of(error):
    names = []
    trace = error.__traceback__
    while trace is not None:
        names.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    return names


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(22))
print(fib(9.0), fib(2**62 - 2**62 + 11), fib(True))
print(fib(22))


# The prefix divides: a zero divisor fails its check, and the call raises from the callee.
def spread(n, divisor):
    if n < 1:
        return 100 // divisor
    return spread(n - 1, divisor) + spread(n - 2, divisor)


print(spread(14, 3))
try:
    spread(5, 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", frames_of(error))
print(spread(14, -7))


# A non-recursive callee whose early return is inlined; the rest calls.
def helper(x):
    return x * 3


def lookup(x):
    if x < 0:
        return -1
    return helper(x)


def lookups(count):
    total = 0
    for i in range(count):
        total += lookup(i % 10 - 5)
    return total


print(lookups(3000), lookups(7))


# The recursion limit: the deepest call is one the prefix answers.
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


for _ in range(300):
    down(20)
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
        results.append(down(limit + extra))
    except RecursionError:
        results.append("RecursionError")
print(results)


# The callee rebound while compiled callers run.
def chain(n):
    if n <= 0:
        return 1
    return chain(n - 1) + chain(n - 3)


print(chain(25))
original = chain


def chain(n):
    return 5


print(original(6), chain(6))
chain = original
print(chain(25))
