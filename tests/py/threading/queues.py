# queue: FIFO, LIFO, priority and simple queues across threads, task_done/join, Empty/Full.
import queue
import threading

work = queue.Queue()
done = []
lock = threading.Lock()


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        with lock:
            done.append(item * item)
        work.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for thread in workers:
    thread.start()
for number in range(30):
    work.put(number)
work.join()
print(sorted(done) == [number * number for number in range(30)], work.unfinished_tasks)
for _ in workers:
    work.put(None)
for thread in workers:
    thread.join()
print(work.empty(), work.qsize())

# A bounded queue makes the producer wait for the consumer.
bounded = queue.Queue(maxsize=2)
received = []


def consume():
    for _ in range(10):
        received.append(bounded.get())


consumer = threading.Thread(target=consume)
consumer.start()
for number in range(10):
    bounded.put(number)
consumer.join()
print(received, bounded.full(), bounded.maxsize)

lifo = queue.LifoQueue()
priority = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    lifo.put(item)
    priority.put(item)
print([lifo.get() for _ in range(3)], [priority.get() for _ in range(3)])

simple = queue.SimpleQueue()
feeder = threading.Thread(target=lambda: [simple.put(n) for n in range(5)])
feeder.start()
print([simple.get() for _ in range(5)], simple.empty(), simple.qsize())
feeder.join()

try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("Empty")
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
full = queue.Queue(1)
full.put_nowait("x")
try:
    full.put_nowait("y")
except queue.Full:
    print("Full")
try:
    full.put("y", timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    queue.SimpleQueue().get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")
try:
    queue.Queue().task_done()
except ValueError as error:
    print("ValueError:", error)
try:
    queue.Queue().get(timeout=-1)
except ValueError as error:
    print("ValueError:", error)


def attempt(call):
    try:
        print(call())
    except Exception as error:
        print(type(error).__name__, error)


# Which calls check the timeout: only those that could wait.
ready = queue.Queue()
ready.put(1)
attempt(lambda: ready.get(timeout=-1))
ready.put(1)
attempt(lambda: ready.get(False, -1))
attempt(lambda: queue.Queue().put(1, timeout=-1))
attempt(lambda: queue.Queue(1).put(1, timeout=-1))
simple = queue.SimpleQueue()
simple.put(3)
attempt(lambda: simple.get(False, -1))
attempt(lambda: simple.get(True, -1))
