# A generator's saved frame is reused from one suspension to the next: it must hold exactly
# the values of each pause, whether the operand stack is deep or shallow there.
def varied():
    a = 1
    yield a
    b = [a, (yield a + 1), (yield (a, (yield 3)))]
    yield b
    for i in range(3):
        c = {i: (yield i * 10)}
        yield c
    return "done"


g = varied()
print(next(g))
print(g.send("unused"))
print(g.send("first"))
print(g.send("inner"))
print(g.send("outer"))
try:
    while True:
        print(g.send("v"))
except StopIteration as stop:
    print("returned", stop.value)


def nested(depth):
    if depth == 0:
        yield "leaf"
        return
    for item in nested(depth - 1):
        yield (depth, item)
    yield from nested(depth - 1)


print(list(nested(3)))


def thrower():
    try:
        yield 1
        yield 2
    except ValueError as error:
        yield "caught " + str(error)
    yield 3


t = thrower()
print(next(t), t.throw(ValueError("boom")), next(t))
t.close()
print(list(zip(thrower(), thrower())))
