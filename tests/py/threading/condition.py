# Condition: producer/consumer with wait and notify, wait_for, notify_all, timeouts, errors.
import threading

condition = threading.Condition()
items = []
consumed = []


def consumer(count):
    for _ in range(count):
        with condition:
            while not items:
                condition.wait()
            consumed.append(items.pop(0))


thread = threading.Thread(target=consumer, args=(20,))
thread.start()
for number in range(20):
    with condition:
        items.append(number)
        condition.notify()
thread.join()
print(consumed)

# wait_for with a predicate, and notify_all waking several waiters.
ready = []
state = {"go": False}


def wait_for_go(tag):
    with condition:
        condition.wait_for(lambda: state["go"])
        ready.append(tag)


threads = [threading.Thread(target=wait_for_go, args=(tag,)) for tag in range(5)]
for thread in threads:
    thread.start()
with condition:
    state["go"] = True
    condition.notify_all()
for thread in threads:
    thread.join()
print(sorted(ready))

with condition:
    print("timed out wait:", condition.wait(0.01))
    print("wait_for timeout:", condition.wait_for(lambda: False, timeout=0.01))
    print("wait_for true:", condition.wait_for(lambda: 42))

for method in ("wait", "notify"):
    try:
        getattr(condition, method)()
    except RuntimeError as error:
        print("RuntimeError:", error)

# A Condition over a plain Lock.
plain = threading.Condition(threading.Lock())
box = []


def fill():
    with plain:
        box.append("filled")
        plain.notify()


with plain:
    thread = threading.Thread(target=fill)
    thread.start()
    plain.wait_for(lambda: box, timeout=10)
thread.join()
print(box)
