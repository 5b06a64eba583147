# What `match` raises at run time, and the SyntaxErrors its patterns get at compile time.


class NoArgs:
    pass


class Two:
    __match_args__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


class BadArgs:
    __match_args__ = ["a"]


class NotStrings:
    __match_args__ = (1,)


class Missing:
    __match_args__ = ("absent",)


class Raising:
    @property
    def boom(self):
        raise ValueError("property failed")


def attempt(label, function):
    try:
        print(label, "->", function())
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


def positional_on_plain_class():
    match NoArgs():
        case NoArgs(x):
            return x


def too_many_positional():
    match Two():
        case Two(a, b, c):
            return a


def not_a_tuple():
    match BadArgs():
        case BadArgs(x):
            return x


def not_strings():
    match NotStrings():
        case NotStrings(x):
            return x


def missing_attribute():
    match Missing():
        case Missing(x):
            return x
        case _:
            return "no match: attribute missing"


def repeated_attribute():
    match Two():
        case Two(a, a=1):
            return a


def not_a_class():
    match 5:
        case len(x):
            return x


def raising_property():
    match Raising():
        case Raising(boom=b):
            return b


def int_two_positional():
    match 5:
        case int(a, b):
            return a


def duplicate_runtime_key():
    class K:
        A = "a"
        B = "a"
    match {"a": 1}:
        case {K.A: x, K.B: y}:
            return x


class Custom:
    def __init__(self):
        self.calls = []

    def keys(self):
        return ["k"]

    def __getitem__(self, key):
        return key

    def __len__(self):
        return 1


def mapping_needs_abc():
    match Custom():
        case {"k": v}:
            return v
        case _:
            return "not a mapping (no collections.abc.Mapping)"


class Getter(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)


def mapping_uses_get():
    match Getter(a=1, b=2):
        case {"a": 1, "c": _}:
            return "no"
        case {"b": b, "a": a}:
            return (a, b)


for name, function in list(globals().items()):
    if callable(function) and getattr(function, "__module__", None) == "__main__" and name not in (
            "attempt", "NoArgs", "Two", "BadArgs", "NotStrings", "Missing", "Raising", "Custom", "Getter"):
        attempt(name, function)


SYNTAX_ERRORS = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case a | 1:\n        pass\n",
    "match x:\n    case _ | 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [a, {'k': a}]:\n        pass\n",
    "match x:\n    case [a as b, b]:\n        pass\n",
    "match x:\n    case {1: a, 1.0: b}:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case {True: 1, 1: 2}:\n        pass\n",
    "match x:\n    case [a] | b:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case f'{y}':\n        pass\n",
    "match x:\n    case y if y:\n        pass\n    case z:\n        pass\n",
]

for source in SYNTAX_ERRORS:
    try:
        compile(source, "<match>", "exec")
        print("compiled:", source.splitlines()[1].strip())
    except SyntaxError as error:
        print(f"{error.msg} (line {error.lineno}, column {error.offset})")

# A guarded irrefutable pattern does not make the following cases unreachable.
match 3:
    case n if n > 5:
        print("big")
    case n:
        print("captured", n)
