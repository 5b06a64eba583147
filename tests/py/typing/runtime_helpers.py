# typing's runtime pieces: NamedTuple, TypedDict, NewType, cast, overload, final,
# get_type_hints, TYPE_CHECKING, Annotated and friends.
import typing
from typing import (NamedTuple, TypedDict, NewType, cast, overload, final, get_type_hints,
                    TYPE_CHECKING, Optional, List, Dict, ClassVar, Annotated, Any, Union)

class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "origin"

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p, p.norm(), p._fields, Point._field_defaults, Point.__annotations__)
print(p._replace(y=1), p._asdict(), Point._make([1, 2, "m"]), isinstance(p, tuple))
Employee = NamedTuple("Employee", [("name", str), ("id", int)])
print(Employee("ann", 3), Employee.__annotations__)
Car = NamedTuple("Car", make=str, year=int)
print(Car("volvo", 1999))
try:
    class Broken(NamedTuple):
        x: int = 1
        y: int
except TypeError as error:
    print("TypeError:", error)
try:
    class Overwrite(NamedTuple):
        x: int
        def _asdict(self):
            return {}
except AttributeError as error:
    print("AttributeError:", error)

class Movie(TypedDict):
    title: str
    year: int

class Sequel(Movie, total=False):
    previous: str

m = Movie(title="Alien", year=1979)
print(m, type(m), Movie.__required_keys__ == {"title", "year"}, Movie.__total__)
print(sorted(Sequel.__required_keys__), sorted(Sequel.__optional_keys__), Sequel.__total__)
print(Sequel.__annotations__)
Options = TypedDict("Options", {"verbose": bool, "level": int}, total=False)
print(Options(verbose=True), sorted(Options.__optional_keys__), typing.is_typeddict(Options), typing.is_typeddict(dict))
try:
    isinstance(m, Movie)
except TypeError as error:
    print("TypeError:", error)

UserId = NewType("UserId", int)
print(UserId, UserId(42), UserId.__supertype__, type(UserId(5)))
try:
    class Sub(UserId):
        pass
except TypeError as error:
    print("TypeError:", error)

print(cast(int, "not checked"), cast("List[int]", [1]), TYPE_CHECKING)

@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2
print(double(4), double("ab"), len(typing.get_overloads(double)))

@overload
def alone(x: int) -> int: ...
try:
    alone(1)
except NotImplementedError as error:
    print("NotImplementedError:", error)

@final
class Leaf:
    @final
    def method(self):
        pass
print(Leaf.__final__, Leaf.method.__final__)

class Config:
    name: str
    retries: "int"
    tags: List["str"]
    parent: Optional["Config"] = None
    counter: ClassVar[int] = 0
    extra: Annotated[int, "units"] = 0

print(get_type_hints(Config))
print(get_type_hints(Config, include_extras=True)["extra"])

def connect(host: str, port: "int" = 80, timeout: Optional[float] = None) -> "bool":
    return True
print(get_type_hints(connect))
print(get_type_hints(lambda: None))
print(connect.__annotations__)
print(typing.assert_type(5, int))
try:
    typing.assert_never("value")
except AssertionError as error:
    print("AssertionError:", error)
print(typing.ForwardRef("int"), typing.ForwardRef("x") == typing.ForwardRef("x"))
print(Annotated[int, "a"] == Annotated[int, "a"], Annotated[Annotated[int, 1], 2])
print(typing.get_origin(ClassVar[int]) is ClassVar, typing.get_args(Union[int, str]))
@typing.no_type_check
def untyped(a: "nonsense"):
    return a
print(untyped.__no_type_check__, get_type_hints(untyped))
