# while loops with break, continue and else.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps:", steps)
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 7:
        break
    print("even", i)
print("stopped at", i)
k = 0
while k < 3:
    print("k", k)
    k += 1
else:
    print("while-else runs when the condition becomes false")
k = 0
while True:
    k += 1
    if k == 4:
        break
else:
    print("not printed: break skips else")
print("k =", k)
a, b = 0, 1
fibs = []
while a < 200:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 100
while x:
    x //= 3
    print("x", x)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            inner += 1
            continue
        print(outer, inner, end="; ")
        inner += 1
    outer += 1
print()
