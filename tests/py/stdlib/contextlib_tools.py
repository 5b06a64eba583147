import contextlib
from contextlib import (AbstractContextManager, ExitStack, closing, contextmanager,
                        nullcontext, suppress)


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("h1") as value:
    print("inside", value)

try:
    with tag("div"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", type(e).__name__, e)


with swallow(KeyError):
    {}["missing"]
print("after swallow")
try:
    with swallow(KeyError):
        raise TypeError("not swallowed")
except TypeError as e:
    print("escaped", e)


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


for cm in (no_yield, two_yields):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


@contextmanager
def ignore_and_continue():
    try:
        yield
    except ZeroDivisionError:
        yield "again"


try:
    with ignore_and_continue():
        1 / 0
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def reraise_other():
    try:
        yield
    except ValueError as e:
        raise KeyError("converted") from e


try:
    with reraise_other():
        raise ValueError("original")
except KeyError as e:
    print("converted:", e, "cause:", repr(e.__cause__))


@contextmanager
def traced():
    print("enter")
    yield
    print("exit")


@traced()
def decorated(x):
    print("body", x)
    return x * 2


print(decorated(5), decorated(6), decorated.__name__)
print(tag.__name__, type(tag("x")).__name__)

with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
with suppress():
    pass
try:
    with suppress(KeyError):
        raise ValueError("v")
except ValueError:
    print("suppress let ValueError through")


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)

with nullcontext(42) as n:
    print("nullcontext", n)
with nullcontext() as n:
    print("nullcontext", n)


class Managed:
    def __init__(self, name, suppress_errors=False):
        self.name = name
        self.suppress_errors = suppress_errors

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress_errors


with ExitStack() as stack:
    names = [stack.enter_context(Managed(n)) for n in "abc"]
    stack.callback(print, "callback", "with", "args")
    stack.push(lambda *exc: print("pushed exit", exc[0]))
    print("names", names)

with ExitStack() as stack:
    stack.enter_context(Managed("outer", suppress_errors=True))
    stack.enter_context(Managed("inner"))
    raise ValueError("suppressed by outer")
print("after suppression")

with ExitStack() as stack:
    stack.callback(print, "should not run yet")
    moved = stack.pop_all()
print("popped")
moved.close()

try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise KeyError("first")
except ZeroDivisionError as e:
    print("final", type(e).__name__, "context", repr(e.__context__))

try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError:", e)


class MyCM(AbstractContextManager):
    def __exit__(self, *args):
        print("MyCM exit")


with MyCM() as m:
    print("enter returns self", type(m).__name__)
print(isinstance(Managed("x"), AbstractContextManager), isinstance(object(), AbstractContextManager))
print(issubclass(type(nullcontext()), AbstractContextManager))
