# Range loops whose iterator state the JIT keeps in registers: re-entered loops get a fresh
# iterator, break/continue, negative and huge steps take the memory path, a different iterator
# at the same loop deopts, and a yield or an exception inside the loop leaves an exact iterator.


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i, n):
            if j == i + 3:
                break
            if j % 2:
                continue
            total += i * j
    return total


def steps(n):
    total = 0
    for k in range(n, -1, -1):
        total += k
    for k in range(-n, n, 7):
        total += k
    for k in range(2**60, 2**60 + 3):
        total += k & 7
    for k in range(0, 2**47 + 10, 2**46):
        total += k >> 40
    return total


def over(iterable):
    seen = 0
    for item in iterable:
        seen = seen * 3 + item
    return seen


def deep_break(n):
    found = []
    for i in range(n):
        for j in range(n):
            for k in range(n):
                if i + j + k == n:
                    found.append((i, j, k))
                    break
            else:
                continue
            if len(found) % 4 == 0:
                break
    return len(found), found[-1]


def counting_generator(n):
    for i in range(n):
        if i % 5 == 0:
            yield i


def raising(n):
    results = []
    for i in range(n):
        try:
            results.append(10 // (i % 4))
        except ZeroDivisionError:
            results.append(-1)
    return sum(results)


def float_body(n):
    x = 0.0
    for i in range(1, n):
        x = x * 0.5 + i
        if x > 1e6:
            x = 1.0
    return x


# Warm up: every function compiles with the interpreter's feedback (ranges only).
for _ in range(250):
    nested(12)
    steps(3)
    deep_break(4)
    sum(counting_generator(12))
    raising(8)
    float_body(10)

for round_number in range(3):
    print(nested(60), steps(200), deep_break(9))
    print(over(range(20)), over([1, 2, 3]), over(range(5)), over((4, 5)))
    print(sum(counting_generator(500)), list(counting_generator(23)))
    print(raising(400), float_body(3000))

# The loop is hot and compiled on ranges, then sees an iterator of another kind.
for _ in range(300):
    over(range(30))
print(over(iter([7, 8, 9])), over(x for x in range(4)), over(range(3, 0, -1)))

# A loop left by an exception resumes correctly when entered again.
def stops_early(n, limit):
    total = 0
    for i in range(n):
        if i == limit:
            raise ValueError(i)
        total += i
    return total


for attempt in range(200):
    try:
        stops_early(50, attempt % 60)
    except ValueError as error:
        last = error.args
print(stops_early(50, 99), last)
