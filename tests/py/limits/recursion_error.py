# Unbounded recursion raises RecursionError, which can be caught; the program then carries on.
import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught", type(e).__name__, isinstance(e, RuntimeError))
    print(str(e).startswith("maximum recursion depth exceeded"))
def measure():
    depth = 0
    def go():
        nonlocal depth
        depth += 1
        go()
    try:
        go()
    except RecursionError:
        pass
    return depth
d = measure()
print(500 < d <= sys.getrecursionlimit())
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
class Loop:
    def __init__(self):
        self.child = None
    def walk(self):
        return self.walk()
try:
    Loop().walk()
except RecursionError:
    print("method recursion caught")
def after():
    return sum(range(10))
print("still works:", after())
for attempt in range(3):
    try:
        forever(0)
    except RecursionError:
        print("caught again", attempt)
