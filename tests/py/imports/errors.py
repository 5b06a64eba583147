# ImportError and ModuleNotFoundError with CPython's messages and attributes.
import sys


def attempt(source):
    try:
        exec(source, {"__name__": "__main__"})
    except ImportError as error:
        message = str(error)
        if " (/" in message:
            message = message[: message.index(" (/")] + " (PATH)"
        print(type(error).__name__ + ":", message, "| name =", error.name)
    else:
        print("no error:", source)


attempt("import no_such_module")
attempt("import _fixtures.no_such_module")
attempt("import _fixtures.notpkg.sub")
attempt("from _fixtures import no_such_name")
attempt("from _fixtures.notpkg import no_such_name")
attempt("from _fixtures.shapes import no_such_name")
attempt("from sys import no_such_name")
attempt("from . import anything")
attempt("from .sibling import anything")
attempt("import _fixtures.shapes.circle.deeper")
print(issubclass(ModuleNotFoundError, ImportError))

# A module whose code raises is not left in sys.modules.
try:
    import _fixtures.broken
except ValueError as error:
    print("ValueError:", error)
print("_fixtures.broken" in sys.modules)
try:
    import _fixtures.broken
except ValueError as error:
    print("again:", error)

# sys.modules[name] = None blocks an import.
sys.modules["blocked"] = None
attempt("import blocked")

# A module may replace itself in sys.modules; the import returns the replacement.
import _fixtures.replaces_itself as replaced
print(replaced.name)

# Module __getattr__ (PEP 562) is used by from-imports.
from _fixtures.lazy import computed
print(computed)
attempt("from _fixtures.lazy import missing")
