# Packages, submodules, `import a.b.c`, `import x as y`, `from x import y, z as w`, and relative
# imports of one, two and three levels inside a package (see _fixtures/shapes).
import _fixtures.shapes.geometry.vector
print(_fixtures.shapes.geometry.vector.Vector(1, 2))
print(type(_fixtures).__name__, type(_fixtures.shapes).__name__)

import _fixtures.shapes.square as sq
print(sq.area(4), sq is _fixtures.shapes.square)

from _fixtures.shapes import Circle, square_area as sa, square
print(Circle(2).area(), sa(5), square.area(6))

from _fixtures import units
from _fixtures.units import FACTOR, scale as double
print(units.PI, FACTOR, double(21))

# A submodule imported through a package is an attribute of the package.
import _fixtures.shapes
print(hasattr(_fixtures.shapes, "circle"), hasattr(_fixtures.shapes, "triangle"))
from _fixtures.shapes import triangle
print(hasattr(_fixtures.shapes, "triangle"), triangle.area(3, 4))

# Importing again runs nothing: the module comes from sys.modules.
import _fixtures.counter
_fixtures.counter.count += 1
import _fixtures.counter as again
print(again.count, again is _fixtures.counter)

import sys
for name in ["_fixtures", "_fixtures.shapes", "_fixtures.shapes.circle", "_fixtures.shapes.geometry.vector"]:
    print(name, name in sys.modules, sys.modules[name].__name__ == name)

# A namespace package (a directory without __init__.py).
import _fixtures.ns_portion.inner.leaf
ns = sys.modules["_fixtures.ns_portion"]
print(ns.__file__, ns.__package__, len(list(ns.__path__)), ns.__spec__.origin)
