"""Lines of source files, read once and cached (`getline`), for tracebacks and warnings.

Files are read as UTF-8 text through the builtin `open`; a file that cannot be read (or a
krait without `open`) gives no lines, and callers then show none, as CPython does for
missing sources.
"""

__all__ = ['getline', 'clearcache', 'checkcache', 'lazycache']

# filename -> (size, mtime, lines, fullname)
cache = {}


def clearcache():
    """Forgets every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (from 1) of `filename` with its newline, or '' if there is none."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Every line of `filename` (cached), or [] if it cannot be read."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drops cached files that changed on disk (all, or just `filename`)."""
    if filename is None:
        filenames = list(cache)
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for name in filenames:
        entry = cache[name]
        if len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            import os
            stat = os.stat(fullname)
        except (ImportError, OSError, AttributeError):
            cache.pop(name, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    """Reads `filename` into the cache; returns its lines ([] when it cannot be read)."""
    cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    try:
        with open(filename, encoding='utf-8') as file:
            lines = file.readlines()
    except (NameError, OSError, UnicodeDecodeError, ValueError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    size, mtime = None, None
    try:
        import os
        stat = os.stat(filename)
        size, mtime = stat.st_size, stat.st_mtime
    except (ImportError, OSError, AttributeError):
        pass
    cache[filename] = size, mtime, lines, filename
    return lines


def lazycache(filename, module_globals):
    """Not supported (no loaders in krait): always False."""
    return False
