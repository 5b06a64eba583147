"""Data classes (PEP 557): `@dataclass` writes `__init__`, `__repr__`, `__eq__`, ordering,
`__hash__`, frozenness, `__match_args__` and `__slots__` from a class's annotated fields.

Written for krait from CPython 3.11's documentation, with its behaviour: the generated
methods are compiled from source text (so `__init__` has a real signature and argument errors
read `Point.__init__() missing 1 required positional argument: 'y'`), reprs use the class's
`__qualname__`, and the same TypeErrors and ValueErrors guard misuse.
"""

import copy
import keyword
import sys
import types

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen dataclass instance is assigned or deleted."""


class _MISSING_TYPE:
    """The type of MISSING: no default was given."""


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    """The type of KW_ONLY: fields annotated after it are keyword-only."""


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

# The type of a `__slots__` member on its class (not a default value), where krait has one.
_MEMBER_DESCRIPTOR = getattr(types, 'MemberDescriptorType', ())

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    """A pseudo-field passed to `__init__` and `__post_init__` but not stored."""

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """What `field()` returns and `fields()` lists: one field's name, type and options."""

    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (types.MappingProxyType({}) if metadata is None
                         else types.MappingProxyType(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Options for one field: a default or a `default_factory`, and whether it takes part in
    `__init__`, `__repr__`, comparisons and hashing."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation, typing_module):
    if typing_module is None:
        return False
    classvar = typing_module.ClassVar
    return (annotation is classvar
            or (type(annotation) is typing_module._GenericAlias
                and annotation.__origin__ is classvar))


def _is_string_of(annotation, names):
    """For string annotations: whether it names one of `names` (`ClassVar[int]`,
    `typing.ClassVar`, `dataclasses.InitVar[str]`)."""
    text = annotation.strip()
    head = text.split('[', 1)[0].strip()
    return head in names


def _get_field(cls, name, annotation, default_kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        result = default
    else:
        if isinstance(default, _MEMBER_DESCRIPTOR):
            default = MISSING
        result = field(default=default)
    result.name = name
    result.type = annotation
    result._field_type = _FIELD
    typing_module = sys.modules.get('typing')
    if typing_module is not None and _is_classvar(annotation, typing_module):
        result._field_type = _FIELD_CLASSVAR
    elif isinstance(annotation, str) and _is_string_of(
            annotation, ('ClassVar', 'typing.ClassVar')):
        result._field_type = _FIELD_CLASSVAR
    elif annotation is InitVar or type(annotation) is InitVar:
        result._field_type = _FIELD_INITVAR
    elif isinstance(annotation, str) and _is_string_of(
            annotation, ('InitVar', 'dataclasses.InitVar')):
        result._field_type = _FIELD_INITVAR
    if result._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if result.default_factory is not MISSING:
            raise TypeError(f'field {result.name} cannot have a default factory')
    if result._field_type in (_FIELD, _FIELD_INITVAR):
        if result.kw_only is MISSING:
            result.kw_only = default_kw_only
    else:
        if result.kw_only is not MISSING:
            raise TypeError(f'field {result.name} is a ClassVar but specifies kw_only')
    if result._field_type is _FIELD and result.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(result.default)} for field '
                         f'{result.name} is not allowed: use default_factory')
    return result


def _compile(name, parameters, body, namespace, return_annotation=MISSING):
    """A function compiled from source: `def NAME(PARAMETERS): BODY` with `namespace`'s names
    visible to it (defaults, factories, the class)."""
    names = ', '.join(namespace)
    if return_annotation is not MISSING:
        namespace['__dataclass_return_type__'] = return_annotation
        names = ', '.join(namespace)
        returns = ' -> __dataclass_return_type__'
    else:
        returns = ''
    body_text = '\n'.join(f'  {line}' for line in (body or ['pass']))
    text = f' def {name}({", ".join(parameters)}){returns}:\n{body_text}'
    source = f'def __create_fn__({names}):\n{text}\n return {name}'
    scope = {}
    exec(source, {'__builtins__': __builtins__}, scope)
    return scope['__create_fn__'](**namespace)


def _set_qualname(cls, value):
    if isinstance(value, types.FunctionType):
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'
    return value


def _set_new_attribute(cls, name, value):
    """Adds a method unless the class defines its own; returns whether it already had one."""
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _field_assignment(frozen, name, value, self_name):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name}, {name!r}, {value})'
    return f'{self_name}.{name}={value}'


