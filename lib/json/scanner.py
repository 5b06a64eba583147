"""The JSON scanner: `make_scanner(decoder)` returns `scan_once(text, index)`, which parses one
JSON value starting at `text[index]` and returns it with the index after it. Where no value
starts it raises `StopIteration(index)` (the decoder reports "Expecting value"); other errors
are `JSONDecodeError`s at the positions CPython's scanner reports.

Documents that need no hooks are parsed by krait's native `_json.scan` when it is there.
"""

__all__ = ['make_scanner', 'scanstring']

_ESCAPES = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}
_HEX_DIGITS = frozenset('0123456789abcdefABCDEF')
_DIGITS = frozenset('0123456789')
_WHITESPACE = frozenset(' \t\n\r')


def _error(message, text, position):
    from json.decoder import JSONDecodeError
    return JSONDecodeError(message, text, position)


def _hex4(text, position):
    """The value of the four hex digits after the 'u' at `position`."""
    digits = text[position + 1:position + 5]
    if len(digits) != 4 or not all(digit in _HEX_DIGITS for digit in digits):
        raise _error('Invalid \\uXXXX escape', text, position)
    return int(digits, 16)


def py_scanstring(text, end, strict=True):
    """Decodes the JSON string whose opening quote is at `end - 1`; returns it and the index
    after its closing quote."""
    begin = end - 1
    chunks = []
    append = chunks.append
    length = len(text)
    while True:
        quote = text.find('"', end)
        if quote < 0:
            quote = length
        backslash = text.find('\\', end, quote)
        stop = quote if backslash < 0 else backslash
        piece = text[end:stop]
        if strict and not piece.isprintable():
            for offset, char in enumerate(piece):
                if char < ' ':
                    raise _error('Invalid control character at', text, end + offset)
        if piece:
            append(piece)
        if stop >= length:
            raise _error('Unterminated string starting at', text, begin)
        if stop == quote:
            return ''.join(chunks), quote + 1
        # An escape at `stop`.
        if stop + 1 >= length:
            raise _error('Unterminated string starting at', text, begin)
        kind = text[stop + 1]
        if kind != 'u':
            replacement = _ESCAPES.get(kind)
            if replacement is None:
                raise _error('Invalid \\escape', text, stop)
            append(replacement)
            end = stop + 2
            continue
        code = _hex4(text, stop + 1)
        end = stop + 6
        if 0xd800 <= code <= 0xdbff and text[end:end + 2] == '\\u':
            low = _hex4(text, end + 1)
            if 0xdc00 <= low <= 0xdfff:
                code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                end += 6
        append(chr(code))


scanstring = py_scanstring

try:
    from _json import scan as c_scan
except ImportError:
    c_scan = None


def make_scanner(context):
    """The `scan_once(text, index)` function for a decoder's settings."""
    parse_object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    strict = context.strict
    memo = context.memo
    scan_string = scanstring
    whitespace = _WHITESPACE
    digits = _DIGITS
    if parse_float is float:
        parse_float = None
    if parse_int is int:
        parse_int = None

    def skip(text, index):
        try:
            while text[index] in whitespace:
                index += 1
        except IndexError:
            pass
        return index

    def number(text, index):
        start = index
        length = len(text)
        if text[index] == '-':
            index += 1
            if index >= length:
                raise StopIteration(start)
        char = text[index]
        if char == '0':
            index += 1
        elif '1' <= char <= '9':
            index += 1
            while index < length and text[index] in digits:
                index += 1
        else:
            raise StopIteration(start)
        is_float = False
        if index + 1 < length and text[index] == '.' and text[index + 1] in digits:
            is_float = True
            index += 2
            while index < length and text[index] in digits:
                index += 1
        if index < length and text[index] in 'eE':
            exponent_start = index
            index += 1
            if index < length and text[index] in '-+':
                index += 1
            digits_start = index
            while index < length and text[index] in digits:
                index += 1
            if index > digits_start:
                is_float = True
            else:
                index = exponent_start
        literal = text[start:index]
        if is_float:
            if parse_float is None:
                return float(literal), index
            return parse_float(literal), index
        if parse_int is None:
            return int(literal), index
        return parse_int(literal), index

    def parse_object(text, index):
        pairs = []
        append = pairs.append
        index = skip(text, index)
        if text[index:index + 1] == '}':
            index += 1
        else:
            while True:
                if text[index:index + 1] != '"':
                    raise _error('Expecting property name enclosed in double quotes',
                                 text, index)
                key, index = scan_string(text, index + 1, strict)
                key = memo.setdefault(key, key)
                index = skip(text, index)
                if text[index:index + 1] != ':':
                    raise _error("Expecting ':' delimiter", text, index)
                index = skip(text, index + 1)
                value, index = scan_once(text, index)
                append((key, value))
                index = skip(text, index)
                char = text[index:index + 1]
                if char == '}':
                    index += 1
                    break
                if char != ',':
                    raise _error("Expecting ',' delimiter", text, index)
                index = skip(text, index + 1)
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs), index
        result = dict(pairs)
        if parse_object_hook is not None:
            result = parse_object_hook(result)
        return result, index

    def parse_array(text, index):
        values = []
        append = values.append
        index = skip(text, index)
        if text[index:index + 1] == ']':
            return values, index + 1
        while True:
            value, index = scan_once(text, index)
            append(value)
            index = skip(text, index)
            char = text[index:index + 1]
            if char == ']':
                return values, index + 1
            if char != ',':
                raise _error("Expecting ',' delimiter", text, index)
            index = skip(text, index + 1)

    def scan_once(text, index):
        try:
            char = text[index]
        except IndexError:
            raise StopIteration(index) from None
        if char == '"':
            return scan_string(text, index + 1, strict)
        if char == '{':
            return parse_object(text, index + 1)
        if char == '[':
            return parse_array(text, index + 1)
        if char == 'n' and text.startswith('null', index):
            return None, index + 4
        if char == 't' and text.startswith('true', index):
            return True, index + 4
        if char == 'f' and text.startswith('false', index):
            return False, index + 5
        if char == 'N' and text.startswith('NaN', index):
            return parse_constant('NaN'), index + 3
        if char == 'I' and text.startswith('Infinity', index):
            return parse_constant('Infinity'), index + 8
        if char == '-' and text.startswith('-Infinity', index):
            return parse_constant('-Infinity'), index + 9
        return number(text, index)

    def scan(text, index):
        try:
            return scan_once(text, index)
        finally:
            memo.clear()

    from json.decoder import _constant
    if (c_scan is not None and parse_object_hook is None and object_pairs_hook is None
            and parse_float is None and parse_int is None and parse_constant is _constant):
        # The native scanner parses plain documents and declines the rest (errors among
        # them): then `scan` does it all and reports the error.
        def native_scan(text, index):
            result = c_scan(text, index, strict)
            if result is NotImplemented:
                return scan(text, index)
            return result
        return native_scan

    return scan


py_make_scanner = make_scanner
