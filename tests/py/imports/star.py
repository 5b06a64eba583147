# `from m import *`: the names in __all__, else the public names; in a package, __all__ may
# name submodules, which are imported.
from _fixtures.star_all import *
print(alpha, beta, "gamma" in globals(), "_private" in globals())

from _fixtures.star_plain import *
print(alpha, beta, "_hidden" in globals(), "_sys" in globals())

from _fixtures.pkg_with_all import *
print(one.ONE, two.TWO, "three" in globals())

from _fixtures.shapes import *
print(Circle.__name__, square_area(2), triangle.area(2, 2))
