# Reference cycles are reclaimed: gc.collect() finds a fresh cycle, and a million cycles do not exhaust memory.
import gc
class Node:
    def __init__(self, payload):
        self.payload = payload
        self.other = None
def make_pair(i):
    a = Node([i] * 50)
    b = Node(None)
    a.other = b
    b.other = a
for i in range(1000000):
    make_pair(i)
print("made a million cycles")
gc.collect()
a = []
a.append(a)
del a
print(gc.collect() > 0)
x = Node("x")
x.other = x
y = x
del x
gc.collect()
print(y.payload, y.other is y)
def cycle_with_dict():
    d = {}
    d["self"] = d
    lst = [d]
    d["list"] = lst
for _ in range(200000):
    cycle_with_dict()
print(gc.collect() >= 0)
