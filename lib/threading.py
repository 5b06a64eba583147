"""Thread-based parallelism, written for krait on its native `_thread` module.

The threads are real OS threads that take turns under krait's global interpreter lock (see
docs/internals/threads.md). The behaviour is CPython 3.11's: thread names (`Thread-1
(worker)`, `Dummy-2`), `excepthook`'s report of an exception that ends a thread, joining the
non-daemon threads at exit (`_shutdown`), and the synchronization primitives. Every wait here
is a `_thread` lock acquire, which releases the GIL while it blocks.

Not provided: profile and trace hooks are stored but never called (`settrace`, `setprofile`).
"""

import _thread
import sys as _sys
from collections import deque as _deque
from itertools import count as _count
from time import monotonic as _now

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'ExceptHookArgs', 'gettrace', 'getprofile',
           'get_native_id']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size

Lock = _allocate_lock
RLock = _thread.RLock
_CRLock = _thread.RLock

_hooks = {"profile": None, "trace": None}


def setprofile(func):
    """Stored for getprofile(); krait does not call profile functions."""
    _hooks["profile"] = func


def getprofile():
    return _hooks["profile"]


def settrace(func):
    """Stored for gettrace(); krait does not call trace functions."""
    _hooks["trace"] = func


def gettrace():
    return _hooks["trace"]


def _deprecated(old, new):
    import warnings
    warnings.warn(f'{old} is deprecated, {new} instead', DeprecationWarning, stacklevel=3)


def _remaining(deadline):
    """Seconds left until `deadline` (None: no deadline)."""
    if deadline is None:
        return None
    return deadline - _now()


# ----- Condition -----

class Condition:
    """A condition variable over `lock` (an RLock by default): wait() releases the lock until
    another thread notify()s, then takes it back."""

    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        # Each waiting thread sleeps on its own lock, which notify() releases.
        self._sleepers = _deque()

    def _at_fork_reinit(self):
        self._sleepers.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc_info):
        return self._lock.__exit__(*exc_info)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._sleepers)})>"

    def _held_by_me(self):
        check = getattr(self._lock, '_is_owned', None)
        if check is not None:
            return check()
        # A plain lock has no owner: held at all counts as held by the caller.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def _let_go(self):
        """Releases the lock completely; returns what _take_back needs."""
        save = getattr(self._lock, '_release_save', None)
        if save is not None:
            return save()
        self._lock.release()
        return None

    def _take_back(self, saved):
        restore = getattr(self._lock, '_acquire_restore', None)
        if restore is not None:
            restore(saved)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        """Releases the lock until notified or `timeout` seconds pass; True if notified."""
        if not self._held_by_me():
            raise RuntimeError("cannot wait on un-acquired lock")
        sleeper = _allocate_lock()
        sleeper.acquire()
        self._sleepers.append(sleeper)
        saved = self._let_go()
        notified = False
        try:
            if timeout is None:
                notified = sleeper.acquire()
            elif timeout > 0:
                notified = sleeper.acquire(True, timeout)
            else:
                notified = sleeper.acquire(False)
            return notified
        finally:
            self._take_back(saved)
            if not notified and sleeper in self._sleepers:
                self._sleepers.remove(sleeper)

    def wait_for(self, predicate, timeout=None):
        """Waits until predicate() is true (or `timeout` passes); returns its last value."""
        deadline = None if timeout is None else _now() + timeout
        while True:
            result = predicate()
            if result:
                return result
            left = _remaining(deadline)
            if left is not None and left <= 0:
                return result
            self.wait(left)

    def notify(self, n=1):
        """Wakes up to `n` waiting threads."""
        if not self._held_by_me():
            raise RuntimeError("cannot notify on un-acquired lock")
        while n > 0 and self._sleepers:
            sleeper = self._sleepers.popleft()
            try:
                sleeper.release()
            except RuntimeError:
                # Its wait already timed out.
                continue
            n -= 1

    def notify_all(self):
        self.notify(len(self._sleepers))

    def notifyAll(self):
        _deprecated('notifyAll()', 'use notify_all()')
        self.notify_all()


