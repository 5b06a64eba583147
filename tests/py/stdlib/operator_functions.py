import operator
from operator import itemgetter, attrgetter, methodcaller


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
             "and_", "or_", "xor", "lt", "le", "eq", "ne", "ge", "gt", "is_", "is_not"]:
    f = getattr(operator, name)
    show(name, f, 7, 3)
show("matmul", operator.matmul, 2, 3)
for name in ["neg", "pos", "abs", "inv", "invert", "not_", "truth", "index"]:
    show(name, getattr(operator, name), -5)
show("truth0", operator.truth, 0)
show("index float", operator.index, 1.5)
show("index bool", operator.index, True)
show("truediv0", operator.truediv, 1, 0)
show("concat", operator.concat, [1], [2])
show("concat str", operator.concat, "ab", "cd")
show("concat int", operator.concat, 1, 2)
show("concat list str", operator.concat, [], "a")
show("contains", operator.contains, [1, 2, 3], 2)
show("countOf", operator.countOf, [1, 2, 1, 1], 1)
show("indexOf", operator.indexOf, "abc", "c")
show("indexOf missing", operator.indexOf, [1], 5)
show("getitem", operator.getitem, {"a": 1}, "a")
show("getitem missing", operator.getitem, [1], 3)
d = {}
operator.setitem(d, "k", 5)
print(d)
operator.delitem(d, "k")
print(d)
show("delitem missing", operator.delitem, d, "k")
show("length_hint list", operator.length_hint, [1, 2, 3])
show("length_hint iter", operator.length_hint, iter([1, 2, 3]))
show("length_hint default", operator.length_hint, object(), 7)
show("call", operator.call, max, 3, 9, 2)

lst = [1]
r = operator.iadd(lst, [2])
print(r, lst, r is lst)
print(operator.iadd(1, 2), operator.isub(5, 2), operator.imul(3, 4), operator.itruediv(7, 2))
print(operator.ifloordiv(7, 2), operator.imod(7, 2), operator.ipow(2, 10), operator.ilshift(1, 4))
print(operator.irshift(64, 2), operator.iand(12, 10), operator.ior(12, 10), operator.ixor(12, 10))
print(operator.iconcat([1], (2,)))
s = {1}
print(operator.ior(s, {2}), s)

g = itemgetter(1)
print(g, g("xyz"), g([10, 20]))
g2 = itemgetter(0, -1, "a")
print(g2)
print(itemgetter(0, 2)("abcdef"), itemgetter(slice(1, 3))("abcdef"))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=itemgetter(1)))
show("itemgetter()", itemgetter)
show("itemgetter missing", itemgetter(5), [1])


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, punct="!"):
        return greeting + ", " + self.name + punct


n = Node("root", Node("leaf"))
a = attrgetter("name")
print(a, a(n))
print(attrgetter("child.name")(n))
print(attrgetter("name", "child.name")(n))
print(attrgetter("name", "child.name"))
show("attrgetter()", attrgetter)
show("attrgetter(1)", attrgetter, 1)
show("attrgetter missing", attrgetter("nope"), n)
show("attrgetter dotted missing", attrgetter("child.child.name"), n)

m = methodcaller("greet", "Hello")
print(m, m(n))
m2 = methodcaller("greet", "Hi", punct="?")
print(m2, m2(n))
print(methodcaller("upper")("abc"))
show("methodcaller()", methodcaller)
show("methodcaller(1)", methodcaller, 1)
print(list(map(methodcaller("split", ","), ["a,b", "c"])))
print(operator.__add__(1, 2), operator.__getitem__([5], 0))
