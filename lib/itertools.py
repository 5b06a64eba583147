"""Iterator building blocks.

Most tools are a function that checks its arguments and takes iter() of its inputs at once
(so errors surface at the call, as in CPython) and then returns a generator that does the
work; `type(...)` of their results is therefore `generator`. count, repeat, groupby and tee
keep state that their callers can see (a repr, a shared buffer), so they are classes.
"""

import sys as _sys

__all__ = [
    "accumulate", "chain", "combinations", "combinations_with_replacement", "compress",
    "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
    "permutations", "product", "repeat", "starmap", "takewhile", "tee", "zip_longest",
]


def _as_index(value, message=None):
    try:
        method = type(value).__index__
    except AttributeError:
        raise TypeError(
            message or f"'{type(value).__name__}' object cannot be interpreted as an integer"
        ) from None
    return method(value)


def _is_number(value):
    cls = type(value)
    return (isinstance(value, (int, float, complex)) or hasattr(cls, "__index__")
            or hasattr(cls, "__int__") or hasattr(cls, "__float__")
            or hasattr(cls, "__complex__"))


# Infinite iterators.

class count:
    """An endless iterator of start, start + step, start + 2*step, ..."""

    __slots__ = ("_next", "_step")

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if type(step) is int and step == 1:
            return f"{name}({self._next!r})"
        return f"{name}({self._next!r}, {step!r})"

    def __reduce__(self):
        return type(self), (self._next, self._step)


def cycle(iterable):
    """The items of iterable, then the same items again, endlessly (kept from the first pass)."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        yield from saved


class repeat:
    """An iterator of object, endlessly or `times` times."""

    __slots__ = ("_object", "_times")

    def __init__(self, *args, **kwargs):
        if "object" in kwargs:
            args = (kwargs.pop("object"),) + args
        if "times" in kwargs:
            args = args + (kwargs.pop("times"),)
        if kwargs:
            raise TypeError(
                f"repeat() got an unexpected keyword argument '{next(iter(kwargs))}'"
            )
        if not args:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        if len(args) > 2:
            raise TypeError(f"repeat() takes at most 2 arguments ({len(args)} given)")
        self._object = args[0]
        if len(args) == 2:
            times = _as_index(args[1])
            self._times = times if times > 0 else 0
        else:
            self._times = None

    def __iter__(self):
        return self

    def __next__(self):
        times = self._times
        if times is None:
            return self._object
        if times == 0:
            raise StopIteration
        self._times = times - 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        name = type(self).__name__
        if self._times is None:
            return f"{name}({self._object!r})"
        return f"{name}({self._object!r}, {self._times})"

    def __reduce__(self):
        if self._times is None:
            return type(self), (self._object,)
        return type(self), (self._object, self._times)


# Iterators terminating on the shortest input sequence.

def accumulate(iterable, func=None, *, initial=None):
    """Running totals of the items (or running results of func(total, item)), starting with
    initial when given."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def chain(*iterables):
    """The items of each iterable in turn."""
    for iterable in iterables:
        yield from iterable


def _from_iterable(iterables):
    """The items of each iterable that `iterables` yields, in turn (taken lazily)."""
    for iterable in iterables:
        yield from iterable


def _chain_from_iterable(iterables):
    return _from_iterable(iter(iterables))


_chain_from_iterable.__name__ = "from_iterable"
_chain_from_iterable.__qualname__ = "chain.from_iterable"
chain.from_iterable = _chain_from_iterable


def compress(data, selectors):
    """The items of data whose corresponding selector is true."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    """Skip the items while predicate(item) is true, then give everything that follows."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def filterfalse(function, iterable):
    """The items for which function(item) is false (or which are false, when function is None)."""
    return _filterfalse(function, iter(iterable))


def _filterfalse(function, it):
    if function is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not function(x):
                yield x


class groupby:
    """Runs of consecutive items with equal keys: pairs of (key, iterator over the run).
    key(item) is the key, or the item itself when key is None."""

    __slots__ = ("_it", "_keyfunc", "_target_key", "_current_key", "_current_value",
                 "_current_grouper")

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        # _current_* is the element read last (its value is _MISSING once a group handed it
        # out); _target_key is the key of the group handed out last.
        self._target_key = self._current_key = self._current_value = _MISSING
        # Only the newest group may advance the shared iterator.
        self._current_grouper = None

    def __iter__(self):
        return self

    def _step(self):
        """Read the next element; StopIteration when the input is exhausted."""
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._current_value = value
        self._current_key = key

    def __next__(self):
        self._current_grouper = None
        # Skip the rest of the previous group.
        while True:
            if self._current_key is _MISSING:
                pass
            elif self._target_key is _MISSING:
                break
            elif not _same(self._target_key, self._current_key):
                break
            self._step()
        self._target_key = self._current_key
        grouper = _grouper(self, self._target_key)
        self._current_grouper = grouper
        return self._current_key, grouper


_MISSING = object()


def _same(a, b):
    return a is b or a == b


class _grouper:
    """The iterator over one group of a groupby; it stops once its groupby moves on."""

    __slots__ = ("_parent", "_target_key")

    def __init__(self, parent, target_key):
        self._parent = parent
        self._target_key = target_key

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._current_grouper is not self:
            raise StopIteration
        if parent._current_value is _MISSING:
            parent._step()
        if not _same(self._target_key, parent._current_key):
            raise StopIteration
        value = parent._current_value
        parent._current_value = _MISSING
        return value


