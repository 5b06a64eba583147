# Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier: who gets in, in what order.
import asyncio


async def locked_worker(lock, name, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0)
        log.append(f"{name} out")


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locked_worker(lock, n, log) for n in "abc"))
    print(log, lock.locked())
    await lock.acquire()
    print("locked:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    # A waiter cancelled while waiting for the lock does not take it.
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    lock.release()
    print("after cancelled waiter:", lock.locked(), waiter.cancelled())

    event = asyncio.Event()

    async def wait_event(name):
        print(name, "waiting")
        await event.wait()
        print(name, "woke")

    tasks = [asyncio.create_task(wait_event(n)) for n in ("e1", "e2")]
    await asyncio.sleep(0)
    print("set:", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    print(await event.wait())
    event.clear()
    print("cleared:", event.is_set())

    cond = asyncio.Condition()
    items = []

    async def consume(name):
        async with cond:
            await cond.wait_for(lambda: items)
            print(name, "consumed", items.pop(0))

    consumers = [asyncio.create_task(consume(f"k{i}")) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        items.append(1)
        cond.notify()
    await asyncio.sleep(0)
    async with cond:
        items.extend([2, 3])
        cond.notify_all()
    await asyncio.gather(*consumers)
    try:
        cond.notify()
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    try:
        await cond.wait()
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def limited(name):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            print(name, "enter", active)
            for _ in range(3):
                await asyncio.sleep(0)
            active -= 1
        print(name, "leave")

    await asyncio.gather(*(limited(f"s{i}") for i in range(5)))
    print("peak", peak, "locked", sem.locked())

    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as exc:
        print("ValueError:", exc)
    try:
        asyncio.Semaphore(-1)
    except ValueError as exc:
        print("ValueError:", exc)

    barrier = asyncio.Barrier(3)

    async def party(name):
        print(name, "arrives")
        index = await barrier.wait()
        print(name, "passes", index)

    await asyncio.gather(*(party(f"b{i}") for i in range(3)))
    print("barrier:", barrier.parties, barrier.n_waiting, barrier.broken)


asyncio.run(main())
