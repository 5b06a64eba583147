"""Waiting for I/O readiness: `select.select`, `select.poll` and `select.epoll`.

The waits are the native `_select` module (runtime/src/modules/select.rs); this module turns
objects with a `fileno()` method into descriptors and gives CPython's signatures and objects.
A wait interrupted by Ctrl-C raises KeyboardInterrupt; other signals resume it (PEP 475).
Not covered: `select.devpoll`, `select.kqueue` (not Linux).
"""

import _select

globals().update({name: value for name, value in vars(_select).items() if name.isupper()})

error = OSError

__all__ = ["select", "poll", "epoll", "error"]


def _fileno(value):
    if isinstance(value, int):
        return value
    try:
        method = value.fileno
    except AttributeError:
        raise TypeError("argument must be an int, or have a fileno() method.") from None
    fd = method()
    if not isinstance(fd, int):
        raise TypeError("fileno() returned a non-integer")
    return fd


def _timeout_seconds(timeout):
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        raise TypeError("timeout must be an integer or None")
    if timeout < 0:
        raise ValueError("timeout must be non-negative")
    return timeout


def select(rlist, wlist, xlist, timeout=None):
    """Waits until some of the objects are ready; returns three lists of ready objects."""
    timeout = _timeout_seconds(timeout)
    lists = []
    for objects in (rlist, wlist, xlist):
        objects = list(objects)
        lists.append((objects, [_fileno(item) for item in objects]))
    ready = _select.select(lists[0][1], lists[1][1], lists[2][1], timeout)
    result = []
    for (objects, fds), ready_fds in zip(lists, ready):
        ready_set = set(ready_fds)
        result.append([item for item, fd in zip(objects, fds) if fd in ready_set])
    return tuple(result)


class _Poll:
    """The object `select.poll()` returns."""

    def __init__(self):
        self._events = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        self._events[_fileno(fd)] = eventmask

    def modify(self, fd, eventmask):
        fd = _fileno(fd)
        if fd not in self._events:
            raise FileNotFoundError(2, "No such file or directory")
        self._events[fd] = eventmask

    def unregister(self, fd):
        del self._events[_fileno(fd)]

    def poll(self, timeout=None):
        if timeout is not None:
            if not isinstance(timeout, (int, float)):
                raise TypeError("timeout must be an integer or None")
            timeout = None if timeout < 0 else timeout / 1000
        return _select.poll(list(self._events.items()), timeout)


def poll():
    return _Poll()


class epoll:
    """An epoll(7) instance."""

    def __init__(self, sizehint=-1, flags=0):
        if sizehint == 0 or sizehint < -1:
            raise ValueError("negative sizehint")
        self._fd = _select.epoll_create()

    @classmethod
    def fromfd(cls, fd):
        instance = cls.__new__(cls)
        instance._fd = fd
        return instance

    def _check(self):
        if self._fd < 0:
            raise ValueError("I/O operation on closed epoll object")

    @property
    def closed(self):
        return self._fd < 0

    def close(self):
        if self._fd >= 0:
            fd = self._fd
            self._fd = -1
            import posix
            posix.close(fd)

    def fileno(self):
        self._check()
        return self._fd

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        self._check()
        _select.epoll_ctl(self._fd, EPOLL_CTL_ADD, _fileno(fd), eventmask)

    def modify(self, fd, eventmask):
        self._check()
        _select.epoll_ctl(self._fd, EPOLL_CTL_MOD, _fileno(fd), eventmask)

    def unregister(self, fd):
        self._check()
        _select.epoll_ctl(self._fd, EPOLL_CTL_DEL, _fileno(fd), 0)

    def poll(self, timeout=None, maxevents=-1):
        self._check()
        if timeout is not None:
            if not isinstance(timeout, (int, float)):
                raise TypeError("timeout must be an integer or None")
            if timeout < 0:
                timeout = None
        if maxevents == -1:
            maxevents = 1023
        elif maxevents <= 0:
            raise ValueError(f"maxevents must be greater than 0, got {maxevents}")
        return _select.epoll_wait(self._fd, timeout, maxevents)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()
