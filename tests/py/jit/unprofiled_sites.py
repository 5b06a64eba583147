# A hot first loop compiles the whole function while its later loops have never run: their
# arithmetic and comparisons are compiled on a guess (ints). Later loops on floats, strs, big
# ints, mixed operands and instances must deopt, be recompiled with the types then seen, and
# give the same results; so must the guessed int sites that stay right.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __lt__(self, other):
        return self.cents < other.cents


def phases(n):
    total = 0
    for i in range(n * 10):  # hot: triggers the compile
        total += i & 7
    floats = 0.0
    for i in range(n):
        floats = floats + i * 0.5 - 0.25
        if floats > 1e9:
            floats = floats / 3
    text = ""
    for i in range(n):
        text = text + "ab"[i % 2]
        if text[-1] < "b":
            total += 1
    big = 1
    for i in range(n):
        big = big * 3 + i
    mixed = 0
    for i in range(n):
        mixed = mixed + (i if i % 2 else i / 2)
    money = Money(0)
    for i in range(n):
        money = money + Money(i)
        if money < Money(10):
            total -= 1
    ints = 0
    for i in range(n):
        ints = ints + i * 3 - (i >> 1)
    return total, floats, len(text), text[:6], big % 1000003, mixed, money.cents, ints


for n in (2000, 5, 300):
    print(phases(n))
