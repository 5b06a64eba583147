# CPython's messages for ValueError and friends.
def show(f):
    try:
        print("no error", f())
    except ValueError as e:
        print(type(e).__name__ + ":", e)
show(lambda: int("x"))
show(lambda: int(""))
show(lambda: int("12.5"))
show(lambda: int("ff"))
show(lambda: int("9", 8))
show(lambda: int("  "))
show(lambda: float("abc"))
show(lambda: float(""))
show(lambda: [1, 2].index(3))
show(lambda: [1].remove(9))
show(lambda: "abc".index("z"))
show(lambda: (1, 2).index(5))
show(lambda: chr(-1))
show(lambda: range(0, 10, 0))
show(lambda: max([]))
show(lambda: min([]))
show(lambda: "a,b".split(""))
def unpack_many():
    a, b = [1, 2, 3]
show(unpack_many)
def unpack_few():
    a, b, c = [1, 2]
show(unpack_few)
def unpack_star():
    a, b, *c = [1]
show(unpack_star)
show(lambda: int("123", 1))
