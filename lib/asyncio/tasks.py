"""Tasks: coroutines driven by the event loop, and the functions that combine them.

A Task steps its coroutine once per loop callback: `coro.send(None)` (or `throw` of the
exception a future it waited on ended with) runs it to its next `await` of a pending Future;
the task then adds its wake-up as that future's done callback. A bare `yield` (what
`sleep(0)` does) reschedules the next step at the end of the ready queue. This is CPython
3.11's algorithm step for step, so tasks interleave exactly as they do there.
"""

__all__ = (
    "Task", "create_task", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
    "wait", "wait_for", "as_completed", "sleep", "gather", "shield", "ensure_future",
    "run_coroutine_threadsafe", "current_task", "all_tasks",
    "_register_task", "_unregister_task", "_enter_task", "_leave_task",
)

import contextvars
import functools
import types

from . import coroutines
from . import events
from . import exceptions
from . import futures

# The number in the last default task name "Task-N".
_task_name_number = 0

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_GeneratorType = types.GeneratorType
_PENDING = futures._PENDING
_FINISHED = futures._FINISHED
# contextvars.copy_context() is inlined where every task pays for it.
_Context = contextvars.Context
_current_context = contextvars._current
_new_object = object.__new__
_iscoroutine = coroutines.iscoroutine
_CoroutineType = types.CoroutineType
_coroutine_types = (_CoroutineType,)
_future_cancel = futures.Future.cancel
_future_set_result = futures.Future.set_result
_future_set_exception = futures.Future.set_exception


def current_task(loop=None):
    """The task running now on loop (the running loop by default), or None."""
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    """The set of the loop's tasks that are not done yet."""
    if loop is None:
        loop = events.get_running_loop()
    tasks = list(_all_tasks)
    return {task for task in tasks if futures._get_loop(task) is loop and not task.done()}


def _set_task_name(task, name):
    if name is not None:
        task.set_name(name)


def _task_repr_info(task):
    info = futures._future_repr_info(task)
    if task.cancelling() and not task.done():
        info[0] = "cancelling"
    info.insert(1, "name=%r" % task.get_name())
    info.insert(2, f"coro=<{coroutines._format_coroutine(task._coro)}>")
    if task._fut_waiter is not None:
        info.insert(3, f"wait_for={task._fut_waiter!r}")
    return info


