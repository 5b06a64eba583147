"""Operating-system interfaces: files and directories, the environment, the process.

The system calls are the native `posix` module (runtime/src/modules/posix.rs); this module
gives them CPython's signatures and adds what is written in Python: `environ`, `makedirs`,
`walk`, `scandir`, `stat_result`, `fspath`. `os.path` is `posixpath`.
"""

import sys
import posix as _posix
from posix import (
    getcwd, getcwdb, getpid, getppid, getuid, geteuid, getgid, getegid, umask, urandom,
    strerror, cpu_count, putenv as _putenv, unsetenv as _unsetenv, read, write, close,
    lseek, isatty, _exit,
    O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_CREAT, O_EXCL, O_TRUNC, O_NONBLOCK, O_CLOEXEC,
    F_OK, R_OK, W_OK, X_OK,
)
import posixpath as path

sys.modules["os.path"] = path

from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

name = "posix"
linesep = "\n"
error = OSError
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

__all__ = [
    "altsep", "curdir", "pardir", "sep", "pathsep", "linesep", "defpath", "name", "path",
    "devnull", "SEEK_SET", "SEEK_CUR", "SEEK_END", "fsencode", "fsdecode", "get_exec_path",
    "fdopen", "extsep", "makedirs", "removedirs", "renames", "walk", "getenv", "environ",
    "PathLike", "fspath", "scandir", "DirEntry", "stat_result", "error",
]


# ---- paths ----

def fspath(path):
    """The str or bytes behind a path (calls __fspath__ on path-like objects)."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, "__fspath__"):
            raise
        raise TypeError(
            "expected str, bytes or os.PathLike object, not " + path_type.__name__
        ) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError(
        "expected {}.__fspath__() to return str or bytes, not {}".format(
            path_type.__name__, type(path_repr).__name__
        )
    )


import abc as _abc


class PathLike(_abc.ABC):
    """Anything with __fspath__ (checked structurally by isinstance)."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, "__fspath__")
        return NotImplemented


def _path(value, function, allow_fd=False):
    """A path argument for a native call: str or bytes."""
    if isinstance(value, (str, bytes)):
        return value
    if hasattr(type(value), "__fspath__"):
        return fspath(value)
    kinds = "string, bytes, os.PathLike or integer" if allow_fd else "string, bytes or os.PathLike"
    raise TypeError(f"{function}: path should be {kinds}, not {type(value).__name__}")


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


# ---- stat ----

class stat_result:
    """The result of os.stat(): ten fields by index, more by name."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    _NAMES = (
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
        "st_atime", "st_mtime", "st_ctime",
    )

    def __init__(self, fields):
        (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
         self.st_size, self.st_atime, self.st_mtime, self.st_ctime, self.st_atime_ns,
         self.st_mtime_ns, self.st_ctime_ns, self.st_blksize, self.st_blocks) = fields
        # As a sequence the times are whole seconds.
        self._tuple = (
            self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
            self.st_size, self.st_atime_ns // 1000000000, self.st_mtime_ns // 1000000000,
            self.st_ctime_ns // 1000000000,
        )

    def __getitem__(self, index):
        return self._tuple[index]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._tuple)

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._tuple == other._tuple
        return self._tuple == other

    def __hash__(self):
        return hash(self._tuple)

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._NAMES, self._tuple))
        return f"os.stat_result({fields})"


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if isinstance(path, int) and not isinstance(path, bool):
        return fstat(path)
    return stat_result(_posix.stat(_path(path, "stat", True), follow_symlinks))


def lstat(path, *, dir_fd=None):
    return stat_result(_posix.lstat(_path(path, "lstat")))


def fstat(fd):
    return stat_result(_posix.fstat(fd))


# ---- files and directories ----

def listdir(path=None):
    if path is None:
        path = "."
    return _posix.listdir(_path(path, "listdir", True))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _posix.mkdir(_path(path, "mkdir"), mode)


def rmdir(path, *, dir_fd=None):
    _posix.rmdir(_path(path, "rmdir"))


def remove(path, *, dir_fd=None):
    _posix.remove(_path(path, "remove"))


def unlink(path, *, dir_fd=None):
    _posix.unlink(_path(path, "unlink"))


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _posix.rename(_path(src, "rename"), _path(dst, "rename"))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _posix.replace(_path(src, "replace"), _path(dst, "replace"))


def chdir(path):
    _posix.chdir(_path(path, "chdir", True))


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _posix.access(_path(path, "access", True), mode)


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    _posix.chmod(_path(path, "chmod", True), mode)


def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    _posix.symlink(_path(src, "symlink"), _path(dst, "symlink"))


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True):
    _posix.link(_path(src, "link"), _path(dst, "link"))


def readlink(path, *, dir_fd=None):
    return _posix.readlink(_path(path, "readlink"))


def truncate(path, length):
    _posix.truncate(_path(path, "truncate", True), length)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    _posix.utime(_path(path, "utime", True), times, ns)


def open(path, flags, mode=0o777, *, dir_fd=None):
    return _posix.open(_path(path, "open"), flags, mode)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def makedirs(name, mode=0o777, exist_ok=False):
    """Creates a directory and any missing parents."""
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        current = curdir
        if isinstance(tail, bytes):
            current = bytes(curdir, "ASCII")
        if tail == current:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Removes a directory, then its parents while they are empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """One entry of scandir(): its name and path, with file-type checks that cache lstat."""

    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def _get_lstat(self):
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            return self._get_lstat()
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self._get_lstat().st_ino

    def is_symlink(self):
        import stat as _stat
        try:
            return _stat.S_ISLNK(self._get_lstat().st_mode)
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        import stat as _stat
        try:
            return _stat.S_ISDIR(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except FileNotFoundError:
            return False

    def is_file(self, *, follow_symlinks=True):
        import stat as _stat
        try:
            return _stat.S_ISREG(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except FileNotFoundError:
            return False


class _ScandirIterator:
    def __init__(self, directory):
        self._directory = directory
        self._names = iter(listdir(directory))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._directory, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path="."):
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields (dirpath, dirnames, filenames) for each directory under top."""
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        is_symlink = entry.is_symlink()
                    except OSError:
                        is_symlink = False
                    walk_into = not is_symlink
                if walk_into:
                    walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get("PATH")
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# ---- the environment ----

from _collections_abc import MutableMapping as _MutableMapping


class _Environ(_MutableMapping):
    """os.environ: a dict of the environment that writes changes through to the process."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        _putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        value = self._data[key]
        _unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        items = ", ".join(f"{key!r}: {value!r}" for key, value in self._data.items())
        return f"environ({{{items}}})"

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, _MutableMapping)):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _MutableMapping)):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


environ = _Environ(dict(_posix.environ_items()))


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _putenv(key, value)


def unsetenv(key):
    _unsetenv(key)
