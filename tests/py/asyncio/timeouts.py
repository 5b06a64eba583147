# asyncio.timeout / timeout_at: the block is cancelled at the deadline and the
# cancellation becomes TimeoutError; reschedule, expired(), nesting.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(0)
        print("fast block; expired:", cm.expired(), cm.when() > loop.time())
    print("after:", cm.expired())

    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(10)
    except TimeoutError as exc:
        print("TimeoutError", type(exc.__context__).__name__, "expired:", cm.expired())

    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout_at fired")

    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
        cm.reschedule(loop.time() + 5)
        print("rescheduled:", cm.when() is not None)
        await asyncio.sleep(0)

    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(10)
    except TimeoutError:
        print("rescheduled deadline fired")

    # Already past deadline: fires at the first await.
    try:
        async with asyncio.timeout(-1):
            print("inside expired block")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("negative delay fired")

    # Nested: the inner one expires first and only it turns into TimeoutError.
    try:
        async with asyncio.timeout(10):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(10)
            except TimeoutError:
                print("inner timeout")
            await asyncio.sleep(0)
            print("outer still running")
    except TimeoutError:
        print("outer timeout (wrong)")

    # A cancellation from outside is not turned into TimeoutError.
    async def guarded():
        async with asyncio.timeout(10):
            await asyncio.sleep(10)

    task = asyncio.create_task(guarded())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("outside cancel stays CancelledError")

    # Catching the cancellation inside the block: no TimeoutError.
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("swallowed the cancellation")
    print("expired:", cm.expired())

    try:
        async with asyncio.timeout(0.01):
            await asyncio.wait_for(asyncio.sleep(10), timeout=5)
    except TimeoutError:
        print("timeout around wait_for")

    print(repr(asyncio.timeout(None)))


asyncio.run(main())
