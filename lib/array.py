"""Arrays of numbers (or characters) of one C type, with CPython's range checks.

Items live in a Python list checked on the way in; the byte conversions (tobytes,
frombytes, fromfile, byteswap) go through `struct`, so the layout is the machine's.
"""

import struct as _struct

__all__ = ["array", "ArrayType", "typecodes"]

typecodes = "bBuhHiIlLqQfd"

_SIZES = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8, "q": 8,
          "Q": 8, "f": 4, "d": 8}

# (minimum, maximum, message below, message above) for the integer codes.
_LIMITS = {
    "b": (-128, 127, "signed char is less than minimum", "signed char is greater than maximum"),
    "B": (0, 255, "unsigned byte integer is less than minimum",
          "unsigned byte integer is greater than maximum"),
    "h": (-32768, 32767, "signed short integer is less than minimum",
          "signed short integer is greater than maximum"),
    "H": (0, 65535, "unsigned short is less than minimum", "unsigned short is greater than maximum"),
    "i": (-2**31, 2**31 - 1, "signed integer is less than minimum",
          "signed integer is greater than maximum"),
    "I": (0, 2**32 - 1, "can't convert negative value to unsigned int",
          "unsigned int is greater than maximum"),
    "l": (-2**63, 2**63 - 1, "Python int too large to convert to C long",
          "Python int too large to convert to C long"),
    "L": (0, 2**64 - 1, "can't convert negative value to unsigned int",
          "Python int too large to convert to C unsigned long"),
    "q": (-2**63, 2**63 - 1, "int too big to convert", "int too big to convert"),
    "Q": (0, 2**64 - 1, "can't convert negative int to unsigned", "int too big to convert"),
}


def _index(value):
    if isinstance(value, int):
        return int(value)
    try:
        return type(value).__index__(value)
    except AttributeError:
        raise TypeError(
            f"'{type(value).__name__}' object cannot be interpreted as an integer"
        ) from None


class array:
    """array(typecode[, initializer]): a mutable sequence of one C type."""

    __module__ = "array"

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError(
                "array() argument 1 must be a unicode character, not "
                + type(typecode).__name__
            )
        if typecode not in _SIZES:
            raise ValueError(
                "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"
            )
        self._typecode = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != "u":
                raise TypeError(
                    "cannot use a str to initialize an array with typecode '%s'" % typecode
                )
            self._items = list(initializer)
        elif isinstance(initializer, array):
            self.extend(initializer)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    def _check(self, value):
        code = self._typecode
        if code == "u":
            if not isinstance(value, str) or len(value) != 1:
                raise TypeError("array item must be unicode character")
            return value
        if code in "fd":
            if isinstance(value, float):
                number = value
            elif isinstance(value, int):
                number = float(value)
            else:
                try:
                    number = float(type(value).__float__(value))
                except AttributeError:
                    raise TypeError(
                        f"must be real number, not {type(value).__name__}"
                    ) from None
            if code == "f":
                # Stored as a C float: round to single precision.
                number = _struct.unpack("f", _struct.pack("f", number))[0]
            return number
        value = _index(value)
        low, high, below, above = _LIMITS[code]
        if value < low:
            raise OverflowError(below)
        if value > high:
            raise OverflowError(above)
        return value

    def _same_kind(self, other):
        if not isinstance(other, array) or other._typecode != self._typecode:
            raise TypeError("bad argument type for built-in operation")

    # ---- sequence protocol ----

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            result = array(self._typecode)
            result._items = self._items[index]
            return result
        try:
            return self._items[index]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError(
                    f"can only assign array (not \"{type(value).__name__}\") to array slice"
                )
            self._same_kind(value)
            self._items[index] = list(value._items)
            return
        try:
            self._items[index] = self._check(value)
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, index):
        try:
            del self._items[index]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __contains__(self, value):
        return value in self._items

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same_kind(other)
        result = array(self._typecode)
        result._items = self._items + other._items
        return result

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same_kind(other)
        self._items += other._items
        return self

    def __mul__(self, count):
        result = array(self._typecode)
        result._items = self._items * _index(count)
        return result

    __rmul__ = __mul__

    def __imul__(self, count):
        self._items *= _index(count)
        return self

    def __repr__(self):
        if not self._items:
            return f"array('{self._typecode}')"
        if self._typecode == "u":
            return f"array('u', {''.join(self._items)!r})"
        return f"array('{self._typecode}', {self._items!r})"

    def __copy__(self):
        return self[:]

    def __deepcopy__(self, memo):
        return self[:]

    def __reduce_ex__(self, protocol):
        return (array, (self._typecode, list(self._items)))

    # ---- methods ----

    def append(self, value):
        self._items.append(self._check(value))

    def extend(self, iterable):
        if isinstance(iterable, array):
            self._same_kind(iterable)
            self._items.extend(iterable._items)
            return
        check = self._check
        self._items.extend([check(value) for value in iterable])

    def insert(self, index, value):
        self._items.insert(index, self._check(value))

    def pop(self, index=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(index)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, value, start=0, stop=None):
        try:
            if stop is None:
                return self._items.index(value, start)
            return self._items.index(value, start, stop)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def count(self, value):
        return self._items.count(value)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        check = self._check
        self._items.extend([check(value) for value in items])

    def _format(self, count):
        code = self._typecode
        return "=%d%s" % (count, "I" if code == "u" else code)

    def tobytes(self):
        if self._typecode == "u":
            return _struct.pack(self._format(len(self._items)), *map(ord, self._items))
        return _struct.pack(self._format(len(self._items)), *self._items)

    def frombytes(self, data):
        data = bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        values = _struct.unpack(self._format(len(data) // size), data)
        if self._typecode == "u":
            values = [chr(value) for value in values]
        self._items.extend(values)

    def tounicode(self):
        if self._typecode != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._items)

    def fromunicode(self, text):
        if self._typecode != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(text)

    def tofile(self, file):
        file.write(self.tobytes())

    def fromfile(self, file, count):
        data = file.read(self.itemsize * count)
        complete = len(data) - len(data) % self.itemsize
        self.frombytes(data[:complete])
        if len(data) < self.itemsize * count:
            raise EOFError("read() didn't return enough bytes")

    def byteswap(self):
        if self._typecode == "u" or self.itemsize == 1:
            return
        size = self.itemsize
        data = self.tobytes()
        swapped = b"".join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self), len(self._items))


ArrayType = array
