# Calls from compiled code of a callable the translator did not expect (a local, an argument, a
# closure cell, a megamorphic method) are made inline when the callable turns out to be a
# compiled Python function binding the arguments in place: its code, globals and closure cells
# are read at run time. Everything else must take the general call: other kinds of callable,
# functions taking defaults, *args or cells of their own, generator functions, functions of
# other modules' globals, a callee deopting or raising, recursion through a closure cell up to
# RecursionError, and closures whose cells change between calls.
import sys


def frames_of(error):
    names = []
    trace = error.__traceback__
    while trace is not None:
        names.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    return names


def apply_all(functions, count):
    total = 0
    for i in range(count):
        f = functions[i % len(functions)]
        total += f(i)
    return total


def make_adder(n):
    return lambda x: x + n


def make_scaler(n):
    def scale(x):
        return x * n

    return scale


def plain(x):
    return x - 1


def with_default(x, y=5):
    return x + y


def with_cell(x):
    def inner():
        return x

    return inner()


def generator(x):
    yield x


class Callable:
    def __call__(self, x):
        return x * 3


print(apply_all([make_adder(1), make_adder(2), make_scaler(3), plain], 4000))
print(apply_all([with_default, with_cell, abs, Callable()], 4000))
print(apply_all([lambda x: sum(generator(x)), make_adder(-1)], 4000))
print(apply_all([hash, make_adder(0)], 4000))


# The callee's types flip under it: its guards deopt, the caller goes on.
def apply_mixed(f, values):
    return [f(value) for value in values]


half = make_scaler(0.5)
print(sum(apply_mixed(half, list(range(3000)))))
print(apply_mixed(half, [3, 2.5, 10**30, True, 4]))


# Closures see their cells' current contents at each call.
def counter():
    count = 0

    def read(step):
        return count + step

    def bump():
        nonlocal count
        count += 1

    return read, bump


def reads(read, bump, rounds):
    total = 0
    for i in range(rounds):
        if i % 100 == 0:
            bump()
        total += read(i)
    return total


read, bump = counter()
print(reads(read, bump, 4000))


# Recursion through a closure cell (as a nested solver does), then past the limit.
def solver(n):
    def place(row, used):
        if row == n:
            return 1
        total = 0
        for column in range(n):
            if column not in used:
                total += place(row + 1, used | {column})
        return total

    return place(0, frozenset())


print([solver(n) for n in range(1, 7)])


def deep_maker():
    def down(n):
        if n == 0:
            return 0
        return down(n - 1) + 1

    return down


down = deep_maker()
for _ in range(300):
    down(5)
sys.setrecursionlimit(4000)
print(down(3500))
try:
    down(5000)
except RecursionError as error:
    print("RecursionError:", error)
sys.setrecursionlimit(1000)


# A callee raising: the traceback names the frames at their lines.
def make_checker(limit):
    def check(x):
        if x > limit:
            raise ValueError(f"{x} > {limit}")
        return x

    return check


try:
    apply_all([make_checker(10**6), make_checker(2990)], 4000)
except ValueError as error:
    print("ValueError:", error, frames_of(error))


# A megamorphic method site: more classes than the attribute cache keeps.
class A:
    def value(self, x):
        return x + 1


class B:
    def value(self, x):
        return x + 2


class C:
    def value(self, x):
        return x + 3


class D:
    def value(self, x):
        return x + 4


class E:
    def value(self, x):
        return x + 5


class F:
    def value(self, x, y=100):
        return x + y


def visit(objects, count):
    total = 0
    for i in range(count):
        total += objects[i % len(objects)].value(i)
    return total


print(visit([A(), B(), C(), D(), E()], 5000))
print(visit([A(), B(), C(), D(), E(), F()], 5000))


# The wrong number of arguments through the inline path's site raises as usual.
try:
    apply_all([plain, lambda: 1], 3000)
except TypeError as error:
    print("TypeError:", error)
