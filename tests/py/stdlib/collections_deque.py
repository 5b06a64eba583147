from collections import deque


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


d = deque()
print(d, len(d), bool(d), d.maxlen)
d.append(1)
d.append(2)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[1])
d.extend([3, 4])
d.extendleft("ab")
print(d)
print(d.pop(), d.popleft(), d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.reverse()
print(d, list(reversed(d)))
print(d.count(1), d.index(2), 3 in d, 99 in d)
d.insert(1, "x")
d.remove("x")
print(d)
d[0] = "first"
del d[1]
print(d, d.copy(), d == d.copy(), d is d.copy())
d.clear()
print(d)

show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("index missing", lambda: deque([1, 2]).index(5))
show("remove missing", lambda: deque([1]).remove(2))
show("getitem out of range", lambda: deque([1])[5])
show("getitem empty", lambda: deque()[0])
show("setitem out of range", lambda: deque().__setitem__(0, 1))
show("bad maxlen", lambda: deque(maxlen=-1))
show("maxlen str", lambda: deque(maxlen="a"))
show("not iterable", lambda: deque(1))
show("concat list", lambda: deque([1]) + [2])
show("insert full", lambda: deque([1], 1).insert(0, 2))
show("slice", lambda: deque([1, 2])[0:1])

# maxlen
b = deque(maxlen=3)
for i in range(6):
    b.append(i)
    print(b)
b.appendleft("L")
print(b)
b.extendleft([10, 11])
print(b, b.maxlen)
print(deque("abcdef", 2), deque([], 0), deque(range(5), maxlen=0))
z = deque(maxlen=0)
z.append(1)
print(z)

# operators
x = deque([1, 2])
print(x + deque([3]), x * 2, 2 * x, x * 0, deque([1, 2], 3) * 3)
x += [9]
print(x)
x *= 2
print(x)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([2]), deque([1]) == [1])
print(deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 5]), deque([1]) <= deque([1]))
print(deque.__hash__)

# iteration and mutation
q = deque(range(5))
print([v * 10 for v in q], sum(q), max(q), sorted(q, reverse=True))


def mutate():
    for v in q:
        q.append(v)


show("mutate during iteration", mutate)
r = deque([1])
r.append(r)
print(r)

# queue and sliding-window use
queue = deque(["Eric", "John", "Michael"])
queue.append("Terry")
queue.append("Graham")
print(queue.popleft(), queue.popleft(), queue)


def moving_average(iterable, n=3):
    it = iter(iterable)
    window = deque()
    for _ in range(n - 1):
        window.append(next(it))
    total = sum(window)
    out = []
    for elem in it:
        window.append(elem)
        total += elem
        out.append(total / n)
        total -= window.popleft()
    return out


print(moving_average([40, 30, 50, 46, 39, 44]))

# a long mixed workload
w = deque()
for i in range(1000):
    if i % 3 == 0:
        w.appendleft(i)
    else:
        w.append(i)
    if i % 7 == 0 and w:
        w.pop()
    if i % 11 == 0 and w:
        w.popleft()
print(len(w), w[0], w[-1], w[len(w) // 2], sum(w))
while len(w) > 3:
    w.popleft()
    w.pop()
print(w)
