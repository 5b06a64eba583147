"""ThreadPoolExecutor, written for krait with the behaviour of CPython 3.11's.

A pool starts worker threads as work arrives — only when no worker is idle — up to
`max_workers`, named `PREFIX_0`, `PREFIX_1`, … (`ThreadPoolExecutor-N` by default). Workers
take work items from one queue; a `None` in the queue tells a worker to leave, and it puts the
`None` back for the next one. When the main thread ends, every pool still running is shut down
and its workers joined (through `threading._register_atexit`, before non-daemon threads are
joined), as in CPython."""

import itertools
import os
import queue
import threading

from concurrent.futures import _base

# Pools whose workers may still run, for the exit.
_live_pools = []
_interpreter_exiting = False
_exit_lock = threading.Lock()


def _stop_all_pools():
    global _interpreter_exiting
    with _exit_lock:
        _interpreter_exiting = True
    for pool in list(_live_pools):
        pool._work_queue.put(None)
    for pool in list(_live_pools):
        pool._join_workers()


threading._register_atexit(_stop_all_pools)


def _report(message):
    import sys
    sys.stderr.write(message + '\n')
    sys.__excepthook__(*sys.exc_info())


class _WorkItem(object):
    """One submitted call and the future for its outcome."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as error:
            self.future.set_exception(error)
        else:
            self.future.set_result(result)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


class ThreadPoolExecutor(_base.Executor):
    """Runs calls in a pool of at most `max_workers` threads."""

    # Numbers the default name prefixes: ThreadPoolExecutor-0, -1, …
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_workers = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or f"ThreadPoolExecutor-{self._counter()}"
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs) on a worker; returns its Future."""
        with self._shutdown_lock, _exit_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _interpreter_exiting:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            future = _base.Future()
            self._work_queue.put(_WorkItem(future, fn, args, kwargs))
            self._add_worker_unless_one_is_idle()
            return future

    def _add_worker_unless_one_is_idle(self):
        if self._idle_workers.acquire(timeout=0):
            return
        if len(self._threads) >= self._max_workers:
            return
        name = f"{self._thread_name_prefix}_{len(self._threads)}"
        worker = threading.Thread(name=name, target=self._work)
        worker.start()
        self._threads.add(worker)
        if self not in _live_pools:
            _live_pools.append(self)

    def _work(self):
        """A worker thread: runs work items until it finds None in the queue."""
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException:
                _report('Exception in initializer:')
                self._initializer_failed()
                return
        while True:
            item = self._work_queue.get()
            if item is None:
                # Leave, and let the next worker see the None too.
                self._work_queue.put(None)
                return
            item.run()
            del item
            self._idle_workers.release()

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            for item in self._take_queued_items():
                item.future.set_exception(BrokenThreadPool(self._broken))

    def _take_queued_items(self):
        items = []
        while True:
            try:
                item = self._work_queue.get_nowait()
            except queue.Empty:
                return items
            if item is not None:
                items.append(item)

    def _join_workers(self):
        for worker in list(self._threads):
            worker.join()
        if self in _live_pools:
            _live_pools.remove(self)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Accepts no more calls; `cancel_futures` cancels those not started yet; with `wait`,
        returns once the workers have finished the rest."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                for item in self._take_queued_items():
                    item.future.cancel()
            self._work_queue.put(None)
        if wait:
            self._join_workers()
