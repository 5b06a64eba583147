# __eq__, __lt__ and friends; sorted() and min/max use __lt__.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __eq__(self, other):
        return isinstance(other, Version) and self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
a, b, c = Version("1.2.0"), Version("1.10"), Version("1.2.0")
print(a == c, a != c, a == b, a < b, b < a, a <= c, b > a, b >= a)
print(a == "1.2.0", a != "1.2.0")
versions = [Version(v) for v in ["2.0", "1.10.1", "1.2", "1.9", "10.0", "1.2.0"]]
print(sorted(versions), max(versions), min(versions))
print(Version("3.1") in versions, Version("1.9") in versions, versions.index(Version("1.9")))
class Plain:
    pass
x, y = Plain(), Plain()
print(x == x, x == y, x != y, x is x)
try:
    x < y
except TypeError as e:
    print("TypeError:", e)
class AlwaysEqual:
    def __eq__(self, other):
        return True
print(AlwaysEqual() == 5, 5 == AlwaysEqual(), AlwaysEqual() != 5, [1, 2].count(AlwaysEqual()))
class Reversed:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f"R{self.v}"
print(sorted([Reversed(1), Reversed(3), Reversed(2)]))
print(Reversed(1) > Reversed(2))
