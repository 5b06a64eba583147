"""Streams: files opened with open(), and StringIO/BytesIO in memory.

An open file is a native `_io.RawFile` (runtime/src/modules/io.rs), which buffers reads and
writes and is flushed at exit. Over it, the binary classes (`BufferedReader`, `BufferedWriter`,
`BufferedRandom`) add the stream API, and `TextIOWrapper` decodes and encodes text (UTF-8,
Latin-1, ASCII) with universal newlines, as CPython's `io` does.
"""

import _io

__all__ = [
    "BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO", "BytesIO",
    "StringIO", "BufferedIOBase", "BufferedReader", "BufferedWriter",
    "BufferedRandom", "TextIOBase", "TextIOWrapper", "UnsupportedOperation", "SEEK_SET",
    "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding",
]

DEFAULT_BUFFER_SIZE = 8192
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"

_ENCODINGS = {
    "utf-8": "utf-8", "utf8": "utf-8", "u8": "utf-8", "utf": "utf-8", "cp65001": "utf-8",
    "latin-1": "latin-1", "latin1": "latin-1", "iso-8859-1": "latin-1",
    "iso8859-1": "latin-1", "8859": "latin-1", "l1": "latin-1", "cp819": "latin-1",
    "ascii": "ascii", "us-ascii": "ascii", "646": "ascii",
}


def _codec(encoding):
    """The codec name krait uses for an encoding name, or LookupError."""
    normalized = encoding.lower().replace("_", "-").replace(" ", "-")
    codec = _ENCODINGS.get(normalized)
    if codec is None:
        raise LookupError(f"unknown encoding: {encoding}")
    return codec


def text_encoding(encoding, stacklevel=2):
    return "utf-8" if encoding is None else encoding


def _closed_error():
    return ValueError("I/O operation on closed file.")


class IOBase:
    """What every stream has: closing, context management, iteration over lines."""

    __module__ = "_io"

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _check_closed(self):
        if self.closed:
            raise _closed_error()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def flush(self):
        self._check_closed()

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


# ---- binary files ----

class _BufferedFile(BufferedIOBase):
    """A binary file over a native RawFile."""

    def __init__(self, raw, name, mode, readable, writable):
        self._raw = raw
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable

    def __repr__(self):
        name = type(self).__name__
        try:
            return f"<_io.{name} name={self.name!r}>"
        except Exception:
            return f"<_io.{name}>"

    @property
    def raw(self):
        return self

    @property
    def closed(self):
        return self._raw.closed()

    def readable(self):
        self._check_closed()
        return self._readable

    def writable(self):
        self._check_closed()
        return self._writable

    def seekable(self):
        self._check_closed()
        return True

    def _need_readable(self):
        if self._raw.closed():
            raise _closed_error()
        if not self._readable:
            raise UnsupportedOperation("read")

    def _need_writable(self):
        if self._raw.closed():
            raise _closed_error()
        if not self._writable:
            raise UnsupportedOperation("write")

    def read(self, size=-1):
        self._need_readable()
        return self._raw.read(size)

    def read1(self, size=-1):
        return self.read(size)

    def readall(self):
        return self.read()

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._need_readable()
        return self._raw.readline(size)

    def peek(self, size=0):
        self._need_readable()
        position = self._raw.tell()
        data = self._raw.read(max(size, 1))
        self._raw.seek(position, 0)
        return data

    def write(self, data):
        self._need_writable()
        return self._raw.write(data)

    def seek(self, offset, whence=0):
        if self._raw.closed():
            raise _closed_error()
        return self._raw.seek(offset, whence)

    def tell(self):
        if self._raw.closed():
            raise _closed_error()
        return self._raw.tell()

    def truncate(self, size=None):
        self._need_writable()
        return self._raw.truncate(size)

    def flush(self):
        if self._raw.closed():
            raise ValueError("flush of closed file")
        self._raw.flush()

    def close(self):
        self._raw.close()

    def fileno(self):
        return self._raw.fileno()

    def isatty(self):
        return self._raw.isatty()

    def detach(self):
        raise UnsupportedOperation("detach")


class FileIO(_BufferedFile, RawIOBase):
    def __repr__(self):
        return (
            f"<_io.FileIO name={self.name!r} mode={self.mode!r} "
            f"closefd={self._closefd!r}>"
        )


class BufferedReader(_BufferedFile):
    pass


class BufferedWriter(_BufferedFile):
    pass


class BufferedRandom(_BufferedFile):
    pass


# ---- text files ----

