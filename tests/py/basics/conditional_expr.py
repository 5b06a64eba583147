# x if cond else y evaluates only the chosen branch.
for n in range(-2, 3):
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign, "even" if n % 2 == 0 else "odd")
def boom():
    raise RuntimeError("should not be evaluated")
print(1 if True else boom())
print(boom() if False else 2)
items = [1, 2, 3]
print("empty" if not items else f"{len(items)} items")
print([x if x % 2 else -x for x in range(6)])
print((lambda v: "big" if v > 100 else "small")(500))
y = 10
z = y * 2 if y > 5 else y / 2
print(z)
print(abs(-3) if -3 < 0 else -3)
