# Async generators, async comprehensions, async with / async for driven by the loop;
# asend/athrow/aclose; the loop closes unfinished generators at shutdown.
import asyncio
import sys


async def ticks(n, delay=0):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticks finally", n)


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.current -= 1
        return self.current


async def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except ValueError as exc:
        yield f"handled {exc}"
    finally:
        print("echo received", received)


kept = []


async def main():
    print([i async for i in ticks(3)])
    print({i: i * i async for i in ticks(3, 0.001) if i % 2 == 0})
    print([x async for x in Countdown(3)])
    print([await asyncio.sleep(0, i) for i in range(3)])
    total = 0
    async for value in ticks(4):
        total += value
    print("total", total)

    async with Resource("r1") as r:
        print("using", r.name)
    async with Resource("r2"):
        raise KeyError("suppressed")
    try:
        async with Resource("r3"):
            raise ValueError("propagates")
    except ValueError as exc:
        print("ValueError:", exc)

    gen = echo()
    print(await gen.asend(None), await gen.asend("a"), await gen.asend("b"))
    print(await gen.athrow(ValueError("oops")))
    await gen.aclose()
    one = ticks(1)
    print(await anext(one))
    await one.aclose()
    print(await anext(Countdown(0), "default"))

    # Left unfinished: closed by the loop's shutdown_asyncgens at the end of asyncio.run.
    unfinished = ticks(5)
    kept.append(unfinished)
    print("first of unfinished:", await unfinished.__anext__())
    hooks = sys.get_asyncgen_hooks()
    print("hooks installed:", hooks.firstiter is not None, hooks.finalizer is not None)

    # Producer/consumer through an async generator in another task.
    async def numbers():
        for i in range(3):
            await asyncio.sleep(0)
            print("produce", i)
            yield i

    async def other():
        for i in range(3):
            print("other", i)
            await asyncio.sleep(0)

    async def consume():
        return [n async for n in numbers()]

    print(await asyncio.gather(consume(), other()))


asyncio.run(main())
print("after run; hooks reset:", sys.get_asyncgen_hooks().firstiter is None)
