# Generator expressions are lazy, single-use and close over their scope.
g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
evens = (n for n in range(20) if n % 2 == 0)
print(sum(evens), sum(evens))
pairs = ((a, b) for a in range(3) for b in "xy")
print(list(pairs))
words = ["alpha", "beta", "gamma"]
lengths = (len(w) for w in words)
words.append("delta")
print(list(lengths))
nested = (list(c for c in w if c != "a") for w in ["banana", "data"])
print(list(nested))
total = sum(x for x in range(100000) if x % 7 == 0)
print(total)
print(max((w for w in words), key=len), "-".join(w[0] for w in words))
def source():
    for i in range(3):
        print("  producing", i)
        yield i
doubled = (v * 2 for v in source())
print("pipeline built")
for v in doubled:
    print("consumed", v)
