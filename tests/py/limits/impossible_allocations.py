# Allocations that cannot succeed raise MemoryError (or CPython's OverflowError where the size
# does not fit a C integer) instead of aborting the process, and the program carries on.
def attempt(label, action):
    try:
        action()
    except (MemoryError, OverflowError) as error:
        print(label, type(error).__name__, error)
    else:
        print(label, "succeeded?")

attempt("[0] * 10**12", lambda: [0] * 10**12)
attempt("[0, 1] * 2**62", lambda: [0, 1] * 2**62)
attempt("(0,) * 10**12", lambda: (0,) * 10**12)
attempt("'x' * 10**15", lambda: "x" * 10**15)
attempt("'ab' * 2**62", lambda: "ab" * 2**62)
attempt("b'x' * 10**15", lambda: b"x" * 10**15)
attempt("b'ab' * 2**62", lambda: b"ab" * 2**62)
attempt("bytearray(b'ab') * 2**62", lambda: bytearray(b"ab") * 2**62)
attempt("bytearray(10**15)", lambda: bytearray(10**15))
attempt("bytes(10**15)", lambda: bytes(10**15))
attempt("bytearray(b'x') * 10**15", lambda: bytearray(b"x") * 10**15)
attempt("'x'.ljust(10**15)", lambda: "x".ljust(10**15))
attempt("'x'.center(10**15)", lambda: "x".center(10**15))
attempt("'%*d' % (10**12, 1)", lambda: "%*d" % (10**12, 1))
attempt("format(1, '10000000000000d')", lambda: format(1, "10000000000000d"))
attempt("'x' * 10**100", lambda: "x" * 10**100)
attempt("[0] * 10**100", lambda: [0] * 10**100)

def grow_in_place():
    items = [0]
    items *= 10**12
attempt("list *= 10**12", grow_in_place)

def grow_text_in_place():
    text = "x"
    text *= 10**15
attempt("str *= 10**15", grow_text_in_place)

print("still works:", [0] * 3, "ab" * 2, b"x" * 2)
