# asyncio and threads together: to_thread, run_in_executor (default and explicit pools),
# wrap_future, run_coroutine_threadsafe from a worker thread, exceptions and cancellation
# across the bridge, and context variables copied into to_thread's worker.
import asyncio
import concurrent.futures
import contextvars
import threading
import time

request = contextvars.ContextVar("request", default="none")


def blocking(label, delay):
    time.sleep(delay)
    return f"{label} done in a {'worker' if threading.current_thread() is not threading.main_thread() else 'main'} thread"


def failing():
    raise ValueError("from the worker")


def read_context():
    return request.get()


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(blocking, "to_thread", 0.01))
    request.set("request-42")
    print("context in to_thread:", await asyncio.to_thread(read_context))
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, f"job{i}", 0.01)
                                     for i in range(4)))
    print(results)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(await loop.run_in_executor(pool, blocking, "explicit pool", 0))
        wrapped = asyncio.wrap_future(pool.submit(sum, [1, 2, 3]))
        print("wrap_future:", await wrapped)
    try:
        await asyncio.to_thread(failing)
    except ValueError as error:
        print("ValueError:", error)

    async def double(x):
        await asyncio.sleep(0)
        return 2 * x

    def from_worker():
        future = asyncio.run_coroutine_threadsafe(double(21), loop)
        return future.result(timeout=5)

    print("run_coroutine_threadsafe:", await asyncio.to_thread(from_worker))

    def wait_then_cancel():
        future = asyncio.run_coroutine_threadsafe(asyncio.sleep(10), loop)
        time.sleep(0.01)
        future.cancel()
        try:
            future.result(timeout=5)
        except concurrent.futures.CancelledError:
            return "cancelled from the worker"

    print(await asyncio.to_thread(wait_then_cancel))

    started = threading.Event()
    release = threading.Event()

    def slow():
        started.set()
        release.wait(5)
        return "finished anyway"

    task = asyncio.ensure_future(loop.run_in_executor(None, slow))
    await asyncio.to_thread(started.wait, 5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("the awaiting side was cancelled")
    release.set()
    try:
        asyncio.wrap_future("not a future")
    except AssertionError as error:
        print("AssertionError:", error)


asyncio.run(main())
print("threads left:", threading.active_count())
