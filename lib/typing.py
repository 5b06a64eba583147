"""Type hints at runtime (PEP 484 and its successors), as CPython 3.11's `typing` shows them.

Annotations are not checked by krait; this module makes them importable, subscriptable,
comparable and printable as in CPython (`typing.List[int]`, `typing.Optional[str]`, `~T`), and
provides the runtime pieces real programs use: `cast`, `overload`, `TYPE_CHECKING`,
`NamedTuple`, `TypedDict`, `NewType`, `Generic` and `Protocol` classes, `get_type_hints`,
`get_origin` and `get_args`.

Written for krait from the documentation. The aliases are objects of a few classes:
`_SpecialForm` (Union, Optional, ClassVar, …), `_SpecialGenericAlias` (List, Dict, the ABCs:
subscripting them gives a `_GenericAlias`), and `_GenericAlias` itself, which also stands for
a user generic class subscripted (`Box[int]`).
"""

import collections
import collections.abc
import functools
import operator
import sys
import types

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'TypeVarTuple', 'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager',
    'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match',
    'Pattern', 'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads',
    'get_type_hints', 'is_typeddict', 'LiteralString', 'Never', 'NewType', 'no_type_check',
    'no_type_check_decorator', 'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable', 'Self', 'Text',
    'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack',
]

TYPE_CHECKING = False

_NoneType = type(None)


class _Absent:
    """Stands for a class this krait's `types` module does not have (nothing is an instance)."""


_BuiltinGenericAlias = getattr(types, 'GenericAlias', _Absent)
_BuiltinUnionType = getattr(types, 'UnionType', _Absent)


def _type_repr(obj):
    """How an argument of an alias is shown: `int`, `mod.Class`, `...`, or its repr."""
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _type_check(arg, message):
    """`arg` as a type argument: None means NoneType, a str is a forward reference; plain
    special forms and tuples are refused (other values pass, as in CPython 3.11)."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, _SpecialForm) or arg is Generic or arg is Protocol:
        raise TypeError(f'Plain {arg} is not valid as type argument')
    if type(arg) is tuple:
        raise TypeError(f'{message} Got {arg!r:.100}.')
    return arg


def _collect_parameters(args):
    """The type variables in `args`, in first-appearance order."""
    parameters = []
    for arg in args:
        if isinstance(arg, (TypeVar, ParamSpec, TypeVarTuple)):
            if arg not in parameters:
                parameters.append(arg)
        else:
            for parameter in getattr(arg, '__parameters__', ()) or ():
                if isinstance(parameter, (TypeVar, ParamSpec, TypeVarTuple)) and \
                        parameter not in parameters:
                    parameters.append(parameter)
    return tuple(parameters)


def _substitute(arg, mapping):
    if isinstance(arg, (TypeVar, ParamSpec)):
        return mapping.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg.copy_with(tuple(_substitute(item, mapping) for item in arg.__args__))
    if isinstance(arg, list):
        return [_substitute(item, mapping) for item in arg]
    return arg


class _Final:
    """Classes of the module's objects that are not meant to be subclassed."""

    def __init_subclass__(cls, /, *args, _root=False, **kwargs):
        if not _root:
            raise TypeError('Cannot subclass special typing classes')


class _Immutable:
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# Special forms ------------------------------------------------------------------------------

