# Every way a generator or coroutine is resumed: by a for loop and `yield from`/`await` (which
# krait runs inside the consumer's dispatch loop), and by next(), send(), throw(), close() and
# builtins (which resume it from native code). Each path must give the same values, the same
# exceptions and the same traceback entries.
import sys


def trace_of(exception):
    """The traceback of an exception as function:line entries, outermost first."""
    entries = []
    tb = exception.__traceback__
    while tb is not None:
        entries.append(f"{tb.tb_frame.f_code.co_name}:{tb.tb_lineno}")
        tb = tb.tb_next
    return entries


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def chained(*sources):
    for source in sources:
        result = yield from source
        print("  delegate returned", result)


def returning(values, result):
    for value in values:
        yield value
    return result


# --- for loops, chains, return values -------------------------------------------------------
print("for:", [x for x in squares(numbers(5))])
total = 0
for x in squares(squares(numbers(4))):
    total += x
print("nested for total", total)
print("chained:", list(chained(returning("ab", "R1"), returning([1, 2], "R2"), iter([9]))))
gen = returning([1], "done")
print("next:", next(gen))
try:
    next(gen)
except StopIteration as stop:
    print("StopIteration value", stop.value)
for x in returning([1, 2], "ignored by for"):
    print("for item", x)
print("after exhausted:", list(gen), next(gen, "default"))


# --- send into a generator driven by yield from --------------------------------------------
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def outer_accumulator():
    first = yield from accumulator()
    second = yield from accumulator()
    return first, second


acc = outer_accumulator()
print("start", next(acc))
print("send", acc.send(5), acc.send(7))
print("switch", acc.send(None))
print("send", acc.send(100))
try:
    acc.send(None)
except StopIteration as stop:
    print("results", stop.value)


# --- exceptions from deep chains ------------------------------------------------------------
def failing(depth):
    if depth == 0:
        yield "last"
        raise ValueError("deep failure")
    yield from failing(depth - 1)


def consume_failing():
    seen = []
    for item in failing(3):
        seen.append(item)
    return seen


try:
    consume_failing()
except ValueError as error:
    print("caught", error, trace_of(error))

def failing_for(source):
    for item in source:
        yield item / (item - 2)

try:
    print(list(failing_for(numbers(5))))
except ZeroDivisionError as error:
    print("caught", type(error).__name__, trace_of(error))

try:
    for value in failing_for(numbers(5)):
        print("value", value)
except ZeroDivisionError as error:
    print("caught in for", type(error).__name__, trace_of(error))


# PEP 479: StopIteration leaving a generator becomes RuntimeError, in every resume path.
def leaks_stop():
    yield 1
    raise StopIteration("leaked")


def delegates_leak():
    yield from leaks_stop()


for label, run in [
    ("for", lambda: [x for x in leaks_stop()]),
    ("list", lambda: list(leaks_stop())),
    ("yield from", lambda: list(delegates_leak())),
]:
    try:
        run()
    except RuntimeError as error:
        print(label, "RuntimeError:", error, "| cause:", repr(error.__cause__),
              error.__suppress_context__)


# A generator that catches the exception raised in its delegate and keeps going.
def recovering():
    try:
        yield from failing(1)
    except ValueError as error:
        yield "recovered from " + str(error)
    yield "after"


print(list(recovering()))


# --- handled exceptions (sys.exc_info) across resumes --------------------------------------
def reports_handled(tag):
    print(" ", tag, "inside sees", repr(sys.exc_info()[1]))
    try:
        raise KeyError(tag)
    except KeyError:
        yield sys.exc_info()[1]
        print(" ", tag, "resumed still handling", repr(sys.exc_info()[1]))
    yield sys.exc_info()[1]


try:
    raise OSError("outer")
except OSError:
    for seen in reports_handled("for"):
        print("  consumer handles", repr(sys.exc_info()[1]), "got", repr(seen))
    print("consumer after loop", repr(sys.exc_info()[1]))
    try:
        raise
    except OSError as again:
        print("bare raise re-raised", repr(again))


# An exception escaping a generator while its consumer handles another chains to that one.
def raises_plain():
    yield 1
    raise TypeError("from generator")


try:
    try:
        raise IndexError("handled by consumer")
    except IndexError:
        for _ in raises_plain():
            pass
except TypeError as error:
    print("context:", repr(error.__context__))




def bare_raiser():
    print("  generator sees", repr(sys.exc_info()[1]))
    yield
    raise


try:
    raise ZeroDivisionError("consumer's")
except ZeroDivisionError:
    gen = bare_raiser()
    next(gen)
    try:
        next(gen)
    except ZeroDivisionError as error:
        print("bare raise in generator re-raised", repr(error))
    try:
        for _ in raises_plain():
            pass
    except TypeError as error:
        print("context through for:", repr(error.__context__))
print("nothing handled now:", sys.exc_info())


# --- close and throw ------------------------------------------------------------------------
def closable():
    try:
        for i in range(10):
            yield i
    finally:
        print("  closable finally")


gen = closable()
for x in gen:
    if x == 2:
        break
print("broke out at", x, "then close")
gen.close()
print("after close:", list(gen))


