# pprint: CPython 3.11 layouts for every container kind, width, indent, depth, compact.
import pprint, collections, dataclasses, types
data = {"name": "krait", "numbers": list(range(30)), "nested": {"a": [1, 2, {"deep": ("x", "y") * 8}], "b": set(range(12)), "c": frozenset({30, 10, 20})}, "text": "lorem ipsum dolor sit amet " * 6, "t": (1,), "empty": {}, 3: None}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=2)
pprint.pprint(data, compact=True, width=50)
pprint.pprint(list(range(100)), compact=True)
pprint.pp({"z": 1, "a": 2, "m": list(range(25))})
print(pprint.pformat({"b": 1, "a": 2}), pprint.pformat([]), pprint.pformat("short"))
rec = [1, 2]; rec.append(rec)
print(pprint.pformat(rec).replace(str(id(rec)), "ID"), pprint.isrecursive(rec), pprint.isreadable(rec), pprint.saferepr(rec).replace(str(id(rec)), "ID"))
od = collections.OrderedDict((str(i) * 5, i) for i in range(12))
pprint.pprint(od)
dd = collections.defaultdict(list, {("key%d" % i): [i] * 4 for i in range(8)})
pprint.pprint(dd)
pprint.pprint(collections.Counter("the quick brown fox jumps over the lazy dog and keeps running far away"))
pprint.pprint(collections.deque(range(40)))
pprint.pprint(collections.deque(range(40), maxlen=50))
@dataclasses.dataclass
class Config:
    name: str
    values: list
    options: dict
pprint.pprint(Config("configuration-name", list(range(25)), {"alpha": 1, "beta": [2] * 10}))
pprint.pprint(types.SimpleNamespace(first=list(range(20)), second="x" * 50, third={"k": "v"}))
pprint.pprint(collections.ChainMap({"a" * 30: 1}, {"b" * 30: 2}, {"c" * 30: 3}))
pprint.pprint({"mixed": {1: "a", "b": 2, None: 3, 2.5: 4}})
pprint.pprint(("a long tuple item number one", "a long tuple item number two", "three", "four"))
pprint.pprint([["nested"] * 10, {"k": "v" * 70}])
pprint.pprint(123456789, underscore_numbers=True)
pprint.pprint({"text": "line one\nline two is much longer than the first line and keeps going on and on\n"})
print(pprint.PrettyPrinter(width=20).pformat(list("abcdefghij")))
