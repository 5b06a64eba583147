# types.GenericAlias (list[int]) and types.UnionType (int | None), as annotations and aliases
# evaluate them at run time.
import types

print(list[int], dict[str, int], tuple[int, ...], tuple[()], type[int], set[frozenset[str]])
alias = dict[str, list[int]]
print(alias, alias.__origin__, alias.__args__, alias.__parameters__, type(alias))
print(type(alias) is types.GenericAlias, types.GenericAlias, types.UnionType)
print(list[int]("abc"), list[int].__name__, list[int].append is list.append, callable(list[int]))
print(list[int] == list[int], list[int] != list[str], hash(list[int]) == hash(list[int]))
print({list[int]: "ok"}[list[int]], list.__class_getitem__(str))

print(int | None, int | str | None, None | int, int | int, type(int | str))
print((int | str) == (str | int), (int | str).__args__, int | list[int])
x = int
x |= bytes
print(x)


def annotated(value: list[int] | None = None, *, flag: "str" = "") -> dict[str, int | None]:
    return {}


print(annotated.__annotations__)

print(isinstance(1, int | str), isinstance(None, int | None), isinstance("", int | float))
print(issubclass(bool, int | str), isinstance(2.5, (str, int | float)))
for check in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
              lambda: isinstance([], int | list[int]), lambda: int[str], lambda: int | 3):
    try:
        check()
    except TypeError as error:
        print("TypeError:", error)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"


print(Box[int], Box["x", 1])


class Numbers(list[int]):
    pass


print(Numbers.__bases__, Numbers.__orig_bases__, Numbers([1, 2]), Numbers.__mro__)


class Both(dict[str, int], metaclass=type):
    pass


print(Both(a=1), Both.__orig_bases__)
