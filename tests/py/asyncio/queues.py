# Queue, PriorityQueue, LifoQueue: producers and consumers, bounded queues, join/task_done.
import asyncio


async def producer(queue, name, items):
    for item in items:
        await queue.put(item)
        print(name, "put", item, "size", queue.qsize())
    print(name, "finished")


async def consumer(queue, name, seen):
    while True:
        item = await queue.get()
        print(name, "got", item)
        seen.append(item)
        await asyncio.sleep(0)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    print("maxsize", queue.maxsize, "empty", queue.empty(), "full", queue.full())
    seen = []
    consumers = [asyncio.create_task(consumer(queue, f"c{i}", seen)) for i in range(2)]
    await asyncio.gather(producer(queue, "p1", range(5)), producer(queue, "p2", "ab"))
    await queue.join()
    print("joined; seen", seen)
    for task in consumers:
        task.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)

    q = asyncio.Queue(1)
    q.put_nowait("x")
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", q.full())
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.task_done()
    try:
        q.task_done()
    except ValueError as exc:
        print("ValueError:", exc)
    print(str(q))

    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a0")]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for item in range(4):
        await lq.put(item)
    print([await lq.get() for _ in range(4)])

    # A getter waiting on an empty queue, cancelled, then the queue still works.
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.sleep(0)
    q.put_nowait(1)
    print("after cancelled getter:", await q.get(), getter.cancelled())

    # get() waiters are served in FIFO order.
    q = asyncio.Queue()
    order = []

    async def waiter(name):
        order.append((name, await q.get()))

    waiters = [asyncio.create_task(waiter(n)) for n in "xyz"]
    await asyncio.sleep(0)
    for value in (1, 2, 3):
        q.put_nowait(value)
    await asyncio.gather(*waiters)
    print(order)
    print(await asyncio.wait_for(q.join(), 1) if q._unfinished_tasks == 0 else "tasks left",
          q._unfinished_tasks)


asyncio.run(main())