class _SpecialForm(_Final, _root=True):
    """Union, Optional, ClassVar, Final, Literal, …: a name, and what subscripting it does."""

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """The type compatible with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    """The return type of a function that never returns."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Never(self, parameters):
    """The bottom type, which has no values."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Self(self, parameters):
    """The type of the class being defined, inside it."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def LiteralString(self, parameters):
    """Any str built from literals only."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def TypeAlias(self, parameters):
    """Marks an assignment as a type alias."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def ClassVar(self, parameters):
    """A class variable, as opposed to an instance attribute."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Final(self, parameters):
    """A name that cannot be re-assigned or overridden."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Required(self, parameters):
    """A key a TypedDict must have."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def NotRequired(self, parameters):
    """A key a TypedDict may lack."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def TypeGuard(self, parameters):
    """The return type of a function that narrows its argument's type."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Unpack(self, parameters):
    """Unpacks a TypeVarTuple."""
    item = _type_check(parameters, f'{self._name} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Concatenate(self, parameters):
    """Parameters added before a ParamSpec in a Callable."""
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not isinstance(parameters[-1], ParamSpec) and parameters[-1] is not ...:
        raise TypeError('The last parameter to Concatenate should be a '
                        'ParamSpec variable or ellipsis.')
    message = 'Concatenate[arg, ...]: each arg must be a type.'
    parameters = (*(_type_check(p, message) for p in parameters[:-1]), parameters[-1])
    return _GenericAlias(self, parameters)


def _flatten_union(parameters):
    flat = []
    for parameter in parameters:
        if isinstance(parameter, _UnionGenericAlias):
            flat.extend(parameter.__args__)
        elif isinstance(parameter, _BuiltinUnionType):
            flat.extend(parameter.__args__)
        else:
            flat.append(parameter)
    unique = []
    for parameter in flat:
        if parameter not in unique:
            unique.append(parameter)
    return tuple(unique)


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y]: either X or Y."""
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    message = 'Union[arg, ...]: each arg must be a type.'
    parameters = tuple(_type_check(p, message) for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name='Optional')
    return _UnionGenericAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X]: X or None."""
    arg = _type_check(parameters, f'{self} requires a single type.')
    return Union[arg, None]


@_SpecialForm
def Literal(self, parameters):
    """Literal[v, …]: exactly one of these values."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for parameter in parameters:
        if isinstance(parameter, _LiteralGenericAlias):
            flat.extend(parameter.__args__)
        else:
            flat.append(parameter)
    unique = []
    for parameter in flat:
        if not any(type(parameter) is type(seen) and parameter == seen for seen in unique):
            unique.append(parameter)
    return _LiteralGenericAlias(self, tuple(unique))


class _AnnotatedAlias:
    pass


class Annotated:
    """Annotated[T, metadata…]: T, with metadata for tools."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments '
                            '(a type and an annotation).')
        origin = _type_check(params[0], 'Annotated[t, ...]: t must be a type.')
        return _AnnotatedGenericAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f'Cannot subclass {cls.__module__}.Annotated')


# Forward references and type variables -----------------------------------------------------

class ForwardRef(_Final, _root=True):
    """A type given as a string, evaluated later (by `get_type_hints`)."""

    __slots__ = ('__forward_arg__', '__forward_evaluated__', '__forward_value__',
                 '__forward_is_argument__', '__forward_is_class__', '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        try:
            compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(f'Forward reference must be an expression -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        if self.__forward_module__ is not None:
            globalns = getattr(sys.modules.get(self.__forward_module__), '__dict__', globalns)
        value = eval(self.__forward_arg__, globalns, localns)
        return _evaluate_hint(_type_check(value, 'Forward references must evaluate to types.'),
                              globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        module = '' if self.__forward_module__ is None else \
            f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module})'


def _caller_module(depth=2):
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


class _TypeVarLike:
    """What TypeVar, ParamSpec and TypeVarTuple share: a name, variance, and `|`."""

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if getattr(self, '__covariant__', False):
            prefix = '+'
        elif getattr(self, '__contravariant__', False):
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass an instance of {type(self).__name__}')

    def __typing_subst__(self, arg):
        # What marks a type variable for `list[T][int]` (types.GenericAlias substitution).
        return arg

    def __reduce__(self):
        return self.__name__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class TypeVar(_TypeVarLike, _Final, _Immutable, _root=True):
    """A type variable: `T = TypeVar('T')`, `TypeVar('N', int, float)`, `bound=`, variance."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        message = 'TypeVar(name, constraint, ...): constraints must be types.'
        self.__constraints__ = tuple(_type_check(t, message) for t in constraints)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound else None
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module


