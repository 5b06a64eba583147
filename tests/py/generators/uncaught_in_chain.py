# An exception that escapes a chain of generators (resumed by for loops and `yield from`)
# reaches the top level with every frame of the chain in its traceback.
def source():
    yield 1
    yield 2
    raise KeyError("source ran dry")


def relay():
    yield from source()


def doubled():
    for value in relay():
        yield value * 2


for item in doubled():
    print("item", item)
