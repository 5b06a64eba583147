# __repr__ and __str__: print uses str, containers and !r use repr.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
m = Money(1234)
print(m)
print(repr(m), str(m), [m, Money(5)], (m,), {"price": m})
print(f"{m}", f"{m!r}", "%s %r" % (m, m), "{} {!r}".format(m, m))
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
o = OnlyRepr()
print(o, str(o), [o])
class OnlyStr:
    def __str__(self):
        return "only-str"
s = OnlyStr()
print(s, str(s), f"{s}")
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __repr__(self):
        if self.children:
            return f"Node({self.value!r}, {self.children!r})"
        return f"Node({self.value!r})"
tree = Node("root", [Node(1), Node("two", [Node(3.0)])])
print(tree)
class Formatted:
    def __format__(self, spec):
        return f"<formatted with {spec!r}>"
print(f"{Formatted():>10}", format(Formatted(), "x"))
