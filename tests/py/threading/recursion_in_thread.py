# Deep recursion in a thread is a RecursionError there, as in the main thread: every thread
# has the main interpreter thread's native stack and its own depth counters.
import functools
import threading

results = {}


def endless(depth):
    return endless(depth + 1)


@functools.lru_cache(None)
def through_native(depth):
    # Each level passes through the native lru_cache wrapper.
    return through_native(depth - 1) + 1 if depth else 0


def work(tag):
    mine = results[tag] = []
    for function, argument in ((endless, 0), (through_native, 100_000)):
        try:
            mine.append(function(argument))
        except RecursionError as error:
            mine.append(f"{function.__name__}: {type(error).__name__}")
    mine.append(through_native(50))


threads = [threading.Thread(target=work, args=(tag,)) for tag in "ab"]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(sorted(results.items()))
