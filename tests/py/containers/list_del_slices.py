# del on list slices: every step and direction, and a large one (which must be fast).
for spec in [(None, None, None), (2, 5, None), (None, None, 2), (1, None, 3), (None, None, -1),
             (8, 2, -2), (-3, None, None), (5, 2, None), (None, None, -3), (100, 200, None)]:
    items = list(range(10))
    del items[slice(*spec)]
    print(spec, items)
big = list(range(300000))
del big[:150000]
del big[::2]
print(len(big), big[:3], big[-1])
