# Handlers also run after sys.exit, and the exit status is kept.
import atexit
import sys

atexit.register(print, "handler after sys.exit")
print("exiting")
sys.exit(3)