def _init_parameter(f):
    if f.default is MISSING and f.default_factory is MISSING:
        default = ''
    elif f.default is not MISSING:
        default = f'=__dataclass_dflt_{f.name}__'
    else:
        default = '=__dataclass_HAS_DEFAULT_FACTORY__'
    return f'{f.name}:__dataclass_type_{f.name}__{default}'


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init, self_name, globals_,
             slots):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    namespace = {'__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
                 '__dataclass_builtins_object__': object,
                 'MISSING': MISSING}
    for f in fields:
        namespace[f'__dataclass_type_{f.name}__'] = f.type
        if f.default is not MISSING:
            namespace[f'__dataclass_dflt_{f.name}__'] = f.default
        if f.default_factory is not MISSING:
            namespace[f'__dataclass_dflt_{f.name}__'] = f.default_factory
    body = []
    for f in fields:
        if f._field_type is _FIELD_INITVAR:
            continue
        factory = f'__dataclass_dflt_{f.name}__'
        if f.default_factory is not MISSING:
            if f.init:
                value = (f'{factory}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ '
                         f'else {f.name}')
            else:
                value = f'{factory}()'
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            if not slots:
                continue
            value = factory
        else:
            continue
        body.append(_field_assignment(frozen, f.name, value, self_name))
    if has_post_init:
        arguments = ', '.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.{_POST_INIT_NAME}({arguments})')
    parameters = [self_name] + [_init_parameter(f) for f in std_fields if f.init]
    if kw_only_fields:
        parameters += ['*'] + [_init_parameter(f) for f in kw_only_fields if f.init]
    return _compile('__init__', parameters, body, namespace, return_annotation=None)


def _tuple_text(object_name, fields):
    if not fields:
        return '()'
    return '(' + ','.join(f'{object_name}.{f.name}' for f in fields) + ',)'


def _repr_fn(fields):
    parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in fields)
    function = _compile('__repr__', ('self',),
                        [f'return self.__class__.__qualname__ + f"({parts})"'], {})
    return _recursive_repr(function)


def _recursive_repr(function):
    """Shows `...` for an object whose repr is already being computed (a cycle)."""
    running = set()

    def wrapper(self):
        key = id(self), _thread_id()
        if key in running:
            return '...'
        running.add(key)
        try:
            return function(self)
        finally:
            running.discard(key)
    wrapper.__name__ = function.__name__
    wrapper.__qualname__ = function.__qualname__
    wrapper.__wrapped__ = function
    return wrapper


def _thread_id():
    return 0


def _frozen_get_del_attr(cls, fields):
    namespace = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    condition = 'type(self) is cls'
    if fields:
        names = '(' + ','.join(repr(f.name) for f in fields) + ',)'
        condition += f' or name in {names}'
    setattr_fn = _compile('__setattr__', ('self', 'name', 'value'),
                          [f'if {condition}:',
                           ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                           'super(cls, self).__setattr__(name, value)'],
                          namespace)
    delattr_fn = _compile('__delattr__', ('self', 'name'),
                          [f'if {condition}:',
                           ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
                           'super(cls, self).__delattr__(name)'],
                          namespace)
    return setattr_fn, delattr_fn


def _compare_fn(name, operator, self_tuple, other_tuple):
    return _compile(name, ('self', 'other'),
                    ['if other.__class__ is self.__class__:',
                     f' return {self_tuple}{operator}{other_tuple}',
                     'return NotImplemented'], {})


def _hash_fn(fields):
    return _compile('__hash__', ('self',), [f'return hash({_tuple_text("self", fields)})'], {})


def _hash_action(cls, fields, unsafe_hash, eq, frozen, has_explicit_hash):
    """What to do with `__hash__` (the table in CPython's documentation): add one, set it
    to None, raise, or leave it."""
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        return _hash_fn(fields)
    if eq and frozen:
        if has_explicit_hash:
            return MISSING
        return _hash_fn(fields)
    if eq:
        if has_explicit_hash:
            return MISSING
        return None
    return MISSING


