# __slots__, __getattribute__, __getattr__, __setattr__ and __delattr__.
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
o = Slotted()
o.b = 2
print(o.a, o.b)
try:
    o.c = 3
except AttributeError as e:
    print("AttributeError:", e)
class Tracer:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback {name}"
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
tr = Tracer()
tr.x = 1
print(tr.magic, tr.x, tr.missing)
del tr.x
print(tr.x)
try:
    object().anything = 1
except AttributeError as e:
    print("AttributeError:", e)
