# Assigning __class__: method lookup follows the new class; layouts must match.
class A:
    def f(self):
        return "A"
class B:
    def f(self):
        return "B"
a = A()
print(a.f())
a.__class__ = B
print(a.f(), type(a).__name__)
def g(o):
    return o.f()
x = A()
print(g(x))
x.__class__ = B
print(g(x))
class S:
    __slots__ = ("a",)
try:
    x.__class__ = S
except TypeError as e:
    print(e)
try:
    x.__class__ = 3
except TypeError as e:
    print(e)
try:
    x.__class__ = int
except TypeError as e:
    print(e)
print(x.__class__.__name__)
