# Constructing instances of Python exception subclasses (the fast path decides per class):
# builtin __init__ kept, Python __init__ with super().__init__, Python __new__, exception
# groups, builtin exception bases, metaclasses, and __init__ rebound after instances were
# made.


class Plain(Exception):
    pass


class WithInit(Plain):
    def __init__(self, key, extra=0):
        super().__init__(key)
        self.key = key
        self.extra = extra


class NoSuper(Exception):
    def __init__(self, a, b):
        self.total = a + b


class WithNew(Exception):
    def __new__(cls, *args):
        instance = super().__new__(cls, "made", *args)
        instance.via_new = True
        return instance


class BadInit(Exception):
    def __init__(self):
        return 5


class Meta(type):
    def __call__(cls, *args):
        return ("meta", args)


class Metaclassed(Exception, metaclass=Meta):
    pass


class Group(ExceptionGroup):
    pass


class MyKey(KeyError):
    pass


class MyStop(StopIteration):
    pass


def show(make):
    try:
        value = make()
    except Exception as error:
        print("raised", type(error).__name__, error)
        return
    if isinstance(value, BaseException):
        print(type(value).__name__, value.args, repr(value), str(value),
              sorted(k for k in vars(value)))
    else:
        print(value)


for round in range(300):
    quiet = round != 299
    cases = [
        lambda: Plain(),
        lambda: Plain(1, "two"),
        lambda: WithInit(round),
        lambda: WithInit(round, 5),
        lambda: WithInit(round, extra=7),
        lambda: WithInit(),
        lambda: NoSuper(2, 3),
        lambda: WithNew(1),
        lambda: BadInit(),
        lambda: Metaclassed(1, 2),
        lambda: Group("g", [ValueError(1)]),
        lambda: MyKey("k"),
        lambda: MyStop(42),
    ]
    if quiet:
        for case in cases:
            try:
                case()
            except Exception:
                pass
    else:
        for case in cases:
            show(case)
print(MyStop(42).value, str(MyKey("k")))
try:
    raise WithInit(9)
except Plain as caught:
    print("caught", caught.key, caught.args, caught.__traceback__ is not None)
# Rebinding __init__ after instances were made: later ones use the new one.
for i in range(300):
    e = Plain(i)
Plain.__init__ = lambda self, value: setattr(self, "seen", value)
e = Plain(5)
print(e.args, e.seen)
del Plain.__init__
print(Plain(6).args, hasattr(Plain(6), "seen"))
