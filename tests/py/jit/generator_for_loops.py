# `for` over generators in compiled loops: the compiled ForIter recognizes a generator by its
# kind byte and resumes it through its own helper. Every way out of that path: generators
# closed, thrown into and sent to from the loop body, generators raising StopIteration or
# other exceptions, returning values through `yield from`, a loop whose iterable flips between
# generators, coroutines, lists and iterator classes, a generator iterating itself, generators
# whose code is invalidated while a compiled loop consumes them, deep recursion and collection.
import gc
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def total_of(iterable):
    total = 0
    for x in iterable:
        total += x
    return total


# Hot: the loop in total_of is compiled while generators feed it; other iterables flip in.
grand = 0
for round_number in range(300):
    grand += total_of(count(round_number % 17))
print("hot", grand)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def flipping():
    results = []
    for round_number in range(120):
        kind = round_number % 5
        if kind == 0:
            iterable = count(4)
        elif kind == 1:
            iterable = [1, 2, 3]
        elif kind == 2:
            iterable = Countdown(3)
        elif kind == 3:
            iterable = (x * 2 for x in range(3))
        else:
            iterable = iter((5, 6))
        results.append(total_of(iterable))
    return results[:10], sum(results)


print("flipping", flipping())


# A finished generator in a for: nothing; an exhausted one again: nothing.
finished = count(3)
print("finished", total_of(finished), total_of(finished))


# close() from the loop body: the next step ends the loop.
def closing_loop(n):
    seen = []
    generator = count(n)
    for x in generator:
        seen.append(x)
        if x == 3:
            generator.close()
    return seen


for _ in range(60):
    closed = closing_loop(10)
print("closed", closed)


# A generator with cleanup, closed mid-iteration by break and then by collection.
log = []


def guarded(n):
    try:
        for i in range(n):
            yield i
    finally:
        log.append(("finally", n))


def break_early(n):
    generator = guarded(n)
    total = 0
    for x in generator:
        total += x
        if x == 2:
            break
    generator.close()
    return total


for round_number in range(50):
    break_early(5 + round_number % 3)
print("break", break_early(6), log[-3:], len(log))


# throw() into the generator from the loop body: a handler inside yields a value that throw()
# returns, and the loop continues with the generator's next value.
def catching(n):
    i = 0
    while i < n:
        try:
            yield i
        except KeyError as error:
            yield ("caught", error.args[0])
        i += 1


def throwing_loop(n):
    generator = catching(n)
    seen = []
    for x in generator:
        seen.append(x)
        if x == 2:
            seen.append(generator.throw(KeyError("k")))
    return seen


for _ in range(60):
    thrown = throwing_loop(5)
print("throw", thrown)


# throw() of an exception the generator does not handle: it escapes the throw() call.
def uncaught_throw():
    generator = count(10)
    seen = []
    try:
        for x in generator:
            seen.append(x)
            if x == 1:
                generator.throw(ValueError("into the generator"))
    except ValueError as error:
        seen.append(str(error))
    seen.append(total_of(generator))
    return seen


for _ in range(40):
    escaped = uncaught_throw()
print("throw escaped", escaped)


# send() from the loop body: the generator sees the sent value, the for loop sees the next.
def echo(n):
    received = []
    i = 0
    while i < n:
        value = yield i
        if value is not None:
            received.append(value)
        i += 1
    return received


def sending_loop():
    generator = echo(6)
    seen = []
    for x in generator:
        seen.append(x)
        if x % 2 == 0:
            seen.append(generator.send(x * 10))
    return seen


for _ in range(60):
    sent = sending_loop()
print("send", sent)


# StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def stops(n):
    for i in range(n):
        if i == 3:
            raise StopIteration("inside")
        yield i


def stop_loop(n):
    seen = []
    try:
        for x in stops(n):
            seen.append(x)
    except RuntimeError as error:
        seen.append(str(error))
        seen.append(type(error.__cause__).__name__)
    return seen


for round_number in range(60):
    stopped = stop_loop(2 + round_number % 4)
print("stop", stop_loop(2), stopped)


# Other exceptions escaping the generator reach the loop's handler with the right traceback
# depth; the generator is finished afterwards.
def failing(n):
    for i in range(n):
        yield 10 // (n - 1 - i)


def failing_loop(n):
    generator = failing(n)
    seen = []
    try:
        for x in generator:
            seen.append(x)
    except ZeroDivisionError as error:
        depth = 0
        trace = error.__traceback__
        while trace is not None:
            depth += 1
            trace = trace.tb_next
        seen.append(("zero", depth))
    seen.append(list(generator))
    return seen


for _ in range(60):
    failed = failing_loop(4)
print("fail", failed)


# yield from: return values of the delegates, consumed by a compiled for.
def inner(n):
    for i in range(n):
        yield i
    return n * 100


def outer(parts):
    results = []
    for n in parts:
        result = yield from inner(n)
        results.append(result)
    return results


def delegating_loop(parts):
    generator = outer(parts)
    total = 0
    for x in generator:
        total += x
    return total


for _ in range(60):
    delegated = delegating_loop([1, 2, 3, 4])
collected = []


def collecting(parts):
    returned = yield from outer(parts)
    collected.append(returned)


for x in collecting([2, 3]):
    pass
print("yield from", delegated, collected)


# A generator iterating itself: ValueError, generator already executing.
def self_iterating():
    for x in me:
        yield x


me = self_iterating()
try:
    for x in me:
        pass
except ValueError as error:
    print("self", error)


# A generator whose compiled code is invalidated (its operand types flip) while a compiled
# loop keeps resuming it; the loop's own code stays valid.
def values(kind, n):
    i = 0
    while i < n:
        yield i + kind
        i += 1


def accumulate(kind, n):
    total = kind * 0
    for x in values(kind, n):
        total = total + x
    return total


for round_number in range(80):
    integers = accumulate(1, 30)
print("invalidate", integers, accumulate(0.5, 30), accumulate(10**20, 3), accumulate(1, 30))


# Deep recursion: generators nested through for loops up to the recursion limit.
def nested(depth):
    if depth == 0:
        yield 0
        return
    for x in nested(depth - 1):
        yield x + 1


print("nested", total_of(nested(50)))
try:
    total_of(nested(sys.getrecursionlimit() + 50))
except RecursionError:
    print("nested RecursionError")


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    for x in tree(depth - 1):
        yield x


print("tree", total_of(tree(10)))


# Collection while generators are suspended inside compiled loops.
def allocating(n):
    for i in range(n):
        yield [i] * 3


def gc_loop(n):
    total = 0
    for items in allocating(n):
        if items[0] % 50 == 0:
            gc.collect()
        total += sum(items)
    return total


for _ in range(10):
    collected_total = gc_loop(200)
print("gc", collected_total)


# Generators abandoned mid-iteration by a return from the loop, then collected.
def abandoned(n):
    yield from count(n)


def abandon_loop():
    for x in abandoned(5):
        if x == 1:
            return [x]


kept = []
for _ in range(30):
    kept.append(abandon_loop())
gc.collect()
print("abandoned", len(kept), kept[-1])
