"""Context variables (PEP 567): ContextVar, Token, Context, copy_context.

Written for krait from CPython 3.11's documentation. A Context maps variables to values; its
mapping is a dict that is never changed in place — `ContextVar.set` replaces it with an
updated copy — so `copy_context()` is O(1) and a copy never sees later changes, as with
CPython's immutable HAMT. asyncio runs each task and callback in its own Context.

The current context is one per thread, as in CPython: it lives in the runtime's per-thread
state (`_thread._get_context`/`_set_context`), swapped with the thread that holds the GIL. A
thread starts with none; the first use makes an empty one. (A single module-level slot let a
thread switching contexts in `Context.run` — asyncio's event loop — restore its own context
over another thread's in the middle of the other's `run`.)
"""

from _thread import _get_context, _set_context

__all__ = ("Context", "ContextVar", "Token", "copy_context")


class _Missing:
    __slots__ = ()

    def __repr__(self):
        return "<Token.MISSING>"


_MISSING = _Missing()


class Context:
    """A mapping of ContextVars to their values, entered with `run`."""

    __module__ = "_contextvars"  # where CPython's C classes live (their repr)

    # No __slots__: krait builds plain instances faster, and asyncio copies a context for
    # every task and done callback.

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(
                f"cannot enter context: {self!r} is already entered")
        previous = _get_context()
        self._entered = True
        _set_context(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _set_context(previous)
            self._entered = False

    def copy(self):
        new = _new_context(Context)
        new._data = self._data
        new._entered = False
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


_new_context = object.__new__


# asyncio switches and copies contexts through these two (events.Handle, the event loop's
# _run_once, Task, Future): where the current context is kept is this module's business.


def _current():
    """The calling thread's current Context, made empty on its first use."""
    context = _get_context()
    if context is None:
        context = Context()
        _set_context(context)
    return context


# `_set_context(context)` (from `_thread`) makes `context` the calling thread's current Context
# (the caller restores the previous one).


def copy_context():
    """A shallow copy of the current context."""
    new = _new_context(Context)
    new._data = _current()._data
    new._entered = False
    return new


class ContextVar:
    """A variable whose value depends on the current Context."""

    __module__ = "_contextvars"  # where CPython's C classes live (their repr)

    __slots__ = ("_name", "_default", "__weakref__")

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        context = _get_context()
        data = {} if context is None else context._data
        try:
            return data[self]
        except KeyError:
            pass
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        context = _current()
        data = context._data
        old = data.get(self, _MISSING)
        new = dict(data)
        new[self] = value
        context._data = new
        return Token(context, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        context = _current()
        if token._context is not context:
            raise ValueError(f"{token!r} was created in a different Context")
        new = dict(context._data)
        if token._old_value is _MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old_value
        context._data = new
        token._used = True

    def __repr__(self):
        text = f"<ContextVar name={self._name!r}"
        if self._default is not _MISSING:
            text += f" default={self._default!r}"
        return text + f" at 0x{id(self):x}>"

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class Token:
    """What ContextVar.set returns: enough to undo the set with ContextVar.reset."""

    __module__ = "_contextvars"  # where CPython's C classes live (their repr)

    __slots__ = ("_context", "_var", "_old_value", "_used")

    MISSING = _MISSING

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
