# Garbage collection while several threads hold live objects: each thread's stack, frames
# and handled exception are roots, wherever the collection happens.
import gc
import sys
import threading

sys.setswitchinterval(1e-4)
results = {}
lock = threading.Lock()


class Node:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest


def build(tag, count):
    head = None
    for number in range(count):
        head = Node((tag, number), head)
        if number % 50 == 0:
            gc.collect()
    try:
        raise ValueError(tag)
    except ValueError:
        # The exception being handled stays alive across collections in other threads.
        gc.collect()
        handled = sys.exc_info()[1]
        total = 0
        node = head
        while node is not None:
            total += node.value[1]
            node = node.rest
        with lock:
            results[tag] = (total, str(handled))


threads = [threading.Thread(target=build, args=(f"t{number}", 400)) for number in range(4)]
for thread in threads:
    thread.start()
garbage = [[number] * 10 for number in range(2000)]
gc.collect()
for thread in threads:
    thread.join()
print(sorted(results.items()))
print(len(garbage))
