from ..units import PI, scale
from . import square  # a sibling, imported while the package is still initializing

print("importing circle:", __name__, __package__, __spec__.name, __spec__.parent)


class Circle:
    def __init__(self, radius):
        self.radius = scale(radius)

    def area(self):
        return round(PI * self.radius ** 2, 3)
