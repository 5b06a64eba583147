from collections import ChainMap, Counter, OrderedDict, defaultdict, namedtuple
import collections


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


# defaultdict
dd = defaultdict(int)
for ch in "mississippi":
    dd[ch] += 1
print(dd, dd["zzz"], len(dd), isinstance(dd, dict), dd.default_factory)
groups = defaultdict(list)
for name, n in [("a", 1), ("b", 2), ("a", 3)]:
    groups[name].append(n)
print(groups, dict(groups))
print(defaultdict(), defaultdict(None, {"x": 1}), defaultdict(set, a={1}))
nd = defaultdict(lambda: "N/A")
print(nd["missing"], dict(nd))
show("missing no factory", lambda: defaultdict()["k"])
show("bad factory", lambda: defaultdict(1))
c1 = dd.copy()
print(type(c1).__name__, c1 == dd, c1.default_factory)
print(defaultdict(int, {"a": 1}) | {"b": 2}, "get" , dd.get("nope"), "nope" in dd)
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], list(t["a"].keys()))

# OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od.move_to_end("b")
print(od)
od.move_to_end("b", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
show("move missing", lambda: od.move_to_end("zz"))
show("popitem empty", lambda: OrderedDict().popitem())
print(OrderedDict(), OrderedDict(x=1, y=2), OrderedDict([("k", [1, 2])]))
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
print(o1 == o2, o1 == dict(o2), dict(o1) == o2, o1 != o2, o1 == OrderedDict(o1))
print(OrderedDict.fromkeys("abc", 0), o1.copy(), o1 | {"c": 3}, list(reversed(o1)))
lru = OrderedDict()
for key in [1, 2, 3, 1, 4, 2, 5]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = True
    if len(lru) > 3:
        lru.popitem(last=False)
print(list(lru))

# Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(), c.most_common(2), c.most_common(0), c["z"], c.total())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
c.update("aaz")
c.update({"b": 10})
print(c)
c.subtract("aaaaa")
c.subtract(z=5)
print(c)
print(Counter(), Counter(a=3, b=1), Counter({"x": 2, "y": 5}), Counter(["a", "b", "a"]))
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a & b, a | b, +Counter(a=1, b=-2), -Counter(a=1, b=-2))
a2 = Counter(a=3, b=1)
a2 += Counter(b=-5, c=2)
print(a2)
a2 -= Counter(a=1)
print(a2)
a2 |= Counter(a=9)
print(a2)
a2 &= Counter(a=4, c=1)
print(a2)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) < Counter(a=2), Counter(a=2) <= Counter(a=1, b=3))
print(Counter("aab") >= Counter("ab"), Counter("ab") > Counter("ab"), Counter(a=1) != Counter(a=2))
del c["a"]
del c["not there"]
print(c, len(c))
show("fromkeys", lambda: Counter.fromkeys("ab"))
words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(3))
ties = Counter("dcba" * 2 + "e")
print(ties, ties.most_common(3))
print(Counter({"a": 1.5, "b": 0.5}), Counter(a=1).copy(), isinstance(c, dict))

# namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], len(p), tuple(p), p == (11, 22), isinstance(p, tuple))
x, y = p
print(x, y, p._fields, p._asdict(), p._replace(x=100))
print(Point._make([1, 2]), Point.__name__, Point.__doc__, Point.__new__.__doc__)
print(Point.x.__doc__, repr(Point(1, 2)), hash(p) == hash((11, 22)))
Color = namedtuple("Color", "red green blue", defaults=[0, 0])
print(Color(1), Color(1, 2, 3), Color._field_defaults, Color._fields)
Row = namedtuple("Row", "a, b c")
print(Row(1, 2, 3))
R = namedtuple("R", ["abc", "def", "ghi", "abc", "_x"], rename=True)
print(R._fields, R(1, 2, 3, 4, 5))
print(namedtuple("Empty", "")(), namedtuple("One", "a")(1))
show("missing arg", lambda: Point(1))
show("too many", lambda: Point(1, 2, 3))
show("bad keyword", lambda: Point(1, z=2))
show("_make wrong", lambda: Point._make([1]))
show("_replace wrong", lambda: p._replace(z=1))
show("bad name", lambda: namedtuple("1a", "x"))
show("keyword name", lambda: namedtuple("A", "class"))
show("underscore", lambda: namedtuple("A", "_x"))
show("duplicate", lambda: namedtuple("A", "x x"))
show("too many defaults", lambda: namedtuple("A", "x", defaults=(1, 2)))
show("setattr", lambda: setattr(p, "x", 5))
print(sorted([Point(2, 1), Point(1, 2), Point(1, 1)]), max(Point(0, 5), Point(1, 0)))


class Point3(namedtuple("Point3", "x y z")):
    __slots__ = ()

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

    def __str__(self):
        return f"<{self.x},{self.y},{self.z}>"


q = Point3(1, -2, 3)
print(q, repr(q), q.norm1, q._replace(z=0), type(q._replace(z=0)).__name__)

# ChainMap
defaults = {"color": "red", "user": "guest"}
args = {"user": "admin"}
cm = ChainMap(args, defaults)
print(cm, cm["user"], cm["color"], len(cm), list(cm), sorted(cm.items()), "color" in cm)
cm["color"] = "blue"
print(args, defaults, cm.maps)
child = cm.new_child({"user": "child"})
print(child["user"], child.parents["user"], child.maps[0], len(child.maps))
print(cm.new_child(), ChainMap(), ChainMap({}, {}).get("x", "dflt"))
show("getitem missing", lambda: cm["missing"])
show("del missing", lambda: cm.__delitem__("missing"))
show("pop missing", lambda: ChainMap({}, {"a": 1}).pop("a"))
show("popitem empty", lambda: ChainMap({}, {"a": 1}).popitem())
del cm["color"]
print(cm, cm.pop("user"), cm, dict(cm), bool(ChainMap()), bool(ChainMap({}, {"a": 1})))
print(ChainMap({"a": 1}, {"b": 2}) | {"c": 3}, cm.copy(), cm.keys(), cm.setdefault("new", 1), cm)
