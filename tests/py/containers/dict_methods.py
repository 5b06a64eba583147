# dict methods and views.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("d", 4), d)
print(d.pop("b"), d.pop("zz", "missing"), d)
print(d.popitem(), d)
d.update({"x": 10, "a": -1})
d.update(y=20)
d.update([("z", 30)])
print(d)
print(d.keys(), d.values(), d.items())
keys = d.keys()
d["new"] = 0
print(len(keys), "new" in keys)
c = d.copy()
c.clear()
print(c, len(d))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print({"a": 1} | {"b": 2}, {"a": 1, "b": 2} | {"a": 3})
e = {"k": 1}
e |= {"j": 2}
print(e)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
print(sorted(d.items()), sorted(d, key=lambda k: d[k]))
print(list(reversed(d)), list(reversed(d.values())))
print(list(zip(d.keys(), d.values())) == list(d.items()))
try:
    d["nope"]
except KeyError as err:
    print("KeyError", err)
