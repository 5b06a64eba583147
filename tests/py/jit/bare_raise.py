# A function whose body is a bare `raise` (the interpreter re-raises the handled exception), and a
# compile failure followed by more compiles: both once crashed the eager JIT.
import sys
def remove(path, ignore_errors=False, onerror=None):
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        raise FileNotFoundError(2, "No such file or directory")
    except OSError:
        onerror(remove, path, sys.exc_info())
try:
    remove("x")
except FileNotFoundError as error:
    print("raised", error.errno)
remove("x", ignore_errors=True)
print("ignored")
