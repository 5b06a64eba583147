# The global statement and module-level state.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)
def read_only():
    return counter * 10
print(read_only())
def create():
    global created_later
    created_later = "made inside a function"
create()
print(created_later)
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
CONFIG = {"debug": False}
def enable():
    CONFIG["debug"] = True
enable()
print(CONFIG)
def unbound():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5
    return counter
print(unbound())
print(__name__)
