# Closures capture variables, nonlocal rebinds them, global reaches the module.
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2(), c1())
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in make_adders()])
def late_binding():
    fs = []
    for n in range(3):
        fs.append(lambda: n)
    return [f() for f in fs]
print(late_binding())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    x = "rebound before call"
    return middle()
print(outer())
def accumulator():
    items = []
    def add(v):
        items.append(v)
        return list(items)
    return add
acc = accumulator()
acc(1)
print(acc(2))
def shared():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = shared()
set_(42)
print(get())
def nested_nonlocal():
    a = 1
    def level1():
        def level2():
            nonlocal a
            a += 100
        level2()
    level1()
    return a
print(nested_nonlocal())
