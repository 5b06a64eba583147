# type, isinstance, issubclass, callable and type names.
for v in [1, 1.5, "s", True, None, [], (), {}, set(), range(2), len, print, int, type]:
    print(type(v).__name__, type(v))
print(type(1) is int, type("") is str, type(None)() is None)
print(isinstance(1, (str, int)), isinstance("x", str), isinstance([], (tuple, dict)))
print(issubclass(int, int), issubclass(bool, (str, int)), issubclass(type, object))
print(callable(len), callable(5), callable(lambda: 0), callable(int), callable("s"))
print(int.__name__, str.__name__, type(len).__name__)
class Local:
    pass
print(type(Local()).__name__, type(Local).__name__, Local.__name__)
print(int("3") + type(3)("4"), type("")(12) + "!")
