# Calls of an expected, compiled Python function are made inline by the caller's compiled code:
# it pushes the callee's frame record, calls its compiled code and pops the frame itself. Every
# way out of that fast path must behave as the interpreter does: the callee deopting (a type
# flip deep in a recursion), raising (the traceback names every frame and line), being rebound
# or invalidated and recompiled while the caller stays compiled, recursion through the compiled
# nesting limit up to RecursionError, frames read through sys._getframe, and generators or
# keyword calls at the same site.
import sys


def frames_of(error):
    names = []
    trace = error.__traceback__
    while trace is not None:
        names.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    return names


# Self-recursion, hot enough to compile, then a float and a big int flowing through it: the
# callee's guards deopt at every depth and the interpreter finishes those frames.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(20))
print(fib(12.0))
print(fib(2**60 - 2**60 + 15))
for _ in range(6):
    fib(10.5)
print(fib(18), fib(7.5))


# The leaf raises deep inside the recursion: the traceback has every recursive frame, each at
# the line of its call.
def descend(n, stop):
    if n == stop:
        return 1 // (n - stop)
    if n == 0:
        return 0
    return descend(n - 1, stop) + 1


for _ in range(300):
    descend(6, -1)
try:
    descend(6, 2)
except ZeroDivisionError as error:
    print(frames_of(error))


def countdown(n):
    if n == 0:
        raise KeyError(n)
    return countdown(n - 1)


total = 0
for n in range(1, 300):
    try:
        countdown(n % 7)
    except KeyError as error:
        total += 1
try:
    countdown(6)
except KeyError as error:
    print(total, frames_of(error))


# The callee is rebound while the compiled caller loops; then rebound to a generator function,
# a builtin and a class.
def step(x):
    return x + 1


def other_step(x):
    return x * 2


def driver(count):
    global step
    total = 0
    for i in range(count):
        if i == count // 3:
            step = other_step
        total += step(i)
    return total


print(driver(3000))


def step_generator(x):
    yield x
    yield x


def driver_plain(count):
    total = 0
    for i in range(count):
        value = step(i)
        total += value if isinstance(value, int) else sum(value)
    return total


step = lambda x: x - 1
print(driver_plain(3000))
step = step_generator
print(driver_plain(3000))
step = abs
print(driver_plain(3000))


# Keyword and positional calls of the same function from one compiled loop.
def scale(value, factor):
    return value * factor


def mixed_calls(count):
    total = 0
    for i in range(count):
        if i % 3 == 0:
            total += scale(i, factor=2)
        elif i % 3 == 1:
            total += scale(factor=3, value=i)
        else:
            total += scale(i, 4)
    return total


print(mixed_calls(3000))


# The callee keeps deopting at one spot until it is invalidated, then recompiled without the
# speculation, while its caller stays compiled and calls it inline before and after.
def flip(x):
    return x + x


def flipping(count):
    out = []
    for i in range(count):
        value = i if i < count - 50 else (i / 2 if i % 2 else "s")
        out.append(flip(value))
    return out


result = flipping(3000)
print(result[:3], result[-4:], len(result))
print(flipping(400)[-2:])


# Recursion deeper than the compiled nesting limit and the frame stack's first reservation,
# up to a raised recursion limit, then RecursionError at the limit.
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


for _ in range(300):
    depth(5)
sys.setrecursionlimit(5000)
print(depth(4500))
try:
    depth(6000)
except RecursionError as error:
    print("RecursionError:", error)
sys.setrecursionlimit(1000)
try:
    depth(1200)
except RecursionError as error:
    print("RecursionError at 1000:", error)
print(depth(900))


# The callee's frame record is the interpreter's: sys._getframe sees the caller below it,
# paused at the line of the call.
def where():
    frame = sys._getframe(1)
    return (frame.f_code.co_name, frame.f_lineno)


def asks(count):
    seen = set()
    for _ in range(count):
        seen.add(where())
    return seen


print(asks(3000))


# A callee with more locals than parameters reads one that this call left unbound.
def partial(x):
    if x % 1000 == 999:
        return later
    later = x
    return later


def partials(count):
    total = 0
    for i in range(count):
        try:
            total += partial(i)
        except UnboundLocalError as error:
            total -= 1
            last = error
    return total, str(last)


print(partials(3000))


# A callee that catches its own exception: it leaves compiled code at the handler and the
# interpreter finishes its frame.
def guarded(x):
    try:
        return 10 // (x % 4)
    except ZeroDivisionError:
        return -1


def guarding(count):
    return sum(guarded(i) for i in range(count)) + sum([guarded(i) for i in range(count)])


print(guarding(3000))
