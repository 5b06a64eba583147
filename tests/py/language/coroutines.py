# Coroutines driven by hand with send/throw/close (no event loop): await on coroutines and on
# objects with __await__, return values, exceptions through awaits, and coroutine objects.


class Future:
    """An awaitable that yields itself to the driver and returns what is sent back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        received = yield self
        return f"{self.label}:{received}"

    def __repr__(self):
        return f"Future({self.label!r})"


def run(coroutine, replies=()):
    """Drives a coroutine: each yielded Future gets the next reply."""
    replies = list(replies)
    value = None
    try:
        while True:
            yielded = coroutine.send(value)
            print("  driver got", yielded)
            value = replies.pop(0) if replies else None
    except StopIteration as stop:
        print("  finished with", repr(stop.value))
        return stop.value


async def leaf(n):
    first = await Future(f"leaf{n}a")
    second = await Future(f"leaf{n}b")
    return [first, second]


async def middle():
    results = []
    for n in range(2):
        results.append(await leaf(n))
    return results


async def top():
    value = await middle()
    print("  top got", value)
    return len(value)


print("nested awaits")
run(top(), ["r1", "r2", "r3", "r4"])


async def no_await():
    return "immediate"

print("no await")
run(no_await())

print("coroutine object")
c = no_await()
print(type(c).__name__, c.__name__, c.__qualname__, repr(c).startswith("<coroutine object no_await at 0x"))
print(c.cr_running)
for attempt in (lambda: next(c), lambda: iter(c), lambda: list(c)):
    try:
        attempt()
    except TypeError as error:
        print("TypeError:", error)
c.close()
try:
    c.send(None)
except RuntimeError as error:
    print("RuntimeError:", error)


class Outer:
    class Inner:
        async def method(self):
            return self

print(Outer.Inner().method.__qualname__)
m = Outer.Inner().method()
print(m.__qualname__)
m.close()

print("send a value into a fresh coroutine")
c = leaf(9)
try:
    c.send(1)
except TypeError as error:
    print("TypeError:", error)
c.close()

print("reuse after completion")
c = no_await()
run(c)
try:
    c.send(None)
except RuntimeError as error:
    print("RuntimeError:", error)


async def catcher():
    try:
        await Future("waiting")
    except KeyError as error:
        print("  caught inside coroutine:", repr(error))
        return "recovered"
    finally:
        print("  coroutine finally")

print("throw into a coroutine")
c = catcher()
print(" ", c.send(None))
try:
    c.throw(KeyError("thrown"))
except StopIteration as stop:
    print("  stop value", stop.value)

print("throw uncaught")
c = catcher()
c.send(None)
try:
    c.throw(ValueError, ValueError("bad"))
except ValueError as error:
    print("  propagated", repr(error))

print("close a suspended coroutine")
c = catcher()
c.send(None)
print("  close returned", c.close())
print("  close again", c.close())


async def stubborn():
    try:
        await Future("x")
    except GeneratorExit:
        await Future("y")

c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as error:
    print("RuntimeError:", error)


async def stop_iteration_inside():
    raise StopIteration("oops")

c = stop_iteration_inside()
try:
    c.send(None)
except RuntimeError as error:
    print("RuntimeError:", error, "| cause:", repr(error.__cause__))


async def awaits_twice(inner):
    return await inner

print("awaiting the same coroutine twice")
inner = leaf(5)
outer1 = awaits_twice(inner)
outer2 = awaits_twice(inner)
print(" ", outer1.send(None))
try:
    outer2.send(None)
except RuntimeError as error:
    print("  RuntimeError:", error)
outer1.close()
outer2.close()

print("__await__ errors")


class NotAwaitable:
    pass


class AwaitReturnsInt:
    def __await__(self):
        return 5


class AwaitReturnsCoroutine:
    made = []

    def __await__(self):
        self.made.append(no_await())
        return self.made[-1]


class AwaitIterator:
    def __await__(self):
        return iter(["one", "two"])


async def await_it(thing):
    return await thing

for thing in (NotAwaitable(), AwaitReturnsInt(), AwaitReturnsCoroutine(), 3, "text", AwaitIterator()):
    c = await_it(thing)
    try:
        run(c)
    except TypeError as error:
        print("  TypeError:", error)
for made in AwaitReturnsCoroutine.made:
    made.close()

print("coroutine wrapper from __await__()")
c = leaf(1)
w = c.__await__()
print(" ", type(w).__name__, iter(w) is w)
print(" ", next(w))
print(" ", w.send("first"))
try:
    w.send("second")
except StopIteration as stop:
    print("  wrapper finished", stop.value)


async def awaits_generator_based():
    class Awaitable:
        def __await__(self):
            yield "step1"
            yield "step2"
            return "done"
    return await Awaitable()

print("generator-based __await__")
run(awaits_generator_based())

print("yield from a coroutine in a generator")


never_awaited = no_await()


def gen():
    yield from never_awaited

try:
    next(gen())
except TypeError as error:
    print("TypeError:", error)
never_awaited.close()

print("exceptions propagate through awaits")


async def failing():
    await Future("before failure")
    raise ValueError("failed inside")


async def wrapper():
    try:
        return await failing()
    except ValueError as error:
        return f"wrapped {error}"

run(wrapper())


async def with_locals(a, *args, key="k", **kwargs):
    total = a + sum(args)
    await Future(total)
    return (total, key, kwargs)

run(with_locals(1, 2, 3, key="K", extra=True))

print("closures and default arguments")


def make(offset):
    async def add(x, y=offset):
        return x + y + offset
    return add

run(make(10)(1))
print(make(1).__name__, make(1).__qualname__)
