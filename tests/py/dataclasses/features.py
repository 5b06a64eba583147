# dataclasses: generated methods, options, field(), helpers and their errors.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar, KW_ONLY, is_dataclass, make_dataclass
from typing import List, ClassVar, Optional

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(2, 1), Point.__doc__, Point.__match_args__)
try: Point()
except TypeError as e: print(e)
try: Point(1, 2, 3)
except TypeError as e: print(e)
print(hash(Point) is not None, Point.__hash__)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()
print(Version(1, 2) < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1)]), hash(Version(1)) == hash(Version(1)))
v = Version(1)
try: v.major = 3
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
try: del v.minor
except FrozenInstanceError as e: print(e)
try: Version(1) < Point(1)
except TypeError as e: print(e)

@dataclass
class Inventory:
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    total: float = field(init=False, default=0.0)
    limit: ClassVar[int] = 10
    def __post_init__(self):
        self.total = len(self.items) * 1.5
i = Inventory(["a", "b"])
print(i, i.total, Inventory.limit, [f.name for f in fields(i)], Inventory())
print(asdict(i), astuple(i))

@dataclass
class Node:
    name: str
    children: List["Node"] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
tree = Node("root", [Node("a"), Node("b", [Node("c")])], {"k": [1, 2]})
print(asdict(tree))
print(astuple(tree))
print(replace(p, y=10), replace(v, minor=9))

@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.a *= scale
print(WithInit(3), WithInit(3, 10))

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int
print(Opts(level=3))
try: Opts(1)
except TypeError as e: print(e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int
print(Mixed(1, c=3), Mixed.__match_args__)

@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 5
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))
try:
    s.z = 1
except AttributeError as e: print("AttributeError")

try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as e: print(e)
try:
    field(default=1, default_factory=list)
except ValueError as e: print(e)
try:
    @dataclass(order=True)
    class O:
        a: int
        def __lt__(self, other): return True
except TypeError as e: print(e)
try:
    @dataclass(eq=False, order=True)
    class O2:
        a: int
except ValueError as e: print(e)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3))
try: fields(3)
except TypeError as e: print(e)
try: asdict(Point)
except TypeError as e: print(e)

@dataclass(unsafe_hash=True)
class H:
    a: int
    b: int = field(hash=False, default=0)
print(hash(H(1, 2)) == hash(H(1, 3)))

@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10
print(Derived(), Derived(5, 6, 7), [f.name for f in fields(Derived)])
C = make_dataclass("C", [("a", int), ("b", int, field(default=5))], namespace={"double": lambda self: self.a * 2})
print(C(1), C(2).double(), C.__name__)
@dataclass
class Rec:
    items: list
r = Rec([])
r.items.append(r)
print(r)
match p:
    case Point(1, y):
        print("matched y =", y)
@dataclass(frozen=True)
class FB:
    a: int
try:
    @dataclass
    class FD(FB):
        b: int = 0
except TypeError as e: print(e)
print(repr(Point.__init__.__qualname__), Point.__repr__.__qualname__)
@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty())
@dataclass(repr=False)
class NoRepr:
    a: int
print(repr(NoRepr(1)).startswith("<__main__.NoRepr object"))
