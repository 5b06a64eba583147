from .vector import Vector
