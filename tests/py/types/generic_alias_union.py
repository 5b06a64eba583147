# list[int] is a types.GenericAlias and int | None a types.UnionType, as in CPython 3.11:
# reprs, equality, isinstance, substitution, annotations, subclassing, typing interplay.
import types, typing
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], set[str], frozenset[int], type[int])
print(int | None, int | str | None, None | int, list[int] | None, int | int, type(int | str), type(list[int]))
print((int | str) == (str | int), hash(int | str) == hash(str | int), list[int] == list[int], list[int] != list[str])
print(isinstance(3, int | str), isinstance(None, int | None), isinstance(2.5, int | str), issubclass(bool, int | str))
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__, dict[str, int].__args__)
T = typing.TypeVar("T")
print(dict[str, T][int], list[T].__parameters__, (int | T).__parameters__)
def f(x: int | None = None, y: list[str] | None = None) -> dict[str, int]:
    return {}
print(f.__annotations__)
class MyList(list[int]):
    pass
print(MyList.__mro__, MyList.__orig_bases__)
print(typing.get_origin(list[int]), typing.get_args(dict[str, int]), typing.get_origin(int | str), typing.get_args(int | None))
print(typing.Optional[int] == (int | None), typing.Union[int, list[int]], typing.List[int] == list[int])
for bad in [lambda: int | "str", lambda: isinstance([], list[int]), lambda: 3 | None, lambda: isinstance(1, int | list[int])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(types.GenericAlias(list, (int,)), types.UnionType, types.GenericAlias)
import dataclasses
@dataclasses.dataclass
class D:
    a: int | None = None
    b: list[str] = dataclasses.field(default_factory=list)
print(D(), D.__doc__)
print(repr(list[int]), str(int | None), list[int].__name__ if hasattr(list[int], '__name__') else '')