class TypeVarTuple(_TypeVarLike, _Final, _Immutable, _root=True):
    """A variable standing for any number of types (`*Ts`)."""

    def __init__(self, name):
        self.__name__ = name
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs(_Final, _Immutable, _root=True):
    """`P.args`."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.args'

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, id(self.__origin__)))


class ParamSpecKwargs(_Final, _Immutable, _root=True):
    """`P.kwargs`."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.kwargs'

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, id(self.__origin__)))


class ParamSpec(_TypeVarLike, _Final, _Immutable, _root=True):
    """A variable standing for a callable's parameters: `P = ParamSpec('P')`."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound else None
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module


# Generic aliases ----------------------------------------------------------------------------

class _GenericAlias(_Final, _root=True):
    """A subscripted alias: `List[int]`, `ClassVar[str]`, `Box[T]`.

    `__origin__` is what was subscripted (a class or a special form), `__args__` the
    arguments, `__parameters__` the type variables still free in them.
    """

    def __init__(self, origin, args, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = getattr(origin, '__module__', 'typing')

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __getattr__(self, attr):
        if attr in {'__origin__', '__args__', '_name', '_inst', '__parameters__'}:
            raise AttributeError(attr)
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f'Cannot subscript already-subscripted {self}')
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        if not isinstance(args, tuple):
            args = (args,)
        if len(args) != len(self.__parameters__):
            many = 'many' if len(args) > len(self.__parameters__) else 'few'
            raise TypeError(f'Too {many} arguments for {self}; actual {len(args)}, '
                            f'expected {len(self.__parameters__)}')
        mapping = dict(zip(self.__parameters__, args))
        return self.copy_with(tuple(_substitute(arg, mapping) for arg in self.__args__))

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join([_type_repr(a) for a in self.__args__])
        else:
            args = '()'
        return f'{name}[{args}]'

    def __reduce__(self):
        return operator.getitem, (self.__origin__, self.__args__)

    def __mro_entries__(self, bases):
        if self._name:
            return self._mro_entries_of_origin(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            index = bases.index(self)
            for base in bases[index + 1:]:
                if isinstance(base, _GenericAlias) and base is not self:
                    return ()
        return (self.__origin__,)

    def _mro_entries_of_origin(self, bases):
        result = []
        if self.__origin__ not in bases:
            result.append(self.__origin__)
        index = bases.index(self)
        for base in bases[index + 1:]:
            if isinstance(base, (_GenericAlias, _SpecialGenericAlias)) or \
                    (isinstance(base, type) and issubclass(base, Generic)):
                break
        else:
            result.append(Generic)
        return tuple(result)


class _TypingEllipsis:
    """Stands for `...` inside Callable's arguments."""


class _CallableGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        parameters = ', '.join([_type_repr(a) for a in args[:-1]])
        return f'typing.Callable[[{parameters}], {_type_repr(args[-1])}]'

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, name=self._name, inst=self._inst)


class _UnionGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, _BuiltinUnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is _NoneType:
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[' + ', '.join([_type_repr(a) for a in args]) + ']'

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, (_GenericAlias, _SpecialForm)):
                raise TypeError('Subscripted generics cannot be used with class and '
                                'instance checks')
            if issubclass(cls, arg):
                return True
        return False

    def __reduce__(self):
        return operator.getitem, (Union, self.__args__)


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set((type(a), a) for a in self.__args__) == \
            set((type(a), a) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset((type(a), a) for a in self.__args__))

    def __repr__(self):
        return 'typing.Literal[' + ', '.join([repr(a) for a in self.__args__]) + ']'


