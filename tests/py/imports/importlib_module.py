# importlib.import_module, absolute and relative, and its errors.
import importlib
import sys

units = importlib.import_module("_fixtures.units")
print(units.__name__, units is sys.modules["_fixtures.units"])
square = importlib.import_module(".square", "_fixtures.shapes")
print(square.__name__, square.area(3))
vector = importlib.import_module("..geometry.vector", "_fixtures.shapes.circle")
print(vector.__name__)
print(importlib.import_module("_fixtures.shapes").__name__)
print(importlib.import_module("math").sqrt(16))

for arguments in [(".square",), ("",), ("...x", "a.b"), ("no_such_module_either",), (".x", "")]:
    try:
        importlib.import_module(*arguments)
    except (ImportError, TypeError, ValueError) as error:
        print(type(error).__name__ + ":", error)
