# `async for`, `async with`, async generators (asend/athrow/aclose/__anext__) and async
# comprehensions, driven by hand.


class Tick:
    """An awaitable that passes one value out to the driver."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield f"tick {self.label}"
        return sent


def run(coroutine):
    value = None
    steps = 0
    try:
        while True:
            yielded = coroutine.send(value)
            steps += 1
            print("  driver:", yielded)
            value = f"reply{steps}"
    except StopIteration as stop:
        print("  result:", repr(stop.value))
        return stop.value


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        print("  __aiter__")
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        await Tick(f"count {self.n}")
        return self.n


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print(f"  enter {self.name}")
        await Tick(f"enter {self.name}")
        return self.name.upper()

    async def __aexit__(self, kind, value, traceback):
        print(f"  exit {self.name}", kind.__name__ if kind else None, value)
        await Tick(f"exit {self.name}")
        return self.suppress


async def loops():
    async for i in Countdown(3):
        print("  got", i)
        if i == 0:
            print("  last")
    else:
        print("  loop else")
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 2:
            break
        print("  second loop", i)
    else:
        print("  not printed")
    return "loops done"

print("async for")
run(loops())


async def managers():
    async with Manager("a") as a, Manager("b") as b:
        print("  body", a, b)
    async with Manager("quiet", suppress=True):
        raise KeyError("suppressed")
    try:
        async with Manager("loud"):
            raise KeyError("propagates")
    except KeyError as error:
        print("  caught", repr(error))
    for i in range(3):
        async with Manager(f"loop{i}"):
            if i == 1:
                break
    return "managers done"

print("async with")
run(managers())


async def early_return():
    async with Manager("ret"):
        return "returned from inside"

print("return through async with")
run(early_return())


async def numbers(limit):
    try:
        for i in range(limit):
            received = yield i
            if received is not None:
                print("  asend received", received)
            await Tick(f"in generator {i}")
    finally:
        print("  numbers finally")


async def consume():
    total = []
    async for n in numbers(3):
        total.append(n)
    return total

print("async generator in async for")
run(consume())

print("async generator object")
g = numbers(2)
print(" ", type(g).__name__, g.__name__, repr(g).startswith("<async_generator object numbers at 0x"))
print(" ", g.__aiter__() is g)
step = g.__anext__()
print(" ", type(step).__name__, step.__await__() is step)
try:
    step.send(None)
except StopIteration as stop:
    print("  first value", stop.value)
try:
    step.send(None)
except RuntimeError as error:
    print("  RuntimeError:", error)
step = g.asend("hello")
print("  passes out:", step.send(None))
try:
    step.send(None)
except StopIteration as stop:
    print("  second value", stop.value)
close = g.aclose()
print(" ", type(close).__name__)
try:
    close.send(None)
except StopIteration:
    print("  aclose finished")
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print("  StopAsyncIteration after close")


async def handles_throw():
    while True:
        try:
            yield "ready"
        except ValueError as error:
            print("  generator caught", repr(error))
            yield "handled"

print("athrow")
g = handles_throw()
try:
    g.__anext__().send(None)
except StopIteration as stop:
    print("  value", stop.value)
thrown = g.athrow(ValueError("thrown in"))
try:
    thrown.send(None)
except StopIteration as stop:
    print("  athrow result", stop.value)
try:
    g.athrow(KeyError("not handled")).send(None)
except KeyError as error:
    print("  propagated", repr(error))


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2

g = ignores_exit()
try:
    g.__anext__().send(None)
except StopIteration:
    pass
try:
    g.aclose().send(None)
except RuntimeError as error:
    print("RuntimeError:", error)


async def raises_stop_async():
    raise StopAsyncIteration
    yield

try:
    raises_stop_async().__anext__().send(None)
except RuntimeError as error:
    print("RuntimeError:", error)


async def comprehensions():
    squares = [x * x async for x in numbers(3)]
    print("  list", squares)
    evens = {x async for x in Countdown(4) if x % 2 == 0}
    print("  set", sorted(evens))
    mapping = {x: str(x) async for x in numbers(2)}
    print("  dict", mapping)
    awaited = [await Tick(i) for i in range(2)]
    print("  awaited in comprehension", awaited)
    generator = (x + 100 async for x in numbers(2))
    print("  ", type(generator).__name__)
    collected = []
    async for value in generator:
        collected.append(value)
    print("  async genexp", collected)
    nested = [[y async for y in numbers(x)] for x in range(3)]
    print("  nested", nested)
    return "comprehensions done"

print("async comprehensions")
run(comprehensions())

print("errors")


class NoAiter:
    pass


class AiterWithoutAnext:
    def __aiter__(self):
        return 1


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


class OnlyEnter:
    async def __aenter__(self):
        return 1


class EnterNotAwaitable:
    def __aenter__(self):
        return 1

    def __aexit__(self, *args):
        return 2


async def iterate(thing):
    async for x in thing:
        pass


async def enter(thing):
    async with thing:
        pass

for function, thing in [(iterate, NoAiter()), (iterate, AiterWithoutAnext()),
                        (iterate, AnextNotAwaitable()), (iterate, [1, 2]), (enter, 5),
                        (enter, OnlyEnter()), (enter, EnterNotAwaitable())]:
    try:
        run(function(thing))
    except TypeError as error:
        print("  TypeError:", error, "| cause:", repr(error.__cause__))

for source in ["def f():\n    async for x in y: pass\n", "def f():\n    async with x: pass\n",
               "def f():\n    return [x async for x in y]\n", "def f():\n    await x\n",
               "await x\n", "async def f():\n    yield 1\n    return 2\n",
               "async def f():\n    yield from x\n", "lambda: await x\n",
               "def f():\n    return (x async for x in y)\n",
               "async def f():\n    return [x for x in await y]\n"]:
    try:
        compile(source, "<async>", "exec")
        print("compiled:", source.splitlines()[-1].strip())
    except SyntaxError as error:
        print(f"{error.msg} (line {error.lineno})")
