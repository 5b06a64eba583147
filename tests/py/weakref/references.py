# krait frees objects when it collects, so each check of a dead referent runs gc.collect()
# first (CPython frees at once; the collection changes nothing there).
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


a = Node("a")
r = weakref.ref(a)
print(r() is a, r(), isinstance(r, weakref.ref), weakref.ref(a) == r, hash(r) == hash(a))
del a
gc.collect()
print(r())


def make():
    return Node("temporary")


r2 = weakref.ref(make())
gc.collect()
print(r2(), r2 == r2, r2 != weakref.ref(Node("x")))

for value in [1, "text", (1, 2), [1], {"a": 1}, None, 2.5]:
    try:
        weakref.ref(value)
    except TypeError as error:
        print("TypeError:", error)
members_set = {1}
print(weakref.ref(make)() is make, weakref.ref(Node)() is Node, weakref.ref(members_set)() == {1})

cache = weakref.WeakValueDictionary()
keep = Node("kept")
cache["kept"] = keep
cache["gone"] = Node("gone")
gc.collect()
print(sorted(cache.keys()), len(cache), "gone" in cache, cache.get("gone"), cache["kept"])
try:
    cache["gone"]
except KeyError as error:
    print("KeyError:", error)

owners = weakref.WeakKeyDictionary()
k1, k2 = Node("k1"), Node("k2")
owners[k1] = 1
owners[k2] = 2
print(owners[k1], k2 in owners, len(owners))
del k2
gc.collect()
print(len(owners), [node.name for node in owners], owners.get(k1))

members = weakref.WeakSet()
m1 = Node("m1")
members.add(m1)
members.add(Node("m2"))
gc.collect()
print(len(members), [node.name for node in members], m1 in members)
