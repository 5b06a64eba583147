# Chained comparisons evaluate each operand at most once and stop early.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(1 < 2 > 0, 1 <= 1 < 2 <= 2, 5 > 4 >= 4 > 3)
x = 5
print(0 < x < 10, 0 < x < 5, 0 <= x <= 5)
calls = []
def value(v):
    calls.append(v)
    return v
print(value(1) < value(2) < value(3))
print(calls)
calls.clear()
print(value(3) < value(2) < value(1))
print(calls)
print(1 < 2.5 < 3, 2 == 2.0, 2.0 == 2 < 3)
print("a" < "b" < "c", "abc" < "abd", "Z" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 9))
print(None is None is None, None is not None)
print(3 in [1, 2, 3] in [[1, 2, 3]], 2 not in [1, 3])
print(2 ** 100 > 2 ** 99 > 1.5)
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b)
