# heapq's basic operations (native in krait): layouts, errors, user classes, mutation.
import heapq

heap = []
for value in [5, 3, 8, 1, 9, 2, 7, 1]:
    heapq.heappush(heap, value)
    print(heap)
print([heapq.heappop(heap) for _ in range(len(heap))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 10), data, heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print(heapq.heappushpop([], 3))

class Task:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name
    def __lt__(self, other):
        return self.priority < other.priority
    def __repr__(self):
        return f"Task({self.priority}, {self.name!r})"

tasks = []
for index, name in enumerate(["write", "test", "ship", "rest", "plan"]):
    heapq.heappush(tasks, Task((index * 7) % 5, name))
print(tasks, [heapq.heappop(tasks).name for _ in range(5)])
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
heapq.heapify(pairs)
print([heapq.heappop(pairs) for _ in range(4)])

for call in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
             lambda: heapq.heapify({}), lambda: heapq.heappush([]), lambda: heapq.heappop([1], 2),
             lambda: heapq.heappush([1, "a"], 2), lambda: heapq.heapify([1, None, 3]), lambda: heapq.heapify(),
             lambda: heapq.heapreplace([1]), lambda: heapq.heappush([], 1, x=2)]:
    try:
        print(call())
    except (IndexError, TypeError) as error:
        print(type(error).__name__, error)

class Shrinker:
    def __init__(self, heap, value):
        self.heap = heap
        self.value = value
    def __lt__(self, other):
        self.heap.clear()
        return False
victim = []
victim.append(Shrinker(victim, 1))
try:
    heapq.heappush(victim, Shrinker(victim, 2))
except RuntimeError as error:
    print("RuntimeError", error)
big = list(range(1000, 0, -1))
heapq.heapify(big)
print(big[:10], [heapq.heappop(big) for _ in range(5)], heapq.nsmallest(3, [5, 1, 4]), heapq.nlargest(2, [5, 1, 4]))