def _complete_length(data, codec):
    """How many leading bytes of data decode without cutting a UTF-8 sequence."""
    if codec != "utf-8" or not data:
        return len(data)
    end = len(data)
    # Look back over at most three continuation bytes for the start of the last sequence.
    i = end - 1
    while i >= 0 and end - i <= 4 and (data[i] & 0xC0) == 0x80:
        i -= 1
    if i < 0:
        return end
    lead = data[i]
    if lead >= 0xF0:
        needed = 4
    elif lead >= 0xE0:
        needed = 3
    elif lead >= 0xC0:
        needed = 2
    else:
        needed = 1
    return i if end - i < needed else end


class TextIOWrapper(TextIOBase):
    """Text over a binary stream: decodes, encodes and translates newlines."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(
                f"TextIOWrapper() argument 'newline' must be str or None, not "
                f"{type(newline).__name__}"
            )
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None:
            encoding = "utf-8"
        elif not isinstance(encoding, str):
            raise TypeError(
                f"TextIOWrapper() argument 'encoding' must be str or None, not "
                f"{type(encoding).__name__}"
            )
        self._codec = _codec(encoding)
        if errors is None:
            errors = "strict"
        self.buffer = buffer
        self._source = buffer._raw if isinstance(buffer, _BufferedFile) else buffer
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self._translate_input = newline is None
        self._write_newline = newline if newline not in (None, "") else None
        self.line_buffering = line_buffering
        self.write_through = write_through
        self._text = ""
        self._position = 0
        self._undecoded = b""
        self._at_end = False

    def __repr__(self):
        parts = ["<_io.TextIOWrapper"]
        try:
            parts.append(f" name={self.name!r}")
        except AttributeError:
            pass
        try:
            parts.append(f" mode={self.mode!r}")
        except AttributeError:
            pass
        parts.append(f" encoding={self.encoding!r}>")
        return "".join(parts)

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def newlines(self):
        return None

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def flush(self):
        self.buffer.flush()

    def close(self):
        if not self.buffer.closed:
            try:
                self.buffer.flush()
            finally:
                self.buffer.close()

    def detach(self):
        buffer = self.buffer
        self.buffer = None
        return buffer

    def _need_readable(self):
        if self.buffer.closed:
            raise _closed_error()
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")

    # Decoding: bytes come in chunks; a chunk may end inside a UTF-8 sequence or between
    # '\r' and '\n', so those bytes wait for the next chunk.

    def _decode(self, data, final):
        if self._undecoded:
            data = self._undecoded + data
            self._undecoded = b""
        if not final:
            cut = _complete_length(data, self._codec)
            if self._newline in (None, "") and cut and data[cut - 1] == 13:
                cut -= 1
            if cut < len(data):
                self._undecoded = data[cut:]
                data = data[:cut]
        text = data.decode(self._codec, self.errors)
        if self._translate_input and "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def _more(self, line_wise):
        """Appends decoded text to the pending text; False at end of file."""
        if self._at_end:
            return False
        data = self._source.readline() if line_wise else self._source.read(DEFAULT_BUFFER_SIZE)
        final = not data or (line_wise and not data.endswith(b"\n"))
        text = self._decode(data, final)
        if not data:
            self._at_end = True
        if self._position:
            self._text = self._text[self._position:] + text
            self._position = 0
        else:
            self._text += text
        return bool(data) or bool(text)

    def _reset_reading(self):
        self._text = ""
        self._position = 0
        self._undecoded = b""
        self._at_end = False

    def read(self, size=-1):
        self._need_readable()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(
                f"argument should be integer or None, not '{type(size).__name__}'"
            )
        if size < 0:
            rest = self._text[self._position:]
            data = self._source.read()
            text = rest + self._decode(data, True)
            self._reset_reading()
            self._at_end = True
            return text
        while len(self._text) - self._position < size and self._more(False):
            pass
        text = self._text[self._position:self._position + size]
        self._position += len(text)
        return text

    def _line_end(self, start):
        """The index just past the first line ending at or after start, or -1."""
        text = self._text
        newline = self._newline
        if newline is None or newline == "\n":
            end = text.find("\n", start)
            return -1 if end < 0 else end + 1
        if newline == "":
            lf = text.find("\n", start)
            cr = text.find("\r", start, lf if lf >= 0 else len(text))
            if cr >= 0:
                if cr + 1 == len(text) and not self._at_end:
                    return -1
                return cr + 2 if text[cr + 1:cr + 2] == "\n" else cr + 1
            return -1 if lf < 0 else lf + 1
        end = text.find(newline, start)
        return -1 if end < 0 else end + len(newline)

    def readline(self, size=-1):
        self._need_readable()
        if size is None:
            size = -1
        start = self._position
        while True:
            end = self._line_end(self._position if start == self._position else start)
            if end >= 0:
                break
            scanned = len(self._text) - self._position
            if 0 <= size <= scanned:
                break
            if not self._more(True):
                end = len(self._text)
                break
            start = self._position
        if end < 0:
            end = len(self._text)
        if size >= 0:
            end = min(end, self._position + size)
        line = self._text[self._position:end]
        self._position = end
        return line

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, text):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if not self.buffer.writable():
            raise UnsupportedOperation("not writable")
        if self._text:
            # Writing after reading: the position is where reading stopped.
            position = self.tell()
            self._reset_reading()
            self.buffer.seek(position)
        data = text
        if self._write_newline is not None and "\n" in data:
            data = data.replace("\n", self._write_newline)
        self._source.write(data.encode(self._codec, self.errors))
        if self.line_buffering and ("\n" in text or "\r" in text):
            self.flush()
        return len(text)

    def tell(self):
        if self.buffer.closed:
            raise _closed_error()
        position = self.buffer.tell()
        rest = self._text[self._position:]
        if rest:
            position -= len(rest.encode(self._codec, self.errors))
        return position - len(self._undecoded)

    def seek(self, cookie, whence=0):
        if self.buffer.closed:
            raise _closed_error()
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self._reset_reading()
            return self.buffer.seek(0, 2)
        elif whence != 0:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if cookie < 0:
            raise ValueError(f"negative seek position {cookie!r}")
        self._reset_reading()
        return self.buffer.seek(cookie)

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.buffer.truncate(pos)


# ---- open ----

def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """Opens a file and returns a stream: text (TextIOWrapper) or binary (Buffered*)."""
    if not isinstance(file, int):
        if not isinstance(file, (str, bytes)):
            if hasattr(type(file), "__fspath__"):
                import os
                file = os.fspath(file)
            else:
                raise TypeError(
                    f"expected str, bytes or os.PathLike object, not {type(file).__name__}"
                )
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if not isinstance(buffering, int):
        raise TypeError(
            f"'{type(buffering).__name__}' object cannot be interpreted as an integer"
        )
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(
            f"open() argument 'encoding' must be str or None, not {type(encoding).__name__}"
        )
    if errors is not None and not isinstance(errors, str):
        raise TypeError(
            f"open() argument 'errors' must be str or None, not {type(errors).__name__}"
        )
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: '{mode}'")
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError(
            "Must have exactly one of create/read/write/append mode and at most one plus"
        )
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn(
            "line buffering (buffering=1) isn't supported in binary mode, the default "
            "buffer size will be used",
            RuntimeWarning,
            2,
        )
    if not binary:
        if newline is not None and not isinstance(newline, str):
            raise TypeError(
                f"open() argument 'newline' must be str or None, not {type(newline).__name__}"
            )
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if buffering == 0:
            raise ValueError("can't have unbuffered text I/O")
        if encoding is not None:
            _codec(encoding)
    if not closefd and not isinstance(file, int):
        raise ValueError("Cannot use closefd=False with file name")
    if opener is not None:
        import os
        flags = {
            "r": os.O_RDONLY, "w": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
            "a": os.O_WRONLY | os.O_CREAT | os.O_APPEND, "x": os.O_WRONLY | os.O_CREAT | os.O_EXCL,
        }["r" if reading else "w" if writing else "a" if appending else "x"]
        if updating:
            flags = (flags & ~os.O_WRONLY) | os.O_RDWR
        fd = opener(file, flags)
        if not isinstance(fd, int):
            raise TypeError("expected integer from opener")
        if fd < 0:
            raise ValueError(f"opener returned {fd}")
        raw = _io.open(fd, False, False, False, False, False, False, True)
    else:
        raw = _io.open(
            file, reading or updating, writing or creating or appending or updating,
            appending, writing or appending or creating, writing, creating, closefd,
        )
    if creating:
        raw_mode = "xb+" if updating else "xb"
    elif reading:
        raw_mode = "rb+" if updating else "rb"
    elif writing:
        raw_mode = "rb+" if updating else "wb"
    else:
        raw_mode = "ab+" if updating else "ab"
    readable = reading or updating
    writable = not reading or updating
    if buffering == 0:
        stream = FileIO(raw, file, raw_mode, readable, writable)
        stream._closefd = closefd
        return stream
    if updating:
        buffer_class = BufferedRandom
    elif reading:
        buffer_class = BufferedReader
    else:
        buffer_class = BufferedWriter
    buffer = buffer_class(raw, file, raw_mode, readable, writable)
    if binary:
        return buffer
    wrapper = TextIOWrapper(buffer, encoding, errors, newline, buffering == 1)
    wrapper.mode = mode
    return wrapper


def open_code(path):
    return open(path, "rb")


# ---- in-memory streams ----

class StringIO(TextIOBase):
    """A text stream kept in a str; writes at the end are gathered and joined on demand."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(
                f"initial_value must be str or None, not {type(initial_value).__name__}"
            )
        self._newline = newline
        self._value = ""
        self._chunks = []
        self._length = 0
        self._position = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._position = 0

    def __repr__(self):
        return f"<_io.StringIO object at {id(self):#x}>"

    def _check_closed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def close(self):
        self._closed = True

    def _joined(self):
        if self._chunks:
            self._value += "".join(self._chunks)
            self._chunks = []
        return self._value

    def getvalue(self):
        self._check_closed()
        return self._joined()

    def _translate(self, text):
        if self._newline is None:
            return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
        if self._newline not in ("", "\n") and "\n" in text:
            return text.replace("\n", self._newline)
        return text

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        length = len(s)
        s = self._translate(s)
        if self._position == self._length:
            self._chunks.append(s)
            self._length += len(s)
            self._position = self._length
            return length
        value = self._joined()
        if self._position > self._length:
            value += "\0" * (self._position - self._length)
        end = self._position + len(s)
        self._value = value[:self._position] + s + value[end:]
        self._length = len(self._value)
        self._position = end
        return length

    def read(self, size=-1):
        self._check_closed()
        if size is not None and not isinstance(size, int):
            raise TypeError(
                f"argument should be integer or None, not '{type(size).__name__}'"
            )
        value = self._joined()
        if size is None or size < 0:
            end = self._length
        else:
            end = min(self._length, self._position + size)
        start = min(self._position, self._length)
        text = value[start:end]
        self._position = max(self._position, end)
        return text

    def readline(self, size=-1):
        self._check_closed()
        value = self._joined()
        start = self._position
        if start >= self._length:
            return ""
        if self._newline == "":
            lf = value.find("\n", start)
            cr = value.find("\r", start, lf if lf >= 0 else self._length)
            if cr >= 0:
                end = cr + 2 if value[cr + 1:cr + 2] == "\n" else cr + 1
            else:
                end = self._length if lf < 0 else lf + 1
        else:
            terminator = self._newline if self._newline in ("\r", "\r\n") else "\n"
            found = value.find(terminator, start)
            end = self._length if found < 0 else found + len(terminator)
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._position = end
        return value[start:end]

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_closed()
        return self._position

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._position = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._position = self._length
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._position

    def truncate(self, pos=None):
        self._check_closed()
        if pos is None:
            pos = self._position
        if pos < 0:
            raise ValueError(f"Negative size value {pos}")
        if pos < self._length:
            self._value = self._joined()[:pos]
            self._length = pos
        return pos

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._position, None)


