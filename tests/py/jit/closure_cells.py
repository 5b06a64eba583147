# Compiled code reads and writes closure cells inline. A cell emptied by `del` must still raise
# the interpreter's NameError, writes through `nonlocal` must be seen by every closure sharing
# the cell, and a cell's value may change type under a hot loop.


def counter_pair():
    count = 0

    def increment(amount):
        nonlocal count
        count += amount
        return count

    def read():
        return count

    return increment, read


increment, read = counter_pair()
for i in range(3000):
    increment(i % 5)
print(read())


def shared_types():
    value = 1

    def bump():
        nonlocal value
        value = value + value
        return value

    def set_value(new):
        nonlocal value
        value = new

    return bump, set_value


bump, set_value = shared_types()
for _ in range(40):
    bump()
print(bump())
set_value(1.5)
for _ in range(20):
    bump()
print(bump())
set_value("ab")
for _ in range(3):
    bump()
print(bump())
set_value([1])
print(len(bump()))


def emptied():
    data = 10

    def reader(n):
        total = 0
        for i in range(n):
            total += data + i
        return total

    first = reader(3000)
    del data
    try:
        reader(3000)
    except NameError as error:
        print("NameError:", error)
    return first


print(emptied())


def late_binding():
    def reader():
        return later * 2

    results = []
    for attempt in range(2):
        try:
            results.append(reader())
        except NameError as error:
            results.append(str(error))
        later = attempt + 20
    for _ in range(3000):
        results[-1] = reader()
    return results


print(late_binding())


def solve(n):
    columns = [False] * n

    def place(row):
        if row == n:
            return 1
        count = 0
        for column in range(n):
            if columns[column]:
                continue
            columns[column] = True
            count += place(row + 1)
            columns[column] = False
        return count

    return place(0)


print([solve(n) for n in range(1, 8)])


def cell_in_loop(n):
    total = 0
    functions = []
    for i in range(n):
        def get(i=i):
            return i + total

        functions.append(get)
        total += 1
    return sum(function() for function in functions)


print(cell_in_loop(500))


# Closures calling closures take the direct call path too: their free cells go after the locals.
# Deep recursion still ends in RecursionError, and an exception in the callee unwinds through.
def make_walker(limit):
    seen = []

    def walk(n):
        if n == limit:
            raise ValueError(f"limit {limit} after {len(seen)}")
        seen.append(n)
        return walk(n + 1) + 1

    return walk


for limit in (50, 300):
    try:
        make_walker(limit)(0)
    except ValueError as error:
        print("ValueError:", error)
try:
    make_walker(10**6)(0)
except RecursionError as error:
    print("RecursionError:", error)
