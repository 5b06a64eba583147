# Async tree: a tree of recursive asyncio tasks joined with gather, after pyperformance's
# async_tree benchmarks.
#
# Each inner node gathers BRANCHES child coroutines (so each child becomes a Task); each leaf
# does a little arithmetic and yields to the event loop once with sleep(0). The work is the
# event loop itself: creating tasks, scheduling their steps, completing futures and running
# done callbacks, contextvars copies, gather's bookkeeping. Every iteration must produce the
# same checksum.
import asyncio

LEVELS = 5
BRANCHES = 6
ITERATIONS = 8


async def leaf(value):
    total = 0
    for i in range(10):
        total += (value * 31 + i) % 97
    await asyncio.sleep(0)
    return total


async def node(level, value):
    if level == 0:
        return await leaf(value)
    results = await asyncio.gather(
        *[node(level - 1, value * BRANCHES + branch) for branch in range(BRANCHES)])
    return sum(results) % 1_000_003


async def main():
    checksums = set()
    for _ in range(ITERATIONS):
        checksums.add(await node(LEVELS, 1))
    if len(checksums) != 1:
        raise SystemExit(f"async_tree: checksums differ between iterations: {checksums}")
    leaves = BRANCHES ** LEVELS
    print(f"async_tree: {ITERATIONS} iterations of {leaves} leaves, checksum {checksums.pop()}")


asyncio.run(main())
