# concurrent.futures: ThreadPoolExecutor with submit/map/shutdown/context manager, Future,
# as_completed, wait with FIRST_COMPLETED/FIRST_EXCEPTION/ALL_COMPLETED, cancel.
import concurrent.futures as futures
import threading


def square(number):
    return number * number


def fail(message):
    raise KeyError(message)


with futures.ThreadPoolExecutor(max_workers=4) as executor:
    print(list(executor.map(square, range(10))))
    print(list(executor.map(pow, [2, 3, 4], [5, 6, 7])))
    submitted = [executor.submit(square, number) for number in range(8)]
    print(sorted(future.result() for future in futures.as_completed(submitted)))
    done, not_done = futures.wait(submitted)
    print(len(done), len(not_done), all(future.done() for future in submitted))
    failing = executor.submit(fail, "missing")
    print(repr(failing.exception()))
    try:
        failing.result()
    except KeyError as error:
        print("KeyError:", error)
    keyword = executor.submit(sorted, [3, 1, 2], reverse=True)
    print(keyword.result(timeout=10))

# A pool of one thread: later work waits, can be cancelled, and FIRST_COMPLETED returns
# as soon as the first call finishes.
gate = threading.Event()
executor = futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="solo")
blocked = executor.submit(gate.wait)
queued = executor.submit(square, 5)
print("cancel queued", queued.cancel(), queued.cancelled(), queued.done())
try:
    queued.result()
except futures.CancelledError:
    print("CancelledError")
done, not_done = futures.wait([blocked], timeout=0.01)
print("before the gate opens", len(done), len(not_done))
try:
    blocked.result(timeout=0.01)
except futures.TimeoutError:
    print("TimeoutError", futures.TimeoutError is TimeoutError)
gate.set()
done, not_done = futures.wait([blocked, executor.submit(square, 3)],
                              return_when=futures.FIRST_COMPLETED)
print("first completed", len(done) >= 1)
print(blocked.result(), blocked.cancel())
names = []
executor.submit(lambda: names.append(threading.current_thread().name)).result()
print(names)
executor.shutdown(wait=True)
try:
    executor.submit(square, 1)
except RuntimeError as error:
    print("RuntimeError:", error)

with futures.ThreadPoolExecutor(2) as executor:
    results = [executor.submit(square, 2), executor.submit(fail, "x"), executor.submit(square, 4)]
    done, not_done = futures.wait(results, return_when=futures.FIRST_EXCEPTION)
    print("first exception", any(future.exception() for future in done))
    print(futures.wait(results, return_when=futures.ALL_COMPLETED).not_done)

# Futures made by hand, with callbacks.
future = futures.Future()
calls = []
future.add_done_callback(lambda done_future: calls.append(done_future.result()))
print(future.done(), future.running(), future.set_running_or_notify_cancel(), future.running())
future.set_result("value")
future.add_done_callback(lambda done_future: calls.append("late"))
print(calls, future.result())
try:
    future.set_result("again")
except futures.InvalidStateError:
    print("InvalidStateError")
for bad in (0, -1):
    try:
        futures.ThreadPoolExecutor(max_workers=bad)
    except ValueError as error:
        print("ValueError:", error)
initialized = []
with futures.ThreadPoolExecutor(1, initializer=initialized.append, initargs=("ready",)) as pool:
    print(pool.submit(len, "four").result(), initialized)