# ----- Semaphores -----

class Semaphore:
    """A counter: acquire() takes one (waiting while it is zero), release() gives back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        kind = type(self)
        return f"<{kind.__module__}.{kind.__qualname__} at {id(self):#x}: value={self._value}>"

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = None if timeout is None else _now() + timeout
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                left = _remaining(deadline)
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
            self._value -= 1
            return True

    __enter__ = acquire

    def _give_back(self, n):
        self._value += n
        self._cond.notify(n)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._give_back(n)

    def __exit__(self, *exc_info):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to go above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        kind = type(self)
        return (f"<{kind.__module__}.{kind.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._give_back(n)


# ----- Event -----

class Event:
    """A flag threads can wait() for until another set()s it."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        kind = type(self)
        state = 'set' if self._flag else 'unset'
        return f"<{kind.__module__}.{kind.__qualname__} at {id(self):#x}: {state}>"

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        return self._flag

    def isSet(self):
        _deprecated('isSet()', 'use is_set()')
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Waits until the flag is set or `timeout` passes; returns the flag."""
        with self._cond:
            return self._cond.wait_for(lambda: self._flag, timeout)


# ----- Barrier -----

class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """`parties` threads wait() until all of them have arrived; then all go on, each with a
    different index in range(parties), after `action` ran in one of them.

    Each round of arrivals is a generation; its outcome ('passed' or 'broken') is kept until
    the last of its waiters has looked at it."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._generation = 0
        self._arrived = 0
        self._broken = False
        self._outcomes = {}   # generation -> [outcome, waiters still to look at it]

    def __repr__(self):
        kind = type(self)
        if self.broken:
            return f"<{kind.__module__}.{kind.__qualname__} at {id(self):#x}: broken>"
        return (f"<{kind.__module__}.{kind.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def _finish_generation(self, outcome):
        """Ends the current generation for the threads waiting in it."""
        if self._arrived:
            self._outcomes[self._generation] = [outcome, self._arrived]
        self._generation += 1
        self._arrived = 0
        self._cond.notify_all()

    def _break(self):
        self._broken = True
        self._finish_generation('broken')

    def wait(self, timeout=None):
        """Waits for the other parties; returns this thread's index of arrival."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError
            index = self._arrived
            self._arrived += 1
            if self._arrived == self._parties:
                try:
                    if self._action:
                        self._action()
                except BaseException:
                    self._arrived -= 1
                    self._break()
                    raise
                self._arrived -= 1
                self._finish_generation('passed')
                return index
            generation = self._generation
            ended = self._cond.wait_for(lambda: self._generation != generation, timeout)
            if not ended:
                self._break()
            record = self._outcomes[generation]
            record[1] -= 1
            if record[1] == 0:
                del self._outcomes[generation]
            if record[0] != 'passed':
                raise BrokenBarrierError
            return index

    def reset(self):
        """Back to the initial state; threads waiting now get BrokenBarrierError."""
        with self._cond:
            self._finish_generation('broken')
            self._broken = False

    def abort(self):
        """Breaks the barrier: waiting threads, and later wait() calls, get
        BrokenBarrierError until reset()."""
        with self._cond:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0 if self._broken else self._arrived

    @property
    def broken(self):
        return self._broken


# ----- Threads -----

_next_number = _count(1).__next__
_next_local_key = _count(1).__next__

_registry_lock = RLock()
_running = {}        # ident -> Thread, for threads running (and the main and dummy threads)
_starting = {}       # Thread -> Thread, started but not yet running
_non_daemon = set()  # non-daemon Thread objects not yet finished, joined by _shutdown


class ExceptHookArgs:
    """What `threading.excepthook` receives: exc_type, exc_value, exc_traceback, thread."""

    def __init__(self, args):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = args

    def __iter__(self):
        return iter((self.exc_type, self.exc_value, self.exc_traceback, self.thread))

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type={!r}, exc_value={!r}, exc_traceback={!r},"
                " thread={!r})").format(*self)


def excepthook(args, /):
    """Reports an exception that ended a thread on standard error, as CPython does:
    `Exception in thread NAME:` and the traceback. SystemExit is not reported."""
    if args.exc_type == SystemExit:
        return
    stream = _sys.stderr
    if stream is None and args.thread is not None:
        stream = args.thread._stderr
    if stream is None:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    stream.write(f"Exception in thread {name}:\n")
    stream.flush()
    _sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)


__excepthook__ = excepthook


def _report_exception(thread):
    """Called in a thread whose run() raised, with the exception being handled."""
    hook = excepthook if excepthook is not None else __excepthook__
    try:
        hook(ExceptHookArgs([*_sys.exc_info(), thread]))
    except Exception:
        stream = _sys.stderr
        if stream is not None:
            stream.write("Exception in threading.excepthook:\n")
            stream.flush()
        _sys.__excepthook__(*_sys.exc_info())


class Thread:
    """A thread of control: start() runs run() — by default target(*args, **kwargs) — in a
    new OS thread."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if name:
            name = str(name)
        else:
            name = f"Thread-{_next_number()}"
            target_name = getattr(target, '__name__', None)
            if target is not None and target_name is not None:
                name = f"{name} ({target_name})"
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._finished = False
        # Held from start() until the thread has ended: join() waits for it.
        self._running_lock = None
        self._stderr = _sys.stderr
        self._local_key = _next_local_key()
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        if self._finished or (self._started.is_set() and not self.is_alive()):
            status = "stopped"
        elif self._started.is_set():
            status = "started"
        else:
            status = "initial"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {status})>"

    def start(self):
        """Starts run() in a new thread; returns once it is running."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        self._running_lock = _allocate_lock()
        self._running_lock.acquire()
        with _registry_lock:
            _starting[self] = self
            if not self._daemonic:
                _non_daemon.add(self)
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _registry_lock:
                del _starting[self]
                _non_daemon.discard(self)
            raise
        self._started.wait()

    def run(self):
        """The thread's activity: calls the target with the arguments. Override it."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Do not keep the arguments alive after the call.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._bootstrap_inner()

    def _bootstrap_inner(self):
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            with _registry_lock:
                _running[self._ident] = self
                del _starting[self]
            self._started.set()
            try:
                self.run()
            except:
                _report_exception(self)
        finally:
            self._end()

    def _end(self):
        """The thread's last act: it leaves the registry, then lets join() return."""
        with _registry_lock:
            if _running.get(get_ident()) is self:
                del _running[get_ident()]
            _non_daemon.discard(self)
        self._finished = True
        lock = self._running_lock
        if lock is not None and lock.locked():
            lock.release()

    def join(self, timeout=None):
        """Waits until the thread ends, or at most `timeout` seconds."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        self._wait_until_finished(True, -1 if timeout is None else max(timeout, 0))

    def _wait_until_finished(self, blocking, timeout=-1):
        lock = self._running_lock
        if lock is None or self._finished and not lock.locked():
            return
        if lock.acquire(blocking, timeout):
            lock.release()

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Whether the thread has started and not yet ended."""
        assert self._initialized, "Thread.__init__() not called"
        return self._started.is_set() and not self._finished

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _deprecated('isDaemon()', 'get the daemon attribute')
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated('setDaemon()', 'set the daemon attribute')
        self.daemon = daemonic

    def getName(self):
        _deprecated('getName()', 'get the name attribute')
        return self.name

    def setName(self, name):
        _deprecated('setName()', 'set the name attribute')
        self.name = name


