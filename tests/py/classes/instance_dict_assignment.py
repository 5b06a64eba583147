# Assigning an instance's __dict__: the new dict (or dict subclass) is its attribute storage
# from then on; anything else is a TypeError; __slots__ classes have no __dict__ to assign.
class P:
    def __init__(self):
        self.x = 1
class D(dict):
    pass
p = P()
p.__dict__ = D(x=7, z=3)
print(p.x, p.z, type(p.__dict__).__name__)
p.w = 4
print(sorted(p.__dict__.items()))
try:
    p.__dict__ = 5
except TypeError as e:
    print(e)
class S:
    __slots__ = ("a",)
s = S()
try:
    s.__dict__ = {}
except AttributeError as e:
    print(e)
e = ValueError(1)
e.__dict__ = {"note": 2}
print(e.note, e.args)
q = P()
q.y = 2
q.__dict__ = {}
try:
    q.x
except AttributeError as e:
    print(e)
q.__dict__ = {"x": 11}
print(q.x, hasattr(q, "y"))
