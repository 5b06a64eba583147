from ...units import scale
from .. import circle
from ..square import area as square_area


class Vector:
    def __init__(self, x, y):
        self.x, self.y = scale(x), scale(y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


print("importing vector: level-3 and level-2 relative imports work", square_area(3), circle.Circle(1).area())
