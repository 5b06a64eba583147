"""JSON encoding: `JSONEncoder` and the string escaping it uses.

The output is CPython's byte for byte: the same separators, the same escapes (`\\uXXXX` with
surrogate pairs when `ensure_ascii`), `NaN`/`Infinity`, and the same errors for circular
references, unserializable objects and bad keys. The escaping functions come from krait's
native `_json` module when it is there, which does them in one pass in Rust.
"""

__all__ = ['JSONEncoder']

_ESCAPES = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _code in range(0x20):
    _ESCAPES.setdefault(chr(_code), '\\u{0:04x}'.format(_code))
del _code

INFINITY = float('inf')


def _python_encode_basestring(text):
    """`text` as a JSON string literal, escaping only what JSON requires."""
    return '"' + ''.join([_ESCAPES.get(char, char) for char in text]) + '"'


def _escape_ascii(char):
    escaped = _ESCAPES.get(char)
    if escaped is not None:
        return escaped
    code = ord(char)
    if code < 0x7f:
        return char
    if code < 0x10000:
        return '\\u{0:04x}'.format(code)
    code -= 0x10000
    high = 0xd800 | ((code >> 10) & 0x3ff)
    low = 0xdc00 | (code & 0x3ff)
    return '\\u{0:04x}\\u{1:04x}'.format(high, low)


def _python_encode_basestring_ascii(text):
    """`text` as a JSON string literal in ASCII only."""
    return '"' + ''.join([_escape_ascii(char) for char in text]) + '"'


try:
    from _json import encode_basestring_ascii as c_encode_basestring_ascii
    from _json import encode_basestring as c_encode_basestring
    from _json import encode as c_encode
except ImportError:
    c_encode_basestring_ascii = None
    c_encode_basestring = None
    c_encode = None

encode_basestring = c_encode_basestring or _python_encode_basestring
encode_basestring_ascii = c_encode_basestring_ascii or _python_encode_basestring_ascii


class JSONEncoder(object):
    """Turns Python data into JSON text.

    dict → object, list and tuple → array, str → string, int and float → number,
    True/False → true/false, None → null. Anything else goes to `default`, which a subclass
    overrides (or the `default` argument replaces) to return something serializable.
    """

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Called for objects JSON has no form for; returns a serializable object or raises."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """The JSON text of `o`, as one string."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of `o` in pieces (what `json.dump` writes one by one)."""
        if c_encode is not None:
            # The native encoder handles the plain types and declines the rest (subclasses,
            # objects for `default`, errors): then the writer below does it all.
            indent = self.indent
            if indent is not None and not isinstance(indent, str):
                indent = ' ' * indent
            if isinstance(self.item_separator, str) and isinstance(self.key_separator, str):
                text = c_encode(o, bool(self.ensure_ascii), bool(self.allow_nan),
                                bool(self.sort_keys), indent, self.item_separator,
                                self.key_separator)
                if text is not NotImplemented:
                    return [text]
        writer = _Writer(self)
        writer.value(o, 0)
        return writer.chunks


class _Writer:
    """One encoding run: the encoder's settings and the pieces written so far."""

    def __init__(self, encoder):
        self.chunks = []
        self.encoder = encoder
        self.markers = {} if encoder.check_circular else None
        self.escape = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator
        self.default = encoder.default
        self.allow_nan = encoder.allow_nan
        self.sort_keys = encoder.sort_keys
        self.skipkeys = encoder.skipkeys

    def float_text(self, number):
        if number != number:
            text = 'NaN'
        elif number == INFINITY:
            text = 'Infinity'
        elif number == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(number)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def enter(self, container):
        if self.markers is not None:
            marker = id(container)
            if marker in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[marker] = container

    def leave(self, container):
        if self.markers is not None:
            del self.markers[id(container)]

    def value(self, o, level):
        append = self.chunks.append
        if isinstance(o, str):
            append(self.escape(o))
        elif o is None:
            append('null')
        elif o is True:
            append('true')
        elif o is False:
            append('false')
        elif isinstance(o, int):
            append(int.__repr__(o))
        elif isinstance(o, float):
            append(self.float_text(o))
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            self.enter(o)
            self.value(self.default(o), level)
            self.leave(o)

    def array(self, items, level):
        append = self.chunks.append
        if not items:
            append('[]')
            return
        self.enter(items)
        if self.indent is None:
            separator = self.item_separator
            append('[')
        else:
            level += 1
            newline = '\n' + self.indent * level
            separator = self.item_separator + newline
            append('[' + newline)
        first = True
        for item in items:
            if first:
                first = False
            else:
                append(separator)
            self.value(item, level)
        if self.indent is not None:
            level -= 1
            append('\n' + self.indent * level)
        append(']')
        self.leave(items)

    def key_text(self, key):
        """A key as an object member name, or None to skip it (`skipkeys`)."""
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.float_text(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def object(self, dictionary, level):
        append = self.chunks.append
        if not dictionary:
            append('{}')
            return
        self.enter(dictionary)
        if self.indent is None:
            separator = self.item_separator
            append('{')
        else:
            level += 1
            newline = '\n' + self.indent * level
            separator = self.item_separator + newline
            append('{' + newline)
        items = dictionary.items()
        if self.sort_keys:
            items = sorted(items)
        first = True
        escape = self.escape
        key_separator = self.key_separator
        for key, item in items:
            if not isinstance(key, str):
                key = self.key_text(key)
                if key is None:
                    continue
            if first:
                first = False
            else:
                append(separator)
            append(escape(key))
            append(key_separator)
            self.value(item, level)
        if self.indent is not None:
            level -= 1
            append('\n' + self.indent * level)
        append('}')
        self.leave(dictionary)
