"""A package whose __init__ imports from its own submodules."""
print("importing shapes, __name__ =", __name__, "__package__ =", __package__)
from .circle import Circle
from . import square
from .square import area as square_area

__all__ = ["Circle", "square_area", "triangle"]
