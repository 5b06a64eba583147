# The builtin exception hierarchy: except clauses match subclasses.
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (IndexError, LookupError),
         (KeyError, LookupError), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (FileNotFoundError, OSError), (StopIteration, Exception),
         (Exception, BaseException), (KeyboardInterrupt, Exception), (SystemExit, Exception),
         (KeyboardInterrupt, BaseException), (SystemExit, BaseException), (GeneratorExit, Exception),
         (TypeError, ValueError), (AssertionError, Exception), (AttributeError, Exception),
         (ModuleNotFoundError, ImportError), (UnicodeError, ValueError), (bool, int)]
for sub, sup in pairs:
    print(sub.__name__, "<", sup.__name__, issubclass(sub, sup))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])
def classify(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError"
    except ArithmeticError:
        return "ArithmeticError"
    except Exception:
        return "Exception"
    except BaseException:
        return "BaseException"
for exc in [IndexError("i"), KeyError("k"), ZeroDivisionError(), OverflowError(), ValueError(), SystemExit(2), KeyboardInterrupt()]:
    print(type(exc).__name__, "caught as", classify(exc))
class AppError(Exception):
    pass
class DatabaseError(AppError):
    def __init__(self, table, message):
        super().__init__(f"{table}: {message}")
        self.table = table
class NotFound(DatabaseError, ):
    pass
try:
    raise NotFound("users", "no row 7")
except AppError as e:
    print(type(e).__name__, e, e.table, e.args, isinstance(e, Exception))
print([c.__name__ for c in NotFound.__mro__])
err = ValueError("message", 2)
print(err.args, str(err), repr(err), str(ValueError()), repr(ValueError()), repr(ValueError("one")))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError("a", "b")))
