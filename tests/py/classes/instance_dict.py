# obj.__dict__ is the attribute storage: identity, writes through it, vars(), deletion, __slots__.
class C:
    def __init__(self): self.x = 1
c = C()
d = c.__dict__
print(d, d is c.__dict__, vars(c) is d)
c.__dict__['y'] = 2
print(c.y, c.__dict__)
c.z = 3
print(d, hasattr(c, 'z'))
del c.x
print(d, hasattr(c, 'x'))
c.__dict__.update(a=1, b=2)
print(c.a, c.b, sorted(vars(c)))
class S:
    __slots__ = ('p',)
s = S()
try:
    s.__dict__
except AttributeError as e:
    print("AttributeError:", e)
def m(self): return 'm'
c.__dict__['meth'] = 5
print(c.meth)
e = ValueError('v'); e.extra = 1; print(e.__dict__)
