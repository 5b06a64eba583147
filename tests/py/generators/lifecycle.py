# More generators: finalization, running state, re-entrance, coroutine helpers, aclose.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
it = g(); print(next(it)); it.close()
print("after close")
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset": n = 0
        else: n += 1
c = counter(); next(c); print(c.send(None), c.send(None), c.send("reset"))
try: c.send(1) if False else counter().send(5)
except TypeError as e: print(e)
def gen_ret():
    yield 1
    return "done"
def deleg():
    x = yield from gen_ret()
    yield x
print(list(deleg()))
def thrower():
    while True:
        try: yield
        except KeyError as e: print("got", repr(e))
t = thrower(); next(t); t.throw(KeyError("k")); t.throw(KeyError)
try: t.throw(ValueError("v"))
except ValueError as e: print("propagated", e)
print(next(t, "exhausted"))
def running():
    yield running_gen.gi_running
running_gen = running(); print(next(running_gen))
def recursive():
    yield next(me)
me = recursive()
try: next(me)
except ValueError as e: print(e)
gexp = (i * i for i in range(3)); print(next(gexp), list(gexp), list(gexp))
print(sum(i for i in range(10) if i % 2), any(x > 2 for x in [1, 3]), tuple(c for c in "ab"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
async def a1(): return 1
async def a2():
    return await a1() + 1
co = a2()
try: co.send(None)
except StopIteration as e: print(e.value)
co = a1(); print(type(co).__name__, co.cr_running); co.close()
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen cleanup")
async def consume():
    async for v in agen():
        print("v", v)
co = consume()
try: co.send(None)
except StopIteration: print("consumed")
g = agen()
a = g.aclose()
try: a.send(None)
except StopIteration: print("aclosed")
def gen_with_return_value():
    yield 1
    return 5
gg = gen_with_return_value(); next(gg)
try: next(gg)
except StopIteration as e: print("value", e.value)
print([x for x in (yield_ for yield_ in range(2))])
