"""Regular expressions with Python's syntax and semantics.

Patterns are parsed, compiled and matched by the native `_regex` engine (a backtracking
matcher, runtime/src/modules/regex.rs); this module makes the Pattern and Match objects,
expands replacement templates, and implements split, findall, finditer, sub and subn on top
of the engine's match and scan calls.
"""

import enum
import _regex

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile",
    "purge", "template", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X",
    "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
    "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


@enum.global_enum
class RegexFlag(enum.IntFlag, boundary=enum.KEEP):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128
    __str__ = object.__str__


RegexFlag.__module__ = "re"
NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG


class error(Exception):
    """A pattern or replacement template that is not valid, with where it went wrong."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"

# The order in which Pattern's repr names flags (CPython's).
_FLAG_NAMES = [
    (TEMPLATE, "re.TEMPLATE"), (IGNORECASE, "re.IGNORECASE"), (LOCALE, "re.LOCALE"),
    (MULTILINE, "re.MULTILINE"), (DOTALL, "re.DOTALL"), (UNICODE, "re.UNICODE"),
    (VERBOSE, "re.VERBOSE"), (DEBUG, "re.DEBUG"), (ASCII, "re.ASCII"),
]


def _compile_program(pattern, flags):
    result = _regex.compile(pattern, flags)
    if result[0] is None:
        _, kind, message, position = result
        if kind == "overflow":
            raise OverflowError(message)
        if kind == "value":
            raise ValueError(message)
        if kind == "recursion":
            raise RecursionError(message)
        raise error(message, pattern, position)
    return result


class Pattern:
    """A compiled regular expression."""

    __module__ = "re"

    def __init__(self, pattern, flags):
        program, groups, names, final_flags = _compile_program(pattern, flags)
        self._program = program
        self.pattern = pattern
        self.flags = final_flags
        self.groups = groups
        self._names = dict(names)
        self._group_names = {index: name for name, index in names}

    @property
    def groupindex(self):
        from types import MappingProxyType
        return MappingProxyType(dict(self._names))

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str) and (flags & (LOCALE | UNICODE | ASCII)) == UNICODE:
            flags &= ~UNICODE
        names = []
        for bit, name in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        text = repr(self.pattern)[:200]
        if names:
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls

    def _match(self, string, pos, endpos, mode):
        slots = _regex.match(self._program, string, pos, endpos, mode)
        if slots is None:
            return None
        return Match(self, string, pos, endpos, slots)

    def match(self, string, pos=0, endpos=None):
        slots = _regex.match(self._program, string, pos, endpos, 0)
        return None if slots is None else Match(self, string, pos, endpos, slots)

    def search(self, string, pos=0, endpos=None):
        slots = _regex.match(self._program, string, pos, endpos, 1)
        return None if slots is None else Match(self, string, pos, endpos, slots)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._match(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        for slots in _regex.scan(self._program, string, pos, endpos, 0):
            yield Match(self, string, pos, endpos, slots)

    def findall(self, string, pos=0, endpos=None):
        found = _regex.scan(self._program, string, pos, endpos, 0)
        groups = self.groups
        empty = string[:0]
        if groups == 0:
            return [string[slots[0]:slots[1]] for slots in found]
        if groups == 1:
            return [
                empty if slots[2] < 0 else string[slots[2]:slots[3]] for slots in found
            ]
        result = []
        for slots in found:
            result.append(tuple(
                empty if slots[2 * g] < 0 else string[slots[2 * g]:slots[2 * g + 1]]
                for g in range(1, groups + 1)
            ))
        return result

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        found = _regex.scan(self._program, string, 0, None, maxsplit)
        pieces = []
        last = 0
        groups = self.groups
        for slots in found:
            pieces.append(string[last:slots[0]])
            for g in range(1, groups + 1):
                start = slots[2 * g]
                pieces.append(None if start < 0 else string[start:slots[2 * g + 1]])
            last = slots[1]
        pieces.append(string[last:])
        return pieces

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        if count < 0:
            return string, 0
        if callable(repl):
            expand = None
        else:
            if not isinstance(repl, (str, bytes)):
                raise TypeError(
                    f"decoding to str: need a bytes-like object, {type(repl).__name__} found"
                )
            template = _parse_template(repl, self)
            if not template or (len(template) == 1 and not isinstance(template[0], int)):
                literal = template[0] if template else repl[:0]
                expand = literal
            else:
                expand = lambda match: _expand_template(template, match)
        found = _regex.scan(self._program, string, 0, None, count)
        if not found:
            return string, 0
        # Empty pieces are left out, so a bad replacement's index in join's error is CPython's.
        pieces = []
        last = 0
        for slots in found:
            if slots[0] > last:
                pieces.append(string[last:slots[0]])
            if expand is None:
                replacement = repl(Match(self, string, 0, None, slots))
            elif isinstance(expand, (str, bytes)):
                replacement = expand
            else:
                replacement = expand(Match(self, string, 0, None, slots))
            if replacement is not None and (replacement or not isinstance(replacement, (str, bytes))):
                pieces.append(replacement)
            last = slots[1]
        if last < len(string):
            pieces.append(string[last:])
        return string[:0].join(pieces), len(found)


class Match:
    """The result of a successful match: the spans of the whole match and of each group."""

    __module__ = "re"

    def __init__(self, pattern, string, pos, endpos, slots):
        self.re = pattern
        self.string = string
        self._pos = pos
        self._endpos = endpos
        self._slots = slots

    @property
    def pos(self):
        return min(max(self._pos, 0), len(self.string))

    @property
    def endpos(self):
        length = len(self.string)
        return length if self._endpos is None else min(max(self._endpos, 0), length)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool):
            if 0 <= group <= self.re.groups:
                return group
        elif isinstance(group, str):
            index = self.re._names.get(group)
            if index is not None:
                return index
        else:
            try:
                index = group.__index__()
            except AttributeError:
                raise IndexError("no such group") from None
            if 0 <= index <= self.re.groups:
                return index
        raise IndexError("no such group")

    def _group(self, index, default=None):
        start = self._slots[2 * index]
        if start < 0:
            return default
        return self.string[start:self._slots[2 * index + 1]]

    def group(self, *groups):
        if not groups:
            slots = self._slots
            return self.string[slots[0]:slots[1]]
        if len(groups) == 1:
            index = groups[0]
            if index.__class__ is not int or not 0 <= index <= self.re.groups:
                index = self._index(index)
            slots = self._slots
            start = slots[2 * index]
            if start < 0:
                return None
            return self.string[start:slots[2 * index + 1]]
        return tuple(self._group(self._index(group)) for group in groups)

    def __getitem__(self, group):
        return self._group(self._index(group))

    def groups(self, default=None):
        return tuple(self._group(index, default) for index in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(index, default) for name, index in self.re._names.items()}

    def start(self, group=0):
        return self._slots[2 * self._index(group)]

    def end(self, group=0):
        return self._slots[2 * self._index(group) + 1]

    def span(self, group=0):
        index = self._index(group)
        return self._slots[2 * index], self._slots[2 * index + 1]

    @property
    def regs(self):
        return tuple(
            (self._slots[2 * index], self._slots[2 * index + 1])
            for index in range(self.re.groups + 1)
        )

    @property
    def lastindex(self):
        index = self._slots[-1]
        return None if index <= 0 else index

    @property
    def lastgroup(self):
        index = self.lastindex
        if index is None:
            return None
        return self.re._group_names.get(index)

    def expand(self, template):
        return _expand_template(_parse_template(template, self.re), self)


# ---- replacement templates ----

_TEMPLATE_ESCAPES = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\",
}


def _parse_template(template, pattern):
    """The template as a list of literal strings and group numbers."""
    is_bytes = not isinstance(template, str)
    text = template.decode("latin-1") if is_bytes else template
    parts = []
    literal = []
    i = 0
    n = len(text)

    def flush():
        if literal:
            piece = "".join(literal)
            parts.append(piece.encode("latin-1") if is_bytes else piece)
            literal.clear()

    while i < n:
        c = text[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", template, start)
        c = text[i]
        i += 1
        if c == "g":
            if i >= n or text[i] != "<":
                raise error("missing <", template, i)
            close = text.find(">", i + 1)
            if close < 0:
                name = text[i + 1:]
                if not name:
                    raise error("missing group name", template, i + 1)
                raise error("missing >, unterminated name", template, i + 1)
            name = text[i + 1:close]
            if not name:
                raise error("missing group name", template, i + 1)
            if name.isdigit() and name.isascii():
                index = int(name)
                if index > pattern.groups:
                    raise error("invalid group reference %d" % index, template, i + 1)
            elif name.isidentifier():
                index = pattern._names.get(name)
                if index is None:
                    raise IndexError("unknown group name '%s'" % name)
            else:
                raise error("bad character in group name '%s'" % name, template, i + 1)
            i = close + 1
            flush()
            parts.append(index)
        elif c == "0":
            digits = c
            while i < n and len(digits) < 3 and text[i] in "01234567":
                digits += text[i]
                i += 1
            literal.append(chr(int(digits, 8)))
        elif c.isdigit() and c.isascii():
            digits = c
            if i < n and text[i].isdigit() and text[i].isascii():
                if (c in "01234567" and text[i] in "01234567" and i + 1 < n
                        and text[i + 1] in "01234567"):
                    value = int(c + text[i:i + 2], 8)
                    if value > 0o377:
                        raise error(
                            "octal escape value \\%s outside of range 0-0o377"
                            % (c + text[i:i + 2]), template, start,
                        )
                    literal.append(chr(value))
                    i += 2
                    continue
                digits += text[i]
                i += 1
            index = int(digits)
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, template, start + 1)
            flush()
            parts.append(index)
        elif c in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, template, start)
        else:
            literal.append("\\" + c)
    flush()
    return parts


def _expand_template(template, match):
    empty = match.string[:0]
    pieces = []
    for part in template:
        if isinstance(part, int):
            value = match._group(part)
            if value is not None:
                pieces.append(value)
        else:
            pieces.append(part)
    return empty.join(pieces)


# ---- module-level functions ----

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    compiled = Pattern(pattern, flags)
    if not flags & DEBUG:
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_SPECIAL_CHARACTERS = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    """The pattern with every character that has a meaning in regular expressions escaped."""
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL_CHARACTERS else c for c in pattern)
    text = str(pattern, "latin-1")
    return "".join("\\" + c if c in _SPECIAL_CHARACTERS else c for c in text).encode("latin-1")
