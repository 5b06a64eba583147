# Compiled generators resumed detached (on their saved frame) in several threads at once: the
# interpreter switches threads inside helpers, where a detached frame has just been attached,
# so each thread's record of its detached run must follow it.
import threading


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def stage(source, scale):
    for value in source:
        yield value * scale


def work(index, results):
    total = 0
    for round_number in range(6):
        for value in stage(counter(600 + index), index + 1):
            total += value
        total += sum(counter(300))
    results[index] = total


results = [None] * 4
threads = [threading.Thread(target=work, args=(index, results)) for index in range(4)]
for thread in threads:
    thread.start()
work(4, results + [None])
for thread in threads:
    thread.join()
print(results)
expected = [6 * ((index + 1) * (600 + index) * (599 + index) // 2 + 300 * 299 // 2) for index in range(4)]
print(results == expected)
