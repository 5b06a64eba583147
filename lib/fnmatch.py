"""Shell-style wildcards: `*`, `?`, `[seq]`, `[!seq]`, matched through `re`.

On POSIX, names are compared case-sensitively (os.path.normcase is the identity).
translate() gives a regular expression with the same matches as CPython's, not always the
same text.
"""

import os
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def _compiled(pattern):
    try:
        return _cache[pattern]
    except KeyError:
        pass
    if isinstance(pattern, bytes):
        text = translate(str(pattern, "ISO-8859-1"))
        compiled = re.compile(text.encode("ISO-8859-1"))
    else:
        compiled = re.compile(translate(pattern))
    if len(_cache) >= 32768:
        _cache.clear()
    _cache[pattern] = compiled
    return compiled


def fnmatch(name, pat):
    """Whether name matches the pattern, after os.path.normcase on both."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    """Whether name matches the pattern, case-sensitively."""
    return _compiled(pat).match(name) is not None


def filter(names, pat):
    """The names that match the pattern."""
    pat = os.path.normcase(pat)
    match = _compiled(pat).match
    return [name for name in names if match(os.path.normcase(name))]


def translate(pat):
    """A regular expression that matches what the shell pattern matches."""
    parts = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not parts or parts[-1] != ".*":
                parts.append(".*")
        elif c == "?":
            parts.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                parts.append("\\[")
                continue
            content = pat[i:j]
            i = j + 1
            if not content:
                parts.append("(?!)")
                continue
            if content == "!":
                parts.append(".")
                continue
            negate = content[0] == "!"
            if negate:
                content = content[1:]
            content = content.replace("\\", "\\\\")
            content = re.sub(r"([&~|])", r"\\\1", content)
            if content.startswith("^"):
                content = "\\" + content
            parts.append("[" + ("^" if negate else "") + content + "]")
        else:
            parts.append(re.escape(c))
    return "(?s:%s)\\Z" % "".join(parts)
