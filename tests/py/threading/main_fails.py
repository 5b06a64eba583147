# The main module fails: its traceback is printed, the non-daemon thread still finishes, the
# atexit handlers run after it, and the exit status is 1.
import atexit
import threading
import time

atexit.register(lambda: print("atexit handler"))


def late():
    time.sleep(0.05)
    print("late thread done")


threading.Thread(target=late).start()
print("main raising")
raise ValueError("main fails")
