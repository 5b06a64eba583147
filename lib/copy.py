"""Shallow and deep copy operations.

copy(x) returns x itself for immutable atoms, uses `.copy()` for the built-in containers,
then a class's `__copy__`, and otherwise rebuilds the object from its reduction (what
`__reduce_ex__(4)` describes: a constructor and its arguments, a state, list items and dict
items). deepcopy(x, memo) does the same with `__deepcopy__(memo)`, copying the parts
recursively; `memo` maps id(original) to its copy, so shared and recursive structures stay
shared and recursive.

For a class that defines no reduction of its own, the default one is computed here: the
object's class called through `__new__` (with `__getnewargs_ex__`/`__getnewargs__` when
present), then its `__getstate__()` or else its `__dict__` and slot values.
"""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _optional_type(name):
    return getattr(types, name, None)


_atomic_types = {
    type(None), int, float, bool, complex, str, bytes, type, range, slice, property,
    types.BuiltinFunctionType, types.FunctionType, type(Ellipsis), type(NotImplemented),
}
for _name in ("CodeType",):
    _t = _optional_type(_name)
    if _t is not None:
        _atomic_types.add(_t)
del _name, _t


################################################################################
### Reductions
################################################################################

_object_reduce_ex = getattr(object, "__reduce_ex__", None)
_object_reduce = getattr(object, "__reduce__", None)
_object_getstate = getattr(object, "__getstate__", None)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__")
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                stripped = klass.__name__.lstrip("_")
                if stripped:
                    name = f"_{stripped}{name}"
            names.append(name)
    return names


def _default_state(x):
    """What object.__getstate__() returns: the instance dict (None when empty), paired with
    a dict of the slot values when the class has slots."""
    try:
        state = x.__dict__
    except AttributeError:
        state = None
    else:
        state = dict(state) if state else None
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


# Constructor arguments for the built-in types whose own reduction krait may lack.
_builtin_newargs = {
    set: lambda x: (list(x),),
    frozenset: lambda x: (list(x),),
    bytearray: lambda x: (bytes(x),),
}


def _default_reduce(x):
    cls = type(x)
    newargs = _builtin_newargs.get(cls)
    if newargs is not None:
        return (cls, newargs(x))
    if cls is not object and getattr(cls, "__module__", None) == "builtins":
        # Interpreter objects with no state to rebuild from (modules, generators, files).
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    getnewargs_ex = getattr(x, "__getnewargs_ex__", None)
    kwargs = None
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(x, "__getnewargs__", None)
        if getnewargs is not None:
            args = getnewargs()
        else:
            args = ()
            for base in (int, float, complex, str, bytes, tuple, frozenset):
                if isinstance(x, base):
                    args = (base(x),)
                    break
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None and getstate is not _object_getstate:
        state = getstate(x)
    else:
        state = _default_state(x)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if kwargs:
        return (_newobj_ex, (cls, tuple(args), kwargs), state, listitems, dictitems)
    return (_newobj, (cls,) + tuple(args), state, listitems, dictitems)


def _reduce(x):
    cls = type(x)
    reduce_ex = getattr(cls, "__reduce_ex__", None)
    if reduce_ex is not None and reduce_ex is not _object_reduce_ex:
        return reduce_ex(x, 4)
    reduce = getattr(cls, "__reduce__", None)
    if reduce is not None and reduce is not _object_reduce:
        return reduce(x)
    return _default_reduce(x)


################################################################################
### Shallow copy
################################################################################

def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _atomic_types or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


################################################################################
### Deep copy
################################################################################

def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps the ids of objects already copied to their copies."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif cls in _atomic_types or issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple inside itself (through a list, say) was copied while copying its items.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {
    list: _deepcopy_list,
    tuple: _deepcopy_tuple,
    dict: _deepcopy_dict,
    types.MethodType: _deepcopy_method,
}


def _keep_alive(x, memo):
    """Keep a reference to x in the memo, so that the ids used as keys stay unique while
    the copy runs."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
