# Futures and tasks along the paths Task._step and gather take inline: misuse errors
# (InvalidStateError, set_result on a Task, StopIteration), awaiting a future twice and from
# two tasks, done callback order and removal, cancellation while awaiting and right before
# the coroutine returns, gather with return_exceptions both ways (with futures, duplicate
# arguments and coroutines mixed), bad yields, and each task's own contextvars Context.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")


def show_error(label, function, *args):
    try:
        result = function(*args)
    except BaseException as exc:
        print(label, "->", type(exc).__name__, exc)
    else:
        print(label, "->", result)


async def future_misuse():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    show_error("result() pending", future.result)
    show_error("exception() pending", future.exception)
    future.set_result("value")
    show_error("set_result twice", future.set_result, "again")
    show_error("set_exception after result", future.set_exception, ValueError("x"))
    print("await twice:", await future, await future)
    show_error("cancel a done future", future.cancel)

    failing = loop.create_future()
    failing.set_exception(KeyError)  # a class: an instance is made
    print("exception():", repr(failing.exception()))
    for _ in range(2):
        try:
            await failing
        except KeyError as exc:
            print("await a failed future raises", repr(exc))
    show_error("set_exception(StopIteration)", loop.create_future().set_exception,
               StopIteration("no"))

    task = asyncio.create_task(asyncio.sleep(0, result="slept"))
    show_error("Task.set_result", task.set_result, 1)
    show_error("Task.set_exception", task.set_exception, ValueError())
    print("task result:", await task, await task)

    shared = loop.create_future()

    async def waiter(name):
        value = await shared
        print(name, "got", value)
        return name

    first = asyncio.create_task(waiter("first"))
    second = asyncio.create_task(waiter("second"))
    await asyncio.sleep(0)
    shared.set_result(7)
    print("both waiters:", await asyncio.gather(first, second))

    cancelled = loop.create_future()
    print("cancel:", cancelled.cancel("why"), cancelled.cancel(), cancelled.cancelled())
    show_error("result() of cancelled", cancelled.result)
    show_error("exception() of cancelled", cancelled.exception)


async def done_callbacks():
    loop = asyncio.get_running_loop()
    order = []
    future = loop.create_future()

    def make(name):
        def callback(fut):
            order.append((name, fut.result(), request.get()))
        return callback

    first, second, third = make("first"), make("second"), make("third")
    future.add_done_callback(first)
    future.add_done_callback(second)
    future.add_done_callback(first)
    token = request.set("while adding third")
    future.add_done_callback(third)
    request.reset(token)
    future.add_done_callback(second, context=contextvars.Context())
    print("removed second:", future.remove_done_callback(second))
    print("removed missing:", future.remove_done_callback(make("missing")))
    future.set_result("done")
    print("not run inside set_result:", order)
    future.add_done_callback(make("after done"))
    await asyncio.sleep(0)
    print("order:", order)


async def cancellation():
    loop = asyncio.get_running_loop()
    blocker = loop.create_future()

    async def waits():
        try:
            await blocker
        except asyncio.CancelledError as exc:
            print("waits: CancelledError", exc.args)
            raise

    task = asyncio.create_task(waits())
    await asyncio.sleep(0)
    print("cancel while awaiting:", task.cancel("stop it"), blocker.cancelled())
    try:
        await task
    except asyncio.CancelledError as exc:
        print("awaiting the cancelled task:", exc.args, task.cancelled())

    async def returns_at_once():
        return "finished"

    quick = asyncio.create_task(returns_at_once())
    print("cancel before the first step:", quick.cancel(), quick.cancelling())
    try:
        await quick
    except asyncio.CancelledError:
        print("quick was cancelled before it ran:", quick.cancelled())

    async def swallows():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            pass
        return "swallowed"

    swallower = asyncio.create_task(swallows())
    await asyncio.sleep(0)
    swallower.cancel()
    print("a task that swallows the cancellation:", await swallower, swallower.cancelling())

    async def yields_badly():
        class Bad:
            def __await__(self):
                yield "not a future"
        await Bad()

    try:
        await asyncio.create_task(yields_badly())
    except RuntimeError as exc:
        print("bad yield:", str(exc).split(":")[0])


async def gathering():
    loop = asyncio.get_running_loop()

    async def value(v, fail=False):
        await asyncio.sleep(0)
        if fail:
            raise ValueError(f"failed {v}")
        return v

    print(await asyncio.gather(value(1), value(2), value(3)))
    print(await asyncio.gather(value(1), value(2, fail=True), value(3),
                               return_exceptions=True))
    try:
        await asyncio.gather(value(1), value(2, fail=True), value(3))
    except ValueError as exc:
        print("first exception propagates:", exc)
    await asyncio.sleep(0)

    ready = loop.create_future()
    ready.set_result("from a future")
    coroutine = value("shared")
    print(await asyncio.gather(ready, coroutine, coroutine, value(4), ready))

    cancelled_child = loop.create_future()
    cancelled_child.cancel("child msg")
    results = await asyncio.gather(value(5), cancelled_child, return_exceptions=True)
    print("cancelled child with return_exceptions:", [repr(r) for r in results])
    try:
        await asyncio.gather(value(6), cancelled_child)
    except asyncio.CancelledError as exc:
        print("cancelled child without:", exc.args)

    outer = asyncio.gather(value(7), asyncio.sleep(10))
    await asyncio.sleep(0)
    print("cancel the outer gather:", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled:", outer.cancelled())
    print("empty gather:", await asyncio.gather())


async def contexts():
    request.set("main")

    async def handler(name):
        print(name, "starts with", request.get())
        request.set(name)
        await asyncio.sleep(0)
        print(name, "still sees", request.get())
        return request.get()

    print(await asyncio.gather(handler("a"), handler("b")))
    print("main keeps", request.get())
    own = contextvars.Context()
    task = asyncio.create_task(handler("c"), context=own)
    await task
    print("own context:", own.get(request), "get_context (3.12):", hasattr(task, "get_context"))


async def main():
    for part in (future_misuse, done_callbacks, cancellation, gathering, contexts):
        print(f"--- {part.__name__}")
        await part()


asyncio.run(main())
