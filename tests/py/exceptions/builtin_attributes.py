# The attributes and messages of the builtin exception classes.
error = OSError(2, "No such file", "x.txt")
print(type(error).__name__, error.errno, error.strerror, error.filename, error.filename2, error.args)
print(str(error), repr(error))
print(str(OSError(13, "Permission denied", "a", None, "b")), OSError(13, "p", "a", None, "b").filename2)
print(str(OSError(2, "No such file")), repr(OSError("only a message")), OSError("m").errno)
print(IOError is OSError, EnvironmentError is OSError, issubclass(TimeoutError, OSError))
for errno in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 99]:
    print(errno, type(OSError(errno, "message")).__name__)
print(BlockingIOError(11, "busy", 5).characters_written)

print(StopIteration().value, StopIteration(5).value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
print(str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)), repr(KeyError("a")))

syntax = SyntaxError("bad", ("f.py", 3, 4, "x = = 1\n", 3, 6))
print(syntax.msg, syntax.filename, syntax.lineno, syntax.offset, repr(syntax.text))
print(syntax.end_lineno, syntax.end_offset, str(syntax))
try:
    compile("x = = 1", "<probe>", "exec")
except SyntaxError as caught:
    print(caught.msg, caught.filename, caught.lineno, caught.offset, repr(caught.text))

try:
    b"ab\xffcd".decode("utf-8")
except UnicodeDecodeError as caught:
    print(caught.encoding, caught.object, caught.start, caught.end, caught.reason)
    print(str(caught))
try:
    "caf\u00e9 \u20ac".encode("ascii")
except UnicodeEncodeError as caught:
    print(caught.encoding, caught.object, caught.start, caught.end, caught.reason)
    print(str(caught))
made = UnicodeDecodeError("utf-8", b"abc", 0, 2, "made up")
print(str(made), repr(made), made.args)
made.start = 1
print(made.start, str(made))
print(str(UnicodeEncodeError("ascii", "\U0001f600x", 0, 1, "r")))
print(str(UnicodeTranslateError("abc", 0, 1, "no")), UnicodeTranslateError("abc", 0, 1, "no").encoding)
for bad in (lambda: UnicodeDecodeError("utf-8"), lambda: UnicodeDecodeError(1, b"", 0, 0, ""),
            lambda: UnicodeDecodeError("utf-8", "text", 0, 0, "")):
    try:
        bad()
    except TypeError as caught:
        print("TypeError:", caught)

imported = ImportError("message", name="module", path="/somewhere")
print(imported.name, imported.path, imported.msg, str(imported))
try:
    import no_such_module_here
except ModuleNotFoundError as caught:
    print(caught.name, str(caught))
try:
    undefined_name
except NameError as caught:
    print(caught.name, str(caught))
try:
    (1).missing
except AttributeError as caught:
    print(caught.name, caught.obj, str(caught))
try:
    NameError("x", bogus=1)
except TypeError as caught:
    print("TypeError:", caught)

error = Exception("a", 1)
error.add_note("first note")
error.add_note("second")
print(error.args, str(error), repr(error), error.__notes__)
print(repr(BaseException()), str(ValueError()), repr(ValueError("x",)))
