# range objects: repr, len, indexing, slicing, membership, iteration.
print(range(5), range(1, 10), range(0, 10, 3), range(10, 0, -2))
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 1)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r[1:3], r[::-1], list(r[::2]))
print(15 in r, 16 in r, 7 in r, 30 in r)
print(r.index(11), r.count(11), range(0, 10, 2) == range(0, 9, 2))
print(len(range(-5, 5)), len(range(10, -10, -3)), list(range(10, -10, -3)))
print(sum(range(101)), max(range(7)), min(range(3, 9)))
print(list(reversed(range(4))), list(range(-3, 3)))
big = range(10 ** 12)
print(len(big), big[-1], 10 ** 11 in big)
for i in range(2, 12, 3):
    print("i =", i)
