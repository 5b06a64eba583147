"""JSON decoding: `JSONDecoder` and `JSONDecodeError`.

Errors carry CPython's messages and positions (`Expecting value: line 1 column 1 (char 0)`),
which come from where its C scanner stops; the scanner here (`scanner.py`) stops at the same
places.
"""

from json import scanner

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

_WHITESPACE = ' \t\n\r'
_constant = _CONSTANTS.__getitem__


class JSONDecodeError(ValueError):
    """A document that is not valid JSON.

    msg: the message without the position; doc: the document; pos: the index where parsing
    failed; lineno and colno: that index as a line and column (both from 1).
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def _skip_whitespace(text, index):
    length = len(text)
    while index < length and text[index] in _WHITESPACE:
        index += 1
    return index


class JSONDecoder(object):
    """Turns JSON text into Python data.

    object → dict (or what `object_hook`/`object_pairs_hook` make of it), array → list,
    string → str, number → int or float (or what `parse_int`/`parse_float` return),
    true/false/null → True/False/None, and NaN/Infinity/-Infinity → floats (or
    `parse_constant`). With `strict` (the default) control characters in strings are errors.
    """

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s, _w=None):
        """The Python value of the JSON document `s` (whitespace around it is allowed)."""
        obj, end = self.raw_decode(s, idx=_skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decodes the JSON value that starts at `s[idx]`; returns it and the index after it."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None
        return obj, end
