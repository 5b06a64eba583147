# Generator functions: lazy execution, state between yields, use in for loops.
def count_up(limit):
    print("  generator started")
    n = 0
    while n < limit:
        print("  about to yield", n)
        yield n
        n += 1
    print("  generator finished")
g = count_up(3)
print("created, nothing ran yet:", type(g).__name__)
for value in g:
    print("got", value)
print(list(count_up(2)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for f in fib():
    if f > 100:
        break
    out.append(f)
print(out)
def squares(items):
    for item in items:
        yield item * item
print(list(squares([1, 2, 3])), sum(squares(range(10))), max(squares([-5, 3])))
def with_return():
    yield 1
    return "done"
    yield 2
print(list(with_return()))
def empty():
    return
    yield
print(list(empty()))
def multiple_yields():
    yield "a"
    yield "b"
    for x in range(2):
        yield x
    yield from ()
print(list(multiple_yields()))
gen = squares([4, 5])
print(iter(gen) is gen, list(gen), list(gen))