def delegating_closable():
    try:
        yield from closable()
    finally:
        print("  delegating finally")


gen = delegating_closable()
print(next(gen), next(gen))
gen.close()


def catcher():
    while True:
        try:
            yield
        except KeyError as error:
            print("  catcher got", repr(error))


def delegating_catcher():
    yield from catcher()


gen = delegating_catcher()
next(gen)
gen.throw(KeyError("thrown"))
try:
    gen.throw(ValueError("not caught"))
except ValueError as error:
    print("throw propagated", error, trace_of(error))


# --- re-entrancy and running state ----------------------------------------------------------
def self_iterating():
    yield gen_running.gi_running
    for value in gen_running:
        yield value


gen_running = self_iterating()
print("gi_running inside:", next(gen_running), "outside:", gen_running.gi_running)
try:
    next(gen_running)
except ValueError as error:
    print("re-entry:", error)


def sends_to_self():
    yield
    me.send(1)


me = sends_to_self()
next(me)
try:
    next(me)
except ValueError as error:
    print("re-entry by send:", error)


# --- builtins consuming generators ----------------------------------------------------------
print(sum(x for x in numbers(10)), max(squares(numbers(6))), min(x - 3 for x in numbers(6)))
print(sum(numbers(5), 100), sum((x * 0.5 for x in numbers(4)), 0.25))
print(sum(x * 2 ** 47 for x in numbers(6)), sum([True, True, 2]), sum(numbers(3), -(2 ** 70)))
print(tuple(squares(numbers(4))), "".join(str(x) for x in numbers(5)))
print(any(x > 3 for x in numbers(10)), all(x < 3 for x in numbers(10)))


class Number(int):
    def __add__(self, other):
        return Number(int(self) + int(other) + 1000)

    __radd__ = __add__


print(sum(Number(x) for x in numbers(3)), sum(numbers(3), Number(0)))


# --- coroutines: await chains driven by send -----------------------------------------------
class Suspend:
    def __await__(self):
        received = yield "suspended"
        return received


async def leaf(value):
    received = await Suspend()
    if received == "boom":
        raise LookupError("leaf failed")
    return value + received


async def middle(value):
    first = await leaf(value)
    second = await leaf(first)
    return first, second


def drive(coroutine, replies):
    replies = iter(replies)
    reply = None
    while True:
        try:
            request = coroutine.send(reply)
        except StopIteration as stop:
            return stop.value
        reply = next(replies)
        print("  driver got", request, "replies", reply)


print("coroutine result", drive(middle(1), [10, 20]))
try:
    drive(middle(1), [10, "text"])
except TypeError as error:
    print("coroutine TypeError", error)
try:
    drive(middle("a"), ["boom"])
except LookupError as error:
    print("coroutine error", error, trace_of(error))

coroutine = middle(5)
print(coroutine.send(None))
try:
    coroutine.throw(KeyError("into await chain"))
except KeyError as error:
    print("thrown through await chain", repr(error), trace_of(error))
try:
    coroutine.send(None)
except RuntimeError as error:
    print(error)


async def awaits_twice():
    inner = leaf(1)
    await inner
    await inner


try:
    drive(awaits_twice(), [1, 2, 3])
except RuntimeError as error:
    print("awaited twice:", error)


# --- a generator consumed by code that gets hot (compiled in the JIT modes) -----------------
def hot_consumer(count):
    total = 0
    for x in numbers(count):
        total += x
    for x in squares(numbers(count)):
        total -= x
    return total


print("hot", [hot_consumer(n) for n in (0, 1, 50)], hot_consumer(3000))


# --- deep delegation and recursion ----------------------------------------------------------
def tower(depth):
    if depth == 0:
        yield depth
        return "bottom"
    result = yield from tower(depth - 1)
    yield depth
    return result


gen = tower(150)
print("tower", sum(gen))


def endless(depth):
    yield from endless(depth + 1)


try:
    next(endless(0))
except RecursionError:
    print("endless delegation: RecursionError")
print("still works", list(tower(3)))


# A suspended generator keeps the code it started with when its function's __code__ changes.
def first_code():
    yield "first 1"
    yield "first 2"


def second_code():
    yield "second 1"


gen = first_code()
print(next(gen))
first_code.__code__ = second_code.__code__
print(next(gen))


# The frame below a running generator is whoever resumed it (sys._getframe(1)).
def who_resumed():
    yield sys._getframe(1).f_code.co_name
    yield sys._getframe(1).f_code.co_name


def by_for():
    return [name for name in who_resumed()]


def by_list():
    return list(who_resumed())


def by_yield_from():
    yield from who_resumed()


def by_send():
    gen = who_resumed()
    return [gen.send(None), next(gen)]


print(by_for(), by_list(), list(by_yield_from()), by_send())


# A collection while generators run inside the loop keeps their frames and the consumer's
# handled exception alive.
import gc


def collecting(n):
    for i in range(n):
        gc.collect()
        yield [i] * 3


try:
    raise ArithmeticError("kept alive")
except ArithmeticError:
    print([sum(chunk) for chunk in collecting(3)], repr(sys.exc_info()[1]))
