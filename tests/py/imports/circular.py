# Circular imports: a module importing one that imports it back gets the partially initialized
# module; names it does not define yet give CPython's messages.
import sys
import _fixtures.circ_a as circ_a
print(circ_a.from_b())

try:
    import _fixtures.circ_c
except ImportError as error:
    message = str(error)
    print(type(error).__name__, message[: message.index(" (/") if " (/" in message else None])
    print(error.name, error.path.replace("\\", "/").endswith("_fixtures/circ_c.py"))
print("_fixtures.circ_c" in sys.modules, "_fixtures.circ_d" in sys.modules)

try:
    import _fixtures.circ_e
except AttributeError as error:
    print(type(error).__name__, error)
print("_fixtures.circ_e" in sys.modules, "_fixtures.circ_f" in sys.modules)

# A submodule is an attribute of its package only once it has been imported.
import _fixtures.selfref.child
print("afterwards:", _fixtures.selfref.child.__name__)
