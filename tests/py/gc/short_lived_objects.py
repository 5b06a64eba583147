# Many short-lived objects of every kind the collector frees differently: ones that own no
# memory (ranges, slices, bound methods, most iterators, cells), ones that own buffers (tuples,
# lists, strs, dicts, zip and map iterators, big ints) and ones with effects when freed, mixed
# with objects that stay alive. Survivors must keep their values through many collections.
import gc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def pairs(n):
    for i in range(n):
        yield i, -i


keep = []
total = 0
for round_number in range(300):
    p = Point(round_number, -round_number)
    method = p.norm1
    total += method()
    a, b = divmod(round_number * 7919, 97)
    total += a - b
    t = (round_number, str(round_number), [round_number] * 3)
    total += t[0] + len(t[1]) + sum(t[2])
    s = slice(1, round_number + 2, 2)
    total += len(range(round_number + 5)[s])
    total += sum(x * y for x, y in zip(range(10), map(abs, range(-5, 5))))
    total += sum(i for i, j in pairs(5))
    for k, v in enumerate({"a": 1, "b": 2}.items()):
        total += k + v[1]
    big = 3 ** (200 + round_number % 7)
    total += big % 1000
    text = "é" * (round_number % 13) + "abc"
    total += len(text) + text.count("é")
    if round_number % 10 == 0:
        keep.append((p, t, text, big, {"n": round_number, "pair": (a, b)}))
    if round_number % 50 == 0:
        gc.collect()

print(total)
print(len(keep))
print(keep[0][0].x, keep[0][1], keep[0][2], keep[0][3] % 10**9, keep[0][4])
print(keep[-1][0].norm1(), keep[-1][1], repr(keep[-1][2]), keep[-1][3] % 10**9, keep[-1][4])
print(sum(entry[0].norm1() for entry in keep))
