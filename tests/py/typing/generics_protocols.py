# Generic classes, Protocols and runtime_checkable, as CPython 3.11 shows them.
from typing import Generic, TypeVar, Protocol, runtime_checkable, List, Dict, Iterable, Iterator
import typing

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), s.__orig_class__, Stack.__parameters__, Stack[str])
print(Stack.__mro__)

class Pair(Generic[K, V]):
    pass
print(Pair[str, int], Pair[str, List[V]], Pair[str, List[V]][int], Pair.__orig_bases__)

class Named(Pair[str, V]):
    pass
print(Named.__parameters__, Named[int], Named.__mro__)

class MyList(List[int]):
    pass
m = MyList([3, 1])
print(m, MyList.__mro__, isinstance(m, list))

class Table(Dict[str, T], Generic[T]):
    pass
print(Table.__parameters__, Table[int])

try:
    class Bad(Generic[T], Generic[K]):
        pass
except TypeError as error:
    print("TypeError:", error)
try:
    class Missing(Pair[K, V], Generic[K]):
        pass
except TypeError as error:
    print("TypeError:", error)
try:
    Stack[int, str]
except TypeError as error:
    print("TypeError:", error)

@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None: ...

class Resource:
    def close(self):
        return "closed"

class Other:
    pass

print(isinstance(Resource(), Closeable), isinstance(Other(), Closeable))
print(issubclass(Resource, Closeable), issubclass(Other, Closeable))

class Sized(Protocol):
    def size(self) -> int: ...

try:
    isinstance(Resource(), Sized)
except TypeError as error:
    print("TypeError:", error)
try:
    Closeable()
except TypeError as error:
    print("TypeError:", error)

class Explicit(Closeable):
    def close(self):
        return "explicit"
print(Explicit().close(), isinstance(Explicit(), Closeable))

class SupportsGet(Protocol[T]):
    def get(self) -> T: ...
print(SupportsGet[int], SupportsGet.__parameters__)

print(isinstance(3, typing.SupportsInt), isinstance("x", typing.SupportsInt), isinstance(2.5, typing.SupportsIndex))
print(isinstance([], Iterable), isinstance(iter([]), Iterator), isinstance(5, Iterable))
try:
    isinstance([], Iterable[int])
except TypeError as error:
    print("TypeError:", error)
