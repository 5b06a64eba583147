# An uncaught exception group prints as CPython's boxed tree (the corpus checks the last line;
# the whole report matches CPython's).


def fail(kind, message):
    raise kind(message)


def collect():
    errors = []
    for kind, message in [(ValueError, "bad value"), (TypeError, "bad type")]:
        try:
            fail(kind, message)
        except Exception as error:
            errors.append(error)
    return errors


def handler():
    try:
        raise ExceptionGroup("from the body", collect())
    except* ValueError:
        raise KeyError("raised while handling")


try:
    handler()
except ExceptionGroup as group:
    print("caught:", repr(group))

inner = ExceptionGroup("inner", [OSError(2, "missing"), ZeroDivisionError("divide")])
inner.add_note("inner note")
outer = ExceptionGroup("outer", collect() + [inner])
print("raising", outer)
raise outer from RuntimeError("the cause")
