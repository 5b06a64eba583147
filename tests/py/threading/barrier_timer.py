# Barrier (with an action, abort and reset) and Timer (firing and cancelled).
import threading

barrier = threading.Barrier(3, action=lambda: log.append("action"))
log = []
indices = []
lock = threading.Lock()


def meet(tag):
    index = barrier.wait()
    with lock:
        indices.append(index)
        log.append(f"passed {tag}")


threads = [threading.Thread(target=meet, args=(tag,)) for tag in range(3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(log[0], sorted(log[1:]), sorted(indices))
print(barrier.parties, barrier.n_waiting, barrier.broken)

# A barrier that times out breaks for everyone.
lonely = threading.Barrier(2)
try:
    lonely.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("broken after timeout", lonely.broken)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("still broken")
lonely.reset()
print("after reset", lonely.broken)

aborted = threading.Barrier(2)
errors = []


def wait_aborted():
    try:
        aborted.wait()
    except threading.BrokenBarrierError as error:
        errors.append(type(error).__name__)


thread = threading.Thread(target=wait_aborted)
thread.start()
while aborted.n_waiting == 0:
    threading.Event().wait(0.001)
aborted.abort()
thread.join()
print(errors, issubclass(threading.BrokenBarrierError, RuntimeError))
try:
    threading.Barrier(0)
except ValueError as error:
    print("ValueError:", error)

fired = []
timer = threading.Timer(0.01, fired.append, args=["fired"])
print(timer.name)
timer.start()
timer.join()
print(fired)
cancelled = threading.Timer(60, fired.append, args=["never"])
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, cancelled.finished.is_set())
timer = threading.Timer(0, lambda **kw: fired.append(kw), kwargs={"x": 1})
timer.start()
timer.join()
print(fired)
