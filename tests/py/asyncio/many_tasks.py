# Many tasks created at once all run to completion, interleaved as CPython does (the 10,000-
# task version is tests/py/limits/asyncio_10000_tasks.py, too slow for the GC-stress modes).
import asyncio

COUNT = 100


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
