# Found by the differential fuzz target: in eager mode the first compile runs ints without
# feedback, a float call deopts and records only "mixed", and the recompiled code must still
# keep int + int an int.
def f(a, b, items):
    total = a
    total = total + 3
    total = total % 0
    return total

for round in range(3):
    for a in (0, 1, -3, 2.5, 2**46):
        try:
            print(repr(f(a, 3, [1, 2.5, -4])))
        except Exception as error:
            print(type(error).__name__, error)
