import random

class Dice(random.Random):
    """Only random() overridden: integers must come from random() too."""
    def __init__(self):
        super().__init__(0)
        self.calls = 0

    def random(self):
        self.calls += 1
        return super().random()

d = Dice()
print([d.randint(1, 6) for _ in range(10)], d.calls)
print(d.choice("xyz"), d.calls)

class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 if k < 3 else 1

b = Bits(1)
print(b.randrange(5), b.randrange(100))

# Independent generators with the same seed agree; the module functions share one.
a, c = random.Random(99), random.Random(99)
print([a.random() for _ in range(3)] == [c.random() for _ in range(3)])
random.seed(99)
print(random.random() == random.Random(99).random())
state = random.getstate()
print(state[0], len(state[1]), state[2])
first = [random.random() for _ in range(700)]
random.setstate(state)
print(first == [random.random() for _ in range(700)])
# Many draws cross several twists of the state.
random.seed(2024)
total = 0.0
for _ in range(5000):
    total += random.random()
print(round(total, 6), random.getrandbits(64), random.getrandbits(32), random.getrandbits(1))
