# CPython's messages for IndexError and KeyError.
def show(f):
    try:
        f()
    except LookupError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e))
show(lambda: [1, 2, 3][3])
show(lambda: [1, 2, 3][-4])
show(lambda: (1, 2)[2])
show(lambda: "abc"[10])
show(lambda: range(3)[5])
show(lambda: [].pop())
show(lambda: [1].pop(5))
show(lambda: {"a": 1}["b"])
show(lambda: {1: 1}[2])
show(lambda: {(1, 2): 0}[(3, 4)])
show(lambda: {}.pop("gone"))
show(lambda: {}.popitem())
show(lambda: set().pop())
show(lambda: {1}.remove(2))
def assign():
    a = [0]
    a[1] = 5
show(assign)
def delete():
    d = {}
    del d["x"]
show(delete)
