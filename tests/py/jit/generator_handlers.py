# Exception handlers inside compiled generators: exceptions raised and caught in the
# generator's own frame on every step, `yield` inside a handler (the handled exception saved
# and restored with the frame, apart from the consumer's), throw() into a generator paused
# inside a handler, close() running `finally` blocks, and sys.exc_info() on both sides.
import sys


class Skip(Exception):
    pass


def parse(values):
    for value in values:
        try:
            if value % 5 == 0:
                raise Skip(value)
            yield 100 // (value % 7)
        except ZeroDivisionError:
            yield -1
        except Skip as skipped:
            # Suspended inside the handler: the consumer must not see this exception.
            yield ("skip", sys.exc_info()[1] is skipped)
            if sys.exc_info()[1] is not skipped:
                yield "lost the handled exception"


def consume(n):
    counts = {}
    leaked = 0
    for item in parse(range(1, n)):
        if sys.exc_info() != (None, None, None):
            leaked += 1
        key = item if isinstance(item, (str, tuple)) else ("number" if item >= 0 else "zero")
        counts[key] = counts.get(key, 0) + 1
    print(sorted(counts.items(), key=repr), leaked)


def guarded(log):
    count = 0
    while True:
        try:
            try:
                received = yield count
            except KeyError as e:
                log.append(("caught", e.args[0]))
                received = yield "handled"
            count += received if isinstance(received, int) else 0
        finally:
            log.append("finally")


def drive(n):
    log = []
    g = guarded(log)
    next(g)
    for i in range(n):
        if i % 3 == 0:
            reply = g.throw(KeyError(i))
            # Paused inside the `except`: another throw lands in the handler's cleanup.
            if i % 9 == 0:
                try:
                    g.throw(ValueError(i))
                except ValueError as e:
                    log.append(("escaped", e.args[0]))
                    g = guarded(log)
                    next(g)
            else:
                g.send(1)
        else:
            g.send(i)
    g.close()
    print(len(log), log[:8], log[-4:])


def closing(n):
    done = []

    def worker():
        try:
            for i in range(n):
                try:
                    if i % 2:
                        raise Skip(i)
                    yield i
                except Skip:
                    yield -i
        finally:
            done.append("closed")

    total = 0
    g = worker()
    for k, value in enumerate(g):
        total += value
        if k == n - 10:
            break
    g.close()
    print("closing", total, done)


def handled_outside(n):
    # A generator resumed from inside the consumer's handler sees no exception of its own,
    # and its own handled exception does not leak out.
    def inner():
        for i in range(n):
            try:
                raise Skip(i)
            except Skip:
                pass
            yield sys.exc_info()[0]

    seen = set()
    g = inner()
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError:
            seen.add(next(g))
            seen.add(sys.exc_info()[0])
    print("handled_outside", sorted(str(kind) for kind in seen))


n = 2000
consume(n)
drive(n)
closing(n)
handled_outside(n)
