"""The Python half of the native `time` module: `struct_time` and `strptime`.

time.gmtime() and time.localtime() build struct_time objects through this module; the
`time` module re-exports struct_time and strptime from here on first use.
"""

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
           "tm_yday", "tm_isdst")


class struct_time(tuple):
    """A time as nine numbers (a tuple), plus the zone name and UTC offset as attributes."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) < 9:
            raise TypeError(
                f"time.struct_time() takes an at least 9-sequence ({len(items)}-sequence given)"
            )
        if len(items) > 11:
            raise TypeError(
                f"time.struct_time() takes an at most 11-sequence ({len(items)}-sequence given)"
            )
        self = tuple.__new__(cls, items[:9])
        self._extra = items[9:] + (None,) * (11 - len(items))
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(_FIELDS, self))
        return f"time.struct_time({fields})"

    def __reduce__(self):
        return (struct_time, (tuple(self) + self._extra,))


struct_time.__module__ = "time"

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# Each directive as a regular expression with one named group.
_DIRECTIVES = {
    "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "f": r"(?P<f>[0-9]{1,6})",
    "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
    "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    "M": r"(?P<M>[0-5]\d|\d)",
    "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
    "w": r"(?P<w>[0-6])",
    "y": r"(?P<y>\d\d)",
    "Y": r"(?P<Y>\d\d\d\d)",
    "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    "a": r"(?P<a>" + "|".join(day[:3] for day in _DAYS) + ")",
    "A": r"(?P<A>" + "|".join(_DAYS) + ")",
    "b": r"(?P<b>" + "|".join(month[:3] for month in _MONTHS) + ")",
    "B": r"(?P<B>" + "|".join(_MONTHS) + ")",
    "p": r"(?P<p>am|pm)",
    "Z": r"(?P<Z>utc|gmt|[a-z]{3,5})",
    "%": "%",
}


def _pattern(format):
    import re
    parts = []
    i = 0
    while i < len(format):
        c = format[i]
        if c == "%" and i + 1 < len(format):
            directive = format[i + 1]
            if directive not in _DIRECTIVES:
                raise ValueError(f"'{directive}' is a bad directive in format '{format}'")
            parts.append(_DIRECTIVES[directive])
            i += 2
        elif c == "%":
            raise ValueError("stray % in format '%s'" % format)
        elif c.isspace():
            parts.append(r"\s+")
            i += 1
        else:
            parts.append(re.escape(c))
            i += 1
    return re.compile("".join(parts), re.IGNORECASE)


def _parse(data, format):
    """The fields of `data` read with `format`: (year, month, day, hour, minute, second,
    weekday, yearday, fraction in microseconds, utc offset or None, zone name or None)."""
    if not isinstance(data, str):
        raise TypeError(f"strptime() argument 1 must be str, not {type(data).__name__}")
    if not isinstance(format, str):
        raise TypeError(f"strptime() argument 2 must be str, not {type(format).__name__}")
    found = _pattern(format).match(data)
    if found is None:
        raise ValueError(f"time data {data!r} does not match format {format!r}")
    if len(data) != found.end():
        raise ValueError("unconverted data remains: %s" % data[found.end():])
    values = found.groupdict()
    year = 1900
    month = day = 1
    hour = minute = second = fraction = 0
    weekday = yearday = None
    offset = zone = None
    if values.get("Y") is not None:
        year = int(values["Y"])
    elif values.get("y") is not None:
        year = int(values["y"])
        year += 2000 if year <= 68 else 1900
    if values.get("m") is not None:
        month = int(values["m"])
    elif values.get("B") is not None:
        month = _MONTHS.index(values["B"].lower()) + 1
    elif values.get("b") is not None:
        month = [m[:3] for m in _MONTHS].index(values["b"].lower()) + 1
    if values.get("d") is not None:
        day = int(values["d"])
    if values.get("H") is not None:
        hour = int(values["H"])
    elif values.get("I") is not None:
        hour = int(values["I"])
        ampm = (values.get("p") or "").lower()
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    if values.get("M") is not None:
        minute = int(values["M"])
    if values.get("S") is not None:
        second = int(values["S"])
    if values.get("f") is not None:
        fraction = int(values["f"].ljust(6, "0"))
    if values.get("A") is not None:
        weekday = _DAYS.index(values["A"].lower())
    elif values.get("a") is not None:
        weekday = [d[:3] for d in _DAYS].index(values["a"].lower())
    elif values.get("w") is not None:
        weekday = (int(values["w"]) - 1) % 7
    if values.get("j") is not None:
        yearday = int(values["j"])
    if values.get("z") is not None:
        text = values["z"]
        if text in ("Z", "z"):
            offset = 0
        else:
            sign = -1 if text[0] == "-" else 1
            digits = text[1:].replace(":", "")
            offset = sign * (int(digits[0:2]) * 3600 + int(digits[2:4]) * 60 +
                             (int(digits[4:6]) if len(digits) >= 6 else 0))
    if values.get("Z") is not None:
        zone = values["Z"]
    return year, month, day, hour, minute, second, weekday, yearday, fraction, offset, zone


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def strptime(data, format="%a %b %d %H:%M:%S %Y"):
    """Reads a time from a string with a strftime-style format; returns a struct_time."""
    (year, month, day, hour, minute, second, weekday, yearday, fraction, offset,
     zone) = _parse(data, format)
    if yearday is not None and format.find("%m") < 0 and format.find("%d") < 0 \
            and format.find("%b") < 0 and format.find("%B") < 0:
        # Only the day of the year: the month and day follow from it.
        remaining = yearday
        month = 1
        while month < 12 and remaining > _days_in_month(year, month):
            remaining -= _days_in_month(year, month)
            month += 1
        day = remaining
    if day > _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    ordinal = _days_before_year(year) + sum(_days_in_month(year, m) for m in range(1, month)) + day
    if yearday is None:
        yearday = ordinal - _days_before_year(year)
    if weekday is None:
        weekday = (ordinal + 6) % 7
    return struct_time((year, month, day, hour, minute, second, weekday, yearday, -1,
                        zone, offset))
