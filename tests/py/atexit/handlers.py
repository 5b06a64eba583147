# atexit handlers run at exit, last registered first, with their arguments; unregister
# removes them; an exception in one is reported and the rest still run.
import atexit

def goodbye(name, punctuation="!"):
    print("goodbye", name + punctuation)

def failing():
    print("failing handler runs")
    raise ZeroDivisionError("handler failed")

def never():
    print("never printed")

atexit.register(goodbye, "first")
atexit.register(failing)
atexit.register(goodbye, "second", punctuation="?")
atexit.register(never)
atexit.unregister(never)

@atexit.register
def decorated():
    print("decorated handler")

print("main body done")
