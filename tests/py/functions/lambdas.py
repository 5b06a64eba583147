# lambda expressions as values, keys and callbacks.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())
print(list(map(lambda x: x * 3, range(5))))
print(list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "fghi"])))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(f"6 {sym} 3 =", ops[sym](6, 3))
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4))
print((lambda *args, **kw: (args, kw))(1, 2, k=3))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
print(square.__name__)
