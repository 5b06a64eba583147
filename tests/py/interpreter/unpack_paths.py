# UNPACK_SEQUENCE takes exact tuples and lists of the right length directly; everything else
# (wrong lengths, subclasses, iterators, strings, dicts) goes the general way, at the same site.
class MyTuple(tuple):
    pass


class MyList(list):
    def __iter__(self):
        return iter(["custom", "iteration"])


def unpack(value):
    try:
        a, b = value
        return a, b
    except (ValueError, TypeError) as error:
        return type(error).__name__ + ": " + str(error)


for value in [(1, 2), [3, 4], (1, 2, 3), [5], (), MyTuple((6, 7)), MyList([8, 9]), "xy",
              {"k": 1, "l": 2}, iter([10, 11]), range(2), 12, None, (x for x in "ab")]:
    print(unpack(value))

pairs = [(i, i * i) for i in range(5)]
print(sum(a + b for a, b in pairs))
first, (second, third), *rest = [1, (2, 3), 4, 5]
print(first, second, third, rest)
