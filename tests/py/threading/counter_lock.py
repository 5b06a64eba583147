# Eight threads each add 10,000 to a shared counter under a Lock: the total is exact.
import sys
import threading

# Switch often, so threads are often interrupted while holding the lock.
sys.setswitchinterval(1e-5)

counter = 0
lock = threading.Lock()


def work(count):
    global counter
    for _ in range(count):
        with lock:
            counter += 1


threads = [threading.Thread(target=work, args=(10_000,)) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("total", counter)
print("alive", [thread.is_alive() for thread in threads])

# The same with explicit acquire/release and a list shared by all threads.
items = []
lock = threading.Lock()


def append_many(tag):
    for index in range(500):
        lock.acquire()
        try:
            items.append((tag, index))
        finally:
            lock.release()


threads = [threading.Thread(target=append_many, args=(tag,)) for tag in "abcd"]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(len(items), sorted(set(tag for tag, _ in items)))
for tag in "abcd":
    # Each thread's own appends stay in order.
    mine = [index for item_tag, index in items if item_tag == tag]
    print(tag, mine == list(range(500)))
