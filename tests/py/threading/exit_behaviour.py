# The program ends after its non-daemon threads finish; daemon threads are abandoned.
import threading
import time

forever = threading.Event()
daemon = threading.Thread(target=forever.wait, daemon=True, name="daemon")
daemon.start()
print("daemon alive", daemon.is_alive(), daemon.daemon)


def late():
    time.sleep(0.05)
    print("non-daemon thread finished after the main module")


threading.Thread(target=late).start()
print("main module done")
