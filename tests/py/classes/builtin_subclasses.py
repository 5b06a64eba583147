# User subclasses of list, dict, str, int and tuple keep the builtin behaviour.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), isinstance(s, list), s + [9], [x * 2 for x in s], 2 in s, s == [1, 2, 3], type(s).__name__)
s += [4]
print(s, type(s).__name__, s[1:3], sorted(s, reverse=True), bool(Stack()))
class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, k):
        self[k] = self[k] + 1
c = Counter()
for word in "a b a c a".split():
    c.add(word)
print(c, c["zz"], sorted(c.items()), len(c), dict(c), "a" in c, list(c))
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), n + "x", len(n), n == "bob", repr(n), f"{n:>5}", {n: 1}["bob"], n.split("o"))
class Money(int):
    def __repr__(self):
        return f"${int(self)}"
m = Money(5)
print(m, m + 1, repr(m), m * 2, m == 5, str(m), [m], m < 7, hash(m) == hash(5))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), p == (3, 4), list(p), type(p).__name__)
class Tags(set):
    def add_all(self, *items):
        for item in items:
            self.add(item)
t = Tags([3, 1])
t.add_all(2, 3)
print(sorted(t), len(t), 2 in t, isinstance(t, set))
