# Slicing lists and tuples, including negative steps and slice assignment.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-3], a[::2], a[1::3], a[::-1], a[::-3], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[100:], a[-100:2], a[2:-100:-1], a[::100])
t = tuple(a)
print(t[1:4], t[::-2], t[:0])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[1:1] = [100, 200, 300]
print(b)
b[:] = [0, 0]
print(b)
c = list(range(10))
c[::2] = "abcde"
print(c)
c[-1::-3] = [None] * 4
print(c)
del c[::3]
print(c)
del c[1:3]
print(c)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
s = slice(1, 8, 2)
print(a[s], s.start, s.stop, s.step, slice(3))
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[::-1] for row in m][::-1], [row[1] for row in m])
print("slice"[1:3], "slice"[::-1], range(10)[2:8:2], range(10)[::-1])
