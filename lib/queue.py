"""Queues for handing work between threads, written for krait with CPython 3.11's behaviour:
Queue (first in, first out), LifoQueue, PriorityQueue (lowest first), SimpleQueue, with
blocking and timed put/get, task_done()/join(), and the Empty and Full exceptions.

Queue and its subclasses keep items in a container their `_init`, `_qsize`, `_put` and `_get`
methods manage (subclasses override these, as in CPython); every wait is on a Condition over
one lock, so it releases the GIL."""

import threading
from collections import deque
from heapq import heappop, heappush
from time import monotonic

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


def _wait(condition, ready, block, timeout, failure):
    """With `condition` held: waits until ready() (at most `timeout` seconds, not at all
    unless `block`); raises `failure` if it does not get there."""
    if ready():
        return
    if not block:
        raise failure
    if not condition.wait_for(ready, timeout):
        raise failure


class Queue:
    """A first-in, first-out queue holding at most `maxsize` items (<= 0: no limit)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        # Three conditions over the one lock: items arrived, room appeared, all tasks done.
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def _has_room(self):
        return self.maxsize <= 0 or self._qsize() < self.maxsize

    def task_done(self):
        """Marks one item taken with get() as processed, for join()."""
        with self.mutex:
            if self.unfinished_tasks <= 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks -= 1
            if self.unfinished_tasks == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        """Waits until every item put has been taken and marked done."""
        with self.mutex:
            self.all_tasks_done.wait_for(lambda: self.unfinished_tasks == 0)

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return self._qsize() == 0

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Adds an item, waiting (at most `timeout` seconds) for room if the queue is full."""
        with self.mutex:
            if block and self.maxsize > 0:
                _check_timeout(timeout)
            _wait(self.not_full, self._has_room, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Removes and returns the next item, waiting (at most `timeout` seconds) for one."""
        with self.mutex:
            if block:
                _check_timeout(timeout)
            _wait(self.not_empty, self._qsize, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The container: overridden by the other kinds of queue.

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class PriorityQueue(Queue):
    """Hands out the lowest item first (entries are often `(priority, data)` tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """Hands out the most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded first-in, first-out queue, without task tracking."""

    def __init__(self):
        self._items = deque()
        self._available = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        self._items.append(item)
        self._available.release()

    def get(self, block=True, timeout=None):
        if block:
            _check_timeout(timeout)
        if not self._available.acquire(block, timeout if block else None):
            raise Empty
        return self._items.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._items) == 0

    def qsize(self):
        return len(self._items)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
