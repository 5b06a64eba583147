# Generators, coroutines and other code the JIT leaves to the interpreter, called from hot
# compiled code, and compiled code called from them.

def squares(n):
    for i in range(n):
        yield i * i

def consume(n):
    total = 0
    for value in squares(n):
        total += value
    return total

for round_number in range(3):
    print(consume(3000))

def hot(x):
    return x * 2 + 1

def generator_calling_hot(n):
    for i in range(n):
        yield hot(i)

print(sum(generator_calling_hot(5000)))

def with_generator_expression(n):
    return sum(i % 7 for i in range(n)) + max(x for x in range(n) if x % 3 == 0)

print(with_generator_expression(4000))

async def coroutine(n):
    return hot(n)

def drive(n):
    total = 0
    for i in range(n):
        routine = coroutine(i)
        try:
            routine.send(None)
        except StopIteration as stop:
            total += stop.value
    return total

print(drive(3000))

class Counter:
    def __init__(self):
        self.count = 0

    def __enter__(self):
        self.count += 1
        return self

    def __exit__(self, *exception):
        self.count += 10
        return False

def with_statements(n):
    counter = Counter()
    for i in range(n):
        with counter as entered:
            entered.count += i % 2
    return counter.count

print(with_statements(3000))

def matching(values):
    kinds = []
    for value in values:
        match value:
            case int(number) if number > 5:
                kinds.append("big")
            case [first, *rest]:
                kinds.append(f"list{len(rest)}")
            case {"key": found}:
                kinds.append(found)
            case _:
                kinds.append("other")
    return kinds

print(matching([1, 10, [1, 2, 3], {"key": "k"}, "s"] * 600)[:5])

def closures(n):
    def make(k):
        return lambda x: x + k
    adders = [make(i) for i in range(n)]
    total = 0
    for adder in adders:
        total += adder(1)
    return total

print(closures(3000))

def comprehensions(n):
    return len({i % 10 for i in range(n)}), len({i: i for i in range(n)}), sum([i for i in range(n)])

print(comprehensions(5000))
