"""Path name manipulation for POSIX systems: what `os.path` is on Linux and macOS.

Every function accepts str or bytes (and os.PathLike objects), answering in the same kind.
The pure functions follow CPython's results on every corner (empty strings, runs of slashes,
leading '//', dot files); the ones that look at the file system use os.stat and os.lstat.
"""

import os
import stat as _stat

__all__ = [
    "normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename", "dirname",
    "commonprefix", "getsize", "getmtime", "getatime", "getctime", "islink", "exists",
    "lexists", "isdir", "isfile", "ismount", "expanduser", "expandvars", "normpath",
    "abspath", "samefile", "sameopenfile", "samestat", "curdir", "pardir", "sep", "pathsep",
    "defpath", "altsep", "extsep", "devnull", "realpath", "supports_unicode_filenames",
    "relpath", "commonpath",
]

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False


def _parts(path):
    """The separator, current and parent directory names of path's kind (str or bytes)."""
    if isinstance(path, bytes):
        return b"/", b".", b".."
    return "/", ".", ".."


def _check_kinds(function_name, *args):
    has_str = has_bytes = False
    for arg in args:
        if isinstance(arg, str):
            has_str = True
        elif isinstance(arg, bytes):
            has_bytes = True
        else:
            raise TypeError(
                f"{function_name}() argument must be str, bytes, or os.PathLike object, "
                f"not {type(arg).__name__!r}"
            ) from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_parts(s)[0])


def join(a, *p):
    a = os.fspath(a)
    separator = _parts(a)[0]
    path = a
    try:
        if not p:
            path[:0] + separator
        for b in map(os.fspath, p):
            if b.startswith(separator):
                path = b
            elif not path or path.endswith(separator):
                path += b
            else:
                path += separator + b
    except (TypeError, AttributeError, BytesWarning):
        _check_kinds("join", a, *p)
        raise
    return path


def split(p):
    """(head, tail): tail is everything after the last slash."""
    p = os.fspath(p)
    separator = _parts(p)[0]
    i = p.rfind(separator) + 1
    head, tail = p[:i], p[i:]
    if head and head != separator * len(head):
        head = head.rstrip(separator)
    return head, tail


def splitext(p):
    """(root, ext): ext starts at the last dot of the last component, unless that component
    is only dots before it (a leading dot does not start an extension)."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        separator, dot = b"/", b"."
    else:
        separator, dot = "/", "."
    separator_index = p.rfind(separator)
    dot_index = p.rfind(dot)
    if dot_index > separator_index:
        filename_index = separator_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    p = os.fspath(p)
    separator = _parts(p)[0]
    return p[p.rfind(separator) + 1:]


def dirname(p):
    p = os.fspath(p)
    separator = _parts(p)[0]
    head = p[:p.rfind(separator) + 1]
    if head and head != separator * len(head):
        head = head.rstrip(separator)
    return head


def commonprefix(m):
    """The longest common leading string of the paths (character by character)."""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def normpath(path):
    """Collapses redundant separators and '.' and 'x/..' parts, lexically."""
    path = os.fspath(path)
    separator, current, parent = _parts(path)
    empty = path[:0]
    if path == empty:
        return current
    initial_slashes = 1 if path.startswith(separator) else 0
    # POSIX keeps exactly two leading slashes but collapses three or more to one.
    if initial_slashes and path.startswith(separator * 2) and not path.startswith(separator * 3):
        initial_slashes = 2
    new_components = []
    for component in path.split(separator):
        if component in (empty, current):
            continue
        if component != parent or (not initial_slashes and not new_components) or (
            new_components and new_components[-1] == parent
        ):
            new_components.append(component)
        elif new_components:
            new_components.pop()
    path = separator.join(new_components)
    if initial_slashes:
        path = separator * initial_slashes + path
    return path or current


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical absolute path: symbolic links resolved one component at a time, '..'
    applied after the link before it is resolved (as the kernel does)."""
    filename = os.fspath(filename)
    separator, current, parent = _parts(filename)
    if not isabs(filename):
        cwd = os.getcwdb() if isinstance(filename, bytes) else os.getcwd()
        filename = join(cwd, filename)
    pending = filename.split(separator)[::-1]
    resolved = []
    links_followed = 0
    while pending:
        name = pending.pop()
        if not name or name == current:
            continue
        if name == parent:
            if resolved:
                resolved.pop()
            continue
        candidate = separator + separator.join(resolved + [name])
        try:
            is_link = _stat.S_ISLNK(os.lstat(candidate).st_mode)
        except OSError:
            if strict:
                raise
            is_link = False
        if not is_link:
            resolved.append(name)
            continue
        links_followed += 1
        if links_followed > 40:
            if strict:
                os.stat(candidate)
            resolved.append(name)
            resolved.extend(part for part in reversed(pending) if part)
            break
        target = os.readlink(candidate)
        if target.startswith(separator):
            resolved = []
        pending.extend(target.split(separator)[::-1])
    return separator + separator.join(resolved)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    separator, current, parent = _parts(path)
    if start is None:
        start = current
    else:
        start = os.fspath(start)
    _check_kinds("relpath", path, start)
    start_list = [x for x in abspath(start).split(separator) if x]
    path_list = [x for x in abspath(path).split(separator) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [parent] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return current
    return join(*rel_list)


def commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple(map(os.fspath, paths))
    _check_kinds("commonpath", *paths)
    separator, current, parent = _parts(paths[0])
    split_paths = [path.split(separator) for path in paths]
    try:
        (isabsolute,) = set(p[:1] == separator for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != current] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = separator if isabsolute else separator[:0]
    return prefix + separator.join(common)


def expanduser(path):
    path = os.fspath(path)
    tilde = b"~" if isinstance(path, bytes) else "~"
    if not path.startswith(tilde):
        return path
    separator = _parts(path)[0]
    i = path.find(separator, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = os.environ.get("HOME")
        if home is None:
            return path
    else:
        return path
    if isinstance(path, bytes):
        home = home.encode()
    home = home.rstrip(separator)
    return (home + path[i:]) or separator


def expandvars(path):
    """Replaces $name and ${name} by environment variables; unknown ones stay."""
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    text = path.decode("latin-1") if is_bytes else path
    if "$" not in text:
        return path
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == "{":
            end = text.find("}", i + 2)
            if end < 0:
                out.append(text[i:])
                break
            name = text[i + 2:end]
            whole = text[i:end + 1]
            i = end + 1
        else:
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_") and text[j].isascii():
                j += 1
            name = text[i + 1:j]
            whole = text[i:j]
            i = j
            if not name:
                out.append(whole)
                continue
        value = os.environ.get(name)
        out.append(whole if value is None else value)
    result = "".join(out)
    return result.encode("latin-1") if is_bytes else result


def exists(path):
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return _stat.S_ISREG(st.st_mode)


def isdir(s):
    try:
        st = os.stat(s)
    except (OSError, ValueError):
        return False
    return _stat.S_ISDIR(st.st_mode)


def islink(path):
    try:
        st = os.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return _stat.S_ISLNK(st.st_mode)


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if _stat.S_ISLNK(s1.st_mode):
        return False
    path = os.fspath(path)
    parent = join(path, _parts(path)[2])
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(os.fstat(fp1), os.fstat(fp2))
