# sum() over exact lists and tuples walks their items by index (no iterator object); these
# cases pin the behaviour that must stay the iterator's: items appended while summing, list
# and tuple subclasses with their own __iter__, big ints past the inline range, floats, start
# values, and errors raised part-way.


class Growing:
    def __init__(self, value, target):
        self.value = value
        self.target = target

    def __radd__(self, other):
        if len(self.target) < 6:
            self.target.append(1)
        return other + self.value


items = [1, 2]
items.append(Growing(10, items))
print("growing", sum(items), len(items), items[-1])


class Doubled(list):
    def __iter__(self):
        for item in list.__iter__(self):
            yield item * 2


class Reversed(tuple):
    def __iter__(self):
        return iter([item * 10 for item in tuple.__iter__(self)])


print("list subclass", sum(Doubled([1, 2, 3])))
print("tuple subclass", sum(Reversed((1, 2, 3))), sum(Reversed((1.5, 2))))
print("plain", sum([]), sum(()), sum([5]), sum((1, 2, 3)), sum([1, 2], 10))
big = 2**47
print("big", sum([big, big, big]), sum((big, -big, big)), sum([2**100, 1]), sum([1, 2**100]))
print("floats", sum([0.1] * 10), sum((1, 0.5, 2)), sum([1e308, 1e308]))
print("start", sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1, 2], 0.5))
print("bools", sum([True, True, False]), sum((True, 2)))
for bad in ([1, "a", 2], (1, None), [2**60, "x"]):
    try:
        sum(bad)
    except TypeError as error:
        print("error", error)
try:
    sum(["a", "b"], "")
except TypeError as error:
    print("error", error)
mutated = [1, 2, 3]


class Shrinking:
    def __radd__(self, other):
        del mutated[3:]
        return other


mutated.append(Shrinking())
mutated.append(100)
print("shrinking", sum(mutated), mutated)
total = 0
for round_number in range(300):
    total += sum((round_number, round_number + 1, round_number + 2))
    total += sum([round_number] * (round_number % 4))
print("hot", total)
