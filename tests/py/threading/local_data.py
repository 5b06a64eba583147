# threading.local: each thread sees its own attributes; a subclass's __init__ runs once per
# thread with the constructor's arguments.
import threading

data = threading.local()
data.value = "main"
seen = []


def show(tag):
    seen.append((tag, hasattr(data, "value")))
    data.value = tag
    seen.append((tag, data.value))


threads = [threading.Thread(target=show, args=(f"t{number}",)) for number in range(3)]
for thread in threads:
    thread.start()
    thread.join()
print(seen)
print(data.value, data.__dict__)
del data.value
print(hasattr(data, "value"))
try:
    del data.value
except AttributeError:
    print("AttributeError")


class Counter(threading.local):
    def __init__(self, start):
        self.count = start

    def bump(self):
        self.count += 1
        return self.count


counter = Counter(10)
print(counter.bump(), counter.bump())
results = []


def bump_twice():
    results.append((counter.bump(), counter.bump()))


thread = threading.Thread(target=bump_twice)
thread.start()
thread.join()
print(results, counter.count)
try:
    threading.local(1)
except TypeError as error:
    print("TypeError:", error)
