# Default values are evaluated once, when the def statement runs.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
default = 10
def uses_default(x=default):
    return x
default = 20
print(uses_default())
def counter(_state={"n": 0}):
    _state["n"] += 1
    return _state["n"]
print(counter(), counter(), counter())
def higher(f, *values):
    return [f(v) for v in values]
print(higher(str, 1, 2.5, None), higher(len, "ab", [1, 2, 3]))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda s: s + "!", "hi"), apply_twice(abs, -3))
def make_multiplier(k):
    def mul(x):
        return x * k
    return mul
double, triple = make_multiplier(2), make_multiplier(3)
print(double(21), triple("ab"), [make_multiplier(i)(10) for i in range(4)])
