# Generator expressions passed straight to builtins.
print(sum(x * x for x in range(10)))
print(max(len(w) for w in ["a", "abcd", "ab"]), min(x % 7 for x in range(10, 20)))
print(any(x > 8 for x in range(10)), all(x < 8 for x in range(10)), any(()), all(()))
print(", ".join(str(x) for x in range(5)))
print(list(x for x in "abc"), tuple(x * 2 for x in range(3)), set(x % 3 for x in range(9)))
print(sorted((x * 7) % 10 for x in range(10)), dict((k, k * k) for k in range(4)))
g = (x * 2 for x in range(3))
print(next(g), next(g), next(g), next(g, "done"))
print(sum(1 for line in "a\nb\nc".splitlines() if line != "b"))
evaluated = []
def tap(v):
    evaluated.append(v)
    return v
lazy = (tap(x) for x in range(5))
print(evaluated)
print(next(lazy), evaluated)
print(list(lazy), evaluated)
print(sum((x for x in range(5)), 100))
print(max((len(s), s) for s in ["bb", "a", "ccc", "dd"]))
