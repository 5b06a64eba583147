# An exception raised several calls deep propagates out of every frame.
def level3(d):
    return d["missing key"]
def level2(d):
    print("level2 entered")
    return level3(d)
def level1():
    print("level1 entered")
    try:
        return level2({})
    finally:
        print("finally in level1 still runs")
level1()
print("never printed")
