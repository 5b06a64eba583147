# Closures and higher-order functions: adders and multipliers made by factories, composition,
# currying, counters with nonlocal state, hand-written map/filter/reduce, and sorted/min/max
# with function arguments.
#
# Creating and calling closures, cell variable reads and writes, lambdas and *args calls. Each
# result is checked against the same arithmetic written out directly.
import sys

N = 1500000


def make_adder(n):
    return lambda x: x + n


def make_multiplier(n):
    def multiply(x):
        return x * n

    return multiply


def compose(*functions):
    def composed(x):
        for f in reversed(functions):
            x = f(x)
        return x

    return composed


def curry3(f):
    return lambda a: lambda b: lambda c: f(a, b, c)


def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def my_map(f, items):
    return [f(x) for x in items]


def my_filter(predicate, items):
    return [x for x in items if predicate(x)]


def my_reduce(f, items, initial):
    acc = initial
    for x in items:
        acc = f(acc, x)
    return acc


def memoize(f):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]

    return wrapper


def main():
    # A pipeline of composed closures: ((x * 3) + 7) * 2 - 5.
    pipeline = compose(make_adder(-5), make_multiplier(2), make_adder(7), make_multiplier(3))
    total = 0
    for x in range(N):
        total += pipeline(x)
    if total != sum(((x * 3) + 7) * 2 - 5 for x in range(N)):
        sys.exit(f"closures: pipeline total {total}")

    # Factories in a loop: a fresh closure per element.
    adders = [make_adder(i) for i in range(200)]
    mixed = 0
    for x in range(N // 20):
        for add in adders[::17]:
            mixed += add(x)
    if mixed != sum(x + i for x in range(N // 20) for i in range(0, 200, 17)):
        sys.exit(f"closures: adders total {mixed}")

    # Currying.
    volume = curry3(lambda a, b, c: a * b * c)
    curried = 0
    for a in range(1, 40):
        by_a = volume(a)
        for b in range(1, 40):
            by_ab = by_a(b)
            for c in range(1, 10):
                curried += by_ab(c)
    if curried != (39 * 40 // 2) ** 2 * (9 * 10 // 2):
        sys.exit(f"closures: curried total {curried}")

    # Counters with nonlocal state.
    counters = [make_counter() for _ in range(10)]
    for i in range(N):
        counters[i % 10](i % 7)
    counted = [c(0) for c in counters]
    expected = [sum(i % 7 for i in range(k, N, 10)) for k in range(10)]
    if counted != expected:
        sys.exit(f"closures: counters {counted}, expected {expected}")

    # map / filter / reduce by hand, with lambdas.
    squares = my_map(lambda x: x * x, range(N))
    odd = my_filter(lambda x: x % 2 == 1, squares)
    reduced = my_reduce(lambda acc, x: (acc + x) % 1000003, odd, 0)
    if reduced != sum(x * x for x in range(1, N, 2)) % 1000003:
        sys.exit(f"closures: reduce gave {reduced}")

    # A memoized recursive closure: ways to climb n stairs taking 1, 2 or 3 at a time.
    @memoize
    def climbs(n):
        if n < 0:
            return 0
        if n == 0:
            return 1
        return climbs(n - 1) + climbs(n - 2) + climbs(n - 3)

    p = climbs(300)
    a, b, c = 0, 0, 1
    for _ in range(300):
        a, b, c = b, c, a + b + c
    if p != c:
        sys.exit(f"closures: memoized climbs {p}, iterative {c}")
    by_key = sorted(range(1000), key=make_multiplier(-1))
    if by_key[0] != 999 or max(range(1000), key=lambda v: v % 997) != 996:
        sys.exit("closures: key functions misbehaved")
    print(f"closures: {total} {mixed} {curried} {sum(counted)} {reduced} {p % 1000000007}")


main()
