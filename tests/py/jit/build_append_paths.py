# Comprehension appends and two-item tuples built by compiled code without the generic path:
# the new tuples and the lists' grown tables must survive collections (the gc-stress modes
# collect at every safepoint) and hold exactly the values given, of every kind.


def pairs(n):
    made = []
    for i in range(n):
        pair = (i, str(i) * (i % 3))
        made.append((pair, (None, 2.5 * i)))
    return made


def tree(depth):
    if depth == 0:
        return (None, None)
    return (tree(depth - 1), tree(depth - 1))


def count(node):
    left, right = node
    if left is None:
        return 1
    return 1 + count(left) + count(right)


def nested(n):
    return [[(x, y) for y in range(x % 4)] for x in range(n)]


made = pairs(3000)
print(len(made), made[7], made[-1][1], sum(p[0][0] for p in made))
print(sum(count(tree(d)) for d in range(12)))
grid = nested(500)
print(sum(len(row) for row in grid), grid[7], grid[-1])
print([i * i for i in range(20) if i % 3], {i: (i, -i) for i in range(5)}[4])
big = [(10**30 + i, [i]) for i in range(2000)]
print(big[1999][0] - 10**30, big[5][1], len(big))
