# Threads importing the same module at once: the ones that come second wait until the first
# has finished running its body, so nobody sees it half-initialized.
import threading

results = []
lock = threading.Lock()


def use():
    from _fixtures import slow_module
    with lock:
        results.append(slow_module.VALUE)


threads = [threading.Thread(target=use) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(results)
