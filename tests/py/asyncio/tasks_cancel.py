# Tasks: names, results, exceptions, done callbacks, cancellation with CancelledError,
# cancelling/uncancel, current_task and all_tasks.
import asyncio


async def work(name, delay, result=None, fail=None):
    print(name, "start")
    await asyncio.sleep(delay)
    if fail is not None:
        raise fail
    print(name, "end")
    return result


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        print("stubborn caught CancelledError", exc.args)
        await asyncio.sleep(0)
        print("stubborn keeps going")
        return "survived"


async def cleanup_then_reraise():
    try:
        await asyncio.sleep(10)
    finally:
        print("cleanup in finally")


async def main():
    me = asyncio.current_task()
    print("current task name:", me.get_name(), me.done())
    t = asyncio.create_task(work("t", 0, result=42), name="worker")
    print(t.get_name(), t.done(), t.cancelled())
    t.set_name("renamed")
    print(t.get_name())
    calls = []
    t.add_done_callback(lambda fut: calls.append(("cb1", fut.result())))
    t.add_done_callback(lambda fut: calls.append(("cb2", fut.get_name())))
    print(await t, t.done())
    await asyncio.sleep(0)
    print("callbacks:", calls)

    failing = asyncio.create_task(work("f", 0, fail=ValueError("boom")))
    try:
        await failing
    except ValueError as exc:
        print("ValueError:", exc, type(failing.exception()).__name__)

    # Cancel a task waiting in sleep.
    sleeper = asyncio.create_task(work("sleeper", 10))
    await asyncio.sleep(0)
    print("cancel returns", sleeper.cancel("stop it"))
    print("cancelling:", sleeper.cancelling(), "done:", sleeper.done())
    try:
        await sleeper
    except asyncio.CancelledError as exc:
        print("CancelledError args:", exc.args)
    print("cancelled:", sleeper.cancelled(), "cancel again:", sleeper.cancel())

    # Cancel before the task first runs: the coroutine never starts.
    never = asyncio.create_task(work("never", 0))
    never.cancel()
    try:
        await never
    except asyncio.CancelledError:
        print("never started; cancelled:", never.cancelled())

    # A task that catches the cancellation and returns normally.
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel("please")
    print("stubborn result:", await s, "cancelled:", s.cancelled(), "cancelling:", s.cancelling())
    print("uncancel ->", s.uncancel(), s.uncancel())

    c = asyncio.create_task(cleanup_then_reraise())
    await asyncio.sleep(0)
    c.cancel()
    results = await asyncio.gather(c, return_exceptions=True)
    print("gathered:", [type(r).__name__ for r in results])

    # Cancelling a task that awaits another task cancels the inner one too.
    inner = asyncio.create_task(work("inner", 10))

    async def outer():
        return await inner

    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        pass
    print("outer cancelled:", o.cancelled(), "inner cancelled:", inner.cancelled())

    # all_tasks sees the pending ones.
    pending = [asyncio.create_task(work(f"p{i}", 10)) for i in range(3)]
    await asyncio.sleep(0)
    names = sorted(task.get_name() == me.get_name() or task in pending for task in asyncio.all_tasks())
    print("all_tasks:", len(asyncio.all_tasks()), names)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("after cancel:", len(asyncio.all_tasks()))

    # result()/exception() on pending and cancelled futures.
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as exc:
        print("InvalidStateError:", exc)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as exc:
        print("InvalidStateError on second set_result")
    fut2 = loop.create_future()
    fut2.cancel(msg="why")
    try:
        fut2.exception()
    except asyncio.CancelledError as exc:
        print("exception() of cancelled:", exc.args)
    fut3 = loop.create_future()
    fut3.set_exception(KeyError("k"))
    print("exception():", repr(fut3.exception()))
    print(repr(fut), repr(fut2), repr(fut3))
    removed = loop.create_future()
    cb = lambda f: print("never called")
    removed.add_done_callback(cb)
    removed.add_done_callback(cb)
    print("removed:", removed.remove_done_callback(cb))
    removed.set_result(None)
    await asyncio.sleep(0)

    try:
        await asyncio.create_task(asyncio.sleep(0)) if False else None
        asyncio.create_task("not a coroutine")
    except TypeError as exc:
        print("TypeError:", exc)


asyncio.run(main())

try:
    asyncio.run(work("top", 0, fail=RuntimeError("escapes")))
except RuntimeError as exc:
    print("asyncio.run raised:", exc)


async def cancel_self():
    asyncio.current_task().cancel()
    await asyncio.sleep(0)


try:
    asyncio.run(cancel_self())
except asyncio.CancelledError:
    print("asyncio.run raised CancelledError")
try:
    asyncio.run(123)
except ValueError as exc:
    print("ValueError:", exc)
