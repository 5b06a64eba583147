# json.dumps: every option, compared with CPython's exact output.
import json

data = {"name": "krait", "list": [1, 2.5, None, True, False], "nested": {"b": [], "a": {}},
        "text": "tab\tquote\"backslash\\slash/ctrl\x01\x1f del\x7f"}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent=0))
print(json.dumps([1, [2, [3, []]], {}], indent="--"))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
print(json.dumps({"a": 1, "b": [1, 2]}, indent=1, separators=(" ,", " = ")))
print(json.dumps([]), json.dumps({}), json.dumps([[]]), json.dumps([{}], indent=3))

# Strings, ASCII or not.
for text in ["", "plain", "é", "日本語", "\U0001F600", "\u2028\u2029", "\x00\x08\x0c"]:
    print(json.dumps(text), json.dumps(text, ensure_ascii=False))
print(json.dumps({"ключ": "значение"}, ensure_ascii=False))

# Numbers.
print(json.dumps([0, -1, 10**30, -10**30, 0.1, 1e16, 1.5e-10, -0.0, 1e308, 123456789.125]))
print(json.dumps([float("nan"), float("inf"), float("-inf")]))

# Keys of every allowed type, converted as CPython converts them.
print(json.dumps({1: "int", 2.5: "float", True: "bool", False: "f", None: "none"}))
print(json.dumps({(1, 2): "tuple", "kept": 1}, skipkeys=True))
print(json.dumps({3: "c", 1: "a", 2: "b"}, sort_keys=True))

# Tuples are arrays; subclasses of the basic types use the base's form.
class MyList(list):
    pass
class MyDict(dict):
    pass
class MyStr(str):
    pass
class MyInt(int):
    def __repr__(self):
        return "MyInt!"
class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"
print(json.dumps((1, (2, 3))))
print(json.dumps(MyList([1, MyDict(a=MyStr("s")), MyInt(7), MyFloat(1.5)])))

# default= and cls=.
print(json.dumps({"set": {3, 1, 2}}, default=sorted))
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return {"__set__": sorted(o)}
        return super().default(o)
print(json.dumps([{1, 2}, frozenset([5])], cls=SetEncoder))
print(SetEncoder(indent=1).encode({"x": {9}}))
print(json.JSONEncoder(sort_keys=True).encode({"b": 1, "a": 2}))
print(list(json.JSONEncoder().iterencode("just a string")) != [])
print(json.JSONEncoder().encode("top-level str é"))

# dump() writes to anything with a write method.
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
sink = Sink()
json.dump({"a": [1, 2, {"b": None}]}, sink, indent=2)
print("".join(sink.parts))
