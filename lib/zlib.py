"""Deflate compression in the zlib, gzip and raw formats (native `_zlib`, miniz_oxide).

Decompression reads any valid stream. Compressed output is a valid stream but not the same
bytes as CPython's zlib produces (another deflate implementation). compressobj and
decompressobj gather their input and work when flushed or when the stream is complete;
decompressobj does not report unused_data.
"""

import _zlib
from _binascii import crc32 as _crc32, adler32 as _adler32

DEFLATED = 8
DEF_BUF_SIZE = 16384
DEF_MEM_LEVEL = 8
MAX_WBITS = 15
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_DEFAULT_STRATEGY = 0
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = "1.2.13"
ZLIB_RUNTIME_VERSION = "1.2.13"


class error(Exception):
    pass


error.__module__ = "zlib"


def _checked(result):
    if isinstance(result, str):
        raise error(result)
    return result


def crc32(data, value=0, /):
    return _crc32(data, value)


def adler32(data, value=1, /):
    return _adler32(data, value)


def compress(data, /, level=-1, wbits=MAX_WBITS):
    return _checked(_zlib.compress(data, level, wbits))


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    return _checked(_zlib.decompress(data, wbits))


class _Compress:
    def __init__(self, level, wbits):
        self._level = level
        self._wbits = wbits
        self._pieces = []
        self._finished = False

    def compress(self, data):
        if self._finished:
            raise error("Error -2 while compressing data: inconsistent stream state")
        self._pieces.append(bytes(data))
        return b""

    def flush(self, mode=Z_FINISH):
        if mode == Z_NO_FLUSH:
            return b""
        if self._finished:
            if mode == Z_FINISH:
                raise error("Error -2 while flushing: inconsistent stream state")
            return b""
        self._finished = True
        return compress(b"".join(self._pieces), self._level, self._wbits)

    def copy(self):
        other = _Compress(self._level, self._wbits)
        other._pieces = list(self._pieces)
        other._finished = self._finished
        return other


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    if not -1 <= level <= 9:
        raise ValueError("Invalid initialization option")
    return _Compress(level, wbits)


class _Decompress:
    def __init__(self, wbits):
        self._wbits = wbits
        self._data = b""
        self.unused_data = b""
        self.unconsumed_tail = b""
        self.eof = False

    def decompress(self, data, max_length=0):
        if self.eof:
            self.unused_data += bytes(data)
            return b""
        self._data += bytes(data)
        result = _zlib.decompress(self._data, self._wbits)
        if isinstance(result, str):
            if "incomplete" in result:
                return b""
            raise error(result)
        self.eof = True
        return result

    def flush(self, length=DEF_BUF_SIZE):
        return b""

    def copy(self):
        other = _Decompress(self._wbits)
        other._data = self._data
        other.eof = self.eof
        return other


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    return _Decompress(wbits)
