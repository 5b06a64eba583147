# An import that fails, uncaught: CPython's traceback and exit status.
print("before")
import _fixtures.shapes.no_such_submodule
print("not reached")
