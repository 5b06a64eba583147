# A comparison followed by a conditional jump is decided in one step; the site sees ints,
# floats, strs, mixed operands, rich comparisons returning non-bools, and identity tests.
class Weird:
    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return self.value  # any object: its truth decides the branch

    def __eq__(self, other):
        return "yes" if self.value else ""


def classify(a, b):
    if a < b:
        first = "lt"
    else:
        first = "ge"
    if a == b:
        second = "eq"
    else:
        second = "ne"
    return first, second


samples = [(1, 2), (2, 1), (1.5, 1.5), (2, 2.5), ("a", "b"), ("b", "a"), (10**30, 10**30 + 1),
           (True, 1), (Weird(1), 0), (Weird(0), 0), (Weird([]), 0), (Weird([0]), 0)]
for round in range(2):
    for a, b in samples:
        print(type(a).__name__, classify(a, b))

print(Weird(1) < 0, Weird(0) == 0)
values = [None, 0, "", None]
print([value is None for value in values], [1 for value in values if value is not None])

count = 0
i = 0
while i < 10:
    if i % 3 == 0 and i is not None:
        count += 1
    i += 1
print(count)

try:
    if 1 < "x":
        pass
except TypeError as error:
    print("TypeError:", error)


class Bad:
    def __lt__(self, other):
        return Bad()

    def __bool__(self):
        raise ValueError("no truth")


try:
    if Bad() < 1:
        pass
except ValueError as error:
    print("ValueError:", error)
x = Bad() < 1
print(type(x).__name__)