class _AnnotatedGenericAlias(_GenericAlias, _root=True):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedGenericAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedGenericAlias(params[0], self.__metadata__)

    def __repr__(self):
        metadata = ', '.join(repr(a) for a in self.__metadata__)
        return f'typing.Annotated[{_type_repr(self.__origin__)}, {metadata}]'

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedGenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _SpecialGenericAlias(_Final, _root=True):
    """An unsubscripted alias of a class: `List`, `Dict`, `Iterable`. Subscripting it gives a
    `_GenericAlias`; it can be used with isinstance like its class."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin.__name__
        self._name = name
        self._inst = inst
        self._nparams = nparams
        self._defaults = defaults
        self.__origin__ = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        message = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, message) for p in params)
        if self._defaults and len(params) < self._nparams and \
                len(params) + len(self._defaults) >= self._nparams:
            params = (*params, *self._defaults[len(params) - self._nparams:])
        if self._nparams >= 0 and len(params) != self._nparams:
            many = 'many' if len(params) > self._nparams else 'few'
            raise TypeError(f'Too {many} arguments for {self}; actual {len(params)}, '
                            f'expected {self._nparams}')
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        return self.__origin__(*args, **kwargs)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __mro_entries__(self, bases):
        result = []
        if self.__origin__ not in bases:
            result.append(self.__origin__)
        index = bases.index(self)
        for base in bases[index + 1:]:
            if isinstance(base, (_GenericAlias, _SpecialGenericAlias)) or \
                    (isinstance(base, type) and issubclass(base, Generic)):
                break
        else:
            result.append(Generic)
        return tuple(result)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        return issubclass(cls, self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self._name


class _CallableType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        else:
            params = (args, result)
        return self.__getitem_inner__(params)

    def __getitem_inner__(self, params):
        args, result = params
        message = 'Callable[args, result]: result must be a type.'
        result = _type_check(result, message)
        if args is ...:
            return _CallableGenericAlias(self.__origin__, (..., result), name=self._name)
        if isinstance(args, (ParamSpec, _GenericAlias)):
            return _CallableGenericAlias(self.__origin__, (args, result), name=self._name)
        message = 'Callable[[arg, ...], result]: each arg must be a type.'
        args = tuple(_type_check(arg, message) for arg in args)
        return _CallableGenericAlias(self.__origin__, (*args, result), name=self._name)


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            message = 'Tuple[t, ...]: t must be a type.'
            params = tuple(_type_check(p, message) for p in params[:-1])
            return _GenericAlias(self.__origin__, (*params, ...), name=self._name, inst=False)
        message = 'Tuple[t0, t1, ...]: each t must be a type.'
        params = tuple(_type_check(p, message) for p in params)
        return _GenericAlias(self.__origin__, params, name=self._name, inst=False)


def _alias(origin, nparams, **kwargs):
    return _SpecialGenericAlias(origin, nparams, **kwargs)


Hashable = _alias(collections.abc.Hashable, 0)
Awaitable = _alias(collections.abc.Awaitable, 1)
Coroutine = _alias(collections.abc.Coroutine, 3)
AsyncIterable = _alias(collections.abc.AsyncIterable, 1)
AsyncIterator = _alias(collections.abc.AsyncIterator, 1)
Iterable = _alias(collections.abc.Iterable, 1)
Iterator = _alias(collections.abc.Iterator, 1)
Reversible = _alias(collections.abc.Reversible, 1)
Sized = _alias(collections.abc.Sized, 0)
Container = _alias(collections.abc.Container, 1)
Collection = _alias(collections.abc.Collection, 1)
Callable = _CallableType(collections.abc.Callable, 2)
AbstractSet = _alias(collections.abc.Set, 1, name='AbstractSet')
MutableSet = _alias(collections.abc.MutableSet, 1)
Mapping = _alias(collections.abc.Mapping, 2)
MutableMapping = _alias(collections.abc.MutableMapping, 2)
Sequence = _alias(collections.abc.Sequence, 1)
MutableSequence = _alias(collections.abc.MutableSequence, 1)
ByteString = _alias(collections.abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(collections.abc.MappingView, 1)
KeysView = _alias(collections.abc.KeysView, 1)
ItemsView = _alias(collections.abc.ItemsView, 2)
ValuesView = _alias(collections.abc.ValuesView, 1)
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(collections.abc.Generator, 3)
AsyncGenerator = _alias(collections.abc.AsyncGenerator, 2)
Type = _alias(type, 1, name='Type')

try:
    import contextlib as _contextlib
    ContextManager = _alias(_contextlib.AbstractContextManager, 1, name='ContextManager')
    AsyncContextManager = _alias(_contextlib.AbstractAsyncContextManager, 1,
                                 name='AsyncContextManager')
except (ImportError, AttributeError):
    pass


# Generic and Protocol -----------------------------------------------------------------------

class Generic:
    """The base of generic classes: `class Box(Generic[T])`; `Box[int]` is then an alias."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params and cls is not Tuple:
            raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
        message = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, message) for p in params)
        if cls in (Generic, Protocol):
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type '
                                f'variables or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        else:
            expected = getattr(cls, '__parameters__', ())
            if not expected:
                raise TypeError(f'{cls} is not a generic class')
            if len(params) != len(expected):
                many = 'many' if len(params) > len(expected) else 'few'
                raise TypeError(f'Too {many} arguments for {cls}; actual {len(params)}, '
                                f'expected {len(expected)}')
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        variables = []
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = Generic in cls.__bases__ and cls.__name__ != 'Protocol' and \
                type(cls).__name__ != '_TypedDictMeta'
        if error:
            raise TypeError('Cannot inherit from plain Generic')
        if '__orig_bases__' in cls.__dict__:
            variables = list(_collect_parameters(cls.__orig_bases__))
            declared = None
            for base in cls.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol):
                    if declared is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple times.')
                    declared = base.__parameters__
            if declared is not None:
                missing = [v for v in variables if v not in declared]
                if missing:
                    listed = ', '.join(str(v) for v in missing)
                    declared_text = ', '.join(str(v) for v in declared)
                    raise TypeError(f'Some type variables ({listed}) are not listed in '
                                    f'Generic[{declared_text}]')
                variables = list(declared)
        cls.__parameters__ = tuple(variables)


