# Attribute and method lookups stay right while classes and instances change under hot code.
class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
class B(A):
    def get(self):
        return -self.v
def read_all(objects):
    return [o.v for o in objects]
def call_all(objects):
    return [o.get() for o in objects]
objects = [A(1), B(2), A(3), B(4)]
for _ in range(3):
    print(read_all(objects), call_all(objects))
A.get = lambda self: self.v * 10
print(call_all(objects))
del A.get
try:
    print(call_all(objects))
except AttributeError as e:
    print("AttributeError:", e)
A.get = lambda self: "back"
objects[0].get = lambda: "instance"
print(call_all(objects))
del objects[0].get
print(call_all(objects))
A.v = property(lambda self: "property wins")
print(read_all(objects))
del A.v
print(read_all(objects))
def slow(self, name):
    return "hooked " + name
A.__getattr__ = slow
class C:
    pass
c1 = C()
c1.x = 1
c2 = C()
c2.y = 2
c2.x = 3
def xs(items):
    out = []
    for item in items:
        try:
            out.append(item.x)
        except AttributeError:
            out.append("missing")
    return out
print(xs([c1, c2, C(), c1, c2]))
del c2.x
print(xs([c1, c2]))
def store(items, value):
    for item in items:
        item.x = value
store([c1, c2, c1], 9)
print(c1.x, c2.x, vars(c2))
class D:
    __slots__ = ("x",)
store([c1, c1], 5)
d = D()
store([d, c1], 7)
print(d.x, c1.x)
class E:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
e = E()
store([c1, e, e], 4)
print(c1.x, e.x)