def islice(*args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]): the items at the
    positions range(start, stop, step) would give (all non-negative; stop None for no
    end)."""
    if len(args) < 2:
        raise TypeError(f"islice expected at least 2 arguments, got {len(args)}")
    if len(args) > 4:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args)}")
    iterable = args[0]
    if len(args) == 2:
        start, stop, step = 0, args[1], 1
        stop = _islice_bound(stop, "Stop argument for islice() must be None or an integer: "
                                   "0 <= x <= sys.maxsize.")
    else:
        start = args[1]
        stop = args[2]
        step = args[3] if len(args) == 4 else 1
        message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        start = _islice_bound(start, message)
        stop = _islice_bound(stop, "Stop argument for islice() must be None or an integer: "
                                   "0 <= x <= sys.maxsize.")
        if start is None:
            start = 0
        if step is None:
            step = 1
        else:
            try:
                step = _as_index(step)
            except TypeError:
                step = -1
            if step < 1:
                raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(iterable), start, stop, step)


def _islice_bound(value, message):
    if value is None:
        return None
    try:
        value = _as_index(value)
    except TypeError:
        raise ValueError(message) from None
    if value < 0 or value > _sys.maxsize:
        raise ValueError(message)
    return value


def _islice(it, start, stop, step):
    # As CPython: skip to the next wanted index, stop at `stop`; what lies between the last
    # element yielded and `stop` is consumed only when the next element is asked for.
    count = 0
    wanted = start
    while True:
        while count < wanted:
            try:
                next(it)
            except StopIteration:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        count += 1
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop
        yield item


def pairwise(iterable):
    """Overlapping pairs of consecutive items: (s0, s1), (s1, s2), ..."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def starmap(function, iterable):
    """function(*args) for each args tuple of iterable."""
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        if type(args) is not tuple:
            args = tuple(args)
        yield function(*args)


def takewhile(predicate, iterable):
    """The items while predicate(item) is true; stop at the first for which it is false."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            return


class _TeeLink:
    """One cell of the buffer that tee iterators share: a value and the next cell (None
    until some iterator reads further)."""

    __slots__ = ("value", "next")

    def __init__(self):
        self.value = None
        self.next = None


class _tee:
    """One of the iterators tee() returns; copy.copy() of it gives another at the same
    position."""

    __slots__ = ("_source", "_link")

    def __init__(self, source, link):
        self._source = source
        # The cell this iterator reads next; an empty cell (next is None) is the end of
        # what has been read so far.
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._source)
            link.value = value
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._source, self._link)


def tee(iterable, n=2):
    """n independent iterators over the items of iterable."""
    n = _as_index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if hasattr(type(it), "__copy__"):
        first = it
    else:
        first = _tee(it, _TeeLink())
    result = [first]
    for _ in range(n - 1):
        result.append(result[-1].__copy__())
    return tuple(result)


def zip_longest(*iterables, fillvalue=None):
    """Tuples of the i-th items of each iterable, until the longest is exhausted; missing items
    are fillvalue."""
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            if it is None:
                values.append(fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


# Combinatoric iterators.

def product(*iterables, repeat=1):
    """The cartesian product of the iterables (each repeated `repeat` times): the tuples nested
    for-loops would make, rightmost varying fastest."""
    repeat = _as_index(repeat)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    if any(not pool for pool in pools):
        return
    indices = [0] * n
    current = [pool[0] for pool in pools]
    yield tuple(current)
    while True:
        # Advance the rightmost index that can move, resetting the ones after it.
        i = n - 1
        while i >= 0:
            pool = pools[i]
            indices[i] += 1
            if indices[i] < len(pool):
                current[i] = pool[indices[i]]
                break
            indices[i] = 0
            current[i] = pool[0]
            i -= 1
        if i < 0:
            return
        yield tuple(current)


def _check_r(r, required):
    if r is None and not required:
        return None
    if required:
        r = _as_index(r)
    elif not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


def permutations(iterable, r=None):
    """The r-length orderings of the items (all of them when r is None), in lexicographic order
    of positions."""
    pool = tuple(iterable)
    r = _check_r(r, False)
    if r is None:
        r = len(pool)
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    # Lexicographic order by position: `used` marks pool positions taken by the prefix.
    indices = list(range(r))
    used = [False] * n
    for i in indices:
        used[i] = True
    yield tuple(pool[i] for i in indices)
    while True:
        # Find the rightmost position that can take a larger unused index.
        i = r - 1
        while i >= 0:
            used[indices[i]] = False
            j = indices[i] + 1
            while j < n and used[j]:
                j += 1
            if j < n:
                indices[i] = j
                used[j] = True
                # Refill the positions after i with the smallest unused indices.
                k = 0
                for p in range(i + 1, r):
                    while used[k]:
                        k += 1
                    indices[p] = k
                    used[k] = True
                break
            i -= 1
        if i < 0:
            return
        yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    """The r-length subsequences of the items, in lexicographic order of positions."""
    pool = tuple(iterable)
    r = _check_r(r, True)
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        # The rightmost index not yet at its final value (n - r + position).
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """The r-length subsequences of the items where an item may repeat, in lexicographic order
    of positions."""
    pool = tuple(iterable)
    r = _check_r(r, True)
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        value = indices[i] + 1
        for j in range(i, r):
            indices[j] = value
        yield tuple(pool[i] for i in indices)
