"""Functions to run when the interpreter exits: `register`, `unregister`.

Handlers run last-registered first, after the main module finishes (normally, through
`sys.exit`, or with an uncaught exception, after its traceback). krait's command line asks
this module for them one at a time (`_call_next`); an exception in one is reported as
"Exception ignored in atexit callback" and the others still run, as in CPython.
"""

__all__ = ['register', 'unregister']

_handlers = []
_current = None


def register(func, /, *args, **kwargs):
    """Runs `func(*args, **kwargs)` at exit; returns `func` (so it works as a decorator)."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _handlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Forgets every registration of `func`."""
    _handlers[:] = [entry for entry in _handlers if entry[0] != func]


def _clear():
    """Forgets every handler."""
    del _handlers[:]


def _ncallbacks():
    """How many handlers are registered."""
    return len(_handlers)


def _run_exitfuncs():
    """Runs and forgets every handler now (last registered first)."""
    while _call_next():
        pass


def _call_next():
    """Runs the most recently registered handler that is left; False when none is."""
    global _current
    if not _handlers:
        return False
    func, args, kwargs = _handlers.pop()
    _current = func
    func(*args, **kwargs)
    return True
