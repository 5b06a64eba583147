"""Weak references: ref, WeakValueDictionary, WeakKeyDictionary, WeakSet.

A weak reference does not keep its referent alive. krait frees objects when it collects
garbage, not the moment the last strong reference goes as CPython does, so a referent that
is no longer used is seen as gone (ref() returns None, containers drop it) after the next
collection (gc.collect() forces one). Callbacks and finalize are not supported.
"""

import _weakref
from _collections_abc import MutableMapping as _MutableMapping, MutableSet as _MutableSet

__all__ = [
    "ref", "ReferenceType", "WeakValueDictionary", "WeakKeyDictionary", "WeakSet",
]


class ref:
    """ref(object): call it to get the object back, or None once it has been collected."""

    __slots__ = ("_cell", "_hash", "__callback__")

    def __init__(self, object, callback=None):
        if callback is not None:
            raise NotImplementedError("weak reference callbacks are not supported by krait")
        self._cell = _weakref.new(object)
        self._hash = None
        self.__callback__ = None

    def __call__(self):
        return _weakref.get(self._cell)

    def __hash__(self):
        if self._hash is None:
            referent = _weakref.get(self._cell)
            if referent is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(referent)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        mine = self()
        theirs = other()
        if mine is None or theirs is None:
            return self is other
        return mine == theirs

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __repr__(self):
        referent = self()
        if referent is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(referent).__name__, id(referent))

    def __class_getitem__(cls, item):
        return cls


ref.__module__ = "weakref"
ReferenceType = ref


class WeakValueDictionary(_MutableMapping):
    """A dict whose values are held weakly: an entry goes when its value is collected."""

    def __init__(self, other=(), /, **kwargs):
        self.data = {}
        self.update(other, **kwargs)

    def __getitem__(self, key):
        value = self.data[key]()
        if value is None:
            del self.data[key]
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        del self.data[key]

    def _alive(self):
        dead = [key for key, reference in self.data.items() if reference() is None]
        for key in dead:
            del self.data[key]
        return self.data

    def __len__(self):
        return len(self._alive())

    def __iter__(self):
        return iter(list(self._alive()))

    def __contains__(self, key):
        try:
            reference = self.data[key]
        except KeyError:
            return False
        return reference() is not None

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)

    def copy(self):
        new = WeakValueDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def valuerefs(self):
        return list(self._alive().values())

    def itervaluerefs(self):
        return iter(self.valuerefs())


class WeakKeyDictionary(_MutableMapping):
    """A dict whose keys are held weakly: an entry goes when its key is collected."""

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def _alive(self):
        dead = [reference for reference in self.data if reference() is None]
        for reference in dead:
            del self.data[reference]
        return self.data

    def __len__(self):
        return len(self._alive())

    def __iter__(self):
        return iter([reference() for reference in list(self._alive())])

    def __contains__(self, key):
        try:
            return ref(key) in self.data
        except TypeError:
            return False

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keyrefs(self):
        return list(self._alive())


class WeakSet(_MutableSet):
    """A set whose members are held weakly."""

    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            for item in data:
                self.add(item)

    def _alive(self):
        dead = [reference for reference in self.data if reference() is None]
        for reference in dead:
            self.data.discard(reference)
        return self.data

    def __iter__(self):
        return iter([reference() for reference in list(self._alive())])

    def __len__(self):
        return len(self._alive())

    def __contains__(self, item):
        try:
            return ref(item) in self.data
        except TypeError:
            return False

    def add(self, item):
        self.data.add(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def __repr__(self):
        return "<WeakSet at %#x>" % id(self)
