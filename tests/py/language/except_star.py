# `except*`: matching parts of exception groups, naked exceptions, what is raised again at
# the end, and CPython's rules for the clauses.
import sys


def handle(excs, raise_in=None):
    try:
        raise ExceptionGroup("eg", excs)
    except* ValueError as group:
        print("  ValueError part:", repr(group))
        if raise_in == "value":
            raise KeyError("raised in ValueError clause")
    except* TypeError as group:
        print("  TypeError part:", repr(group), group.exceptions)
        if raise_in == "type-reraise":
            raise
    except* (KeyError, IndexError) as group:
        print("  Lookup part:", repr(group))


def attempt(label, excs, raise_in=None):
    print(label)
    try:
        handle(excs, raise_in)
        print("  nothing escaped")
    except BaseException as escaped:
        print("  escaped:", type(escaped).__name__, repr(escaped))


attempt("two clauses", [ValueError(1), TypeError(2)])
attempt("all in one clause", [ValueError(1), ValueError(2)])
attempt("tuple clause", [KeyError("k"), IndexError("i"), ValueError(3)])
attempt("unmatched part", [OSError(5), ValueError(6)])
attempt("nested groups", [ValueError(1), ExceptionGroup("inner", [TypeError(2), OSError(3)])])
attempt("new exception raised in a clause", [ValueError(1), TypeError(2)], raise_in="value")
attempt("bare raise in a clause", [ValueError(1), TypeError(2), OSError(3)], raise_in="type-reraise")
attempt("base exception", [KeyboardInterrupt()])

print("naked exceptions are wrapped")
try:
    raise ValueError("naked")
except* ValueError as group:
    print(" ", repr(group), repr(group.exceptions[0]))

try:
    try:
        raise TypeError("naked, not matched")
    except* ValueError:
        print("  not reached")
except TypeError as error:
    print("  unmatched naked exception escapes unchanged:", repr(error))

try:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("replacement")
except KeyError as error:
    print("  replacement escapes as itself:", repr(error), "context:", repr(error.__context__))

try:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
except ExceptionGroup as error:
    print("  bare raise of a wrapped naked exception:", repr(error))

print("sys.exc_info() is the matched part")
try:
    raise ExceptionGroup("whole", [ValueError(1), TypeError(2)])
except* ValueError:
    print(" ", repr(sys.exc_info()[1]))
except* TypeError:
    print(" ", repr(sys.exc_info()[1]))
print("  after:", sys.exc_info())

print("else and finally")
for raising in (False, True):
    try:
        if raising:
            raise ExceptionGroup("g", [ValueError()])
    except* ValueError:
        print("  handler")
    else:
        print("  else")
    finally:
        print("  finally")

print("the as-name is cleared after the clause")
try:
    raise ExceptionGroup("g", [ValueError()])
except* ValueError as cleared:
    pass
try:
    cleared
except NameError as error:
    print(" ", error)


def in_function():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as local:
        seen = repr(local)
    except* TypeError:
        pass
    return seen

print("in a function:", in_function())

print("invalid clause types")
for kind in (ExceptionGroup, (ValueError, BaseExceptionGroup), 5, (ValueError, "x")):
    try:
        try:
            raise ValueError("v")
        except* kind:
            pass
    except TypeError as error:
        print(" ", error)

print("a group raised inside a handler chains")
try:
    try:
        raise ExceptionGroup("first", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("second", [TypeError(2)])
except ExceptionGroup as error:
    print(" ", repr(error), [repr(e) for e in error.exceptions])
    inner = error.exceptions[0]
    print("  context of the new group:", repr(inner.__context__))

print("syntax rules")
for source in [
    "try:\n    pass\nexcept* ValueError:\n    break\n",
    "for i in x:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "try:\n    pass\nexcept* ValueError:\n    for i in x:\n        break\n",
    "try:\n    pass\nexcept* ValueError:\n    def f():\n        return 1\n",
]:
    try:
        compile(source, "<except*>", "exec")
        print("  compiled")
    except SyntaxError as error:
        print(f"  {error.msg} (line {error.lineno})")
