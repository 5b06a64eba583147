# Driving generators with next(): StopIteration, defaults and return values.
def letters():
    yield "a"
    yield "b"
    return "the end"
g = letters()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", repr(e.value))
print(next(g, "default after exhaustion"))
def numbered(seq):
    i = 0
    for item in seq:
        i += 1
        yield i, item
n = numbered("xyz")
print(next(n), next(n), list(n))
def running_total():
    total = 0
    for x in [5, 10, 20]:
        total += x
        yield total
print([t for t in running_total()])
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
for v in guarded():
    print("value", v)
def take(n, gen):
    result = []
    for item in gen:
        if len(result) == n:
            break
        result.append(item)
    return result
def naturals():
    k = 0
    while True:
        yield k
        k += 1
print(take(5, naturals()), take(0, naturals()))
def raises_inside():
    yield 1
    raise ValueError("from inside the generator")
try:
    for v in raises_inside():
        print("yielded", v)
except ValueError as e:
    print("ValueError:", e)
