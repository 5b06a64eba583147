# Calls from compiled code to a function the call site expects (a global's value when the caller
# was compiled, or a method from the attribute cache) take a direct path that pushes the callee's
# frame with the arguments in place. Everything that makes the expectation wrong must fall back to
# the general call: the global rebound (to another function, a builtin, a class, a function
# taking defaults or *args, a generator function), the method replaced or shadowed, the callee
# raising, deopting or reading an unbound local, and recursion past the limit.
import sys


def add(a, b):
    return a + b


def caller(count):
    total = 0
    for i in range(count):
        total += add(i, 1)
    return total


print(caller(3000))


def add_other(a, b):
    return a * b


add = add_other
print(caller(3000))
add = max
print(caller(3000))


class Adder:
    def __init__(self, a, b):
        self.value = a - b

    def __add__(self, other):
        return self.value + other


add = Adder


def caller_objects(count):
    total = 0
    for i in range(count):
        total = add(i, 1) + total
    return total


print(caller(50) if False else caller_objects(3000))


def add_defaults(a, b, c=100):
    return a + b + c


add = add_defaults
print(caller(3000))


def add_varargs(*values):
    return sum(values)


add = add_varargs
print(caller(3000))


def add_generator(a, b):
    yield a
    yield b


def caller_generators(count):
    total = 0
    for i in range(count):
        total += sum(add(i, 2))
    return total


add = add_generator
print(caller_generators(3000))


# The callee changes types under the caller: its own guards deopt, the caller sees the result.
def halve(x):
    return x / 2 + x // 2


def mixed(values):
    out = []
    for value in values:
        out.append(halve(value))
    return out


print(sum(mixed(list(range(2000)))))
print(mixed([7, 7.5, 10**20, -3, True]))


# The callee reads a local that only some paths bind.
def maybe(x):
    if x % 500:
        y = x
    return y


def caller_unbound(count):
    total = 0
    for i in range(1, count):
        try:
            total += maybe(i)
        except UnboundLocalError as error:
            print("UnboundLocalError at", i, type(error).__name__)
    return total


print(caller_unbound(2000))


# An exception raised in the callee: the traceback names every frame, as in the interpreter.
def divide(a, b):
    return a // b


def caller_raises(count):
    total = 0
    for i in range(count, -1, -1):
        total += divide(1000, i)
    return total


try:
    caller_raises(3000)
except ZeroDivisionError as error:
    names = []
    trace = error.__traceback__
    while trace is not None:
        names.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    print(names)


# Methods: the cached method is replaced on the class, then shadowed on one instance.
class Counter:
    def __init__(self):
        self.count = 0

    def step(self, amount):
        self.count += amount
        return self.count


def run(counter, count):
    last = 0
    for i in range(count):
        last = counter.step(i % 3)
    return last


counter = Counter()
print(run(counter, 3000))
Counter.step = lambda self, amount: self.count - amount
print(run(counter, 3000))
counter.step = lambda amount: amount * 1000
print(run(counter, 3000))


def step_with_default(self, amount, scale=2):
    return amount * scale


Counter.step = step_with_default
print(run(Counter(), 3000))


# Deep recursion through the direct path reaches RecursionError at the limit, and a raised
# limit is honoured.
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


print(down(900))
sys.setrecursionlimit(3000)
print(down(2900))
try:
    down(10000)
except RecursionError as error:
    print("RecursionError:", error)
sys.setrecursionlimit(1000)
try:
    down(1500)
except RecursionError as error:
    print("RecursionError again:", error)


# Rebinding a global to a different function while a compiled frame still runs the call site.
def first(x):
    return x + 1


def second(x):
    return x - 1


def switching(count):
    global first
    total = 0
    for i in range(count):
        if i == count // 2:
            first = second
        total += first(i)
    return total


print(switching(4000))


# A function with more locals than parameters: the extra slots start unbound each call.
def locals_fresh(a):
    if a > 2000:
        return "late"
    for b in range(2):
        pass
    return a + b


def caller_fresh(count):
    out = 0
    for i in range(count):
        value = locals_fresh(i)
        if value == "late":
            out += 1
        else:
            out += value
    return out


print(caller_fresh(3000))



# A method call site that sees several classes calls each one's method directly; a method
# replaced, one taking a default, a generator method, a class past the cache's ways, and a
# method raising all go their own ways.
class Walker:
    def move(self, step):
        return step + 1


class Runner(Walker):
    def move(self, step):
        return step * 2


class Jumper(Walker):
    def move(self, step):
        return step - 3


class Crawler(Walker):
    pass


def tour(movers, rounds):
    total = 0
    for _ in range(rounds):
        for mover in movers:
            total += mover.move(total % 7)
    return total


movers = [Walker(), Runner(), Jumper(), Crawler()]
print(tour(movers, 1000))
Runner.move = lambda self, step: -step
print(tour(movers, 500))


def move_default(self, step, extra=10):
    return step + extra


Jumper.move = move_default
print(tour(movers, 500))


def move_generator(self, step):
    yield step


Crawler.move = lambda self, step: sum(move_generator(self, step))
print(tour(movers, 500))


class Flyer(Walker):
    def move(self, step):
        if step == 6:
            raise ValueError("grounded")
        return 100


movers.append(Flyer())
try:
    tour(movers, 500)
except ValueError as error:
    print("ValueError:", error)


# Uncaught, the callee's exception prints the interpreter's traceback (the last line is checked).
def check(value):
    if value > 2500:
        raise ValueError(f"too big: {value}")
    return value


def caller_uncaught(count):
    total = 0
    for i in range(count):
        total += check(i)
    return total


caller_uncaught(3000)