class Task(futures.Future):
    """A coroutine wrapped in a Future and scheduled on the loop."""

    # While a task is not done, either _fut_waiter is None and _step is scheduled, or
    # _fut_waiter is a Future whose done callbacks include _wakeup and _step is not scheduled.

    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None):
        # Future.__init__ inlined: a task is made for every gather() child.
        if loop is None:
            self._loop = loop = events._get_event_loop()
        else:
            self._loop = loop
        # Stored now although the class has the same defaults, so that every task gets
        # the same attribute layout (shape) and finishing it changes values, not layouts.
        self._state = _PENDING
        self._result = None
        self._callbacks = []
        if type(coro) not in _coroutine_types and not _iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            # The number of the default name "Task-N", formatted when it is first asked for.
            global _task_name_number
            _task_name_number += 1
            self._name = _task_name_number
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        if context is None:
            # contextvars.copy_context() inlined.
            context = _new_object(_Context)
            context._data = _current_context()._data
            context._entered = False
        self._context = context
        call_soon = loop.call_soon
        if getattr(call_soon, "__func__", None) is futures._base_call_soon:
            # BaseEventLoop.call_soon's work without its *args and keyword binding.
            loop._call_soon_positional(self._step, (), context)
        else:
            call_soon(self._step, context=context)
        _all_tasks[self] = None

    def __repr__(self):
        info = " ".join(_task_repr_info(self))
        return f"<{self.__class__.__name__} {info}>"

    def get_coro(self):
        return self._coro

    def get_name(self):
        name = self._name
        if type(name) is int:
            self._name = name = f"Task-{name}"
        return name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def get_stack(self, *, limit=None):
        return []

    def print_stack(self, *, limit=None, file=None):
        import sys
        print(f"No stack for {self!r}", file=file or sys.stderr)

    def cancel(self, msg=None):
        """Asks the coroutine to stop: CancelledError is thrown into it at its next step."""
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                # Keep _fut_waiter: it may be a task that ignores the cancellation.
                return True
        # _step is already scheduled: it will throw CancelledError in.
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError(f"_step(): already done: {self!r}, {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        loop = self._loop
        # _enter_task inlined.
        current = _current_tasks.get(loop)
        if current is not None:
            raise RuntimeError(f"Cannot enter into task {self!r} while another "
                               f"task {current!r} is being executed.")
        _current_tasks[loop] = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # Cancelled right before the coroutine returned.
                self._must_cancel = False
                _future_cancel(self, msg=self._cancel_message)
            else:
                _future_set_result(self, stop.value)
        except exceptions.CancelledError as cancelled:
            self._cancelled_exc = cancelled  # chained to the CancelledError result() raises
            _future_cancel(self)
        except (KeyboardInterrupt, SystemExit) as error:
            _future_set_exception(self, error)
            raise
        except BaseException as error:
            _future_set_exception(self, error)
        else:
            if result is None:
                # A bare yield (sleep(0)) gives up the loop for one iteration.
                call_soon = loop.call_soon
                if getattr(call_soon, "__func__", None) is futures._base_call_soon:
                    loop._call_soon_positional(self._step, (), self._context)
                else:
                    call_soon(self._step, context=self._context)
            else:
                self._handle_yield(result)
        finally:
            # _leave_task inlined.
            current = _current_tasks.get(loop)
            if current is not self:
                raise RuntimeError(f"Leaving task {self!r} does not match "
                                   f"the current task {current!r}.")
            del _current_tasks[loop]
            if self._state != _PENDING:
                _all_tasks.pop(self, None)

    def _handle_yield(self, result):
        blocking = getattr(result, "_asyncio_future_blocking", None)
        if blocking is not None:
            # A Future from Future.__await__.
            if futures._get_loop(result) is not self._loop:
                error = RuntimeError(f"Task {self!r} got Future {result!r} "
                                     "attached to a different loop")
                self._loop.call_soon(self._step, error, context=self._context)
            elif blocking:
                if result is self:
                    error = RuntimeError(f"Task cannot await on itself: {self!r}")
                    self._loop.call_soon(self._step, error, context=self._context)
                else:
                    result._asyncio_future_blocking = False
                    if type(result) in _OWN_FUTURES:
                        result._add_done_callback(self._wakeup, self._context)
                    else:
                        result.add_done_callback(self._wakeup, context=self._context)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                error = RuntimeError("yield was used instead of yield from "
                                     f"in task {self!r} with {result!r}")
                self._loop.call_soon(self._step, error, context=self._context)
        elif result is None:
            # A bare yield gives up the loop for one iteration.
            self._loop.call_soon(self._step, context=self._context)
        elif isinstance(result, _GeneratorType):
            error = RuntimeError("yield was used instead of yield from for "
                                 f"generator in task {self!r} with {result!r}")
            self._loop.call_soon(self._step, error, context=self._context)
        else:
            error = RuntimeError(f"Task got bad yield: {result!r}")
            self._loop.call_soon(self._step, error, context=self._context)

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            # Possibly a cancellation.
            self._step(exc)
        else:
            self._step()


_PyTask = Task


def create_task(coro, *, name=None, context=None):
    """Schedules coro as a Task on the running loop."""
    loop = events.get_running_loop()
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    _set_task_name(task, name)
    return task


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures or tasks in fs; returns (done, pending) sets."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    fs = set(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    """Waits for fut with a timeout: on timeout cancels it and raises TimeoutError."""
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    callback = functools.partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(callback)
    try:
        try:
            await waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(callback)
            await _cancel_and_wait(fut, loop=loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(callback)
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    callback = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(callback)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(callback)


def as_completed(fs, *, timeout=None):
    """An iterator of awaitables that give the results of fs in the order they complete."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    from .queues import Queue
    done = Queue()
    loop = events._get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # a dummy value for _wait_for_one
        todo.clear()

    def _on_completion(f):
        if not todo:
            return  # _on_timeout came first
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


class _Sleep0:
    """An awaitable that yields once (a bare yield): the task's next step goes to the end
    of the ready queue."""

    __slots__ = ()

    def __await__(self):
        yield


_sleep0 = _Sleep0()


async def sleep(delay, result=None):
    """Suspends the task for delay seconds; sleep(0) just lets the other tasks run once."""
    if delay <= 0:
        await _sleep0
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


def ensure_future(coro_or_future, *, loop=None):
    """A Future for coro_or_future: itself if it is one, else a Task running it."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError("The future belongs to a different loop than "
                             "the one specified as the loop argument")
        return coro_or_future
    wrapped = False
    if not coroutines.iscoroutine(coro_or_future):
        if hasattr(type(coro_or_future), "__await__"):
            coro_or_future = _wrap_awaitable(coro_or_future)
            wrapped = True
        else:
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    if loop is None:
        loop = events._get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not wrapped:
            coro_or_future.close()
        raise


async def _wrap_awaitable(awaitable):
    return await awaitable


class _GatheringFuture(futures.Future):
    """gather()'s outer future: cancelling it cancels the children, like Task.cancel()."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled = True
        if cancelled:
            self._cancel_requested = True
        return cancelled


# The exact classes whose methods gather and Task may inline or call positionally
# (a subclass may override them).
_OWN_FUTURES = (futures.Future, Task, _GatheringFuture)


def gather(*coros_or_futures, return_exceptions=False):
    """A future for the list of the results of all the awaitables, in argument order."""
    if not coros_or_futures:
        loop = events._get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal finished
        finished += 1
        if outer is None or outer._state != _PENDING:
            if not fut.cancelled():
                fut.exception()  # mark the exception retrieved
            return
        if not return_exceptions:
            if type(fut) in _OWN_FUTURES and fut._state == _FINISHED:
                # fut.cancelled() and fut.exception() inlined for asyncio's own classes.
                fut._log_traceback = False
                exc = fut._exception
            elif fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            else:
                exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished == count:
            results = []
            for child in children:
                if type(child) in _OWN_FUTURES and child._state == _FINISHED:
                    # child.exception() or else child.result(), inlined.
                    child._log_traceback = False
                    result = child._exception
                    if result is None:
                        result = child._result
                elif child.cancelled():
                    result = exceptions.CancelledError(
                        "" if child._cancel_message is None else child._cancel_message)
                else:
                    result = child.exception()
                    if result is None:
                        result = child.result()
                results.append(result)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    count = 0
    finished = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            if type(arg) is _CoroutineType and loop is not None:
                # _ensure_future's path for a plain coroutine, without its type tests.
                try:
                    fut = loop.create_task(arg)
                except RuntimeError:
                    arg.close()
                    raise
            else:
                fut = _ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                fut._log_destroy_pending = False
            count += 1
            arg_to_fut[arg] = fut
            if type(fut) in _OWN_FUTURES:
                fut._add_done_callback(_done_callback, None)
            else:
                fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """A future for arg that cancelling does not pass on to arg."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """Schedules `coro` on `loop` from another thread; returns a concurrent.futures.Future."""
    if not coroutines.iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    import concurrent.futures
    result = concurrent.futures.Future()

    def start():
        try:
            futures._chain_future(ensure_future(coro, loop=loop), result)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as error:
            if result.set_running_or_notify_cancel():
                result.set_exception(error)
            raise

    loop.call_soon_threadsafe(start)
    return result


# The tasks not finished yet. CPython keeps a WeakSet of all tasks and filters out the done
# ones; krait has no finalizers to empty a WeakSet promptly, so it keeps the pending tasks
# and forgets each one when it finishes. (A pending task nobody references any more is
# kept here, and so cancelled by asyncio.run at the end, where CPython may have collected
# it first.)
_all_tasks = {}
_current_tasks = {}


def _register_task(task):
    _all_tasks[task] = None


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another "
                           f"task {current!r} is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match "
                           f"the current task {current!r}.")
    del _current_tasks[loop]


def _unregister_task(task):
    _all_tasks.pop(task, None)
