# gather (results in argument order, return_exceptions, cancellation), wait (the three
# return_when modes, timeout), wait_for, as_completed and shield.
#
# Jobs take a number of loop iterations (sleep(0) steps), not seconds, so the order they
# finish in is the scheduler's, not the machine's speed; only waits meant to time out use
# real timers, against jobs that never finish in time.
import asyncio


async def job(name, steps, result=None, fail=None):
    for _ in range(steps):
        await asyncio.sleep(0)
    if fail:
        raise fail
    print("finished", name)
    return result if result is not None else name


async def forever(name):
    await asyncio.sleep(10)
    print("forever finished (wrong)", name)


def names(tasks):
    return sorted(task.get_name() for task in tasks)


async def main():
    print(await asyncio.gather(job("slow", 3), job("fast", 1), job("mid", 2)))
    print(await asyncio.gather())
    print(await asyncio.gather(job("ok", 0), job("bad", 0, fail=ValueError("v")),
                               return_exceptions=True))
    try:
        await asyncio.gather(job("x", 2), job("y", 0, fail=KeyError("k")))
    except KeyError as exc:
        print("gather raised", repr(exc))
    await job("let x finish", 3)

    # The same awaitable twice is run once.
    t = asyncio.create_task(job("shared", 0))
    print(await asyncio.gather(t, t))

    # Cancelling the gather cancels its children.
    children = [asyncio.create_task(forever(f"c{i}")) for i in range(3)]
    g = asyncio.gather(*children)
    await asyncio.sleep(0)
    print("gather cancel:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled; children:", [c.cancelled() for c in children])

    # A cancelled child with return_exceptions gives a CancelledError in the results.
    victim = asyncio.create_task(forever("victim"))
    survivor = asyncio.create_task(job("survivor", 2))
    g2 = asyncio.gather(victim, survivor, return_exceptions=True)
    await asyncio.sleep(0)
    victim.cancel()
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in await g2])

    # wait()
    tasks = [asyncio.create_task(job(f"w{i}", i + 1), name=f"w{i}") for i in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait(tasks)
    print("ALL_COMPLETED done", names(done), "pending", names(pending))

    tasks = [asyncio.create_task(job("e0", 1, fail=OSError("e")), name="e0"),
             asyncio.create_task(forever("e1"), name="e1")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION done", names(done), "pending", names(pending))
    tasks[1].cancel()

    slow = asyncio.create_task(forever("timeout-victim"), name="tv")
    done, pending = await asyncio.wait([slow], timeout=0.01)
    print("timeout done", names(done), "pending", names(pending))
    slow.cancel()
    try:
        await asyncio.wait([])
    except ValueError as exc:
        print("ValueError:", exc)
    coro = job("coro", 0)
    try:
        await asyncio.wait([coro])
    except TypeError as exc:
        print("TypeError:", exc)
    coro.close()

    # wait_for
    print("wait_for:", await asyncio.wait_for(job("quick", 0), timeout=5))
    print("wait_for None:", await asyncio.wait_for(job("untimed", 0), None))
    try:
        await asyncio.wait_for(forever("too slow"), timeout=0.01)
    except asyncio.TimeoutError as exc:
        print("TimeoutError", type(exc).__name__, type(exc.__cause__).__name__)
    try:
        await asyncio.wait_for(forever("zero"), timeout=0)
    except TimeoutError:
        print("TimeoutError with timeout=0")

    # as_completed gives results in completion order.
    tasks = [asyncio.create_task(job(f"a{steps}", steps)) for steps in (3, 1, 2)]
    for next_done in asyncio.as_completed(tasks):
        print("as_completed ->", await next_done)
    late = asyncio.create_task(forever("late"))
    try:
        for next_done in asyncio.as_completed([late], timeout=0.01):
            await next_done
    except asyncio.TimeoutError:
        print("as_completed timed out")
    late.cancel()

    # shield: cancelling the outer await leaves the inner task running.
    inner = asyncio.create_task(job("shielded", 3, result="inner result"))

    async def waiter():
        return await asyncio.shield(inner)

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled; inner cancelled:", inner.cancelled())
    print("inner:", await inner)
    print("shield of done:", await asyncio.shield(asyncio.sleep(0, "now")))


asyncio.run(main())
