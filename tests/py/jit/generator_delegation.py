# `yield from` and `await` in compiled code: the delegate's yields pass through, its return
# value ends the loop; send(), throw() and close() reach the delegate of a generator paused
# inside a compiled `yield from`; coroutines awaiting coroutines (an async_tree-like recursion
# under asyncio), exceptions escaping through awaits, cancellation at an await.
def inner(n, tag):
    total = 0
    for i in range(n):
        received = yield (tag, i)
        if received is not None:
            total += received
    return total

def outer(rounds, n):
    results = []
    for r in range(rounds):
        result = yield from inner(n, r)
        results.append(result)
    return results

gen = outer(3, 1000)
count = 0
value = next(gen)
try:
    while True:
        count += 1
        value = gen.send(count % 5 if count % 2 else None)
except StopIteration as stop:
    print("outer returned", stop.value, "after", count)

def chained(*sources):
    for source in sources:
        yield from source

print(sum(chained(range(3000), [1, 2, 3], (x * 2 for x in range(3000)), "")))
print(list(chained(iter([1.5, 2.5]), range(2)))[-3:])

# throw() and close() into a generator paused in a compiled `yield from`: the delegate sees
# them first.
log = []

def guarded_inner(n):
    try:
        for i in range(n):
            try:
                yield i
            except KeyError as error:
                log.append("inner caught " + str(error))
                yield "after KeyError"
    finally:
        log.append("inner finally")

def delegating(n):
    try:
        result = yield from guarded_inner(n)
        log.append("delegate returned " + repr(result))
    except ValueError as error:
        log.append("outer caught " + str(error))
        yield "after ValueError"
    finally:
        log.append("outer finally")

for attempt in range(3):
    gen = delegating(5000)
    for value in gen:
        if value == 2500:
            break
    if attempt == 0:
        print(gen.throw(KeyError("k")), next(gen))
        gen.close()
    elif attempt == 1:
        print(gen.throw(ValueError("v")))
        print(next(gen, "exhausted"))
    else:
        gen.close()
print(log)

# A delegate that changes type of what it yields after the code compiled.
def source():
    for i in range(3000):
        yield i
    yield 2 ** 80
    yield "text"
    return "done"

def relay():
    result = yield from source()
    yield result

print(list(relay())[-4:])

import asyncio

# Coroutines: a recursive tree of awaits, plain coroutine chains driven by send(), and
# asyncio tasks.
async def leaf(value):
    total = 0
    for i in range(10):
        total += (value * 31 + i) % 97
    await asyncio.sleep(0)
    return total

async def node(level, value):
    if level == 0:
        return await leaf(value)
    results = await asyncio.gather(*[node(level - 1, value * 4 + branch) for branch in range(4)])
    return sum(results) % 1000003

async def chain(depth, value):
    if depth == 0:
        return value
    return await chain(depth - 1, value + 1) * 1

async def failing(depth):
    if depth == 0:
        raise LookupError("bottom")
    return await failing(depth - 1)

async def main():
    checks = []
    for _ in range(3):
        checks.append(await node(3, 1))
    print(checks)
    total = 0
    for i in range(100):
        total += await chain(20, i)
    print(total)
    for i in range(100):
        try:
            await failing(i % 7)
        except LookupError as error:
            total += 1
            message = str(error)
    print(total, message)
    task = asyncio.ensure_future(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled")

asyncio.run(main())

def drive(coroutine):
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value

print(sum(drive(chain(10, i)) for i in range(300)))
