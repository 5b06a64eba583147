# Generators whose code is compiled: resumed at their `yield`s from compiled and interpreted
# consumers, builtins and next()/send(); types flipping after the code compiled (a deopt inside
# a resumed frame); values sent in; a `yield` with values below it on the operand stack.

def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def squares(source):
    for x in source:
        yield x * x

def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x

print(sum(evens(squares(numbers(5000)))))
print(sum(evens(squares(numbers(5000)))))

# The consumer is compiled too: `for x in gen` inside a hot loop.
def consume(n):
    total = 0
    for value in squares(numbers(n)):
        total += value
    return total

print([consume(k) for k in (10, 3000, 20)])

# Types flip inside a generator after it compiled: ints, then floats, then big ints, then
# strings (each a deopt inside the resumed frame), in one generator's life.
def scaled(values, factor):
    for value in values:
        yield value * factor

def mixed_values():
    for i in range(3000):
        yield i
    for i in range(5):
        yield i + 0.5
    yield 2 ** 70
    yield "ab"

print(list(scaled(mixed_values(), 3))[-8:])
print(list(scaled(range(3000), 2.5))[-2:])

# A counter whose local overflows the inline int range while paused and resumed.
def doubling(start):
    value = start
    while True:
        yield value
        value = value * 2 + 1

stream = doubling(1)
for _ in range(2000):
    last = next(stream)
print(last % 1000003, last.bit_length())
stream.close()

# Values sent in; the sent value is used after the resume point.
def accumulate():
    total = 0
    count = 0
    while True:
        received = yield total
        if received is None:
            continue
        total += received
        count += 1
        if count % 1000 == 0:
            total = total * 1.0 if count == 2000 else total

gen = accumulate()
next(gen)
for i in range(3000):
    result = gen.send(i)
print(result, gen.send(None), gen.send(0.25))

# `yield` inside a call's arguments: values sit below it on the operand stack across the
# pause (the callable, the first argument, a partially built tuple).
def pair(a, b):
    return (a, b)

def stacked(n):
    for i in range(n):
        got = pair(i, (yield i))
        yield got
        triple = (i, i + 1, (yield -i))
        yield triple

gen = stacked(3000)
collected = []
step = 0
for value in gen:
    collected.append(value)
    step += 1
print(len(collected), collected[:6], collected[-4:])

gen = stacked(10)
print(next(gen), gen.send("sent"), next(gen), next(gen), gen.send("third"))

# Generator expressions fed to builtins, many of them (each starts compiled code at its start).
def dot(rows, cols):
    return [[sum(x * y for x, y in zip(row, col)) for col in cols] for row in rows]

matrix = [[(i * j) % 7 for j in range(30)] for i in range(30)]
product = dot(matrix, matrix)
print(sum(product[i][i] for i in range(30)), max(max(row) for row in product))
print(min(x for x in range(-3000, 3000) if x % 7 == 3), tuple(x for x in "abc"))

# The StopIteration value of a compiled generator, and a generator with nothing after its
# last yield.
def returns_value(n):
    for i in range(n):
        yield i
    return n * 2

gen = returns_value(2000)
for item in gen:
    pass
try:
    next(gen)
except StopIteration as stop:
    print("finished", stop.value)

def delegating(n):
    result = yield from returns_value(n)
    yield result

print(list(delegating(3000))[-3:])
