# Thread objects: names as CPython gives them, start/join/is_alive, daemon, ident,
# current_thread/main_thread/active_count/enumerate, and the errors of misuse.
import threading
import _thread

main = threading.current_thread()
print(main.name, main is threading.main_thread(), main.daemon)
print(type(main.ident) is int, main.ident == threading.get_ident() == _thread.get_ident())
print(type(main.native_id) is int, main.native_id == threading.get_native_id())
print(threading.active_count(), [t.name for t in threading.enumerate()])


def worker(results, value):
    me = threading.current_thread()
    results.append((me.name, value * 2, me.ident == threading.get_ident()))


results = []
first = threading.Thread(target=worker, args=(results, 1))
second = threading.Thread(target=worker, args=(results,), kwargs={"value": 2})
named = threading.Thread(target=worker, args=(results, 3), name="custom")
no_target = threading.Thread()
print(first.name, "|", second.name, "|", named.name, "|", no_target.name)
print(first.ident, first.native_id, first.is_alive(), first.daemon)
print(repr(first).startswith("<Thread(Thread-1 (worker), initial"))
for thread in (first, second, named, no_target):
    thread.start()
    thread.join()
print(results)
print([t.is_alive() for t in (first, second, named, no_target)])
print(type(first.ident) is int, first.ident != main.ident)
print(repr(first).startswith("<Thread(Thread-1 (worker), stopped"))


class Lambda:
    def __call__(self):
        pass


print(threading.Thread(target=lambda: None).name)
print(threading.Thread(target=Lambda()).name)


class Counter(threading.Thread):
    def __init__(self, limit):
        super().__init__(name=f"counter-{limit}")
        self.limit = limit
        self.total = 0

    def run(self):
        for number in range(self.limit):
            self.total += number


counter = Counter(100)
counter.start()
counter.join()
print(counter.name, counter.total)

# Errors.
try:
    counter.start()
except RuntimeError as error:
    print("RuntimeError:", error)
fresh = threading.Thread(target=print)
try:
    fresh.join()
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    main.join()
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    counter.daemon = True
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    threading.Thread(group=1)
except AssertionError as error:
    print("AssertionError:", error)

# Daemon status is inherited from the creating thread.
flags = []


def make_child():
    flags.append(threading.Thread().daemon)


parent = threading.Thread(target=make_child, daemon=True)
parent.start()
parent.join()
print("inherited daemon", flags, threading.Thread().daemon)

# join with a timeout on a thread that waits for an event.
release = threading.Event()
waiter = threading.Thread(target=release.wait, name="waiter")
waiter.start()
waiter.join(timeout=0.01)
print("still alive after timeout", waiter.is_alive())
print(sorted(t.name for t in threading.enumerate()), threading.active_count())
release.set()
waiter.join()
print("alive after set", waiter.is_alive(), threading.active_count())

# Names keep counting.
print(threading.Thread(target=worker).name)
print(_thread._count() >= 0, threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX)
