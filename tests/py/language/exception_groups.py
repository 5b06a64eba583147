# BaseExceptionGroup and ExceptionGroup: construction rules, attributes, split, subgroup,
# derive, and subclasses.


def attempt(label, function):
    try:
        result = function()
        print(label, "->", type(result).__name__, repr(result))
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


attempt("one argument", lambda: ExceptionGroup("m"))
attempt("three arguments", lambda: ExceptionGroup("m", [ValueError()], 3))
attempt("message not str", lambda: ExceptionGroup(1, [ValueError()]))
attempt("not a sequence", lambda: ExceptionGroup("m", 1))
attempt("a set", lambda: ExceptionGroup("m", {ValueError()}))
attempt("empty", lambda: ExceptionGroup("m", []))
attempt("not exceptions", lambda: ExceptionGroup("m", [ValueError(), 1]))
attempt("a class, not an instance", lambda: ExceptionGroup("m", [ValueError]))
attempt("BaseException inside ExceptionGroup", lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt("keyword", lambda: ExceptionGroup("m", [ValueError()], x=1))
attempt("BaseExceptionGroup of Exceptions", lambda: BaseExceptionGroup("m", [ValueError(1)]))
attempt("BaseExceptionGroup of BaseExceptions", lambda: BaseExceptionGroup("m", [SystemExit(2)]))
attempt("tuple", lambda: ExceptionGroup("m", (ValueError(1), TypeError(2))))

print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

eg = ExceptionGroup("problems", [ValueError(1), TypeError("two")])
print(str(eg), "|", repr(eg))
print(eg.message, eg.exceptions, eg.args)
print(type(eg.exceptions).__name__, eg.exceptions == eg.exceptions)
print(str(ExceptionGroup("single", [ValueError()])))

nested = ExceptionGroup("outer", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("inner", [ValueError(3), KeyError(4)]),
    ExceptionGroup("only types", [TypeError(5)]),
])

print("split by type")
match, rest = nested.split(ValueError)
print(" ", repr(match))
print(" ", repr(rest))
print("split by tuple", nested.split((KeyError, TypeError)))
print("split by predicate", nested.split(lambda e: not isinstance(e, BaseExceptionGroup) and e.args[0] % 2 == 1))
print("split everything", nested.split(Exception))
print("split nothing", nested.split(OSError))
print("split by group class", nested.split(ExceptionGroup)[0] is nested)
print("subgroup", repr(nested.subgroup(KeyError)))
print("subgroup none", nested.subgroup(OSError))
print("subgroup all", nested.subgroup(BaseException) is nested)
print("derive", repr(nested.derive([ZeroDivisionError()])))
print("derive of base exceptions", repr(nested.derive([KeyboardInterrupt()])))
for bad in (1, "x", (ValueError, 3), None):
    attempt(f"split({bad!r})", lambda: nested.split(bad))
attempt("subgroup()", lambda: nested.subgroup())

print("metadata copied to the parts")
try:
    raise nested
except ExceptionGroup as caught:
    caught.add_note("note one")
    caught.__cause__ = RuntimeError("cause")
    part, other = caught.split(TypeError)
    print(" ", part.__notes__, other.__notes__, part.__notes__ is caught.__notes__)
    print(" ", repr(part.__cause__), part.__cause__ is caught.__cause__)
    print(" ", part.__context__ is caught.__context__)


class MyGroup(ExceptionGroup):
    def __new__(cls, message, exceptions, code=0):
        self = super().__new__(cls, message, exceptions)
        self.code = code
        return self

    def derive(self, exceptions):
        return MyGroup(self.message, exceptions, self.code)


group = MyGroup("custom", [ValueError(1), TypeError(2)], 42)
print(type(group).__name__, repr(group), group.code)
part, rest = group.split(ValueError)
print(type(part).__name__, part.code, repr(part), type(rest).__name__, rest.code)


class PlainSubclass(ExceptionGroup):
    pass


plain = PlainSubclass("plain", [ValueError(1), TypeError(2)])
part, rest = plain.split(ValueError)
print(type(plain).__name__, type(part).__name__, type(rest).__name__)
attempt("subclass nesting BaseException", lambda: PlainSubclass("p", [KeyboardInterrupt()]))


class BaseSub(BaseExceptionGroup):
    pass


print(type(BaseSub("b", [ValueError()])).__name__, type(BaseSub("b", [SystemExit()])).__name__)


class BadDerive(ExceptionGroup):
    def derive(self, exceptions):
        return 5


attempt("derive not a group", lambda: BadDerive("bad", [ValueError(), TypeError()]).split(ValueError))

print("isinstance checks")
print(isinstance(nested, BaseExceptionGroup), isinstance(nested, Exception))
base_group = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(isinstance(base_group, Exception), isinstance(base_group, BaseExceptionGroup))
try:
    raise base_group
except Exception:
    print("not reached")
except BaseExceptionGroup as caught:
    print("caught base group", repr(caught))
