PI = 3.14159
FACTOR = 2


def scale(value):
    return value * FACTOR
