# isinstance and issubclass with builtin types, tuples of types and user classes.
values = [1, 1.0, True, "s", None, [1], (1,), {1: 1}, {1}, range(1), 2 ** 100]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (float, str)), isinstance(v, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(str, (int, str)))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(type(3) == int, type(True) == int, type(True) is bool)
class A:
    pass
class B(A):
    pass
class C:
    pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(C(), (A, B)), isinstance(C(), (A, C)))
print(type(B()).__name__, type(B()) is B, type(B) is type, type(int), type(type))
def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, (list, tuple)):
        return "sequence of " + ",".join(describe(i) for i in x)
    return "other"
print(describe(True), describe(5), describe([1, (False, "x")]))
