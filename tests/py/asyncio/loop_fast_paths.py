# The event loop's inlined handle running (base_events._run_once runs Handle._run's work
# itself for the loop's own handles in a plain Context) and its fallbacks: exceptions in
# callbacks reach the exception handler in the loop's context, a context that is already
# entered, a context object that is not a Context, cancelled handles, SystemExit out of a
# callback leaving the rest of the iteration queued, and handles whose callbacks schedule more.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="outer")
log = []


def handler(loop, context):
    exc = context.get("exception")
    message = context["message"].split(" at ")[0]
    log.append(("handler", message, type(exc).__name__, str(exc).split(" at 0x")[0], var.get(),
                context.get("handle") is not None, sorted(context)))


def boom(value):
    var.set("inside boom")
    raise ValueError(f"boom {value}")


def note(*args):
    log.append(("note",) + args + (var.get(),))


class NotAContext:
    """Anything with run() may stand for a Context, as with CPython's Python Handle."""

    def __init__(self, name):
        self.name = name

    def run(self, callback, *args):
        log.append(("NotAContext.run", self.name))
        return callback(*args)


def flush(loop):
    loop.call_soon(loop.stop)
    loop.run_forever()
    for entry in log:
        print(*entry)
    log.clear()


def callbacks_and_errors():
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(handler)
    var.set("main")
    context = contextvars.copy_context()
    context.run(var.set, "copied")
    loop.call_soon(note, "first")
    loop.call_soon(boom, 1)
    loop.call_soon(note, "after boom")
    loop.call_soon(note, "in copied context", context=context)
    loop.call_soon(boom, 2, context=context)
    loop.call_soon(note, "copied context unchanged by boom", context=context)
    cancelled = loop.call_soon(note, "never runs")
    cancelled.cancel()
    print("cancelled handle:", cancelled.cancelled())
    loop.call_soon(note, "custom context", context=NotAContext("custom"))
    loop.call_soon(loop.call_soon, note, "scheduled by a callback")
    flush(loop)

    # A context entered while the loop runs inside it: the handle cannot enter it again.
    entered = contextvars.copy_context()
    loop.call_soon(note, "needs the entered context", context=entered)
    loop.call_soon(note, "after the failure")
    entered.run(flush, loop)

    # SystemExit from a callback leaves the loop; the rest of that iteration stays queued
    # ahead of what is scheduled later.
    loop.call_soon(note, "a")
    loop.call_soon(exit_loop)
    loop.call_soon(note, "c, queued when SystemExit left")
    try:
        loop.run_forever()
    except SystemExit as exc:
        print("SystemExit out of run_forever:", exc.code, "context back:", var.get())
    loop.call_soon(note, "d, scheduled after")
    flush(loop)

    # KeyboardInterrupt inside a task's step.
    async def interrupted():
        await asyncio.sleep(0)
        raise KeyboardInterrupt("stop")

    task = loop.create_task(interrupted())
    try:
        loop.run_until_complete(task)
    except KeyboardInterrupt as exc:
        print("KeyboardInterrupt:", exc, task.done(), type(task.exception()).__name__)
    loop.close()


def exit_loop():
    raise SystemExit(3)


async def task_names():
    async def child(n):
        await asyncio.sleep(0)
        return asyncio.current_task().get_name()

    names = await asyncio.gather(*[child(n) for n in range(3)])
    print("gather children:", names)
    task = asyncio.create_task(child(0))
    print("repr starts:", repr(task).split(" coro=")[0])
    task.set_name(12)
    print("set_name(12):", repr(task.get_name()), await task)
    named = asyncio.create_task(child(1), name=("a", 1))
    print("name=tuple:", repr(named.get_name()))
    await named
    print("done repr:", repr(named).split(" coro=")[0])
    fresh = asyncio.create_task(child(2))
    fresh.set_name("renamed before it ran")
    print(await fresh)
    print("current task:", asyncio.current_task().get_name())
    loop = asyncio.get_running_loop()
    seen = []
    loop.call_soon(lambda: seen.append(asyncio.current_task()))
    await asyncio.sleep(0)
    print("current task in a plain callback:", seen)


class CountingLoop(asyncio.SelectorEventLoop):
    """A loop whose call_soon is its own: tasks and futures must call it."""

    calls = 0

    def call_soon(self, callback, *args, context=None):
        CountingLoop.calls += 1
        log.append(("call_soon", len(args), context is not None))
        return super().call_soon(callback, *args, context=context)


class LoggingFuture(asyncio.Future):
    """A future subclass whose add_done_callback gather must call."""

    def add_done_callback(self, fn, *, context=None):
        log.append(("LoggingFuture.add_done_callback", context is None))
        # (Passing context=None on explicitly makes CPython's C Future store None and
        # copy the context only when the callback is scheduled; krait copies it now.)
        if context is None:
            super().add_done_callback(fn)
        else:
            super().add_done_callback(fn, context=context)


async def small_tree():
    async def leaf(n):
        await asyncio.sleep(0)
        return n

    loop = asyncio.get_running_loop()
    custom = LoggingFuture()
    loop.call_soon(custom.set_result, "custom")
    inner = asyncio.gather(leaf(1), leaf(2))
    return await asyncio.gather(inner, leaf(3), custom)


def overridden_call_soon():
    loop = CountingLoop()
    print("subclass loop result:", loop.run_until_complete(small_tree()))
    for entry in log:
        print(*entry)
    log.clear()
    print("call_soon calls seen by the subclass:", CountingLoop.calls)
    loop.close()

    # call_soon replaced on the instance.
    loop = asyncio.new_event_loop()
    original = loop.call_soon
    seen = []

    def patched(callback, *args, context=None):
        seen.append(len(args))
        return original(callback, *args, context=context)

    loop.call_soon = patched
    print("patched loop result:", loop.run_until_complete(small_tree()))
    log.clear()
    print("patched call_soon calls:", len(seen), "with one argument:", seen.count(1))
    loop.close()


def main():
    print(contextvars.Context, contextvars.ContextVar.__module__, contextvars.Token.__module__)
    callbacks_and_errors()
    asyncio.run(task_names())
    overridden_call_soon()


main()
