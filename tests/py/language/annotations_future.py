# Under `from __future__ import annotations`, annotations are kept as strings, never evaluated.
from __future__ import annotations


def loud(label):
    print("evaluated", label)
    return label


count: int = 0
later: Undefined[int]
print(__annotations__)


class Node:
    next: Node | None = None
    value: loud("never") = 1

    def link(self, other: Node, *rest: list[Node], **options: dict[str, int]) -> Node:
        return other


print(Node.__annotations__)
print(Node.link.__annotations__)


def spaced(a: "quoted", b: dict[str,   int]) -> None:
    pass


print(spaced.__annotations__)


def many(a: Callable[[int, str], bool], b: tuple[int, ...], c: -1, d: 1 + 2 * 3, e: (1 + 2) * 3,
         f: a.b.c, g: list[int] | None, h: "it's", i: b'raw', j: 2 ** -1, k: not x, l: x if y else z,
         m: (a, b), n: [int, str], o: {"k": v}, p: f(x, *y, key=1, **z), q: x[1:2, ::3],
         r: a < b <= c, s: x and y or z, t: 1.5e10, u: ~x) -> Dict[str, "X"]:
    pass


for name, value in many.__annotations__.items():
    print(name, repr(value))
