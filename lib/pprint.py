"""Pretty printing of Python data: `pprint`, `pformat`, `pp` and `PrettyPrinter`.

Written for krait to lay out data exactly as CPython 3.11's pprint does. An object whose repr
fits in the space left on the line is written as its repr (dicts with sorted keys). One that
does not fit, if it is a container pprint knows (dict, list, tuple, set, frozenset, str,
OrderedDict, defaultdict, Counter, deque, ChainMap, dataclass instances, SimpleNamespace), is
broken over several lines: one item per line, indented past the opening bracket, each item
laid out again with the width that remains. Long strings are split at whitespace into
adjacent literals. `depth` replaces deeper containers by `[...]`, and a container that
contains itself shows `<Recursion on TYPE with id=N>`.
"""

import collections as _collections
import sys as _sys
import types as _types

__all__ = ['pprint', 'pformat', 'isreadable', 'isrecursive', 'saferepr', 'PrettyPrinter',
           'pp']


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False,
           sort_dicts=True, underscore_numbers=False):
    """Writes `object` pretty-printed, then a newline, to `stream` (standard output)."""
    printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                            compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    """`object` pretty-printed, as a string."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """`pprint` that keeps dicts in insertion order by default."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """A repr that survives recursive data (no line breaks)."""
    return PrettyPrinter()._represent(object, {}, None, 0)[0]


def isreadable(object):
    """Whether `saferepr(object)` could be read back by `eval`."""
    return PrettyPrinter()._represent(object, {}, None, 0)[1]


def isrecursive(object):
    """Whether `object` contains itself."""
    return PrettyPrinter()._represent(object, {}, None, 0)[2]


class _OrderKey:
    """Sorts values of mixed types: by value where they compare, else by type name."""

    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        try:
            return self.value < other.value
        except TypeError:
            return ((str(type(self.value)), id(self.value)) <
                    (str(type(other.value)), id(other.value)))


def _pair_key(pair):
    return _OrderKey(pair[0]), _OrderKey(pair[1])


def _recursion_text(object):
    return f'<Recursion on {type(object).__name__} with id={id(object)}>'


class PrettyPrinter:
    """Pretty printing settings: `indent` per nesting level, line `width`, `depth` limit,
    `compact` (several short items per line), `sort_dicts`, `underscore_numbers`."""

    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        """Writes `object` and a newline to the stream."""
        stream = self._stream if self._stream is not None else _sys.stdout
        if stream is not None:
            pieces = []
            self._layout(object, pieces.append, 0, 0, {}, 0)
            stream.write(''.join(pieces) + '\n')

    def pformat(self, object):
        """`object` laid out, as a string."""
        pieces = []
        self._layout(object, pieces.append, 0, 0, {}, 0)
        return ''.join(pieces)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        result = self.format(object, {}, 0, 0)
        return result[1] and not result[2]

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of `object`; subclasses may override it."""
        return self._represent(object, context, maxlevels, level)

    # Layout ------------------------------------------------------------------------------

    def _repr(self, object, context, level):
        text, readable, recursive = self.format(object, context.copy(), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return text

    def _layout(self, object, write, indent, allowance, context, level):
        """Writes `object` starting at column `indent`, keeping `allowance` columns free
        after it on its last line (for the closing brackets and commas that follow)."""
        key = id(object)
        if key in context:
            write(_recursion_text(object))
            self._recursive = True
            self._readable = False
            return
        text = self._repr(object, context, level)
        if len(text) > self._width - indent - allowance:
            method = self._breakers.get(type(object).__repr__)
            if method is None and _is_plain_dataclass(object):
                method = PrettyPrinter._break_dataclass
            if method is not None:
                context[key] = 1
                method(self, object, write, indent, allowance, context, level + 1)
                del context[key]
                return
        write(text)

    def _items(self, items, write, indent, allowance, context, level):
        """Sequence items, one per line (or packed, when compact)."""
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            write((self._indent_per_level - 1) * ' ')
        separator_newline = ',\n' + ' ' * indent
        separator = ''
        width = room = self._width - indent + 1
        iterator = iter(items)
        try:
            upcoming = next(iterator)
        except StopIteration:
            return
        last = False
        while not last:
            item = upcoming
            try:
                upcoming = next(iterator)
            except StopIteration:
                last = True
                room -= allowance
                width -= allowance
            if self._compact:
                text = self._repr(item, context, level)
                needed = len(text) + 2
                if width < needed:
                    width = room
                    if separator:
                        separator = separator_newline
                if width >= needed:
                    width -= needed
                    write(separator)
                    separator = ', '
                    write(text)
                    continue
            write(separator)
            separator = separator_newline
            self._layout(item, write, indent, allowance if last else 1, context, level)

    def _dict_items(self, items, write, indent, allowance, context, level):
        indent += self._indent_per_level
        separator = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for index, (key, value) in enumerate(items):
            last = index == last_index
            text = self._repr(key, context, level)
            write(text)
            write(': ')
            self._layout(value, write, indent + len(text) + 2, allowance if last else 1,
                         context, level)
            if not last:
                write(separator)

    def _namespace_items(self, items, write, indent, allowance, context, level):
        separator = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for index, (name, value) in enumerate(items):
            last = index == last_index
            write(name)
            write('=')
            if id(value) in context:
                write('...')
            else:
                self._layout(value, write, indent + len(name) + 1, allowance if last else 1,
                             context, level)
            if not last:
                write(separator)

    def _break_dict(self, object, write, indent, allowance, context, level):
        write('{')
        if self._indent_per_level > 1:
            write((self._indent_per_level - 1) * ' ')
        if len(object):
            items = object.items()
            if self._sort_dicts:
                items = sorted(items, key=_pair_key)
            self._dict_items(list(items), write, indent, allowance + 1, context, level)
        write('}')

    def _break_list(self, object, write, indent, allowance, context, level):
        write('[')
        self._items(object, write, indent, allowance + 1, context, level)
        write(']')

    def _break_tuple(self, object, write, indent, allowance, context, level):
        write('(')
        closing = ',)' if len(object) == 1 else ')'
        self._items(object, write, indent, allowance + len(closing), context, level)
        write(closing)

    def _break_set(self, object, write, indent, allowance, context, level):
        if not len(object):
            write(repr(object))
            return
        cls = object.__class__
        if cls is set:
            write('{')
            closing = '}'
        else:
            write(cls.__name__ + '({')
            closing = '})'
            indent += len(cls.__name__) + 1
        items = sorted(object, key=_OrderKey)
        self._items(items, write, indent, allowance + len(closing), context, level)
        write(closing)

    def _break_str(self, object, write, indent, allowance, context, level):
        if not len(object):
            write(repr(object))
            return
        pieces = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        room = room_last = self._width - indent
        text = ''
        for line_index, line in enumerate(lines):
            text = repr(line)
            last_line = line_index == len(lines) - 1
            if last_line:
                room_last -= allowance
            if len(text) <= room_last:
                pieces.append(text)
                continue
            words = _words_with_spaces(line)
            current = ''
            room_words = room
            for word_index, word in enumerate(words):
                candidate = current + word
                if word_index == len(words) - 1 and last_line:
                    room_words -= allowance
                if len(repr(candidate)) > room_words:
                    if current:
                        pieces.append(repr(current))
                    current = word
                else:
                    current = candidate
            if current:
                pieces.append(repr(current))
        if len(pieces) == 1:
            write(text)
            return
        if level == 1:
            write('(')
        for index, piece in enumerate(pieces):
            if index > 0:
                write('\n' + ' ' * indent)
            write(piece)
        if level == 1:
            write(')')

    def _break_ordered_dict(self, object, write, indent, allowance, context, level):
        if not len(object):
            write(repr(object))
            return
        name = object.__class__.__name__
        write(name + '(')
        self._layout(list(object.items()), write, indent + len(name) + 1, allowance + 1,
                     context, level)
        write(')')

    def _break_default_dict(self, object, write, indent, allowance, context, level):
        if not len(object):
            write(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        write(f'{name}({factory},\n{" " * indent}')
        self._break_dict(object, write, indent, allowance + 1, context, level)
        write(')')

    def _break_counter(self, object, write, indent, allowance, context, level):
        if not len(object):
            write(repr(object))
            return
        name = object.__class__.__name__
        write(name + '({')
        if self._indent_per_level > 1:
            write((self._indent_per_level - 1) * ' ')
        self._dict_items(object.most_common(), write, indent + len(name) + 1, allowance + 2,
                         context, level)
        write('})')

    def _break_chain_map(self, object, write, indent, allowance, context, level):
        if not len(object.maps) or (len(object.maps) == 1 and not len(object.maps[0])):
            write(repr(object))
            return
        name = object.__class__.__name__
        write(name + '(')
        indent += len(name) + 1
        for index, mapping in enumerate(object.maps):
            if index == len(object.maps) - 1:
                self._layout(mapping, write, indent, allowance + 1, context, level)
                write(')')
            else:
                self._layout(mapping, write, indent, 1, context, level)
                write(',\n' + ' ' * indent)

    def _break_deque(self, object, write, indent, allowance, context, level):
        if not len(object):
            write(repr(object))
            return
        name = object.__class__.__name__
        write(name + '(')
        indent += len(name) + 1
        write('[')
        if object.maxlen is None:
            self._items(object, write, indent, allowance + 2, context, level)
            write('])')
        else:
            self._items(object, write, indent, 2, context, level)
            maxlen = self._repr(object.maxlen, context, level)
            write(f'],\n{" " * indent}maxlen={maxlen})')

    def _break_namespace(self, object, write, indent, allowance, context, level):
        if type(object) is _types.SimpleNamespace:
            name = 'namespace'
        else:
            name = object.__class__.__name__
        indent += len(name) + 1
        items = list(object.__dict__.items())
        write(name + '(')
        self._namespace_items(items, write, indent, allowance, context, level)
        write(')')

    def _break_dataclass(self, object, write, indent, allowance, context, level):
        import dataclasses
        name = object.__class__.__name__
        indent += len(name) + 1
        items = [(f.name, getattr(object, f.name)) for f in dataclasses.fields(object)
                 if f.repr]
        write(name + '(')
        self._namespace_items(items, write, indent, allowance, context, level)
        write(')')

    _breakers = {}

    # Representation (one line) -----------------------------------------------------------

    def _represent(self, object, context, maxlevels, level):
        cls = type(object)
        if cls in _SCALARS:
            return repr(object), True, False
        if cls is int or cls is float:
            if self._underscore_numbers and cls is int:
                return f'{object:_d}', True, False
            return repr(object), True, False
        representation = getattr(cls, '__repr__', None)
        if issubclass(cls, dict) and representation is dict.__repr__:
            if not object:
                return '{}', True, False
            key = id(object)
            if maxlevels and level >= maxlevels:
                return '{...}', False, key in context
            if key in context:
                return _recursion_text(object), False, True
            context[key] = 1
            readable = True
            recursive = False
            parts = []
            level += 1
            items = object.items()
            if self._sort_dicts:
                items = sorted(items, key=_pair_key)
            for item_key, item_value in items:
                key_text, key_readable, key_recursive = self.format(item_key, context,
                                                                    maxlevels, level)
                value_text, value_readable, value_recursive = self.format(
                    item_value, context, maxlevels, level)
                parts.append(f'{key_text}: {value_text}')
                readable = readable and key_readable and value_readable
                if key_recursive or value_recursive:
                    recursive = True
            del context[key]
            return '{' + ', '.join(parts) + '}', readable, recursive
        if (issubclass(cls, list) and representation is list.__repr__) or \
                (issubclass(cls, tuple) and representation is tuple.__repr__):
            if issubclass(cls, list):
                if not object:
                    return '[]', True, False
                template = '[%s]'
            elif len(object) == 1:
                template = '(%s,)'
            else:
                if not object:
                    return '()', True, False
                template = '(%s)'
            key = id(object)
            if maxlevels and level >= maxlevels:
                return template % '...', False, key in context
            if key in context:
                return _recursion_text(object), False, True
            context[key] = 1
            readable = True
            recursive = False
            parts = []
            level += 1
            for item in object:
                text, item_readable, item_recursive = self.format(item, context, maxlevels,
                                                                  level)
                parts.append(text)
                if not item_readable:
                    readable = False
                if item_recursive:
                    recursive = True
            del context[key]
            return template % ', '.join(parts), readable, recursive
        text = repr(object)
        return text, bool(text and not text.startswith('<')), False


_SCALARS = frozenset({str, bytes, bytearray, complex, bool, type(None)})


def _is_plain_dataclass(object):
    """Whether `object` is a dataclass instance whose repr is the generated one."""
    if isinstance(object, type):
        return False
    params = getattr(type(object), '__dataclass_params__', None)
    if params is None or not params.repr:
        return False
    representation = type(object).__repr__
    wrapped = getattr(representation, '__wrapped__', None)
    return wrapped is not None and '__create_fn__' in getattr(wrapped, '__qualname__', '')


def _words_with_spaces(line):
    """`line` cut after each run of whitespace: 'ab  cd e' → ['ab  ', 'cd ', 'e']."""
    words = []
    current = ''
    in_space = False
    for char in line:
        if char.isspace():
            in_space = True
            current += char
        else:
            if in_space:
                words.append(current)
                current = ''
                in_space = False
            current += char
    if current:
        words.append(current)
    return words


PrettyPrinter._breakers[dict.__repr__] = PrettyPrinter._break_dict
PrettyPrinter._breakers[list.__repr__] = PrettyPrinter._break_list
PrettyPrinter._breakers[tuple.__repr__] = PrettyPrinter._break_tuple
PrettyPrinter._breakers[set.__repr__] = PrettyPrinter._break_set
PrettyPrinter._breakers[frozenset.__repr__] = PrettyPrinter._break_set
PrettyPrinter._breakers[str.__repr__] = PrettyPrinter._break_str
PrettyPrinter._breakers[_collections.OrderedDict.__repr__] = PrettyPrinter._break_ordered_dict
PrettyPrinter._breakers[_collections.defaultdict.__repr__] = PrettyPrinter._break_default_dict
PrettyPrinter._breakers[_collections.Counter.__repr__] = PrettyPrinter._break_counter
PrettyPrinter._breakers[_collections.ChainMap.__repr__] = PrettyPrinter._break_chain_map
PrettyPrinter._breakers[_collections.deque.__repr__] = PrettyPrinter._break_deque
PrettyPrinter._breakers[_types.SimpleNamespace.__repr__] = PrettyPrinter._break_namespace
