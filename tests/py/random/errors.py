import random

def attempt(function, *args, **kwargs):
    try:
        result = function(*args, **kwargs)
    except Exception as error:
        print(type(error).__name__ + ":", error)
    else:
        print("ok", result)

random.seed(5)
attempt(random.randrange, 0)
attempt(random.randrange, 5, 5)
attempt(random.randrange, 1, 10, 0)
attempt(random.randrange, 10, 1, 2)
attempt(random.randrange, 10, 1, -3)
attempt(random.randint, 3, 1)
attempt(random.choice, [])
attempt(random.sample, [1, 2, 3], 4)
attempt(random.sample, {1, 2, 3}, 2)
attempt(random.sample, [1, 2, 3], -1)
attempt(random.choices, "ab", [1, 2], cum_weights=[1, 3])
attempt(random.choices, "ab", [1])
attempt(random.choices, "ab", [0, 0])
attempt(random.choices, "ab", 3)
attempt(random.getrandbits, -1)
attempt(random.getrandbits, 0)
attempt(random.seed, [1, 2])
attempt(random.gammavariate, -1, 1)
attempt(random.Random().setstate, (9, (), None))
print(random.sample(["a", "b", "c", "d"], 2, counts=[1, 2, 3, 4]))
print(random.randrange(-10, -1), random.randrange(100, 0, -7), random.randint(-5, 5))