class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after `interval` seconds, unless
    cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        """Stops the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        if not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _AlreadyRunning(Thread):
    """A thread this module did not start: the main thread, or one started with
    `_thread.start_new_thread` (a dummy thread)."""

    def __init__(self, name, daemon):
        super().__init__(name=name, daemon=daemon)
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._started.set()
        with _registry_lock:
            _running[self._ident] = self


class _MainThread(_AlreadyRunning):

    def __init__(self):
        super().__init__("MainThread", False)
        self._running_lock = _allocate_lock()
        self._running_lock.acquire()


class _DummyThread(_AlreadyRunning):

    def __init__(self):
        super().__init__(f"Dummy-{_next_number()}", True)

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


def current_thread():
    """The Thread object of the calling thread."""
    thread = _running.get(get_ident())
    return thread if thread is not None else _DummyThread()


def currentThread():
    _deprecated('currentThread()', 'use current_thread()')
    return current_thread()


def active_count():
    """How many Thread objects are alive (including the main thread)."""
    with _registry_lock:
        return len(_running) + len(_starting)


def activeCount():
    _deprecated('activeCount()', 'use active_count()')
    return active_count()


def enumerate():
    """The Thread objects alive: the main thread, started threads, dummy threads."""
    with _registry_lock:
        return [*_running.values(), *_starting.values()]


def main_thread():
    """The main Thread object (the thread the interpreter started in)."""
    return _main_thread


_exit_calls = []
_exiting = False


def _register_atexit(func, *arg, **kwargs):
    """Calls func(*arg, **kwargs) when the main thread ends, before non-daemon threads are
    joined (concurrent.futures uses it); the last registered runs first."""
    if _exiting:
        raise RuntimeError("can't register atexit after shutdown")
    _exit_calls.append((func, arg, kwargs))


def _shutdown():
    """Called by krait when the main module has ended, before the atexit handlers: runs the
    _register_atexit calls, then waits for every non-daemon thread."""
    global _exiting
    if _main_thread._finished:
        return
    _exiting = True
    for func, arg, kwargs in reversed(_exit_calls):
        func(*arg, **kwargs)
    _main_thread._end()
    while True:
        with _registry_lock:
            waiting = list(_non_daemon)
        if not waiting:
            break
        for thread in waiting:
            thread._wait_until_finished(True)
            with _registry_lock:
                _non_daemon.discard(thread)


_main_thread = _MainThread()


# ----- Thread-local data -----

def _local_namespace(instance):
    """The calling thread's attribute dict of a `local` instance, made (and the subclass's
    __init__ called with the constructor's arguments) the first time the thread uses it."""
    namespaces = object.__getattribute__(instance, '_local__namespaces')
    key = current_thread()._local_key
    namespace = namespaces.get(key)
    if namespace is None:
        namespace = namespaces[key] = {}
        kind = type(instance)
        if kind.__init__ is not object.__init__:
            args, kwargs = object.__getattribute__(instance, '_local__arguments')
            kind.__init__(instance, *args, **kwargs)
    return namespace


class local:
    """Attributes each thread sees its own values of."""

    def __new__(cls, /, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        instance = object.__new__(cls)
        # The creating thread's namespace exists already: the constructor's own __init__
        # call fills it.
        object.__setattr__(instance, '_local__namespaces', {current_thread()._local_key: {}})
        object.__setattr__(instance, '_local__arguments', (args, kwargs))
        return instance

    def __getattribute__(self, name):
        if name == '__dict__':
            return _local_namespace(self)
        namespace = _local_namespace(self)
        if name in namespace:
            return namespace[name]
        if name.startswith('_local__'):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                f"'{type(self).__name__}' object attribute '__dict__' is read-only")
        _local_namespace(self)[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                f"'{type(self).__name__}' object attribute '__dict__' is read-only")
        try:
            del _local_namespace(self)[name]
        except KeyError:
            raise AttributeError(name) from None
