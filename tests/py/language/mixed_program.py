# Programs mixing the language with the stdlib: namedtuple, defaultdict, dataclasses, enum,
# abc, typing aliases, builtin subclasses.
import collections, functools, itertools, operator
Point = collections.namedtuple("Point", "x y")
p = Point(1, 2); print(p, p._replace(x=3), p._asdict(), Point._fields)
d = collections.defaultdict(list); d["a"].append(1); print(d, dict(d))
c = collections.Counter("abracadabra"); print(c.most_common(2), c["z"])
od = collections.OrderedDict(a=1); od.move_to_end("a"); print(od)
dq = collections.deque([1, 2, 3], maxlen=3); dq.append(4); print(dq, dq.popleft())
print(functools.reduce(operator.add, [1, 2, 3]), functools.partial(pow, 2)(5))
@functools.lru_cache(maxsize=None)
def fibo(n): return n if n < 2 else fibo(n-1) + fibo(n-2)
print(fibo(50), list(itertools.chain([1], [2])), list(itertools.product("ab", repeat=2))[:3])
class Stack(list):
    def push(self, x): self.append(x)
s = Stack(); s.push(1); s += [2]; print(s, type(s).__name__, len(s), s[-1], isinstance(s, list))
class MyDict(dict):
    def __missing__(self, k): return k * 2
md = MyDict(a=1); print(md["a"], md["zz"], md.get("q"), "zz" in md)
class MyStr(str):
    def shout(self): return self.upper() + "!"
ms = MyStr("hi"); print(ms.shout(), ms + "x", type(ms + "x").__name__, ms == "hi", hash(ms) == hash("hi"), f"{ms:>4}")
class MyInt(int):
    def __repr__(self): return f"MyInt({int(self)})"
mi = MyInt(5); print(mi, mi + 1, type(mi + 1).__name__, repr(mi), str(mi), mi * 2, -mi)
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, Color(2), Color["GREEN"], list(Color), Color.RED.name, Color.RED.value, Color.RED in Color)
class Flag(enum.IntFlag):
    A = 1
    B = 2
print(Flag.A | Flag.B, int(Flag.A | Flag.B))
import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
try: Base()
except TypeError as e: print(e)
class Impl(Base):
    def run(self): return "ran"
print(Impl().run())
