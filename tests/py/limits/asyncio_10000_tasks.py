# 10,000 tasks created at once all run to completion, interleaved as CPython does.
# (In limits/: a collection at every safepoint of this program, the GC-stress modes, would
# take hours, so those modes skip it; tests/py/asyncio/many_tasks.py is the small version.)
import asyncio

COUNT = 10_000


async def worker(index, results):
    await asyncio.sleep(0)
    results[index] = index * 2
    await asyncio.sleep(0)
    return index


async def main():
    results = [None] * COUNT
    tasks = [asyncio.create_task(worker(i, results)) for i in range(COUNT)]
    print("pending:", len(asyncio.all_tasks()) - 1)
    returned = await asyncio.gather(*tasks)
    print("returned in order:", returned == list(range(COUNT)))
    print("all done:", all(task.done() for task in tasks))
    print("results:", sum(results), results[:3], results[-1])
    print("pending after:", len(asyncio.all_tasks()) - 1)
    names = {task.get_name() for task in tasks}
    print("unique names:", len(names))

    order = []

    async def step(i):
        order.append(i)
        await asyncio.sleep(0)
        order.append(-i)

    await asyncio.gather(*(step(i) for i in range(1, 6)))
    print(order)


asyncio.run(main())
