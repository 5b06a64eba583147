# LoadGlobal's caches (an epoch-checked value cache for module namespaces in front of an
# index cache) must see every change: rebinding, deleting, shadowing builtins, plain dicts
# used as globals by exec, and module namespaces created and dropped.
import builtins

d = {"x": 1}
code = compile("y = x * 2", "c", "exec")
for v in range(3):
    exec(code, d)
    print("exec with a plain dict:", d["y"])
    d["x"] = v + 10
d2 = {"x": 100}
exec(code, d2)
print("another plain dict:", d2["y"])


def get_len():
    return len


for _ in range(3):
    print(get_len() is builtins.len)
builtins.len = 5
print("builtins rebound:", get_len())
del builtins.len
try:
    get_len()
except NameError as error:
    print("NameError:", error)
builtins.len = lambda value: -1
print("builtins replaced:", get_len()([1, 2]))
len = 7
print("shadowed by a global:", get_len())
del len
print("global removed:", get_len()([1, 2]))

counter = 0


def bump():
    global counter
    counter += 1
    return counter


total = 0
for _ in range(1000):
    total += bump()
print("a global written in a loop:", counter, total)

for round in range(3):
    namespace = {}
    exec("def read():\n    return value\nvalue = %d" % round, namespace)
    print("fresh namespace", round, namespace["read"]())
    namespace["value"] = "changed"
    print("after change", namespace["read"]())
