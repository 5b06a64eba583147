"""`types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | None`), in Python.

CPython makes these in C; krait's runtime calls `make_alias` when a builtin generic class is
subscripted and `make_union` when `|` joins classes or None, and `types` exports the two
classes. They behave as CPython 3.11's do for what scripts see: reprs (`list[int]`,
`int | None`), equality and hashing, `__origin__`/`__args__`/`__parameters__`, calling an
alias to make an instance, subclassing one, isinstance with a union, and substituting type
variables (`dict[str, T][int]`).
"""

_NoneType = type(None)


def _type_repr(obj):
    if obj is ...:
        return '...'
    if isinstance(obj, (GenericAlias, UnionType)):
        return repr(obj)
    if obj is _NoneType:
        return 'None'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(item) for item in obj) + ']'
    qualname = getattr(obj, '__qualname__', None)
    module = getattr(obj, '__module__', None)
    if qualname is not None and module is not None and hasattr(obj, '__origin__') is False:
        if module == 'builtins':
            return qualname
        return f'{module}.{qualname}'
    return repr(obj)


def _is_type_variable(obj):
    return type(obj).__name__ in ('TypeVar', 'ParamSpec', 'TypeVarTuple') and \
        type(obj).__module__ == 'typing'


def _parameters(args):
    found = []
    for arg in args:
        if _is_type_variable(arg):
            candidates = (arg,)
        else:
            candidates = getattr(arg, '__parameters__', ()) or ()
            if isinstance(arg, type):
                candidates = ()
        for candidate in candidates:
            if candidate not in found:
                found.append(candidate)
    return tuple(found)


def _substitute(arg, mapping):
    if _is_type_variable(arg):
        return mapping.get(arg, arg)
    parameters = getattr(arg, '__parameters__', None)
    if parameters and not isinstance(arg, type):
        return arg[tuple(mapping.get(p, p) for p in parameters)]
    return arg


def _unionable(obj):
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType)) or \
        _is_type_variable(obj) or type(obj).__module__ == 'typing'


class GenericAlias:
    """A subscripted builtin class: `list[int]`, `dict[str, list[int]]`."""

    __module__ = 'types'

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _parameters(args))

    def __repr__(self):
        if not self.__args__:
            return f'{_type_repr(self.__origin__)}[()]'
        args = ', '.join(_type_repr(arg) for arg in self.__args__)
        return f'{_type_repr(self.__origin__)}[{args}]'

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__') and name not in (
                '__name__', '__qualname__', '__module__', '__doc__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return make_union(self, other)

    def __ror__(self, other):
        return make_union(other, self)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __getitem__(self, items):
        if not self.__parameters__:
            raise TypeError(f'There are no type variables left in {self!r}')
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(self.__parameters__):
            many = 'many' if len(items) > len(self.__parameters__) else 'few'
            raise TypeError(f'Too {many} arguments for {self!r}; actual {len(items)}, '
                            f'expected {len(self.__parameters__)}')
        mapping = dict(zip(self.__parameters__, items))
        return GenericAlias(self.__origin__,
                            tuple(_substitute(arg, mapping) for arg in self.__args__))

    def __reduce__(self):
        import operator
        return operator.getitem, (self.__origin__, self.__args__)

    def __setattr__(self, name, value):
        if name in ('__origin__', '__args__', '__parameters__'):
            raise AttributeError('readonly attribute')
        setattr(self.__origin__, name, value)

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | {'__origin__', '__args__',
                                                    '__parameters__'})


class UnionType:
    """`X | Y`: a union of classes (and None), usable with isinstance."""

    __module__ = 'types'

    def __init__(self, args):
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _parameters(args))

    def __repr__(self):
        return ' | '.join(_type_repr(arg) for arg in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return make_union(self, other)

    def __ror__(self, other):
        return make_union(other, self)

    def __instancecheck__(self, obj):
        # In order, as CPython: a parameterized generic raises only when it is reached.
        for arg in self.__args__:
            if isinstance(obj, arg):
                return True
        return False

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __getitem__(self, items):
        if not self.__parameters__:
            raise TypeError(f'There are no type variables left in {self!r}')
        if not isinstance(items, tuple):
            items = (items,)
        mapping = dict(zip(self.__parameters__, items))
        result = None
        for arg in self.__args__:
            arg = _substitute(arg, mapping)
            result = arg if result is None else result | arg
        return result

    def __setattr__(self, name, value):
        raise AttributeError(f"'types.UnionType' object attribute '{name}' is read-only")


def make_alias(origin, args):
    """What `origin[args]` is for a builtin generic class."""
    return GenericAlias(origin, args)


def make_union(left, right):
    """`left | right` for classes, None, aliases and unions; NotImplemented otherwise."""
    if not (_unionable(left) and _unionable(right)):
        return NotImplemented
    members = []
    for operand in (left, right):
        if operand is None:
            operand = _NoneType
        if isinstance(operand, UnionType):
            members.extend(operand.__args__)
        else:
            members.append(operand)
    unique = []
    for member in members:
        if member not in unique:
            unique.append(member)
    if len(unique) == 1:
        return unique[0]
    return UnionType(tuple(unique))
