# sys.getswitchinterval/setswitchinterval, and a thread spinning in a loop hands the GIL
# over: the main thread gets to run and stop it.
import sys
import threading
import time

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as error:
        print("ValueError:", error)
try:
    sys.setswitchinterval("a")
except TypeError as error:
    print("TypeError:", error)

stop = False
spins = [0]
spinning = threading.Event()


def spin():
    count = 0
    while not stop:
        count += 1
        if count == 1:
            spinning.set()
    spins[0] = count


thread = threading.Thread(target=spin)
thread.start()
# Returns only if the spinning thread lets go of the GIL.
spinning.wait()
time.sleep(0.02)
stop = True
thread.join()
print("spinner stopped", spins[0] > 0)
