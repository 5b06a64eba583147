"""Futures, the executor base class, and waiting for futures (`wait`, `as_completed`),
written for krait with the behaviour of CPython 3.11's `concurrent.futures`.

A Future moves PENDING -> RUNNING -> FINISHED, or PENDING -> CANCELLED ->
CANCELLED_AND_NOTIFIED (once its executor has seen the cancellation). `wait` and
`as_completed` count a future as done once it is FINISHED or CANCELLED_AND_NOTIFIED: they
register a watcher with each future, which the future tells when it gets there."""

import collections
import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_SETTLED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

_DESCRIPTIONS = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}


class Error(Exception):
    """Base class for all future-related exceptions."""
    pass


class CancelledError(Error):
    """The Future was cancelled."""
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    pass


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional after a severe failure."""


def _report_callback_error(future):
    import sys
    sys.stderr.write(f'exception calling callback for {future!r}\n')
    sys.__excepthook__(*sys.exc_info())


def _time_left(deadline):
    return None if deadline is None else deadline - time.monotonic()


class _Watcher:
    """Collects the futures that settle, for one call of wait() or as_completed()."""

    def __init__(self):
        self._cond = threading.Condition(threading.Lock())
        self._settled = []

    def settled(self, future):
        with self._cond:
            self._settled.append(future)
            self._cond.notify_all()

    def take(self, timeout):
        """Waits (at most `timeout` seconds) until some future has settled; returns the
        futures settled since the last call."""
        with self._cond:
            self._cond.wait_for(lambda: self._settled, timeout)
            settled, self._settled = self._settled, []
            return settled


class Future(object):
    """The result of a call that runs elsewhere."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._watchers = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            text = f'<{type(self).__name__} at {id(self):#x} state={_DESCRIPTIONS[self._state]}'
            if self._state == FINISHED:
                if self._exception:
                    text += f' raised {type(self._exception).__name__}'
                else:
                    text += f' returned {type(self._result).__name__}'
            return text + '>'

    # For wait() and as_completed().

    def _watch(self, watcher):
        """Registers `watcher`; returns True instead when the future has settled already."""
        with self._condition:
            if self._state in _SETTLED_STATES:
                return True
            self._watchers.append(watcher)
            return False

    def _unwatch(self, watcher):
        with self._condition:
            if watcher in self._watchers:
                self._watchers.remove(watcher)

    def _run_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _report_callback_error(self)

    def _settle(self, state, result=None, exception=None):
        """Moves to FINISHED (or CANCELLED_AND_NOTIFIED); must hold the condition."""
        self._state = state
        self._result = result
        self._exception = exception
        for watcher in self._watchers:
            watcher.settled(self)
        self._condition.notify_all()

    # The public interface.

    def cancel(self):
        """Cancels the call unless it is running or done; returns whether it is cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in _CANCELLED_STATES:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._run_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in _DONE_STATES

    def add_done_callback(self, fn):
        """Calls fn(future) once the future is done (now, if it is already)."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _report_callback_error(self)

    def _wait_done(self, timeout):
        """Waits until done; raises CancelledError or TimeoutError. Holds the condition."""
        self._condition.wait_for(lambda: self._state in _DONE_STATES, timeout)
        if self._state in _CANCELLED_STATES:
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()

    def result(self, timeout=None):
        """The call's return value, waiting at most `timeout` seconds; raises the call's
        exception, CancelledError or TimeoutError."""
        with self._condition:
            self._wait_done(timeout)
            if self._exception is not None:
                raise self._exception
            return self._result

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting at most `timeout`."""
        with self._condition:
            self._wait_done(timeout)
            return self._exception

    # For executors.

    def set_running_or_notify_cancel(self):
        """Marks the future RUNNING and returns True, or — cancelled — tells the waiters
        and returns False."""
        with self._condition:
            if self._state == CANCELLED:
                self._settle(CANCELLED_AND_NOTIFIED)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError(f'{self._state}: {self!r}')
            self._settle(FINISHED, result, exception)
        self._run_callbacks()

    def set_result(self, result):
        """The call returned `result`."""
        self._finish(result, None)

    def set_exception(self, exception):
        """The call raised `exception`."""
        self._finish(None, exception)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _watch_all(fs, watcher):
    """Registers `watcher` with every future; returns those settled already."""
    return {future for future in fs if future._watch(watcher)}


def _unwatch_all(fs, watcher):
    for future in fs:
        future._unwatch(watcher)


def as_completed(fs, timeout=None):
    """Yields the futures of `fs` as they finish or are cancelled (those done already first);
    raises TimeoutError if some are still pending `timeout` seconds after the call."""
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    watcher = _Watcher()
    try:
        settled = _watch_all(fs, watcher)
        pending = fs - settled
        yield from settled
        while pending:
            left = _time_left(deadline)
            if left is not None and left < 0:
                raise TimeoutError(f'{len(pending)} (of {total}) futures unfinished')
            for future in watcher.take(left):
                if future in pending:
                    pending.discard(future)
                    yield future
    finally:
        _unwatch_all(fs, watcher)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def _enough(done, fs, return_when):
    """Whether wait() can return with the futures `done` out of `fs`."""
    if return_when == FIRST_COMPLETED and done:
        return True
    if return_when == FIRST_EXCEPTION and any(
            future._state == FINISHED and future._exception is not None for future in done):
        return True
    if len(done) == len(fs):
        return True
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return condition: {return_when!r}")
    return False


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits until `return_when` (FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED) holds for
    the futures `fs`, or `timeout` seconds pass; returns the sets (done, not_done)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    watcher = _Watcher()
    try:
        done = _watch_all(fs, watcher)
        while not _enough(done, fs, return_when):
            left = _time_left(deadline)
            if left is not None and left <= 0:
                break
            done.update(watcher.take(left))
    finally:
        _unwatch_all(fs, watcher)
    return DoneAndNotDoneFutures(done, fs - done)


class Executor(object):
    """The base of executors: submit(), map(), shutdown(), and `with` shutting down."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs); returns a Future for its result."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables) with the calls made concurrently; the results come in
        order, and TimeoutError if one is not ready `timeout` seconds after this call."""
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = collections.deque(self.submit(fn, *args) for args in zip(*iterables))

        def results():
            try:
                while futures:
                    future = futures.popleft()
                    try:
                        value = future.result(_time_left(deadline))
                    except BaseException:
                        future.cancel()
                        raise
                    yield value
            finally:
                for future in futures:
                    future.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Frees the executor's resources once the pending calls are done."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
