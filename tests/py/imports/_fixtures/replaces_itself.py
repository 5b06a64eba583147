import sys


class Replacement:
    name = "the replacement object"


sys.modules[__name__] = Replacement()
