"""Common string constants, capwords, the $-substitution Template, and Formatter (the
machinery of str.format, open to customisation).

Template scans its text by hand for the default placeholder syntax; a subclass that
changes `idpattern`, `braceidpattern`, `flags` or `pattern` gets a regular expression built
from them instead, as the documentation describes.
"""

__all__ = [
    "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
    "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter",
    "Template",
]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Capitalize each word of s: split on sep (runs of whitespace when None), capitalize, join
    with sep (a space when None)."""
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


################################################################################
### Template
################################################################################

_sentinel_dict = {}

_DEFAULT_IDPATTERN = r"(?a:[_a-z][_a-z0-9]*)"
_IGNORECASE = 2  # re.IGNORECASE, without importing re for the default syntax


def _is_identifier_start(c):
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z")


def _is_identifier_char(c):
    return _is_identifier_start(c) or ("0" <= c <= "9")


class _Placeholder:
    """One placeholder found in a template: the span it covers and what kind it is."""

    __slots__ = ("start", "end", "kind", "name")

    def __init__(self, start, end, kind, name):
        self.start = start
        self.end = end
        self.kind = kind  # "escaped", "named", "braced" or "invalid"
        self.name = name


class Template:
    """A string with $-placeholders ($name, ${name}; $$ for a dollar), filled in by
    substitute() or safe_substitute()."""

    delimiter = "$"
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _IGNORECASE

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "pattern" in cls.__dict__:
            pattern = cls.pattern
            if isinstance(pattern, str):
                import re
                cls.pattern = re.compile(pattern, cls.flags | re.VERBOSE)
        elif (cls.idpattern != _DEFAULT_IDPATTERN or cls.braceidpattern is not None
                or cls.flags != _IGNORECASE):
            import re
            delim = re.escape(cls.delimiter)
            ident = cls.idpattern
            brace_ident = cls.braceidpattern or cls.idpattern
            cls.pattern = re.compile(
                f"{delim}(?:(?P<escaped>{delim})|(?P<named>{ident})"
                f"|{{(?P<braced>{brace_ident})}}|(?P<invalid>))",
                cls.flags,
            )

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        """The placeholders of the template, in order."""
        pattern = getattr(type(self), "pattern", None)
        if pattern is not None:
            yield from self._regex_placeholders(pattern)
            return
        text = self.template
        delim = self.delimiter
        dlen = len(delim)
        n = len(text)
        i = text.find(delim)
        while i >= 0:
            j = i + dlen
            if text.startswith(delim, j):
                yield _Placeholder(i, j + dlen, "escaped", None)
                i = text.find(delim, j + dlen)
                continue
            if j < n and _is_identifier_start(text[j]):
                k = j + 1
                while k < n and _is_identifier_char(text[k]):
                    k += 1
                yield _Placeholder(i, k, "named", text[j:k])
                i = text.find(delim, k)
                continue
            if j < n and text[j] == "{" and j + 1 < n and _is_identifier_start(text[j + 1]):
                k = j + 2
                while k < n and _is_identifier_char(text[k]):
                    k += 1
                if k < n and text[k] == "}":
                    yield _Placeholder(i, k + 1, "braced", text[j + 1:k])
                    i = text.find(delim, k + 1)
                    continue
            yield _Placeholder(i, j, "invalid", None)
            i = text.find(delim, j)

    def _regex_placeholders(self, pattern):
        for mo in pattern.finditer(self.template):
            if mo.group("escaped") is not None:
                yield _Placeholder(mo.start(), mo.end(), "escaped", None)
            elif mo.group("named") is not None:
                yield _Placeholder(mo.start(), mo.end(), "named", mo.group("named"))
            elif mo.group("braced") is not None:
                yield _Placeholder(mo.start(), mo.end(), "braced", mo.group("braced"))
            elif mo.group("invalid") is not None:
                yield _Placeholder(mo.start(), mo.start("invalid"), "invalid", None)
            else:
                raise ValueError("Unrecognized named group in pattern", pattern)

    def _invalid(self, placeholder):
        i = placeholder.end
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    def _substitute(self, mapping, safe):
        parts = []
        text = self.template
        last = 0
        for ph in self._placeholders():
            parts.append(text[last:ph.start])
            last = ph.end
            if ph.kind == "escaped":
                parts.append(self.delimiter)
            elif ph.kind == "invalid":
                if not safe:
                    self._invalid(ph)
                parts.append(text[ph.start:ph.end])
            elif safe:
                try:
                    parts.append(str(mapping[ph.name]))
                except KeyError:
                    parts.append(text[ph.start:ph.end])
            else:
                parts.append(str(mapping[ph.name]))
        parts.append(text[last:])
        return "".join(parts)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        return self._substitute(mapping, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        return self._substitute(mapping, True)

    def is_valid(self):
        for ph in self._placeholders():
            if ph.kind == "invalid":
                return False
        return True

    def get_identifiers(self):
        ids = []
        for ph in self._placeholders():
            if ph.name is not None and ph.name not in ids:
                ids.append(ph.name)
        return ids


################################################################################
### Formatter
################################################################################

def _parse_format(format_string):
    """Yield (literal_text, field_name, format_spec, conversion) tuples, as
    Formatter.parse documents; escaped braces end a literal chunk."""
    literal = []
    i = 0
    n = len(format_string)
    while i < n:
        c = format_string[i]
        if c == "{":
            if i + 1 < n and format_string[i + 1] == "{":
                literal.append("{")
                yield "".join(literal), None, None, None
                literal = []
                i += 2
                continue
            if i + 1 >= n:
                raise ValueError("Single '{' encountered in format string")
            depth = 1
            j = i + 1
            while j < n:
                if format_string[j] == "{":
                    depth += 1
                elif format_string[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError("expected '}' before end of string")
            field_name, format_spec, conversion = _split_field(format_string[i + 1:j])
            yield "".join(literal), field_name, format_spec, conversion
            literal = []
            i = j + 1
        elif c == "}":
            if i + 1 < n and format_string[i + 1] == "}":
                literal.append("}")
                yield "".join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield "".join(literal), None, None, None


def _split_field(field):
    """Split the inside of a replacement field into name, format spec and conversion."""
    i = 0
    n = len(field)
    in_brackets = False
    while i < n:
        c = field[i]
        if c == "[":
            in_brackets = True
        elif c == "]":
            in_brackets = False
        elif not in_brackets and (c == "!" or c == ":"):
            break
        i += 1
    name = field[:i]
    conversion = None
    spec = ""
    if i < n and field[i] == "!":
        if i + 1 >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = field[i + 1]
        i += 2
        if i < n:
            if field[i] != ":":
                raise ValueError("expected ':' after conversion specifier")
    if i < n and field[i] == ":":
        spec = field[i + 1:]
    return name, spec, conversion


def _split_field_name(field_name):
    """(first, [(is_attribute, key), ...]) for a name like `0.attr[key]`."""
    i = 0
    n = len(field_name)
    while i < n and field_name[i] not in ".[":
        i += 1
    first = field_name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if field_name[i] == ".":
            j = i + 1
            while j < n and field_name[j] not in ".[":
                j += 1
            attr = field_name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        else:
            j = field_name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = field_name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and field_name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """The engine of str.format, with each step a method a subclass can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError("cannot switch from manual field specification "
                                     "to automatic field numbering")
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError("cannot switch from manual field specification "
                                     "to automatic field numbering")
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError(f"Unknown conversion specifier {conversion!s}")

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
