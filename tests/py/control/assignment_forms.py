# Every form of assignment target.
a = b = c = 7
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
p, q = 1, 2
p, q = q, p
print(p, q)
(r, s), t = (3, 4), 5
print(r, s, t)
[u, v] = "uv"
print(u, v)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *middle, tail = "abcdef"
print(head, middle, tail)
one, *empty = [1]
print(one, empty)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
lst = [0, 0, 0, 0]
lst[0] = "first"
lst[-1] = "last"
lst[1:3] = ["m1", "m2", "m3"]
print(lst)
d = {}
d["k"] = 1
d[1, 2] = "tuple key"
print(d)
class Box:
    pass
box = Box()
box.value = 10
box.items = []
box.items.append("x")
print(box.value, box.items)
m = [[0, 0], [0, 0]]
m[1][0] = 5
print(m)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
box.a, box.b = "A", "B"
print(box.a, box.b)
d["k"], lst[0] = lst[0], d["k"]
print(d["k"], lst[0])
for i, (k, v) in enumerate(sorted({"b": 2, "a": 1}.items())):
    print(i, k, v)
if (n := len(lst)) > 3:
    print("walrus", n)
data = [1, 2, 3, 4]
while (item := data.pop()) != 2:
    print("popped", item)
print([y for x in range(5) if (y := x * x) > 5], y)
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)
