print("importing triangle (only through __all__ or explicitly)")


def area(base, height):
    return base * height / 2
