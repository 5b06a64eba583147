# min() and max() of small ints compare without the protocol; everything else (bools, big
# ints, floats, keys, other types part-way) takes the general loop, with its results and
# errors.


print(max([3, 1, 4, 1, 5, 9, 2, 6]), min([3, 1, 4, 1, 5, 9, 2, 6]))
print(max((-5, -2, -9)), min((-5, -2, -9)), max([7]), min((7,)))
print(max(3, 8, 2), min(3, 8, 2), max(x * x % 17 for x in range(40)))
print(max([1, True, 0]), min([False, 0, 1]), type(max([1, True])).__name__)
print(max([1, 2**60, 3]), min([1, -(2**60), 3]), max([2**47 - 1, 2**47, -(2**47)]))
print(max([1, 2.5, 2]), min([1.0, 1, 0.5]), max([1, 1.0]), min([1.0, 1]))
print(max([3, 1, 2], key=lambda x: -x), min([], default="empty"), max((), default=None))
for bad in ([1, "a"], ["a", 1], [1, None, 2]):
    try:
        print(max(bad))
    except TypeError as error:
        print("error", error)
try:
    min([])
except ValueError as error:
    print("error", error)
total = 0
for round_number in range(400):
    batch = [(round_number * 7 + i * 13) % 101 for i in range(round_number % 9 + 1)]
    total += max(batch) - min(batch)
print("hot", total)
