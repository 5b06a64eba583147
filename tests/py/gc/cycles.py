# Cycles are freed by gc.collect() while the objects still reachable keep their values, and a
# weak reference to a freed cycle member reads as dead afterwards.
import gc
import weakref


class Node:
    def __init__(self, label):
        self.label = label
        self.next = None
        self.data = [label] * 4


def ring(size, label):
    first = Node(f"{label}0")
    node = first
    for i in range(1, size):
        node.next = Node(f"{label}{i}")
        node = node.next
    node.next = first
    return first


kept = ring(5, "kept")
probes = []
for i in range(200):
    garbage = ring(10, f"g{i}-")
    if i % 40 == 0:
        probes.append(weakref.ref(garbage.next))
    del garbage
gc.collect()
print([probe() is None for probe in probes])

node = kept
labels = []
for _ in range(6):
    labels.append(node.label)
    node = node.next
print(labels, kept.data)

# A list that holds itself, a dict that holds itself, an instance whose __dict__ holds it.
for i in range(1000):
    lst = [i]
    lst.append(lst)
    d = {"i": i}
    d["self"] = d
    holder = Node(i)
    holder.__dict__["me"] = holder
gc.collect()
print(lst[0], lst[1] is lst, d["self"] is d, holder.me is holder, holder.label)

# A class in a cycle with its instances and methods.
def make_class(n):
    class Temporary:
        value = n

        def get(self):
            return self.value

    instance = Temporary()
    instance.cls = Temporary
    return weakref.ref(Temporary), instance.get()


refs = [make_class(n) for n in range(20)]
gc.collect()
print(sum(value for _, value in refs), [ref() is None for ref, _ in refs[:3]])


class Base:
    pass


def make_subclass():
    class Sub(Base):
        pass

    return Sub.__name__


print(make_subclass())
gc.collect()
print(Base.__subclasses__())


class Kept(Base):
    pass


print([cls.__name__ for cls in Base.__subclasses__()])
