# Lock and RLock: acquire/release/locked, non-blocking and timed acquires, reentrancy,
# context managers, and CPython's errors.
import threading
import _thread

lock = threading.Lock()
print(type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
with lock:
    print("inside", lock.locked())
print("outside", lock.locked())
try:
    lock.release()
except RuntimeError as error:
    print("RuntimeError:", error)
for arguments in [(False, 1), (True, -2)]:
    try:
        lock.acquire(*arguments)
    except ValueError as error:
        print("ValueError:", error)
try:
    lock.acquire(1, 2, 3)
except TypeError as error:
    print("TypeError:", error)
try:
    lock.acquire(foo=1)
except TypeError as error:
    print("TypeError:", error)
print(lock.acquire_lock(), lock.locked_lock())
lock.release_lock()

# A lock released by another thread wakes the waiter.
lock.acquire()
order = []


def releaser():
    order.append("releasing")
    lock.release()


thread = threading.Thread(target=releaser)
thread.start()
print("acquired", lock.acquire(timeout=10))
thread.join()
order.append("main has it")
print(order)
lock.release()

rlock = threading.RLock()
print(rlock.acquire(), rlock.acquire(), rlock._is_owned())
rlock.release()
print(rlock._is_owned())
rlock.release()
print(rlock._is_owned())
try:
    rlock.release()
except RuntimeError as error:
    print("RuntimeError:", error)
with rlock:
    with rlock:
        print("nested", rlock._is_owned())

# Another thread cannot take an RLock the main thread holds, nor release it.
rlock.acquire()
outcome = []


def try_rlock():
    outcome.append(rlock.acquire(blocking=False))
    outcome.append(rlock.acquire(timeout=0.01))
    try:
        rlock.release()
    except RuntimeError as error:
        outcome.append(str(error))


thread = threading.Thread(target=try_rlock)
thread.start()
thread.join()
rlock.release()
print(outcome)

print(_thread.allocate_lock().locked(), isinstance(_thread.allocate_lock(), _thread.LockType))
print(threading.ThreadError is RuntimeError, _thread.error is RuntimeError)
print(repr(threading.Lock()).startswith("<unlocked _thread.lock object at"))
print(repr(threading.RLock()).startswith("<unlocked _thread.RLock object owner=0 count=0"))
for size in (0, 100):
    try:
        print(threading.stack_size(size))
    except ValueError as error:
        print("ValueError:", error)
print(threading.stack_size())
for arguments in [(1, ()), (print, []), (print, (), 1), (print,)]:
    try:
        _thread.start_new_thread(*arguments)
    except TypeError as error:
        print("TypeError:", error)
for timeout in (float("nan"), 1e300, 10**100, "x"):
    try:
        threading.Lock().acquire(True, timeout)
    except (ValueError, OverflowError, TypeError) as error:
        print(type(error).__name__ + ":", error)
for function in (_thread.allocate_lock, _thread.get_ident, _thread.get_native_id):
    try:
        function(1)
    except TypeError as error:
        print("TypeError:", error)
print(_thread.RLock(1, x=2)._is_owned(), hasattr(_thread, "lock"))
