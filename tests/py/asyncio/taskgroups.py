# TaskGroup (3.11): waits for its tasks; the first failure cancels the rest and the body,
# and the errors come out as an ExceptionGroup.
#
# Jobs take a number of loop iterations (sleep(0) steps), not seconds, so which ones finish
# before a failure cancels the rest is the scheduler's decision, not the machine's speed;
# a job of None steps waits until it is cancelled.
import asyncio


async def job(name, steps, fail=None):
    try:
        if steps is None:
            await asyncio.sleep(3600)
        for _ in range(steps):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail is not None:
        print(name, "fails")
        raise fail
    print(name, "done")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("one", 1))
        t2 = tg.create_task(job("two", 2), name="second")
        print("body ends first")
    print("results:", t1.result(), t2.result(), t2.get_name())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("ok", 0))
            tg.create_task(job("bad", 1, fail=ValueError("bad value")))
            tg.create_task(job("slow", None))
            await asyncio.sleep(3600)
            print("not reached")
    except* ValueError as group:
        print("caught", type(group).__name__, group.exceptions)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("e1", 1, fail=KeyError("a")))
            tg.create_task(job("e2", 1, fail=TypeError("b")))
    except ExceptionGroup as group:
        print(group.message, sorted(type(e).__name__ for e in group.exceptions))

    # An error in the body itself cancels the tasks and joins the group.
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("bystander", None))
            await asyncio.sleep(0)
            raise RuntimeError("body failed")
    except ExceptionGroup as group:
        print("body error:", group.exceptions)

    # Nested groups.
    async def nested():
        async with asyncio.TaskGroup() as inner:
            inner.create_task(job("deep", 1, fail=OSError("deep")))
        return "unreachable"

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(nested())
    except ExceptionGroup as group:
        print("nested:", repr(group.exceptions[0]))

    # The parent cancelled from outside: the group cancels its tasks, CancelledError goes on.
    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("child", None))
            await asyncio.sleep(3600)

    p = asyncio.create_task(parent())
    for _ in range(3):
        await asyncio.sleep(0)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled:", p.cancelled())

    tg = asyncio.TaskGroup()
    coro = job("x", 0)
    try:
        tg.create_task(coro)
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    coro.close()


asyncio.run(main())