def _protocol_attributes(cls):
    attributes = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for name in list(base.__dict__) + list(annotations):
            if not name.startswith('_abc_') and name not in (
                    '__abstractmethods__', '__annotations__', '__weakref__',
                    '_is_protocol', '_is_runtime_protocol', '__dict__', '__args__',
                    '__slots__', '__next_in_mro__', '__parameters__', '__origin__',
                    '__orig_bases__', '__extra__', '__tree_hash__', '__doc__',
                    '__subclasshook__', '__init__', '__new__', '__module__',
                    '_MutableMapping__marker', '__qualname__', '__protocol_attrs__',
                    '__class_getitem__', '__init_subclass__'):
                attributes.add(name)
    return attributes


import abc as _abc


class _ProtocolMeta(_abc.ABCMeta):
    def __instancecheck__(cls, instance):
        if getattr(cls, '_is_protocol', False):
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            if all(hasattr(instance, name) and
                   (not callable(getattr(cls, name, None)) or
                    getattr(instance, name) is not None)
                   for name in _protocol_attributes(cls)):
                return True
        return super().__instancecheck__(instance)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of structural types: a class matches a runtime-checkable protocol when it has
    the protocol's members, whatever its bases."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

        def _proto_hook(other):
            if not cls.__dict__.get('_is_protocol', False):
                return NotImplemented
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            for attribute in _protocol_attributes(cls):
                for base in other.__mro__:
                    if attribute in base.__dict__:
                        if base.__dict__[attribute] is None:
                            return NotImplemented
                        break
                    annotations = getattr(base, '__annotations__', {})
                    if isinstance(annotations, collections.abc.Mapping) and \
                            attribute in annotations and issubclass(other, Generic) and \
                            other._is_protocol:
                        break
                else:
                    return NotImplemented
            return True

        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init

    def __new__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return super().__new__(cls)


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


