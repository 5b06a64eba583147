# Calls of functions held in locals, arguments and closure cells whose body is inlined where
# every function called at the site had one code (closures of one factory, a lambda passed to
# a hand-written map). Forces each way out: another code at the same site, a callable that is
# not a Python function, closure cells rebound or emptied, argument types flipping (floats,
# big ints, bools, int subclasses), exceptions raised in the body with their tracebacks,
# defaults and keywords, the recursion limit reached at the call, and a site that keeps
# failing and is recompiled to call instead.
import sys


def make_adder(n):
    return lambda x: x + n


def make_scaler(factor):
    def scale(x):
        return x * factor

    return scale


def apply_all(functions, values):
    total = 0
    for value in values:
        for function in functions:
            total += function(value)
    return total


adders = [make_adder(i) for i in range(20)]
print(apply_all(adders, range(300)))
# Another code at the same site: the caller deopts there and the interpreter makes the call.
print(apply_all(adders[:3] + [make_scaler(3)] + adders[3:6], range(50)))
# Not a Python function at all: a builtin, a class, a bound method.
print(apply_all([abs, int, (7).__add__], range(-5, 5)))
print(apply_all(adders[:4], range(300)))


def my_map(function, items):
    return [function(item) for item in items]


def my_filter(predicate, items):
    return [item for item in items if predicate(item)]


def my_reduce(function, items, initial):
    accumulator = initial
    for item in items:
        accumulator = function(accumulator, item)
    return accumulator


squares = my_map(lambda x: x * x, range(2000))
odd = my_filter(lambda x: x % 2 == 1, squares)
print(len(odd), my_reduce(lambda a, b: (a + b) % 1000003, odd, 0))
# The same sites with types flipping under the inlined bodies.
print(my_map(lambda x: x * x, [1.5, 2, 3.25, True, 10**20, -(2**62)])[:6])
print(my_reduce(lambda a, b: a + b, [1, 2.5, 2**70, False, -3], 0))


class Small(int):
    def __add__(self, other):
        return "Small+" + str(int(self) + other)


print(my_map(make_adder(1), [Small(4), 5, Small(-1)]))


# A cell rebound after the caller is compiled: the body reads the cell at every call.
def rebindable():
    offset = 10

    def add(x):
        return x + offset

    def set_offset(value):
        nonlocal offset
        offset = value

    return add, set_offset


add, set_offset = rebindable()
results = []
for round_number in range(6):
    results.append(apply_all([add], range(100)))
    set_offset([2.5, -7, 2**64, True, 0, 1][round_number])
print(results)


# An emptied cell raises the interpreter's NameError from inside the callee.
def emptied():
    value = 5

    def read(x):
        return x + value

    def drop():
        nonlocal value
        del value

    return read, drop


read, drop = emptied()
print(apply_all([read], range(400)))
drop()
try:
    apply_all([read], range(3))
except NameError as error:
    print("NameError:", error)


# Exceptions inside an inlined body: the callee's frame and line are in the traceback.
def make_divider(divisor):
    return lambda x: x // divisor


def frames_of(error):
    names = []
    traceback = error.__traceback__
    while traceback is not None:
        names.append((traceback.tb_frame.f_code.co_name, traceback.tb_lineno))
        traceback = traceback.tb_next
    return names


dividers = [make_divider(d) for d in (1, 2, 3)]
print(apply_all(dividers, range(500)))
try:
    apply_all(dividers + [make_divider(0)], range(5))
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error, frames_of(error))
try:
    apply_all([make_adder("x")], range(3))
except TypeError as error:
    print("TypeError:", error, frames_of(error))


# Defaults and keywords: a call passing fewer arguments than the parameters is made as a call.
def make_stepper(base):
    def step(x, by=1):
        return x + by + base

    return step


stepper = make_stepper(100)
total = 0
for i in range(500):
    total += stepper(i) + stepper(i, 2) + stepper(i, by=3)
print(total)


# The recursion limit reached exactly at an inlined call raises RecursionError.
def descend(n, function):
    if n == 0:
        return 0
    return function(n) + descend(n - 1, function)


print(descend(50, make_adder(1)))
for _ in range(200):
    descend(5, make_adder(2))
sys.setrecursionlimit(300)
try:
    descend(1000, make_adder(3))
except RecursionError as error:
    print("RecursionError:", error)
sys.setrecursionlimit(1000)
print(descend(400, make_adder(4)))


# A site that keeps seeing other codes is recompiled to call the function instead.
def mixed_site(functions, count):
    total = 0
    for i in range(count):
        total += functions[i % len(functions)](i)
    return total


print(mixed_site([make_adder(1)], 500))
print(mixed_site([make_adder(1), make_scaler(2), lambda x: -x], 3000))
print(mixed_site([make_adder(5)], 500))


# A site that saw a few codes while interpreted inlines each body, chosen by the code.
def compose(*functions):
    def composed(x):
        for function in reversed(functions):
            x = function(x)
        return x

    return composed


def make_offset(n):
    return lambda x: x + n


def make_times(factor):
    def times(x):
        return x * factor

    return times


pipeline = compose(make_offset(-5), make_times(2), make_offset(7), make_times(3))
total = 0
for x in range(2000):
    total += pipeline(x)
print(total)
print([pipeline(value) for value in (0.5, 2**60, True, -3)])
# A third code at that site, and results of different kinds from different bodies.
other = compose(lambda v: v - 1, make_offset(1), make_times(0.5))
print([other(value) for value in range(5)])
print(pipeline(10), other(10))
try:
    compose(make_offset(None), make_times(2))(5)
except TypeError as error:
    print("TypeError:", error, frames_of(error))


# More codes than recorded at one site while interpreted: no body is inlined there.
def five_codes(functions, count):
    total = 0
    for i in range(count):
        total += functions[i % len(functions)](i)
    return total


many = [make_adder(1), make_scaler(2), lambda v: v - 3, lambda v: v * v, lambda v: -v]
print(five_codes(many, 3000))
