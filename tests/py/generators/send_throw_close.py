# Generators and coroutines driven by hand: send, throw, close, return values, StopIteration,
# yield from, async generators, async with, anext/aiter.
def g():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 3
    finally:
        print("fin")
    return 10
it = g()
print(next(it), it.send("s"), it.throw(ValueError("v")))
try: next(it)
except StopIteration as e: print("stop", e.value, e.args)
def h():
    r = yield from g()
    print("r", r)
    return r
it = h(); next(it); it.send(1); it.throw(ValueError, "x")
try: next(it)
except StopIteration as e: print(e.value)
it = g(); next(it); it.close(); print(it.gi_running)
def bad():
    yield 1
    raise StopIteration
try: list(bad())
except RuntimeError as e: print(e, type(e.__cause__))
print(list(x*2 for x in range(3)), type(x for x in []))
def closer():
    try: yield 1
    except GeneratorExit: print("ge"); yield 2
c = closer(); next(c)
try: c.close()
except RuntimeError as e: print(e)
async def co(): return 5
c = co()
try: c.send(None)
except StopIteration as e: print("co", e.value)
class Aw:
    def __await__(self):
        v = yield "susp"
        return v
async def co2():
    r = await Aw()
    return r * 2
c = co2(); print(c.send(None))
try: c.send(21)
except StopIteration as e: print(e.value)
async def agen():
    for i in range(3):
        yield i
async def use():
    out = [i async for i in agen()]
    async for i in agen(): out.append(i)
    class AC:
        async def __aenter__(self): print("aenter"); return 1
        async def __aexit__(self, *a): print("aexit"); return False
    async with AC() as v: out.append(v)
    return out
c = use()
try: c.send(None)
except StopIteration as e: print(e.value)
ag = agen()
print(type(ag), type(ag.__anext__()))
async def drv():
    a = agen()
    print(await anext(a), await a.__anext__())
    print(await anext(a, 'd'), await anext(a, 'd'))
    it = aiter(a)
    print(it is a)
try: drv().send(None)
except StopIteration: pass
print(g.__name__, g().__qualname__, repr(co)[:12])
cc = co(); cc.close()
def gg():
    yield 1
gi = gg()
print(gi.__name__, next(gi))
import types
print(type(gi) is types.GeneratorType)
