# pass, del, and nested loops with flags.
def todo():
    pass
class Empty:
    pass
print(todo(), type(Empty()).__name__)
for i in range(3):
    pass
items = [1, 2, 3, 4, 5]
del items[1]
print(items)
del items[1:3]
print(items)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("after del:", e)
found = None
for i in range(1, 10):
    for j in range(1, 10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print(found)
table = []
for i in range(1, 6):
    row = ""
    for j in range(1, 6):
        row += f"{i * j:4d}"
    table.append(row)
print("\n".join(table))
count = 0
for a in range(5):
    for b in range(a):
        for c in range(b):
            count += 1
print("triples:", count)
