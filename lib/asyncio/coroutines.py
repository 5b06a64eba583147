"""Recognizing coroutines and coroutine functions."""

__all__ = ("iscoroutinefunction", "iscoroutine")

import types

_COROUTINE_FLAGS = 0x80 | 0x100  # CO_COROUTINE | CO_ITERABLE_COROUTINE
_is_coroutine = object()


def iscoroutinefunction(func):
    """Whether func is a coroutine function (`async def`, or marked as one)."""
    while isinstance(func, _partial_types()):
        func = func.func
    if getattr(func, "_is_coroutine", None) is _is_coroutine:
        return True
    function = getattr(func, "__func__", func)
    code = getattr(function, "__code__", None)
    return code is not None and bool(code.co_flags & 0x80)


def _partial_types():
    import functools
    return (functools.partial,)


_iscoroutine_typecache = set()


def iscoroutine(obj):
    """Whether obj is a coroutine object."""
    kind = type(obj)
    if kind in _iscoroutine_typecache:
        return True
    if isinstance(obj, types.CoroutineType) or _is_coroutine_like(obj):
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(kind)
        return True
    return False


def _is_coroutine_like(obj):
    # collections.abc.Coroutine without importing it: send, throw, close and __await__.
    kind = type(obj)
    return all(hasattr(kind, name) for name in ("send", "throw", "close", "__await__"))


def _format_coroutine(coro):
    name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", None) \
        or type(coro).__name__
    name = f"{name}()"
    running = getattr(coro, "cr_running", False)
    code = getattr(coro, "cr_code", None)
    frame = getattr(coro, "cr_frame", None)
    if code is None:
        return name
    filename = code.co_filename
    if frame is not None:
        state = "running" if running else "running"
        return f"{name} {state} at {filename}:{frame.f_lineno}"
    return f"{name} done, defined at {filename}:{code.co_firstlineno}"
