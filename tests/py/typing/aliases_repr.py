# typing aliases: reprs, equality, origin and args, isinstance on unsubscripted aliases.
from typing import *
import typing
class M(TypedDict, total=False):
    name: str
m = M(name="x"); print(type(m), m, M.__required_keys__, M.__optional_keys__, M.__total__, M.__mro__, type(M))
T = TypeVar("T"); print(Generic[T], List[T][int], Dict[str, T], Callable[[int, str], T], Callable[..., int], Tuple[int, ...], Tuple[()], Optional[Union[int, str]], Union[int], Literal[1, "a", None], ClassVar[List[int]], Final, Any, Type[int], Annotated[int, "m", 2])
class Box(Generic[T]):
    pass
print(Box[int], Box.__parameters__, Box.__mro__, Box[int]().__orig_class__)
class L(List[int]): pass
print(L.__mro__, L.__orig_bases__)
print(get_origin(List[int]), get_args(Callable[[int], str]), get_origin(Union[int, str]), get_args(Optional[int]))
print(repr(Iterable[int]), repr(typing.Iterable), typing.Sequence, typing.Mapping[str, int], typing.Deque[int], typing.DefaultDict[str, int], typing.Counter[str], typing.Generator[int, None, None], typing.Set, typing.FrozenSet[int])
print(Union[int, str] == Union[str, int], Optional[int] == Union[None, int], hash(List[int]) == hash(List[int]))
try: List()
except TypeError as e: print(e)
try: isinstance(1, List[int])
except TypeError as e: print(e)
print(isinstance([], List), isinstance(1, Union[int, str]), issubclass(list, typing.Sequence))
print(typing.NoReturn, typing.Never, typing.Self, typing.Protocol, typing.Generic, typing.TypeAlias, typing.LiteralString, typing.Concatenate)
P = ParamSpec("P"); print(P, P.args, P.kwargs, TypeVar("U", bound=int).__bound__, TypeVar("V", int, str).__constraints__, TypeVar("W", covariant=True))
print(type(Any), Any.__module__ if hasattr(Any, "__module__") else "")
NT = NewType("NT", int); print(NT, NT(5), NT.__supertype__)
print(typing.AnyStr, typing.Text, typing.SupportsInt)
print(List[int].__origin__, List[int].__args__, List.__origin__ if hasattr(List, "__origin__") else "")
print(Union[int, Union[str, float]], Union[int, str, int], Optional[None], Union[None, int])
print(Dict[str, List[Tuple[int, ...]]], Callable[[], None], Type[Any], Iterator[str], typing.AbstractSet[int])
print(Literal[1] == Literal[1], Literal[1] == Literal[True], Literal[1, 2] == Literal[2, 1])
print(get_args(Dict[str, int]), get_args(int), get_origin(int), get_origin(Annotated[int, 1]), get_args(Annotated[int, 1, 2]))
print(get_args(Callable[..., int]), get_origin(Callable[[int], str]), get_origin(Generic), get_origin(Literal[1]))
S = TypeVar("S")
print(Dict[S, T][int, str], Tuple[S, T][bytes, int], List[S].__parameters__, Dict[str, int].__parameters__)
try:
    List[int][str]
except TypeError as e:
    print("TypeError:", e)
try:
    List[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    Generic[int]
except TypeError as e:
    print("TypeError:", e)
try:
    Union[()]
except TypeError as e:
    print("TypeError:", e)
try:
    Optional[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, 5)
except TypeError as e:
    print("TypeError:", e)
print(isinstance({}, Dict), isinstance({}, typing.Mapping), issubclass(dict, typing.MutableMapping), isinstance(3, Optional[int]))
print(typing.ClassVar, typing.Union, typing.Optional, typing.Literal, typing.Callable, typing.Tuple)
print(List == List, List[int] == List[int], List[int] == List[str], List[int] != list)
