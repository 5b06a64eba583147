"""Future: a result that is not there yet, with callbacks run by the loop when it is.

Callbacks never run inside set_result()/set_exception()/cancel(): they are scheduled with
the loop's call_soon in the order they were added, each in the Context it was added with —
the order CPython's asyncio runs them in, which decides how tasks interleave.
"""

__all__ = ("Future", "wrap_future", "isfuture")

import contextvars

from . import events
from . import exceptions
from . import format_helpers

# contextvars.copy_context() is inlined where every task or callback pays for it.
_Context = contextvars.Context
_current_context = contextvars._current
_new_object = object.__new__

# BaseEventLoop.call_soon (set by base_events, which imports this module): a loop whose
# call_soon is that function gets its callbacks through _call_soon_positional, the same
# work without the *args and keyword binding; any other call_soon (a subclass's, a patched
# one) is called as CPython calls it.
_base_call_soon = None


_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def isfuture(obj):
    """Whether obj is a Future (or advertises itself as one with _asyncio_future_blocking)."""
    return (hasattr(obj.__class__, "_asyncio_future_blocking") and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(callbacks):
    size = len(callbacks)

    def format_callback(callback):
        return format_helpers._format_callback_source(callback, ())

    if size == 1:
        text = format_callback(callbacks[0][0])
    elif size == 2:
        text = "{}, {}".format(format_callback(callbacks[0][0]),
                               format_callback(callbacks[1][0]))
    elif size > 2:
        text = "{}, <{} more>, {}".format(format_callback(callbacks[0][0]), size - 2,
                                          format_callback(callbacks[-1][0]))
    else:
        text = ""
    return f"cb=[{text}]"


def _short_repr(value):
    text = repr(value)
    if len(text) > 30:
        text = text[:13] + "..." + text[-14:]
    return text


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f"exception={future._exception!r}")
        else:
            info.append(f"result={_short_repr(future._result)}")
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


class Future:
    """A result to come: set_result/set_exception/cancel once, awaited by tasks."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    _log_traceback = False

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop
        # Stored now although the class has the same defaults, so that every future gets
        # the same attribute layout (shape) and finishing it changes values, not layouts.
        self._state = _PENDING
        self._result = None
        self._asyncio_future_blocking = False
        self._callbacks = []

    def __repr__(self):
        info = " ".join(_future_repr_info(self))
        return f"<{self.__class__.__name__} {info}>"

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        # Called once per cancellation: it hands out (and forgets) the saved CancelledError.
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = exceptions.CancelledError()
        else:
            exc = exceptions.CancelledError(self._cancel_message)
        exc.__context__ = self._cancelled_exc
        self._cancelled_exc = None
        return exc

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        # A done future takes no more callbacks (add_done_callback schedules them at once):
        # a shared empty tuple instead of a new list.
        self._callbacks = ()
        loop = self._loop
        for callback, context in callbacks:
            loop.call_soon(callback, self, context=context)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Result is not set.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception.with_traceback(self._exception_tb)
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        self._add_done_callback(fn, context)

    def _add_done_callback(self, fn, context):
        # add_done_callback with positional arguments, for gather's children of asyncio's own
        # classes: krait binds a keyword-only argument at a cost.
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            if context is None:
                # contextvars.copy_context() inlined.
                context = _new_object(_Context)
                context._data = _current_context()._data
                context._entered = False
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        kept = [(f, context) for (f, context) in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        # _schedule_callbacks inlined: every task finishes here.
        callbacks = self._callbacks
        if callbacks:
            self._callbacks = ()
            loop = self._loop
            call_soon = loop.call_soon
            if getattr(call_soon, "__func__", None) is _base_call_soon:
                # BaseEventLoop.call_soon's work, without its *args and keyword binding.
                for callback, context in callbacks:
                    loop._call_soon_positional(callback, (self,), context)
            else:
                for callback, context in callbacks:
                    call_soon(callback, self, context=context)

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self  # the Task waits for this future to be done
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


_PyFuture = Future


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        return fut._loop
    return get_loop()


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def _copy_future_state(source, dest):
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(exception)
        else:
            dest.set_result(source.result())


def _settle_concurrent(concurrent, source):
    """Completes a concurrent.futures.Future like the asyncio future `source`."""
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(exception)
    else:
        concurrent.set_result(source.result())


def _owning_loop(future):
    return _get_loop(future) if isfuture(future) else None


def _chain_future(source, destination):
    """Completes destination like source; cancelling destination cancels source.

    Either side may be a concurrent.futures.Future completed by another thread: what
    happens to an asyncio future is then handed to its loop with call_soon_threadsafe.
    """
    import concurrent.futures
    for future in (source, destination):
        if not isfuture(future) and not isinstance(future, concurrent.futures.Future):
            raise TypeError("A future is required")
    source_loop = _owning_loop(source)
    destination_loop = _owning_loop(destination)

    def settle(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _settle_concurrent(future, other)

    def on_destination_done(destination):
        if not destination.cancelled():
            return
        if source_loop is None or source_loop is destination_loop:
            source.cancel()
        else:
            source_loop.call_soon_threadsafe(source.cancel)

    def on_source_done(source):
        if destination.cancelled() and destination_loop is not None \
                and destination_loop.is_closed():
            return
        if destination_loop is None or destination_loop is source_loop:
            settle(destination, source)
        elif not destination_loop.is_closed():
            destination_loop.call_soon_threadsafe(settle, destination, source)

    destination.add_done_callback(on_destination_done)
    source.add_done_callback(on_source_done)


def wrap_future(future, *, loop=None):
    """An asyncio future that completes like the concurrent.futures.Future `future`."""
    if isfuture(future):
        return future
    import concurrent.futures
    if not isinstance(future, concurrent.futures.Future):
        # CPython checks this with an assert.
        raise AssertionError(f"concurrent.futures.Future is expected, got {future!r}")
    if loop is None:
        loop = events.get_event_loop()
    wrapped = loop.create_future()
    _chain_future(future, wrapped)
    return wrapped
