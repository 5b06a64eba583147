# The attributes every module gets: __name__, __file__, __package__, __spec__, __path__.
import sys
import _fixtures.shapes.circle as circle
import _fixtures.shapes as shapes
import _fixtures.units as units


def describe(module):
    spec = module.__spec__
    print(module.__name__, repr(module.__package__), module.__file__.endswith(".py"), module.__loader__ is None or True)
    print("  spec:", spec.name, repr(spec.parent), spec.origin == module.__file__, spec.has_location)
    print("  package:", hasattr(module, "__path__"), spec.submodule_search_locations is not None)
    print("  path ends:", module.__file__.replace("\\", "/").split("/")[-2:])


describe(units)
describe(shapes)
describe(circle)
print(shapes.__path__[0].replace("\\", "/").endswith("_fixtures/shapes"))
print(__name__, __package__, __spec__)
print(repr(units).startswith("<module '_fixtures.units' from '"), repr(sys).startswith("<module 'sys'"))
print(sorted(name for name in dir(units) if name.startswith("__") and name != "__builtins__"))
