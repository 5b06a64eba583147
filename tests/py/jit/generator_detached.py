# Compiled generators resumed on their saved frame (no copy onto the VM stack) until a helper
# call needs the frame there: every way out of that state — abandoned mid-iteration, throw()
# and close() while suspended, an exception raised after many resumes, a deopt inside the body
# after it compiled, recursion of generators, calls made from the body, the collector, values
# sent in, handled exceptions, resumes from interpreted and compiled callers of the same
# generator, and one code used both as a leaf and as a pipeline stage.
import gc
import sys


def show(exception):
    entries = []
    trace = exception.__traceback__
    while trace is not None:
        entries.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    print(type(exception).__name__, exception, entries)


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def consume(generator):
    total = 0
    for value in generator:
        total += value
    return total


# Warm up: the leaf's code and the consumer compile.
for _ in range(3):
    print(consume(counter(2000)))

# Abandoned mid-iteration (the loop breaks, the generator is dropped and finalized), then
# resumed by next() after a break in another.
def first_over(generator, limit):
    for value in generator:
        if value > limit:
            return value
    return None


print([first_over(counter(2000), k) for k in (0, 10, 1700, 1998, 2500)])
held = counter(4000)
print(first_over(held, 1000), next(held), next(held), first_over(held, 3000), consume(held))
gc.collect()


# throw() and close() into a compiled generator suspended at a yield it reached without
# calling anything.
def guarded(n):
    i = 0
    try:
        while i < n:
            try:
                yield i
            except ValueError as error:
                print("caught", error, "at", i, sys.exc_info()[0].__name__)
                i += 1000
            i += 1
    finally:
        print("finally at", i)


for _ in range(2):
    consume(guarded(2000))
g = guarded(10 ** 6)
print(first_over(g, 2000))
print(g.throw(ValueError("first")), next(g), g.send(None))
print(first_over(g, 5000))
g.close()
print(list(g))
g = guarded(10 ** 6)
print(first_over(g, 100))
try:
    g.throw(KeyError("escapes"))
except KeyError as error:
    show(error)
print(list(g))


# An exception raised inside after many resumes: a zero divisor at the 2500th item.
def dividing(n, at):
    i = 0
    while i < n:
        yield 100 // (at - i)
        i += 1


for _ in range(2):
    consume(dividing(2000, 5000))
try:
    consume(dividing(5000, 2500))
except ZeroDivisionError as error:
    show(error)


# A deopt inside the body after it compiled: ints, then floats, then big ints, then strings.
def accumulate(values):
    total = values[0]
    for value in values[1:]:
        total = total + value
        yield total


for _ in range(2):
    print(list(accumulate(list(range(2000))))[-1])
print(list(accumulate([1, 2, 3.5, 4]))[-1])
print(list(accumulate([2 ** 62, 2 ** 62, 1]))[-1])
print(list(accumulate(["a", "b", "c"]))[-1])


def flipping(n):
    i = 0
    while i < n:
        yield i
        i += 1
        if i == n // 2:
            i = float(i)


print(consume(flipping(4000)), consume(flipping(4000)))


# Recursion of generators: a tree walked by nested generators and by `yield from`, and a
# chain of generators deeper than compiled frames nest.
def walk(tree):
    if isinstance(tree, list):
        for child in tree:
            for leaf in walk(child):
                yield leaf
    else:
        yield tree


def walk_from(tree):
    if isinstance(tree, list):
        for child in tree:
            yield from walk_from(child)
    else:
        yield tree


def build(depth, start):
    if depth == 0:
        return start
    return [build(depth - 1, start * 2), build(depth - 1, start * 2 + 1)]


tree = build(8, 1)
for _ in range(3):
    print(sum(walk(tree)), sum(walk_from(tree)))


def chain(depth, n):
    if depth == 0:
        yield from counter(n)
    else:
        for value in chain(depth - 1, n):
            yield value


print(consume(chain(100, 30)), consume(chain(5, 2000)))


def deep(depth):
    yield depth
    yield from deep(depth + 1)


limit = sys.getrecursionlimit()
sys.setrecursionlimit(300)
try:
    for value in deep(0):
        pass
except RecursionError as error:
    print("RecursionError", value > 100)
sys.setrecursionlimit(limit)


# Calls from the body: a Python function (an inline call in compiled code), a builtin, a
# method, and an allocation per item; the collector running meanwhile.
def double(x):
    return x * 2


def calling(n):
    i = 0
    while i < n:
        yield double(i) + len([i, i])
        i += 1


def building(n):
    i = 0
    while i < n:
        yield [i, str(i), (i, i + 1)]
        i += 1


for _ in range(3):
    print(consume(calling(2000)), sum(len(item[1]) + item[2][1] for item in building(2000)))
    gc.collect()


# Values sent in, by send() from compiled and interpreted callers.
def running_total():
    total = 0
    while True:
        value = yield total
        total += value


def feed(target, n):
    last = None
    for i in range(n):
        last = target.send(i)
    return last


acc = running_total()
next(acc)
print(feed(acc, 2000), feed(acc, 2000), acc.send(10))
print(acc.send(-5), acc.send(0))
acc.close()


# Handled exceptions: the consumer handles one while the generator runs (and handles its
# own); the generator sees the consumer's through sys.exc_info().
def seeing(n):
    i = 0
    while i < n:
        yield i
        i += 1
    yield sys.exc_info()[0]


def handled_in_consumer():
    try:
        raise LookupError("consumer's")
    except LookupError:
        values = list(seeing(2000))
        print(values[-1].__name__, sys.exc_info()[0].__name__)
    print(sys.exc_info())


handled_in_consumer()
handled_in_consumer()


# One generator resumed alternately from compiled and interpreted callers.
def interpreted_next(generator):
    # (A try/except that the interpreter runs: its handler is never taken here.)
    try:
        return next(generator)
    except StopIteration:
        return None


shared = counter(6000)
seen = []
while True:
    chunk = first_over(shared, (len(seen) + 1) * 997)
    if chunk is None:
        break
    seen.append(chunk)
    seen.append(interpreted_next(shared))
    seen.append(next(shared, None))
print(len(seen), seen[:6], seen[-6:])


# The same code as a leaf and as a stage of a pipeline (it calls the stage below it).
def stage(source):
    if source is None:
        i = 0
        while i < 2000:
            yield i
            i += 1
    else:
        for value in source:
            yield value + 1


for _ in range(3):
    print(consume(stage(None)), consume(stage(stage(None))), consume(stage(stage(stage(None)))))

# A generator finished while detached returns its value to `yield from`.
def returning(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return i * 10


def delegating(n):
    result = yield from returning(n)
    yield result


print(list(delegating(2000))[-2:], list(delegating(5))[-2:])


# A generator method constructing instances of a class whose __init__ is compiled: the
# construction writes __init__'s arguments above the stack pointer before its inline call
# (which takes the helper while the frame runs on its buffer).
class Found:
    def __init__(self, owner, text, start, end, span):
        self.owner = owner
        self.span = span


class Finder:
    def find_all(self, text, start=0, end=None):
        for span in iter([(0, 1), (1, 2), (2, 3)]):
            yield Found(self, text, start, end, span)


finder = Finder()
for _ in range(300):
    spans = [found.span for found in finder.find_all("abc")]
print(spans)
