# Exception-heavy control flow: custom exception classes raised and caught in loops, through
# several frames of recursion, with try/except/else/finally, re-raising, exception chaining,
# and builtin exceptions (KeyError, IndexError, ZeroDivisionError, ValueError, StopIteration)
# used as ordinary control flow.
#
# Raising, unwinding, matching handlers by class hierarchy and running finally blocks. Every
# path is counted and the counts are checked against the same numbers computed without
# exceptions.
import sys

N = 1000000


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


class Invalid(AppError):
    pass


def lookup(table, key):
    if key not in table:
        raise NotFound(key)
    return table[key]


def validate(x):
    if x % 7 == 0:
        raise Invalid("multiple of seven")
    return x


def deep(depth, x):
    if depth == 0:
        if x % 3 == 0:
            raise NotFound(x)
        return x
    return deep(depth - 1, x) + 1


def parse_int(text):
    try:
        return int(text)
    except ValueError:
        return -1


def main():
    table = {i: i * i for i in range(0, N, 2)}
    found = missing = invalid = finals = elses = 0
    for i in range(N):
        try:
            value = lookup(table, i)
            validate(value)
        except NotFound as e:
            missing += 1
            if e.key != i:
                sys.exit("exceptions: NotFound carried the wrong key")
        except AppError:
            invalid += 1
        else:
            elses += 1
            found += 1
        finally:
            finals += 1
    # Even i are present; i*i is a multiple of 7 exactly when i is.
    expected_invalid = len(range(0, N, 14))
    if (missing, invalid, found, finals) != (N // 2, expected_invalid, N // 2 - expected_invalid, N):
        sys.exit(f"exceptions: counts {(missing, invalid, found, finals)}")

    # Unwinding through ten frames.
    unwound = 0
    reached = 0
    for i in range(N // 4):
        try:
            reached += deep(10, i)
        except NotFound:
            unwound += 1
    if unwound != len(range(0, N // 4, 3)):
        sys.exit(f"exceptions: unwound {unwound}")

    # Builtin exceptions as control flow.
    items = list(range(50))
    index_errors = zero_divisions = key_errors = bad_ints = 0
    for i in range(N // 4):
        try:
            items[i % 60]
        except IndexError:
            index_errors += 1
        try:
            1 / (i % 5)
        except ZeroDivisionError:
            zero_divisions += 1
        try:
            table[-i]
        except KeyError:
            key_errors += 1
        if parse_int("x" if i % 4 == 0 else "12") < 0:
            bad_ints += 1
    m = N // 4
    expected = (sum(1 for i in range(m) if i % 60 >= 50), len(range(0, m, 5)), m - 1, len(range(0, m, 4)))
    if (index_errors, zero_divisions, key_errors, bad_ints) != expected:
        sys.exit(f"exceptions: builtin counts {(index_errors, zero_divisions, key_errors, bad_ints)}")

    # Chaining and re-raising.
    chained = 0
    for i in range(N // 10):
        try:
            try:
                raise Invalid(i)
            except Invalid as inner:
                raise NotFound(i) from inner
        except NotFound as outer:
            if isinstance(outer.__cause__, Invalid):
                chained += 1
    if chained != N // 10:
        sys.exit(f"exceptions: chained {chained}")

    # StopIteration ends a manual iteration.
    iterator = iter(range(N // 2))
    drained = 0
    while True:
        try:
            drained += next(iterator)
        except StopIteration:
            break
    if drained != sum(range(N // 2)):
        sys.exit(f"exceptions: drained {drained}")

    counts = [missing, invalid, found, unwound, reached, index_errors, zero_divisions, key_errors]
    counts += [bad_ints, chained, drained]
    print("exceptions:", " ".join(str(c) for c in counts))


main()
