# Dicts keep insertion order; keys must be hashable.
d = {"one": 1, "two": 2}
d["three"] = 3
d["one"] = 100
print(d, len(d), d["two"])
print("one" in d, 1 in d, "four" not in d)
del d["two"]
print(d)
d["two"] = 2
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
for key in d:
    print(key, d[key])
for key, value in d.items():
    print(f"{key} -> {value}")
mixed = {1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool replaces 1"}
print(mixed)
print({}, dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("abc", range(3))))
print({1: 1} == {1: 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
inverted = {v: k for k, v in counts.items()}
print(inverted)
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
d2 = {}
for i in range(20):
    d2[i * 7 % 20] = i
print(d2)
for k in [3, 5, 7]:
    del d2[k]
d2[3] = "back"
print(d2)
print(list(d2)[:5], len(d2))
