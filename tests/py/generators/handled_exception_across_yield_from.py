import gc
def inner():
    gc.collect()
    yield "inner 1"
    gc.collect()
    yield "inner 2"
def outer():
    try:
        raise ValueError("kept alive " + "by the except block")
    except ValueError:
        yield from inner()
        gc.collect()
        raise
try:
    for value in outer():
        print(value)
except ValueError as e:
    print("ValueError:", e)
class Aw:
    def __await__(self):
        gc.collect()
        yield
async def co():
    try:
        raise KeyError("async " + "key")
    except KeyError:
        await Aw()
        raise
c = co()
c.send(None)
try:
    c.send(None)
except KeyError as e:
    print("KeyError:", e)
