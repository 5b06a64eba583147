"""Python's operators as functions: `operator.add(a, b)` is `a + b`.

Each function does exactly what its operator does (same dunder lookups, same errors), so the
body is the operator itself. The three callable classes (itemgetter, attrgetter, methodcaller)
print like CPython's.
"""

__all__ = [
    "abs", "add", "and_", "attrgetter", "call", "concat", "contains", "countOf", "delitem",
    "eq", "floordiv", "ge", "getitem", "gt", "iadd", "iand", "iconcat", "ifloordiv",
    "ilshift", "imatmul", "imod", "imul", "index", "indexOf", "inv", "invert", "ior", "ipow",
    "irshift", "is_", "is_not", "isub", "itemgetter", "itruediv", "ixor", "le",
    "length_hint", "lshift", "lt", "matmul", "methodcaller", "mod", "mul", "ne", "neg",
    "not_", "or_", "pos", "pow", "rshift", "setitem", "sub", "truediv", "truth", "xor",
]

_abs = abs


# Comparisons.

def lt(a, b):
    "a < b"
    return a < b


def le(a, b):
    "a <= b"
    return a <= b


def eq(a, b):
    "a == b"
    return a == b


def ne(a, b):
    "a != b"
    return a != b


def ge(a, b):
    "a >= b"
    return a >= b


def gt(a, b):
    "a > b"
    return a > b


# Logical operations.

def not_(a):
    "not a"
    return not a


def truth(a):
    "bool(a)"
    return True if a else False


def is_(a, b):
    "a is b"
    return a is b


def is_not(a, b):
    "a is not b"
    return a is not b


# Arithmetic and bitwise operations.

def abs(a):
    "abs(a)"
    return _abs(a)


def add(a, b):
    "a + b"
    return a + b


def and_(a, b):
    "a & b"
    return a & b


def floordiv(a, b):
    "a // b"
    return a // b


def index(a):
    "a.__index__()"
    try:
        method = type(a).__index__
    except AttributeError:
        raise TypeError(
            f"'{type(a).__name__}' object cannot be interpreted as an integer"
        ) from None
    result = method(a)
    if not isinstance(result, int):
        raise TypeError(f"__index__ returned non-int (type {type(result).__name__})")
    return result


def inv(a):
    "~a"
    return ~a


invert = inv


def lshift(a, b):
    "a << b"
    return a << b


def mod(a, b):
    "a % b"
    return a % b


def mul(a, b):
    "a * b"
    return a * b


def matmul(a, b):
    "a @ b"
    return a @ b


def neg(a):
    "-a"
    return -a


def or_(a, b):
    "a | b"
    return a | b


def pos(a):
    "+a"
    return +a


def pow(a, b):
    "a ** b"
    return a ** b


def rshift(a, b):
    "a >> b"
    return a >> b


def sub(a, b):
    "a - b"
    return a - b


def truediv(a, b):
    "a / b"
    return a / b


def xor(a, b):
    "a ^ b"
    return a ^ b


# Sequences.

def _check_sequence(a):
    if not hasattr(type(a), "__getitem__") or isinstance(a, dict):
        raise TypeError(f"'{type(a).__name__}' object can't be concatenated")


def concat(a, b):
    "a + b, for a and b sequences"
    _check_sequence(a)
    return a + b


def contains(a, b):
    "b in a: note the order of the operands"
    return b in a


def countOf(a, b):
    "How many items of a are (or equal) b."
    count = 0
    for item in a:
        if item is b or item == b:
            count += 1
    return count


def delitem(a, b):
    "del a[b]"
    del a[b]


def getitem(a, b):
    "a[b]"
    return a[b]


def indexOf(a, b):
    "The first index at which a holds (or equals) b."
    for i, item in enumerate(a):
        if item is b or item == b:
            return i
    raise ValueError("sequence.index(x): x not in sequence")


def setitem(a, b, c):
    "a[b] = c"
    a[b] = c


def length_hint(obj, default=0):
    """Return an estimate of the number of items in obj: its len() if it has one, else its
    __length_hint__(), else `default`."""
    if not isinstance(default, int):
        raise TypeError(
            f"'{type(default).__name__}' object cannot be interpreted as an integer"
        )
    try:
        return len(obj)
    except TypeError:
        pass
    try:
        hint = type(obj).__length_hint__
    except AttributeError:
        return default
    value = hint(obj)
    if value is NotImplemented:
        return default
    if not isinstance(value, int):
        raise TypeError(
            f"__length_hint__ must be an integer, not {type(value).__name__}"
        )
    if value < 0:
        raise ValueError("__length_hint__() should return >= 0")
    return value


