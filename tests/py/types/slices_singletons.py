# slice objects and indices(); the singletons None, NotImplemented and Ellipsis and their types.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(3), slice(None, None, -1).indices(4))
print(slice(-100, 100).indices(7), slice(-3, None).indices(10), slice(10, -10, -3).indices(6))
print([0, 1, 2, 3, 4][slice(1, None, 2)], "abcdef"[slice(None, None, -2)], slice(1, 2) == slice(1, 2))
for bad in (lambda: slice(0, 1, 0).indices(3), lambda: slice(1).indices(-1),
            lambda: slice(1).indices("x"), lambda: hash(slice(1))):
    try:
        bad()
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
print(type(None)() is None, type(NotImplemented)() is NotImplemented, type(...)() is ...)
print(repr(NotImplemented), Ellipsis, ..., type(...).__name__, type(NotImplemented).__name__)
try:
    type(None)(1)
except TypeError as error:
    print("TypeError:", error)
print(int("1_000"), int("0x_ff", 16), int("0b_101", 0), int("٣٤"), float("١٢.٥"), int(" \u0663 "))
for text, base in [("_1", 10), ("1_", 10), ("1__0", 10), ("0x", 16), ("0_x1", 0), ("08", 0), ("", 10)]:
    try:
        print(int(text, base))
    except ValueError as error:
        print("ValueError:", error)
