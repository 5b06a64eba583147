# Exception handlers run by compiled code: a hot loop raises and catches in the same frame
# (helpers raising, `raise` statements, callees raising, re-raises into outer handlers of the
# frame), with the exception's type flipping after the loop is compiled, handlers that raise,
# nested try/finally, `return` inside `finally`, sys.exc_info() inside handlers, and the
# context, cause and traceback each exception carries.
import sys


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


class Invalid(AppError):
    pass


def frames(exception):
    entries = []
    trace = exception.__traceback__
    while trace is not None:
        entries.append((trace.tb_frame.f_code.co_name, trace.tb_lineno))
        trace = trace.tb_next
    return entries


def lookup(table, key):
    if key not in table:
        raise NotFound(key)
    return table[key]


def kinds_flip(n):
    # The first part of the loop raises KeyError, then IndexError, then ZeroDivisionError,
    # then a TypeError no handler names (caught outside), then nothing.
    table = {0: 1}
    items = [1, 2, 3]
    counts = {}
    for i in range(n):
        try:
            if i < n // 5:
                table[i + 1]
            elif i < 2 * n // 5:
                items[i]
            elif i < 3 * n // 5:
                1 / 0
            elif i < 4 * n // 5:
                try:
                    len(i)
                except (KeyError, IndexError):
                    counts["wrong"] = counts.get("wrong", 0) + 1
            else:
                counts["none"] = counts.get("none", 0) + 1
        except KeyError as e:
            counts["key"] = counts.get("key", 0) + 1
            last_key = e
        except IndexError:
            counts["index"] = counts.get("index", 0) + 1
        except ZeroDivisionError as e:
            counts["zero"] = counts.get("zero", 0) + 1
            if sys.exc_info()[1] is not e:
                counts["exc_info"] = counts.get("exc_info", 0) + 1
        except TypeError:
            counts["type"] = counts.get("type", 0) + 1
        if sys.exc_info() != (None, None, None):
            counts["leaked"] = counts.get("leaked", 0) + 1
    print(sorted(counts.items()), repr(last_key), frames(last_key))


def nested_finally(n):
    finals = inner = outer = 0
    for i in range(n):
        try:
            try:
                try:
                    if i % 3 == 0:
                        raise Invalid(i)
                    if i % 3 == 1:
                        lookup({}, i)
                finally:
                    inner += 1
            finally:
                finals += 1
        except NotFound as e:
            outer += e.key % 2
        except Invalid:
            outer += 1
    print("nested_finally", finals, inner, outer)


def raise_in_handler(n):
    chained = caused = 0
    last = None
    for i in range(n):
        try:
            try:
                lookup({}, i)
            except NotFound as inner:
                if i % 2:
                    raise Invalid(i) from inner
                raise Invalid(-i)
        except Invalid as outer:
            if isinstance(outer.__cause__, NotFound):
                caused += 1
            if isinstance(outer.__context__, NotFound):
                chained += 1
            last = outer
    print("raise_in_handler", chained, caused, last.__suppress_context__, frames(last))
    print("context frames", frames(last.__context__))


def reraise_outward(n):
    seen = 0
    for i in range(n):
        try:
            try:
                lookup({}, i)
            except NotFound:
                seen += 1
                raise
        except AppError as e:
            error = e
    print("reraise_outward", seen, frames(error))


def finally_return(i):
    try:
        if i % 2:
            raise Invalid(i)
        return "body"
    finally:
        if i % 4 == 1:
            return "finally"


def returns(n):
    counts = {}
    for i in range(n):
        try:
            result = finally_return(i)
        except Invalid:
            result = "raised"
        counts[result] = counts.get(result, 0) + 1
    print("returns", sorted(counts.items()))


def escapes(n):
    # Caught for most of the loop, then an exception no handler of this frame names.
    total = 0
    for i in range(n):
        try:
            if i == n - 1:
                raise Invalid("escaped")
            lookup({}, i)
        except NotFound:
            total += 1
    return total


def deleted_name(n):
    count = 0
    for i in range(n):
        try:
            lookup({}, i)
        except NotFound as e:
            count += 1
        try:
            e
        except NameError:
            count += 1
    print("deleted_name", count)


def context_of_handled(n):
    # Raising inside a handler chains to the exception being handled; a with-block's
    # __exit__ sees the exception.
    class Manager:
        def __enter__(self):
            return self

        def __exit__(self, kind, value, trace):
            self.seen = kind
            return kind is KeyError

    manager = Manager()
    swallowed = 0
    for i in range(n):
        with manager:
            if i % 2:
                {}[i]
        if manager.seen is KeyError:
            swallowed += 1
    print("with", swallowed, manager.seen)


def zero_divisors(n):
    # Int and float division, floor division and remainder by zero in compiled arithmetic
    # raise into the handler (no deopt); the last one escapes with its traceback.
    caught = {}
    total = 0.0
    for i in range(n):
        for name, divisor in (("int", i % 4), ("float", (i % 4) * 0.5)):
            try:
                total += 12 / divisor
                total += 12 // divisor + 12 % divisor
            except ZeroDivisionError as e:
                caught[name, str(e)] = caught.get((name, str(e)), 0) + 1
    print("zero_divisors", total, sorted(caught.items()))
    for i in range(n):
        total += n % (n - i - 1)


n = 3000
try:
    zero_divisors(n)
except ZeroDivisionError as e:
    print(repr(e), frames(e))
kinds_flip(n)
nested_finally(n)
raise_in_handler(n)
reraise_outward(n)
returns(n)
try:
    escapes(n)
except Invalid as e:
    print("escaped", e, frames(e))
deleted_name(n)
context_of_handled(n)
try:
    for i in range(n):
        try:
            lookup({}, i)
        except NotFound:
            if i == n - 1:
                raise ValueError("last")
except ValueError as e:
    print(repr(e), repr(e.__context__), frames(e), frames(e.__context__))
raise_in_handler(10)
