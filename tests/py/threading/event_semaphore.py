# Event, Semaphore and BoundedSemaphore, across threads.
import threading

event = threading.Event()
print(event.is_set(), event.wait(0.01))
log = []


def waiter(tag):
    event.wait()
    log.append(tag)


threads = [threading.Thread(target=waiter, args=(tag,)) for tag in range(4)]
for thread in threads:
    thread.start()
event.set()
for thread in threads:
    thread.join()
print(sorted(log), event.is_set(), event.wait(), event.wait(0))
event.clear()
print(event.is_set())

# At most two threads inside at once.
semaphore = threading.Semaphore(2)
inside = [0]
most = [0]
guard = threading.Lock()
both_inside = threading.Event()


def limited():
    with semaphore:
        with guard:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            if inside[0] == 2:
                both_inside.set()
        # The first two stay until both are in, so two are inside at once at some point.
        both_inside.wait(30)
        with guard:
            inside[0] -= 1


threads = [threading.Thread(target=limited) for _ in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("most inside", most[0], "now", inside[0])

semaphore = threading.Semaphore(0)
print(semaphore.acquire(blocking=False), semaphore.acquire(timeout=0.01))
semaphore.release(3)
print([semaphore.acquire(False) for _ in range(4)])
for call in (lambda: threading.Semaphore(-1), lambda: semaphore.release(0),
             lambda: semaphore.acquire(False, 1)):
    try:
        call()
    except ValueError as error:
        print("ValueError:", error)

bounded = threading.BoundedSemaphore(2)
bounded.acquire()
bounded.release()
try:
    bounded.release()
except ValueError as error:
    print("ValueError:", error)

# A semaphore as a signal between threads.
signal = threading.Semaphore(0)
results = []


def produce():
    for number in range(5):
        results.append(number)
        signal.release()


thread = threading.Thread(target=produce)
thread.start()
for _ in range(5):
    signal.acquire()
thread.join()
print(results)
