"""Converting between Python values and C structs as bytes (native `_struct`)."""

import _struct

__all__ = [
    "calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct", "error",
]


class error(Exception):
    pass


error.__module__ = "struct"


def _checked(result):
    if type(result) is list and result and type(result[0]) is str:
        kind, message = result
        if kind == "overflow":
            raise OverflowError(message)
        raise error(message)
    return result


def calcsize(format):
    return _checked(_struct.calcsize(format))


def pack(format, /, *values):
    return _checked(_struct.pack(format, values))


def pack_into(format, buffer, offset, /, *values):
    data = pack(format, *values)
    size = len(buffer)
    if offset < 0:
        if offset + size < 0:
            raise error(f"offset {offset} out of range for {size}-byte buffer")
        offset += size
    if size - offset < len(data):
        raise error(
            f"pack_into requires a buffer of at least {len(data) + offset} bytes for packing "
            f"{len(data)} bytes at offset {offset} (actual buffer size is {size})"
        )
    buffer[offset:offset + len(data)] = data


def unpack(format, buffer, /):
    return _checked(_struct.unpack(format, buffer, 0, 0))


def unpack_from(format, /, buffer, offset=0):
    return _checked(_struct.unpack(format, buffer, offset, 1))


def iter_unpack(format, buffer, /):
    return iter(_checked(_struct.unpack(format, buffer, 0, 2)))


class Struct:
    """A compiled format: pack and unpack without parsing the format each time."""

    __module__ = "_struct"

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("ascii")
        elif not isinstance(format, str):
            raise TypeError(
                f"Struct() argument 1 must be a str or bytes object, not {type(format).__name__}"
            )
        self.format = format
        self.size = calcsize(format)

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
