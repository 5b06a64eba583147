# Callback and task interleaving: call_soon FIFO order, callbacks scheduled by callbacks
# run in the next iteration, sleep(0) yields exactly once, timers run in deadline order.
import asyncio

log = []


def note(*args):
    log.append(" ".join(str(a) for a in args))
    print(*args)


async def ticker(name, count):
    for i in range(count):
        note(name, "tick", i)
        await asyncio.sleep(0)
    note(name, "done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    print("running loop is current:", loop is asyncio.get_event_loop())
    print("loop running:", loop.is_running(), "closed:", loop.is_closed())

    def callback(tag):
        note("callback", tag)
        loop.call_soon(note, "nested from", tag)

    loop.call_soon(callback, 1)
    loop.call_soon(callback, 2)
    handle = loop.call_soon(callback, "cancelled")
    handle.cancel()
    print("handle cancelled:", handle.cancelled())
    t1 = asyncio.create_task(ticker("A", 3))
    t2 = asyncio.create_task(ticker("B", 2))
    loop.call_soon(note, "after tasks created")
    note("main before sleep(0)")
    await asyncio.sleep(0)
    note("main after first sleep(0)")
    await asyncio.sleep(0)
    note("main after second sleep(0)")
    print(await t1, await t2)

    # Timers: deadline order, whatever the order they were scheduled in. The deadlines are
    # absolute (call_at from one start time), so a slow machine cannot reorder them.
    start = loop.time()
    fired = []
    loop.call_at(start + 0.03, fired.append, "0.03")
    loop.call_at(start + 0.01, fired.append, "0.01")
    loop.call_at(start + 0.02, fired.append, "0.02")
    loop.call_at(start + 0.02, fired.append, "0.02 again")
    cancelled_timer = loop.call_at(start + 0.015, fired.append, "cancelled")
    cancelled_timer.cancel()
    later = loop.call_later(0.01, fired.append, "call_later")
    loop.call_soon(fired.append, "soon")
    print("timer when:", cancelled_timer.when() == start + 0.015, later.when() > start)
    await asyncio.sleep(0.05)
    print("fired:", fired[:1], fired[1:].index("0.01") < fired[1:].index("0.02") <
          fired[1:].index("0.02 again") < fired[1:].index("0.03"), sorted(fired[1:]))
    print("time advanced:", loop.time() - start >= 0.05)

    # A future completed from a timer wakes the awaiting task.
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "from timer")
    print("awaited:", await fut)

    # Callbacks get their positional arguments; call_soon rejects keyword arguments.
    loop.call_soon(note, "args", 1, 2, 3)
    try:
        loop.call_soon(note, "x", sep="-")
    except TypeError as exc:
        print("TypeError:", type(exc).__name__)
    await asyncio.sleep(0)
    print("sleep result:", await asyncio.sleep(0, result="value"))
    print("sleep(0.01) result:", await asyncio.sleep(0.01, "later value"))


asyncio.run(main())
print(len(log), "notes")

# A loop driven by hand: run_until_complete, run_forever/stop, close.
loop = asyncio.new_event_loop()
print(type(loop).__name__)
print(loop.run_until_complete(ticker("C", 2)))
loop.call_soon(print, "before stop")
loop.call_soon(loop.stop)
loop.call_soon(print, "same iteration as stop")
loop.run_forever()
print("stopped; running:", loop.is_running())
loop.close()
print("closed:", loop.is_closed())
try:
    loop.call_soon(print, "x")
except RuntimeError as exc:
    print("RuntimeError:", exc)
try:
    asyncio.get_running_loop()
except RuntimeError as exc:
    print("RuntimeError:", exc)