def call(obj, /, *args, **kwargs):
    "obj(*args, **kwargs)"
    return obj(*args, **kwargs)


# In-place operations.

def iadd(a, b):
    "a += b"
    a += b
    return a


def iand(a, b):
    "a &= b"
    a &= b
    return a


def iconcat(a, b):
    "a += b, for a and b sequences"
    _check_sequence(a)
    a += b
    return a


def ifloordiv(a, b):
    "a //= b"
    a //= b
    return a


def ilshift(a, b):
    "a <<= b"
    a <<= b
    return a


def imod(a, b):
    "a %= b"
    a %= b
    return a


def imul(a, b):
    "a *= b"
    a *= b
    return a


def imatmul(a, b):
    "a @= b"
    a @= b
    return a


def ior(a, b):
    "a |= b"
    a |= b
    return a


def ipow(a, b):
    "a **= b"
    a **= b
    return a


def irshift(a, b):
    "a >>= b"
    a >>= b
    return a


def isub(a, b):
    "a -= b"
    a -= b
    return a


def itruediv(a, b):
    "a /= b"
    a /= b
    return a


def ixor(a, b):
    "a ^= b"
    a ^= b
    return a


# Callable objects.

class attrgetter:
    """attrgetter('name') fetches obj.name; a dotted name follows the dots; several names give
    a tuple."""

    __slots__ = ("_attrs", "_getters")

    def __init__(self, *attrs):
        if not attrs:
            raise TypeError("attrgetter expected 1 argument, got 0")
        for attr in attrs:
            if not isinstance(attr, str):
                raise TypeError("attribute name must be a string")
        self._attrs = attrs
        self._getters = tuple(tuple(attr.split(".")) for attr in attrs)

    def __call__(self, obj):
        if len(self._getters) == 1:
            return _resolve(obj, self._getters[0])
        return tuple(_resolve(obj, names) for names in self._getters)

    def __repr__(self):
        return "operator.attrgetter(" + ", ".join(map(repr, self._attrs)) + ")"

    def __reduce__(self):
        return (attrgetter, self._attrs)


def _resolve(obj, names):
    for name in names:
        obj = getattr(obj, name)
    return obj


class itemgetter:
    """itemgetter(item) fetches obj[item]; several items give a tuple."""

    __slots__ = ("_items",)

    def __init__(self, *items):
        if not items:
            raise TypeError("itemgetter expected 1 argument, got 0")
        self._items = items

    def __call__(self, obj):
        items = self._items
        if len(items) == 1:
            return obj[items[0]]
        return tuple(obj[item] for item in items)

    def __repr__(self):
        return "operator.itemgetter(" + ", ".join(map(repr, self._items)) + ")"

    def __reduce__(self):
        return (itemgetter, self._items)


class methodcaller:
    """methodcaller('name', *args, **kwargs) calls obj.name(*args, **kwargs)."""

    __slots__ = ("_name", "_args", "_kwargs")

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError("methodcaller needs at least one argument, the method name")
        name = args[0]
        if not isinstance(name, str):
            raise TypeError("method name must be a string")
        self._name = name
        self._args = args[1:]
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        parts.extend(map(repr, self._args))
        parts.extend(f"{key}={value!r}" for key, value in self._kwargs.items())
        return "operator.methodcaller(" + ", ".join(parts) + ")"


# The dunder aliases CPython's module also offers.
__lt__ = lt
__le__ = le
__eq__ = eq
__ne__ = ne
__ge__ = ge
__gt__ = gt
__not__ = not_
__abs__ = abs
__add__ = add
__and__ = and_
__call__ = call
__floordiv__ = floordiv
__index__ = index
__inv__ = inv
__invert__ = invert
__lshift__ = lshift
__mod__ = mod
__mul__ = mul
__matmul__ = matmul
__neg__ = neg
__or__ = or_
__pos__ = pos
__pow__ = pow
__rshift__ = rshift
__sub__ = sub
__truediv__ = truediv
__xor__ = xor
__concat__ = concat
__contains__ = contains
__delitem__ = delitem
__getitem__ = getitem
__setitem__ = setitem
__iadd__ = iadd
__iand__ = iand
__iconcat__ = iconcat
__ifloordiv__ = ifloordiv
__ilshift__ = ilshift
__imod__ = imod
__imul__ = imul
__imatmul__ = imatmul
__ior__ = ior
__ipow__ = ipow
__irshift__ = irshift
__isub__ = isub
__itruediv__ = itruediv
__ixor__ = ixor
