# throw() and close() on a generator paused inside `yield from` go to the inner iterator
# first, as CPython delegates them.


def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    except KeyError as error:
        print("  inner caught", repr(error))
        yield "inner recovered"
        return "inner result"
    finally:
        print("  inner finally")


def outer():
    try:
        result = yield from inner()
        print("  outer got", repr(result))
        yield "outer after"
    except ValueError as error:
        print("  outer caught", repr(error))
        yield "outer recovered"
    finally:
        print("  outer finally")


print("throw handled by the inner generator")
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
print(next(g, "exhausted"))

print("throw not handled inside goes to the outer generator")
g = outer()
print(next(g))
print(g.throw(ValueError("v")))
g.close()

print("close closes the inner generator first")
g = outer()
next(g)
g.close()
print("  suspended:", g.gi_suspended, "running:", g.gi_running)

print("inner returns when thrown into")


def returns_on_throw():
    try:
        yield 1
    except KeyError:
        return "returned after throw"


def delegator():
    result = yield from returns_on_throw()
    print("  delegator got", result)
    yield "after delegation"

g = delegator()
next(g)
print(g.throw(KeyError))

print("three levels deep")


def level3():
    try:
        yield "deep"
    except IndexError:
        yield "level3 handled"


def level2():
    yield from level3()
    yield "level2 continues"


def level1():
    yield from level2()
    yield "level1 continues"

g = level1()
print(next(g))
print(g.throw(IndexError))
print(next(g))
print(next(g))


class Delegate:
    """An iterator with throw and close methods."""

    def __init__(self):
        self.count = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.count += 1
        if self.count > 3:
            raise StopIteration("delegate done")
        return self.count

    def throw(self, kind, value=None, traceback=None):
        print("  Delegate.throw", kind if isinstance(kind, type) else type(kind).__name__)
        if isinstance(kind, KeyError):
            return "delegate handled"
        raise kind

    def close(self):
        print("  Delegate.close")


def uses_delegate():
    result = yield from Delegate()
    print("  result", result)
    yield "after"

print("iterator objects with throw and close")
g = uses_delegate()
print(next(g))
print(g.throw(KeyError("x")))
try:
    g.throw(ZeroDivisionError("z"))
except ZeroDivisionError as error:
    print("  propagated", repr(error))
g = uses_delegate()
next(g)
g.close()


class Plain:
    def __iter__(self):
        return self

    def __next__(self):
        return "plain"


def uses_plain():
    try:
        yield from Plain()
    except KeyError:
        yield "outer handled, plain has no throw"

g = uses_plain()
print(next(g))
print(g.throw(KeyError))

print("generator ignoring GeneratorExit inside yield from")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


def wraps_stubborn():
    yield from stubborn()

g = wraps_stubborn()
next(g)
try:
    g.close()
except RuntimeError as error:
    print("RuntimeError:", error)

print("send through yield from")


def echo():
    received = None
    while True:
        received = yield f"echo {received}"
        if received == "stop":
            return "echo stopped"


def relay():
    result = yield from echo()
    yield result

g = relay()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send("stop"))

print("throw into a just-started generator")


def protected():
    try:
        yield 1
    except KeyError:
        yield "caught"

g = protected()
try:
    g.throw(KeyError("early"))
except KeyError as error:
    print("  not caught before start:", repr(error))
print(" ", next(g, "finished"))


def stop_inside():
    yield 1
    raise StopIteration("inner stop")

try:
    list(stop_inside())
except RuntimeError as error:
    print("RuntimeError:", error, repr(error.__cause__))

g = protected()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError as error:
    print("RuntimeError:", error)
for args in [("not an exception",), (KeyError("a"), "value"), (KeyError, None, "tb")]:
    g = protected()
    next(g)
    try:
        g.throw(*args)
    except TypeError as error:
        print("TypeError:", error)
