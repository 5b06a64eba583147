# A `for` loop's next item and an arithmetic result go straight into the local a StoreFast
# after them names; the same sites with other operand types, deleted locals, locals read
# before assignment, overflowing ints and exceptions raised between stores behave as usual.


def loops():
    total = 0
    for i in range(5):
        total = total + i
    for item in [1.5, 2, 2**70, -3]:
        total = total + item
    for item in (7, 8):
        total = total * item
    return total


print(loops())


def deleted_each_time():
    seen = []
    for value in range(4):
        seen.append(value)
        del value
        try:
            print(value)
        except UnboundLocalError as error:
            seen.append(str(error))
    return seen


print(deleted_each_time())


def growth():
    x = 1
    for _ in range(80):
        x = x + x
    y = 2.0
    for _ in range(3):
        y = y * 1.5
    z = 2**47 - 2
    for _ in range(4):
        z = z + 1
    return x, y, z, type(z).__name__


print(growth())


def flipping(values):
    result = None
    for value in values:
        result = value + value
    return result


for values in ([1, 2], [1.5], ["ab"], [[1]], [(1, 2)], [True]):
    print(flipping(values))


def raising():
    count = 0
    try:
        for count in range(10):
            quotient = 10 // (3 - count)
    except ZeroDivisionError as error:
        return count, quotient, str(error)


print(raising())


def nested_loops():
    pairs = 0
    for a in range(3):
        for b in range(a, 3):
            pairs = pairs + a * b
    return pairs, a, b


print(nested_loops())


def unbound_after_empty():
    for item in []:
        pass
    try:
        return item
    except UnboundLocalError as error:
        return str(error)


print(unbound_after_empty())


class Number:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return Number(self.value + (other.value if isinstance(other, Number) else other))

    def __repr__(self):
        return f"Number({self.value})"


def mixed_site():
    out = []
    for operand in (1, 2.5, Number(3), 4):
        total = operand + operand
        out.append(total)
    return out


print(mixed_site())
