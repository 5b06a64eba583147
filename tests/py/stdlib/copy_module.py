import copy
from collections import OrderedDict, namedtuple


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


nested = [1, [2, 3], {"k": [4]}]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[1].append(99)
nested[2]["k"].append(100)
print(shallow, deep, shallow is nested, shallow[1] is nested[1], deep[1] is nested[1])

for value in [1, 2.5, "s", b"b", None, True, (1, 2), frozenset({1}), range(3), len, print]:
    print(type(value).__name__, copy.copy(value) is value, copy.deepcopy(value) is value)
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t)
s = {1, 2, 3}
print(copy.copy(s), copy.copy(s) is s, copy.deepcopy(s), copy.deepcopy({"a": {1}}))
ba = bytearray(b"xy")
print(copy.copy(ba), copy.deepcopy(ba), copy.copy(ba) is ba)
d = {"a": [1], "b": (2, [3])}
dc = copy.deepcopy(d)
dc["b"][1].append(4)
print(d, dc)

# shared and recursive structures
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc, pc[0] is pc[1], pc[0] is shared)
rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc, rc[1] is rc, rc is rec)
rd = {}
rd["self"] = rd
print(copy.deepcopy(rd))
memo = {}
first = copy.deepcopy(shared, memo)
again = copy.deepcopy(shared, memo)
print(first is again, id(shared) in memo)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


p = Point(1, [2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.y.append(3)
print(p, p2, p3, type(p2).__name__, p2 is p, p2.y is p.y, p3.y is p.y)


class WithCopy:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return WithCopy(self.v + "-copy")

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return WithCopy(self.v + "-deep")


w = WithCopy("w")
print(copy.copy(w).v, copy.deepcopy(w).v, copy.deepcopy([w, w])[0].v)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]


sl = Slotted()
sl2 = copy.copy(sl)
sl3 = copy.deepcopy(sl)
print(sl2.a, sl2.a is sl.a, sl3.a, sl3.a is sl.a, hasattr(sl2, "b"))


class WithState:
    def __init__(self):
        self.data = [1, 2]
        self.cache = "expensive"

    def __getstate__(self):
        print("getstate")
        state = self.__dict__.copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        print("setstate", sorted(state))
        self.__dict__.update(state)
        self.cache = None


ws = copy.deepcopy(WithState())
print(ws.data, ws.cache)


class WithReduce:
    def __init__(self, a, b=0):
        self.a = a
        self.b = b

    def __reduce__(self):
        return (WithReduce, (self.a, self.b + 1))


wr = copy.copy(WithReduce(5))
print(wr.a, wr.b, copy.deepcopy(WithReduce([1])).a)


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList([1, [2]])
ml.tag = "t"
mlc = copy.copy(ml)
mld = copy.deepcopy(ml)
print(type(mlc).__name__, mlc, mlc.tag, mld, mld[1] is ml[1], mlc[1] is ml[1])
md = MyDict(a=[1])
mdd = copy.deepcopy(md)
print(type(mdd).__name__, mdd, mdd["a"] is md["a"])
P = namedtuple("P", "x y")
np_ = P(1, [2])
print(copy.copy(np_), copy.deepcopy(np_), copy.deepcopy(np_).y is np_.y)
od = OrderedDict(a=1, b=[2])
print(copy.copy(od), copy.deepcopy(od))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


root = Node("root")
kid = root.add(Node("kid"))
kid.add(Node("grandkid"))
clone = copy.deepcopy(root)
print(clone.name, clone.children[0].name, clone.children[0].parent is clone, clone.children[0] is kid)
print(clone.children[0].children[0].parent is clone.children[0])


def f():
    pass


class Meth:
    def m(self):
        return self


mo = Meth()
bm = copy.deepcopy(mo.m)
import sys
show("copy module", lambda: copy.copy(sys))
show("deepcopy generator", lambda: copy.deepcopy(x for x in []))
print(copy.copy(f) is f, copy.deepcopy(f) is f, bm() is mo, type(bm()).__name__)
print(copy.Error.__mro__[1].__name__, copy.error is copy.Error)
