# Subscripts compiled for lists indexed in range (the interpreter only saw those at the site):
# the list and int key are guarded once per block and later subscripts of the same local skip
# the type check. Each case below breaks that after the code is compiled: an index out of
# range (IndexError with the interpreter's traceback), negative indexes, a tuple, a dict, a
# str, a list subclass with its own __getitem__/__setitem__, a bool or big-int key, and a list
# that shrinks inside the loop.

def dot(a, b, n):
    total = 0.0
    for i in range(n):
        total += a[i] * b[i]
    return total

xs = [i * 0.5 for i in range(3000)]
ys = [1.0 - i * 0.25 for i in range(3000)]
print(dot(xs, ys, 3000), dot(xs, ys, -3000 + 3000), dot(xs, xs, 10))
try:
    dot(xs, ys[:2000], 3000)
except IndexError as error:
    trace = error.__traceback__
    lines = []
    while trace is not None:
        lines.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    print("IndexError", error, lines)
print(dot(tuple(xs), ys, 3000), dot({i: 2.0 for i in range(3000)}, ys, 3000))

class Doubling(list):
    def __getitem__(self, index):
        return 2 * list.__getitem__(self, index)

print(dot(Doubling(xs), ys, 3000), dot(xs, [True] * 3000, 3000))

def update(body, steps):
    for step in range(steps):
        body[3] -= body[0] * 0.5
        body[4] -= body[1] * 0.5
        body[-1] += body[-2]
    return body

for attempt in range(3):
    print(update([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3000))
print(update([1, 2, 3, 4, 5, 6], 3000))
try:
    update([1.0, 2.0, 3.0], 10)
except IndexError as error:
    print("IndexError", error)

class Logged(list):
    def __setitem__(self, index, value):
        list.__setitem__(self, index, round(value, 3))

print(update(Logged([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), 300))
print(update({0: 1.0, 1: 2.0, 3: 0.0, 4: 0.0, -1: 1.0, -2: 1.5}, 3000))

def keys(values, index_list):
    out = 0
    for k in index_list:
        out += values[k]
    return out

values = list(range(100))
print(keys(values, list(range(100)) * 30), keys(values, [True, False, -1] * 1000))
try:
    keys(values, [5] * 3000 + [2 ** 70])
except IndexError as error:
    print("IndexError", error)
print(keys(b"abcdefghij", list(range(10)) * 300))

def shrinking(items):
    total = 0
    for i in range(len(items)):
        total += items[i]
        if i == 1500:
            del items[1600:]
    return total

try:
    shrinking(list(range(3000)))
except IndexError as error:
    print("IndexError", error)
