# Lists: creation, indexing, mutation, membership, repr.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[3])
a[0] = 30
a[-1] = 60
print(a)
print(4 in a, 7 in a, 7 not in a)
print([] == [], [1, 2] == [1, 2], [1, 2] != [2, 1], [1, [2, 3]] == [1, [2, 3]])
print([1, 2] + [3], [0] * 5, 2 * [1, 2], [[]] * 3)
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 7
print(grid)
alias = [[0] * 3] * 3
alias[0][0] = 1
print(alias)
b = a
b.append(100)
print(a is b, a)
c = list(a)
c.append(200)
print(len(a), len(c), c is a)
nested = [1, "two", 3.0, None, True, [5, (6, 7)], {"k": 8}]
print(nested, repr(nested), str(nested))
empty = []
print(empty, len(empty), bool(empty), bool([0]))
x = [1, 2, 3]
x += [4]
x += (5, 6)
x += "ab"
print(x)
x *= 2
print(x)
del x[0]
del x[-3:]
print(x)
r = []
r.append(r)
print(r, len(r))
print(list(range(10)), list(), list((1, 2)), list({"a": 1, "b": 2}))
total = 0
for v in [10, 20, 30]:
    total += v
print(total)