def _formatannotation(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _signature_text(cls):
    """`Name(x: int, y: int = 0)`: the docstring CPython gives a dataclass without one."""
    init = cls.__dict__.get('__init__')
    fields_ = getattr(cls, _FIELDS, {})
    parts = []
    keyword_started = False
    for f in fields_.values():
        if f._field_type is _FIELD_CLASSVAR or not f.init:
            continue
        if f.kw_only and not keyword_started:
            parts.append('*')
            keyword_started = True
        text = f'{f.name}: {_formatannotation(f.type)}'
        if f.default is not MISSING:
            text += f' = {f.default!r}'
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        parts.append(text)
    if init is None:
        return None
    return cls.__name__ + '(' + ', '.join(parts) + ')'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    fields_ = {}
    if cls.__module__ in sys.modules:
        globals_ = sys.modules[cls.__module__].__dict__
    else:
        globals_ = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields_[f.name] = f
            if getattr(base, _PARAMS).frozen:
                any_frozen_base = True
    annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    keyword_only = kw_only
    kw_only_seen = False
    typing_module = sys.modules.get('typing')
    for name, annotation in annotations.items():
        is_kw_only_marker = annotation is KW_ONLY or (
            isinstance(annotation, str) and _is_string_of(
                annotation, ('KW_ONLY', 'dataclasses.KW_ONLY')))
        if is_kw_only_marker:
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been '
                                f'specified')
            kw_only_seen = True
            keyword_only = True
        else:
            cls_fields.append(_get_field(cls, name, annotation, keyword_only))
    for f in cls_fields:
        fields_[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    setattr(cls, _FIELDS, fields_)
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    all_init_fields = [f for f in fields_.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.kw_only]
    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, '__init__',
                           _init_fn(all_init_fields, std_init_fields, kw_only_init_fields,
                                    frozen, has_post_init,
                                    '__dataclass_self__' if 'self' in fields_ else 'self',
                                    globals_, slots))
    field_list = [f for f in fields_.values() if f._field_type is _FIELD]
    if repr:
        _set_new_attribute(cls, '__repr__', _repr_fn([f for f in field_list if f.repr]))
    if eq:
        compared = [f for f in field_list if f.compare]
        _set_new_attribute(cls, '__eq__', _compare_fn('__eq__', '==',
                                                      _tuple_text('self', compared),
                                                      _tuple_text('other', compared)))
    if order:
        compared = [f for f in field_list if f.compare]
        self_tuple = _tuple_text('self', compared)
        other_tuple = _tuple_text('other', compared)
        for name, operator in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'),
                               ('__ge__', '>=')]:
            if _set_new_attribute(cls, name, _compare_fn(name, operator, self_tuple,
                                                         other_tuple)):
                raise TypeError(f'Cannot overwrite attribute {name} in class '
                                f'{cls.__name__}. Consider using functools.total_ordering')
    if frozen:
        for function in _frozen_get_del_attr(cls, field_list):
            if _set_new_attribute(cls, function.__name__, function):
                raise TypeError(f'Cannot overwrite attribute {function.__name__} in class '
                                f'{cls.__name__}')
    hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    action = _hash_action(cls, hashed, unsafe_hash, eq, frozen, has_explicit_hash)
    if action is not MISSING:
        cls.__hash__ = _set_qualname(cls, action)
    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = _signature_text(cls)
        except (TypeError, ValueError):
            cls.__doc__ = ''
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))
    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    abstract_update = getattr(sys.modules.get('abc'), 'update_abstractmethods', None)
    if abstract_update is not None:
        abstract_update(cls)
    return cls


def _add_slots(cls, is_frozen, weakref_slot):
    namespace = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(getattr(base, '__slots__', ()) or ())
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    namespace['__slots__'] = tuple(name for name in field_names if name not in inherited)
    for name in field_names:
        namespace.pop(name, None)
    namespace.pop('__dict__', None)
    namespace.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        if '__getstate__' not in namespace:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in namespace:
            cls.__setstate__ = _dataclass_setstate
    # The methods were compiled against the old class (super(cls, self) in frozen ones).
    if is_frozen:
        field_list = [f for f in fields(cls) if f._field_type is _FIELD]
        for function in _frozen_get_del_attr(cls, field_list):
            function.__qualname__ = f'{cls.__qualname__}.{function.__name__}'
            setattr(cls, function.__name__, function)
    return cls


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Adds generated special methods to a class from its annotated fields; usable as
    `@dataclass` or `@dataclass(options…)`."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The fields of a dataclass or instance (not ClassVars or InitVars), in order."""
    try:
        fields_ = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields_.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether `obj` is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, recursing into dataclasses, lists,
    tuples and dicts (other values are deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a tuple, recursing as `asdict` does."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False, module=None):
    """A new dataclass named `cls_name` with `fields`: names, (name, type) or
    (name, type, Field) items."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            annotation = 'typing.Any'
        elif len(item) == 2:
            name, annotation = item
        elif len(item) == 3:
            name, annotation, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = annotation
    body = dict(namespace)
    body.update(defaults)
    body['__annotations__'] = annotations
    if module is None:
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = None
    if module is not None:
        body['__module__'] = module
    cls = types.new_class(cls_name, bases, {}, lambda ns: ns.update(body))
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance like `obj` with some fields changed (through `__init__`)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be '
                                 f'specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f'InitVar {f.name!r} must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
