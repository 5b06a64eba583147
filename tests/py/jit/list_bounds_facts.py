# List subscripts that reuse a block's knowledge of a list (items pointer, length, indexes
# already checked): calls that shrink or grow the list, a local rebound to a shorter list,
# two names for one list, appends, negative and out-of-range indexes, all after the code is
# compiled on in-range feedback.


def body_step(b1, b2, shrink, short):
    dx = b1[0] - b2[0]
    far = b1[6] + b2[6]
    near = b1[1] + b1[2] + b2[1]
    if shrink == 1:
        near += b1[6]
        b1.pop()
        b1.pop()
        near += b1[6]  # IndexError once the list has only five items
    if shrink == 2:
        near += b2[6]
        b2 = short
        near += b2[5]  # IndexError when the local now holds a shorter list
    return dx + far + near


def aliases(values):
    same = values
    total = values[3] + same[3]
    same[3] = 100
    total += values[3]
    values.append(7)
    total += values[-1] + same[7]
    values.clear()
    try:
        total += same[0]
    except IndexError as error:
        total += 1000
        print("aliases:", error)
    return total


def grows(n):
    items = [0, 1, 2]
    seen = 0
    for i in range(n):
        seen += items[2] + items[0]
        items.append(i)
        seen += items[-1]
        items[2] = i
        seen += items[len(items) - 1] + items[2]
    return seen


rows = [[float(i + j) for j in range(9)] for i in range(4)]
total = 0.0
for step in range(2000):
    total += body_step(list(rows[step % 4]), rows[(step + 1) % 4], step % 3, rows[0])
print(total)
short = [9.0] * 4
for shrink in (1, 2):
    try:
        print(body_step(list(rows[0][:7]), list(rows[1]), shrink, short))
    except IndexError as error:
        print("shrink", shrink, type(error).__name__, error)
print(body_step(list(rows[2]), list(rows[3]), 0, short))
for attempt in range(300):
    result = aliases(list(range(8)))
print(result)
print(grows(500), grows(3))
