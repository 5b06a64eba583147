# An exception that ends a thread is reported on stderr ("Exception in thread NAME:" and a
# traceback) and does not end the program; SystemExit ends only the thread.
import sys
import threading


def fail(message):
    raise ValueError(message)


def leave():
    sys.exit(3)


thread = threading.Thread(target=leave)
thread.start()
thread.join()
print("after SystemExit in a thread")

# A custom hook sees the exception and the thread.
seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook
thread = threading.Thread(target=fail, args=("hooked",), name="hooked-thread")
thread.start()
thread.join()
print(seen)
threading.excepthook = threading.__excepthook__

thread = threading.Thread(target=fail, args=("boom",))
thread.start()
thread.join()
print("main goes on", thread.is_alive())
