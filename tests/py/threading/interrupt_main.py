# _thread.interrupt_main() from another thread: the main thread raises KeyboardInterrupt
# (here while it spins in a loop), which it may catch; the other thread goes on.
import _thread
import threading

ready = threading.Event()
finished = []


def poke():
    ready.wait()
    _thread.interrupt_main()
    total = 0
    for number in range(10_000):
        total += number
    finished.append(total)


thread = threading.Thread(target=poke)
thread.start()
try:
    ready.set()
    while True:
        pass
except KeyboardInterrupt as error:
    print("main caught", repr(error))
thread.join()
print("worker finished", finished)
