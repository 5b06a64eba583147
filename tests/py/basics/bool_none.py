# True, False and None: repr, arithmetic with bools, truthiness.
print(True, False, None)
print(repr(True), str(False), repr(None))
print(True + True, True * 10, False - 1, True / 2)
print(True == 1, False == 0, True is True, None is None)
print(type(True).__name__, type(None).__name__)
print(isinstance(True, int), isinstance(1, bool))
for value in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, None, True, False, range(0), range(1)]:
    print(repr(value), bool(value), not value)
print(not None, not not 3)
x = None
if x is None:
    print("x is None")
if x is not None:
    print("unreachable")
print(None == 0, None == False, None != None)
print(str(True) + "!", f"{False}")
print(int(True), int(False), float(True))
print(True & False, True | False, True ^ True, -True)
print(max(True, 2), min(False, -1), sum([True, True, False]))
