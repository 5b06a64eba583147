print("importing square:", __name__)


def area(side):
    return side * side