class BytesIO(BufferedIOBase):
    """A binary stream kept in a bytearray."""

    def __init__(self, initial_bytes=b""):
        self._buffer = bytearray(initial_bytes) if initial_bytes is not None else bytearray()
        self._position = 0
        self._closed = False

    def __repr__(self):
        return f"<_io.BytesIO object at {id(self):#x}>"

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_closed()
        return bytes(self._buffer)

    def getbuffer(self):
        self._check_closed()
        return memoryview(self._buffer)

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        position = self._position
        if position > len(self._buffer):
            self._buffer.extend(b"\0" * (position - len(self._buffer)))
        self._buffer[position:position + len(data)] = data
        self._position = position + len(data)
        return len(data)

    def read(self, size=-1):
        self._check_closed()
        if size is not None and not isinstance(size, int):
            raise TypeError(
                f"argument should be integer or None, not '{type(size).__name__}'"
            )
        if size is None or size < 0:
            end = len(self._buffer)
        else:
            end = min(len(self._buffer), self._position + size)
        data = bytes(self._buffer[self._position:end])
        self._position = max(self._position, end)
        return data

    read1 = read

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_closed()
        start = self._position
        found = self._buffer.find(b"\n", start)
        end = len(self._buffer) if found < 0 else found + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._position = max(start, end)
        return bytes(self._buffer[start:end])

    def tell(self):
        self._check_closed()
        return self._position

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._position = pos
        elif whence == 1:
            self._position = max(0, self._position + pos)
        elif whence == 2:
            self._position = max(0, len(self._buffer) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._position

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._position
        if size < 0:
            raise ValueError(f"negative size value {size}")
        del self._buffer[size:]
        return size


for _class in (StringIO, BytesIO, TextIOWrapper, BufferedReader, BufferedWriter,
               BufferedRandom, FileIO):
    _class.__module__ = "_io"
del _class