def runtime_checkable(cls):
    """Lets isinstance and issubclass check a protocol class (by its members)."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        f' got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __index__(self) -> int:
        pass


T_co = TypeVar('T_co', covariant=True)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
VT_co = TypeVar('VT_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
AnyStr = TypeVar('AnyStr', bytes, str)


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """An ABC with one abstract method __abs__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __abs__(self) -> T_co:
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """An ABC with one abstract method __round__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __round__(self, ndigits: int = 0) -> T_co:
        pass


Text = str


class IO(Generic[AnyStr]):
    """The generic type of file objects."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """The type of binary file objects."""
    __slots__ = ()


class TextIO(IO[str]):
    """The type of text file objects."""
    __slots__ = ()


try:
    import re as _re
    Pattern = _alias(_re.Pattern, 1)
    Match = _alias(_re.Match, 1)
except (ImportError, AttributeError):
    # Without `re` (or its Pattern and Match classes) there are no aliases of them.
    __all__.remove('Pattern')
    __all__.remove('Match')


# NamedTuple and TypedDict -------------------------------------------------------------------

_PROHIBITED_FIELDS = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                                '_fields', '_field_defaults', '_make', '_replace', '_asdict',
                                '_source'})
_SPECIAL_NAMES = frozenset({'__module__', '__name__', '__annotations__'})


def _make_nmtuple(name, fields, module, defaults=()):
    names = [n for n, t in fields]
    annotations = {n: _type_check(t, f'field {n} annotation must be a type')
                   for n, t in fields}
    result = collections.namedtuple(name, names, defaults=defaults, module=module)
    result.__annotations__ = result.__new__.__annotations__ = annotations
    return result


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types_ = ns.get('__annotations__', {})
        default_names = []
        for field_name in types_:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f'Non-default namedtuple field {field_name} '
                                f'cannot follow default field'
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        result = _make_nmtuple(typename, types_.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        for key in ns:
            if key in _PROHIBITED_FIELDS:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            elif key not in _SPECIAL_NAMES:
                if key not in result._fields:
                    setattr(result, key, ns[key])
        return result


def NamedTuple(typename, fields=None, /, **kwargs):
    """A typed version of collections.namedtuple, by class syntax or by call."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to NamedTuple, '
                        'not both')
    return _make_nmtuple(typename, fields, module=_caller_module())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta:
                raise TypeError('cannot inherit from both a TypedDict type and a '
                                'non-TypedDict base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        own_annotations = ns.get('__annotations__', {})
        message = 'TypedDict(\'Name\', {f0: t0, f1: t1, ...}); each t must be a type'
        own_annotations = {n: _type_check(t, message) for n, t in own_annotations.items()}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own_annotations)
        for key, value in own_annotations.items():
            origin = getattr(value, '__origin__', None)
            if origin is Required:
                required_keys.add(key)
            elif origin is NotRequired:
                optional_keys.add(key)
            elif total:
                required_keys.add(key)
            else:
                optional_keys.add(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with a fixed set of typed keys; its instances are plain dicts."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments, but not both')
    ns = {'__annotations__': dict(fields)}
    module = _caller_module()
    if module is not None:
        ns['__module__'] = module
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


def is_typeddict(tp):
    """Whether `tp` is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


class NewType:
    """A distinct name for a type, for the type checker; at runtime it returns its argument."""

    __call__ = lambda self, x: x

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(f'Cannot subclass an instance of NewType. Perhaps you were '
                                f'looking for: `{subclass_name} = NewType({subclass_name!r}, '
                                f'{superclass_name})`')
        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# Functions ----------------------------------------------------------------------------------

def cast(typ, val):
    """Tells the type checker `val` has type `typ`; returns `val` unchanged."""
    return val


def assert_type(val, typ, /):
    """Asks the type checker to confirm `val` has type `typ`; returns `val`."""
    return val


def assert_never(arg, /):
    """Marks code the type checker should prove unreachable; raises if it is reached."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def reveal_type(obj, /):
    """Prints the runtime type of `obj` to stderr; returns `obj`."""
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


def final(f):
    """Marks a method or class as final (not to be overridden or subclassed)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Marks a function or class as not to be type checked."""
    if isinstance(arg, type):
        for obj in list(arg.__dict__.values()):
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Makes `decorator` give functions @no_type_check."""
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Marks a decorator, class or metaclass as making dataclass-like classes."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default,
            'order_default': order_default,
            'kw_only_default': kw_only_default,
            'field_specifiers': field_specifiers,
            'kwargs': kwargs,
        }
        return cls_or_fn
    return decorator


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def overload(func):
    """Declares one signature of an overloaded function (for the type checker)."""
    f = getattr(func, '__func__', func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """The @overload signatures recorded for `func`."""
    f = getattr(func, '__func__', func)
    key = (getattr(f, '__module__', None), getattr(f, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    """Forgets every recorded overload."""
    _overload_registry.clear()


def get_origin(tp):
    """The unsubscripted form of an alias: `list` for `List[int]`, `Union` for unions."""
    if isinstance(tp, _AnnotatedGenericAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias, _BuiltinGenericAlias,
                       ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _BuiltinUnionType):
        return _BuiltinUnionType
    return None


def get_args(tp):
    """The arguments of an alias, as written: `get_args(Dict[str, int]) == (str, int)`."""
    if isinstance(tp, _AnnotatedGenericAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _BuiltinGenericAlias)):
        result = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and result and result[0] is not ... and \
                not isinstance(result[0], (ParamSpec, _GenericAlias)):
            result = (list(result[:-1]), result[-1])
        return result
    if isinstance(tp, _BuiltinUnionType):
        return tp.__args__
    return ()


def _evaluate_hint(hint, globalns, localns):
    if isinstance(hint, ForwardRef):
        return hint._evaluate(globalns, localns)
    if isinstance(hint, _GenericAlias) and not isinstance(hint, _AnnotatedGenericAlias):
        args = tuple(_evaluate_hint(a, globalns, localns) for a in hint.__args__)
        if args != hint.__args__:
            if isinstance(hint, _UnionGenericAlias):
                return Union[args]
            return hint.copy_with(args)
    if isinstance(hint, _AnnotatedGenericAlias):
        inner = _evaluate_hint(hint.__origin__, globalns, localns)
        return _AnnotatedGenericAlias(inner, hint.__metadata__)
    return hint


def _strip_annotations(hint):
    if isinstance(hint, _AnnotatedGenericAlias):
        return _strip_annotations(hint.__origin__)
    if isinstance(hint, _GenericAlias) and hint.__origin__ in (Required, NotRequired):
        return _strip_annotations(hint.__args__[0])
    if isinstance(hint, _GenericAlias):
        args = tuple(_strip_annotations(a) for a in hint.__args__)
        if args != hint.__args__:
            if isinstance(hint, _UnionGenericAlias):
                return Union[args]
            return hint.copy_with(args)
    return hint


def _hint(value, globalns, localns, is_class):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value, is_argument=not is_class, is_class=is_class)
    return _evaluate_hint(value, globalns, localns)


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class, module or function, with strings evaluated and None
    replaced by NoneType (and `Annotated` stripped unless `include_extras`)."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__, None), '__dict__', {})
            else:
                base_globals = globalns
            annotations = base.__dict__.get('__annotations__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in annotations.items():
                hints[name] = _hint(value, base_globals, base_locals, True)
        if include_extras:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}
    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    annotations = getattr(obj, '__annotations__', None)
    if annotations is None:
        if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                            types.ModuleType)):
            return {}
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    for name, value in annotations.items():
        hints[name] = _hint(value, globalns, localns, isinstance(obj, types.ModuleType))
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}
