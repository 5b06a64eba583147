"""Temporary files and directories with unpredictable names, created safely (O_EXCL).

The directory is the first usable one of $TMPDIR, $TEMP, $TMP, /tmp, /var/tmp, /usr/tmp and
the current directory; names are a prefix, eight random characters and a suffix.
"""

import os as _os
import io as _io
import errno as _errno

__all__ = [
    "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
    "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
    "gettempprefixb", "gettempdirb",
]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


class _RandomNameSequence:
    """An endless supply of eight-character random names."""

    def __init__(self):
        import random
        self._random = random.Random()

    def __iter__(self):
        return self

    def __next__(self):
        choose = self._random.choice
        return "".join(choose(_CHARACTERS) for _ in range(8))


_names = None


def _get_names():
    global _names
    if _names is None:
        _names = _RandomNameSequence()
    return _names


def _candidate_directories():
    directories = []
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = _os.getenv(name)
        if value:
            directories.append(value)
    directories.extend(["/tmp", "/var/tmp", "/usr/tmp"])
    try:
        directories.append(_os.getcwd())
    except OSError:
        directories.append(_os.curdir)
    return directories


def _find_temporary_directory():
    names = _get_names()
    for directory in _candidate_directories():
        if directory != _os.curdir:
            directory = _os.path.abspath(directory)
        for _ in range(100):
            path = _os.path.join(directory, next(names))
            try:
                fd = _os.open(path, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
                try:
                    _os.write(fd, b"blat")
                finally:
                    _os.close(fd)
                    _os.unlink(path)
                return directory
            except FileExistsError:
                pass
            except OSError:
                break
    raise FileNotFoundError(
        _errno.ENOENT,
        "No usable temporary directory found in %s" % _candidate_directories(),
    )


def gettempdir():
    """The directory temporary files go to."""
    global tempdir
    if tempdir is None:
        tempdir = _find_temporary_directory()
    return _os.fsdecode(tempdir)


def gettempdirb():
    return _os.fsencode(gettempdir())


def gettempprefix():
    return template


def gettempprefixb():
    return _os.fsencode(template)


def _sanitize(prefix, suffix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return prefix, suffix, dir


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates a new file only this process can read; returns (descriptor, absolute path)."""
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    names = _get_names()
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + next(names) + suffix)
        try:
            fd = _os.open(path, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(path)
    raise FileExistsError(_errno.EEXIST, "No usable temporary file name found")


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a new directory only this user can use; returns its absolute path."""
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    names = _get_names()
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + next(names) + suffix)
        try:
            _os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(path)
    raise FileExistsError(_errno.EEXIST, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name that did not exist when asked (unsafe: another process may take it)."""
    if dir is None:
        dir = gettempdir()
    names = _get_names()
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + next(names) + suffix)
        if not _os.path.lexists(path):
            return path
    raise FileExistsError(_errno.EEXIST, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object that removes its file when closed (if `delete`)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return False

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper file=%r>" % (self.file,)


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                       suffix=None, prefix=None, dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name, removed on close when `delete`."""
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        _os.close(fd)
        file = _io.open(name, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors)
    except BaseException:
        _os.unlink(name)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                  suffix=None, prefix=None, dir=None, *, errors=None):
    """A temporary file with no name in the file system (unlinked at once)."""
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        _os.close(fd)
        file = _io.open(name, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors)
    finally:
        _os.unlink(name)
    return file


class SpooledTemporaryFile(_io.IOBase):
    """A file kept in memory (StringIO/BytesIO) until it grows past max_size."""

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        self._file = _io.BytesIO() if "b" in mode else _io.StringIO(newline="\n")
        self._max_size = max_size
        self._rolled = False
        self._arguments = (mode, buffering, encoding, newline, suffix, prefix, dir, errors)

    def rollover(self):
        if self._rolled:
            return
        mode, buffering, encoding, newline, suffix, prefix, dir, errors = self._arguments
        file = TemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir,
                             errors=errors)
        file.write(self._file.getvalue())
        file.seek(self._file.tell(), 0)
        self._file = file
        self._rolled = True

    def _check(self):
        if self._max_size and not self._rolled and self._file.tell() > self._max_size:
            self.rollover()

    def write(self, s):
        result = self._file.write(s)
        self._check()
        return result

    def writelines(self, iterable):
        for line in iterable:
            self.write(line)

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        return self._file.truncate(size)

    def flush(self):
        self._file.flush()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    def __iter__(self):
        return iter(self._file)

    def __next__(self):
        return next(self._file)


class TemporaryDirectory:
    """A directory removed with everything in it by cleanup() or the end of a with block."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._removed = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._removed:
            return
        self._removed = True
        import shutil
        if _os.path.exists(self.name):
            shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
