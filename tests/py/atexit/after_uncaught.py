# Handlers run after an uncaught exception's traceback; the status stays 1.
import atexit

atexit.register(print, "handler after the error")
raise KeyError("boom")
