# throw() and close() into generators whose code is compiled, paused at a `yield` inside
# try/finally, try/except and with-blocks; generators abandoned mid-iteration (finalized when
# dropped); exceptions escaping a compiled generator into its consumer.
import gc

log = []

class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, kind, value, traceback):
        log.append("exit " + self.name + " " + (kind.__name__ if kind else "-"))
        return kind is KeyError

def guarded(n):
    try:
        for i in range(n):
            yield i * 2
    finally:
        log.append("finally after " + str(i))

def catching(n):
    i = 0
    while i < n:
        try:
            yield i
        except ValueError as error:
            log.append("caught " + str(error))
            yield "recovered"
        i += 1

def managed(n, name):
    with Resource(name):
        for i in range(n):
            yield i

# Warm each up so that its code is compiled (also under the default thresholds).
for _ in guarded(3000):
    pass
for _ in catching(3000):
    pass
for _ in managed(3000, "warm"):
    pass
print(log)
log.clear()

gen = guarded(5000)
for value in gen:
    if value == 3000:
        break
gen.close()
print(log)
log.clear()

gen = catching(5000)
total = 0
for value in gen:
    total += value
    if value == 2500:
        print(gen.throw(ValueError("bad")))
print(total, log)
log.clear()

gen = managed(5000, "a")
for value in gen:
    if value == 2000:
        break
try:
    gen.throw(KeyError("swallowed"))
except StopIteration:
    print("KeyError swallowed by __exit__, generator finished")
gen = managed(5000, "b")
next(gen)
for _ in range(2500):
    next(gen)
try:
    gen.throw(IndexError("through"))
except IndexError as error:
    print("escaped", repr(error))
gen = managed(5000, "c")
for _ in range(2600):
    next(gen)
gen.close()
print(log)
log.clear()

# close() where the generator yields again: RuntimeError.
def stubborn():
    for i in range(100000):
        try:
            yield i
        except GeneratorExit:
            yield "no"

gen = stubborn()
for _ in range(3000):
    next(gen)
try:
    gen.close()
except RuntimeError as error:
    print("RuntimeError:", error)

# Abandoned mid-iteration, interleaved with live ones: the collector frees the suspended
# frames of the dropped ones (their locals hold heap values) while the others go on.
def holding(n, tag):
    items = [tag] * 3
    for i in range(n):
        items.append(i)
        yield items[-1] + len(items[0])
        items.pop()

survivors = []
for round_number in range(3):
    kept = holding(10000, "k" * round_number)
    dropped = holding(10000, "dropped")
    for value in dropped:
        next(kept)
        if value == 2507:
            break
    del dropped
    gc.collect()
    survivors.append(kept)
print([next(gen) for gen in survivors], [sum(gen) for gen in survivors])

# An exception raised inside a compiled generator reaches its consumer; the generator is
# finished afterwards.
def failing(n):
    for i in range(n):
        if i == 2800:
            raise ZeroDivisionError("at " + str(i))
        yield i

gen = failing(5000)
try:
    for value in gen:
        pass
except ZeroDivisionError as error:
    print("consumer saw", error, "after", value)
print(next(gen, "exhausted"))
try:
    sum(failing(5000))
except ZeroDivisionError as error:
    print("sum saw", error)

# StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def leaking(n):
    for i in range(n):
        yield i
    next(iter([]))

try:
    print(sum(leaking(3000)))
except RuntimeError as error:
    print("RuntimeError:", error, type(error.__cause__).__name__)

# Running a generator from within itself.
def reentrant():
    for i in range(3000):
        yield i
    yield next(me)

me = reentrant()
try:
    for _ in me:
        pass
except ValueError as error:
    print("ValueError:", error)

# The uncaught case last: the traceback names the generator's line.
def deep(n):
    for i in range(n):
        yield 10 // (2000 - i)

print(sum(deep(1999)))
print(sum(deep(3000)))
