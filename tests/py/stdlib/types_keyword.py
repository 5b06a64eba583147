import keyword
import types
from types import MappingProxyType, SimpleNamespace


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


ns = SimpleNamespace(a=1, b="two")
print(ns, repr(ns), ns.a, ns.b, vars(ns) if False else sorted(ns.__dict__))
ns.c = [3]
del ns.a
print(ns, SimpleNamespace(), SimpleNamespace(x=1) == SimpleNamespace(x=1), SimpleNamespace(x=1) == SimpleNamespace(x=2))
print(hasattr(ns, "a"), getattr(ns, "c"), SimpleNamespace(**{"k": "v"}))
show("positional", lambda: SimpleNamespace(1))
rec = SimpleNamespace(name="r")
rec.self = rec
print(rec)


class Config(SimpleNamespace):
    pass


print(Config(debug=True), isinstance(Config(), SimpleNamespace))

d = {"x": 1, "y": 2}
mp = MappingProxyType(d)
print(mp, mp["x"], len(mp), list(mp), "y" in mp, mp.get("z", 0), list(mp.keys()), list(mp.values()), list(mp.items()))
d["z"] = 3
print(mp["z"], mp == d, mp.copy(), mp | {"w": 4}, type(mp.copy()).__name__)
show("setitem", lambda: mp.__setitem__("x", 5))
show("assign", lambda: exec("mp['x'] = 5", {"mp": mp}))
show("not a mapping", lambda: MappingProxyType(5))


def func():
    pass


def gen():
    yield 1


class K:
    def method(self):
        pass


print(type(func) is types.FunctionType, type(lambda: 0) is types.LambdaType, type(gen()) is types.GeneratorType)
print(type(K().method) is types.MethodType, type(len) is types.BuiltinFunctionType, type(types) is types.ModuleType)
print(types.NoneType, types.EllipsisType, types.NotImplementedType, type(None) is types.NoneType)
print(isinstance(func, types.FunctionType), isinstance(len, types.FunctionType), isinstance([].append, types.BuiltinMethodType))
print(types.FunctionType.__name__, types.GeneratorType.__name__, types.MethodType.__name__, types.ModuleType.__name__)


def body(ns):
    ns["greet"] = lambda self: "hi from " + type(self).__name__
    ns["x"] = 10


Dyn = types.new_class("Dyn", (K,), exec_body=body)
print(Dyn.__name__, Dyn.__bases__, Dyn().greet(), Dyn.x, issubclass(Dyn, K))
meta, namespace, kwds = types.prepare_class("P", (), {"metaclass": type})
print(meta, namespace, kwds)
print(types.resolve_bases((K, int)))

print(keyword.kwlist)
print(keyword.softkwlist, len(keyword.kwlist))
print([w for w in ["if", "match", "case", "print", "None", "async", "_", "lambda", "self"] if keyword.iskeyword(w)])
print([w for w in ["if", "match", "case", "print", "_"] if keyword.issoftkeyword(w)])
print(keyword.iskeyword("IF"), keyword.__all__)
