# The builtin exception classes: attributes, OSError subclass mapping, chaining, tracebacks.
import sys
for cls in [OSError, FileNotFoundError, StopIteration, SyntaxError, KeyError, UnicodeDecodeError, ImportError, NameError, AttributeError, SystemExit, StopAsyncIteration, UnicodeEncodeError]:
    print(cls.__name__, cls.__mro__[1].__name__)
e = OSError(2, "No such file", "x.txt"); print(type(e), e.errno, e.strerror, e.filename, e.filename2, str(e), e.args)
e = OSError(2, "No such file"); print(type(e), str(e), repr(e))
e = OSError(13, "perm", "a", None, "b"); print(type(e), str(e))
e = OSError("just msg"); print(e.errno, str(e))
print(IOError is OSError, EnvironmentError is OSError)
print(StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value)
e = SyntaxError("bad", ("f.py", 3, 4, "x = = 1\n", 3, 6)); print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, str(e))
print(str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)), repr(KeyError('a')))
try: b"\xff".decode("utf-8")
except UnicodeDecodeError as e: print(e.encoding, e.object, e.start, e.end, e.reason, str(e))
try: "é".encode("ascii")
except UnicodeEncodeError as e: print(e.encoding, e.object, e.start, e.end, e.reason, str(e))
e = ImportError("m", name="n", path="p"); print(e.name, e.path, e.msg, str(e))
e = NameError("x", name="q"); print(e.name)
e = AttributeError("x", name="q", obj=1); print(e.name, e.obj)
try: undefined_name
except NameError as e: print(e.name)
try: (1).foo
except AttributeError as e: print(e.name, e.obj)
e = SystemExit(3); print(e.code, SystemExit().code, SystemExit(1, 2).code)
e = Exception("a", 1); print(e.args, str(e), repr(e)); e.add_note("note1"); print(e.__notes__)
print(repr(BaseException()), str(ValueError()), repr(ValueError("x",)))
e = UnicodeDecodeError("utf-8", b"ab", 0, 1, "bad"); print(e, repr(e))
try:
    try: 1/0
    except ZeroDivisionError as z: raise ValueError("v") from z
except ValueError as v: print(type(v.__cause__), v.__suppress_context__, type(v.__context__))
try:
    try: 1/0
    except ZeroDivisionError: raise ValueError("v") from None
except ValueError as v: print(v.__cause__, v.__suppress_context__, type(v.__context__))
try: raise ValueError
except ValueError as v: print(v.__traceback__ is not None, type(v.__traceback__).__name__, v.__traceback__.tb_lineno)
e = ValueError(); print(e.__traceback__, e.with_traceback(None) is e)
print(issubclass(TimeoutError, OSError), OSError(110, "t").__class__.__name__, OSError(11, "x").__class__.__name__, OSError(32, 'x').__class__.__name__)
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 111, 110]:
    print(n, type(OSError(n, "m")).__name__)
print(BlockingIOError(11, "x", 5).characters_written)
class MyE(Exception):
    def __init__(self, a, b): super().__init__(a); self.b = b
e = MyE(1, 2); print(e.args, e.b, str(e), repr(e))
print(ExceptionGroup("m", [ValueError()]).message, BaseExceptionGroup("m", [KeyboardInterrupt()]).__class__.__name__)
try: ExceptionGroup("m", [])
except ValueError as e: print(e)
print(UnicodeTranslateError("abc", 0, 1, "r"))
print(str(OSError(None, "s")), OSError(2, None).strerror)
