"""Dates and times: `date`, `time`, `datetime`, `timedelta`, `tzinfo` and `timezone`.

Written for krait from CPython 3.11's documentation, with its reprs
(`datetime.datetime(2024, 1, 2, 3, 4)`), str forms, ISO 8601 formatting and parsing,
arithmetic, comparisons and error messages. Dates are proleptic Gregorian; arithmetic goes
through day ordinals (day 1 is 0001-01-01) and whole microseconds, so it is exact.

`strftime` implements the C library's directives itself (in the C locale, as glibc formats
them, with glibc's `%-d` style unpadded forms); `strptime` parses the common directives with
CPython's messages for data that does not match. Local time (`fromtimestamp` without a zone,
`astimezone()`) uses `time.localtime` when the `time` module has it, and UTC otherwise.
"""

import sys as _sys
import time as _time

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR',
           'MAXYEAR', 'UTC')

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059  # date.max.toordinal()

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_total = 0
for _length in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_total)
    _total += _length
del _total, _length

_MONTH_NAMES = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
                'Nov', 'Dec']
_FULL_MONTH_NAMES = [None, 'January', 'February', 'March', 'April', 'May', 'June', 'July',
                     'August', 'September', 'October', 'November', 'December']
_DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_FULL_DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
                   'Sunday']


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd_to_ordinal(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


_DAYS_IN_400_YEARS = _days_before_year(401)
_DAYS_IN_100_YEARS = _days_before_year(101)
_DAYS_IN_4_YEARS = _days_before_year(5)


def _ordinal_to_ymd(n):
    """(year, month, day) of day ordinal `n` (1 is 0001-01-01)."""
    n -= 1
    cycles400, n = divmod(n, _DAYS_IN_400_YEARS)
    year = cycles400 * 400 + 1
    cycles100, n = divmod(n, _DAYS_IN_100_YEARS)
    cycles4, n = divmod(n, _DAYS_IN_4_YEARS)
    cycles1, n = divmod(n, 365)
    year += cycles100 * 100 + cycles4 * 4 + cycles1
    if cycles1 == 4 or cycles100 == 4:
        return year - 1, 12, 31
    leap = cycles1 == 3 and (cycles4 != 24 or cycles100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - preceding + 1


def _index(value):
    """`value` as an int argument, with CPython's TypeError for other types."""
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an "
                        f"integer") from None


def _check_date_fields(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type "
                        f"'{type(tz).__name__}'")


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{name}() must return None or timedelta, not "
                        f"'{type(offset).__name__}'")
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError(f'offset must be a timedelta strictly between -timedelta(hours=24) '
                         f'and timedelta(hours=24), not {offset!r}.')


def _format_offset(offset, separator=':'):
    """An offset as `+HH:MM`, with seconds and microseconds only when present."""
    if offset is None:
        return ''
    sign = '+'
    if offset.days < 0:
        sign = '-'
        offset = -offset
    hours, rest = divmod(offset, timedelta(hours=1))
    minutes, rest = divmod(rest, timedelta(minutes=1))
    text = f'{sign}{hours:02d}{separator}{minutes:02d}'
    if rest.seconds or rest.microseconds:
        text += f'{separator}{rest.seconds:02d}'
        if rest.microseconds:
            text += f'.{rest.microseconds:06d}'
    return text


def _format_time(hour, minute, second, microsecond, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if microsecond else 'seconds'
    elif timespec == 'milliseconds':
        microsecond //= 1000
    if timespec == 'hours':
        return f'{hour:02d}'
    if timespec == 'minutes':
        return f'{hour:02d}:{minute:02d}'
    if timespec == 'seconds':
        return f'{hour:02d}:{minute:02d}:{second:02d}'
    if timespec == 'milliseconds':
        return f'{hour:02d}:{minute:02d}:{second:02d}.{microsecond:03d}'
    if timespec == 'microseconds':
        return f'{hour:02d}:{minute:02d}:{second:02d}.{microsecond:06d}'
    raise ValueError('Unknown timespec value')


# timedelta ---------------------------------------------------------------------------------

_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND


def _round_half_even(value):
    return round(value)


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999), normalized so only
    `days` is negative for negative durations."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        total = 0
        fraction = 0.0
        for value, unit in ((weeks, 7 * _US_PER_DAY), (days, _US_PER_DAY),
                            (hours, 3600 * _US_PER_SECOND), (minutes, 60 * _US_PER_SECOND),
                            (seconds, _US_PER_SECOND), (milliseconds, 1000),
                            (microseconds, 1)):
            if isinstance(value, int):
                total += value * unit
            elif isinstance(value, float):
                whole = int(value)
                total += whole * unit
                fraction += (value - whole) * unit
            else:
                raise TypeError(f'unsupported type for timedelta {_ARGUMENT_NAMES[unit]} '
                                f"component: {type(value).__name__}")
        if fraction:
            total += _round_half_even(fraction)
        return cls._from_microseconds(total)

    @classmethod
    def _from_microseconds(cls, total):
        days, rest = divmod(total, _US_PER_DAY)
        seconds, microseconds = divmod(rest, _US_PER_SECOND)
        if abs(days) > 999999999:
            raise OverflowError(f'days={days}; must have magnitude <= 999999999')
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = microseconds
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SECOND + self._microseconds

    @property
    def days(self):
        """Days (can be negative)."""
        return self._days

    @property
    def seconds(self):
        """Seconds, 0 to 86399."""
        return self._seconds

    @property
    def microseconds(self):
        """Microseconds, 0 to 999999."""
        return self._microseconds

    def total_seconds(self):
        """The duration in seconds, as a float."""
        return self._to_microseconds() / 10 ** 6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f'days={self._days}')
        if self._seconds:
            parts.append(f'seconds={self._seconds}')
        if self._microseconds:
            parts.append(f'microseconds={self._microseconds}')
        if not parts:
            parts.append('0')
        return f'{_qualified_name(self)}({", ".join(parts)})'

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = f'{hours}:{minutes:02d}:{seconds:02d}'
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            text = f'{self._days} day{plural}, ' + text
        if self._microseconds:
            text += f'.{self._microseconds:06d}'
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() +
                                                other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() -
                                                other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            numerator, denominator = other.as_integer_ratio()
            return timedelta._from_microseconds(
                _divide_round_half_even(self._to_microseconds() * numerator, denominator))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('division by zero')
            return timedelta._from_microseconds(
                _divide_round_half_even(self._to_microseconds(), other))
        if isinstance(other, float):
            numerator, denominator = other.as_integer_ratio()
            return timedelta._from_microseconds(
                _divide_round_half_even(denominator * self._to_microseconds(), numerator))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() %
                                                other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            quotient, rest = divmod(self._to_microseconds(), other._to_microseconds())
            return quotient, timedelta._from_microseconds(rest)
        return NotImplemented

    def _compare(self, other):
        return _cmp(self._to_microseconds(), other._to_microseconds())

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) == 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._compare(other) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (self.__class__, (self._days, self._seconds, self._microseconds))


_ARGUMENT_NAMES = {7 * _US_PER_DAY: 'weeks', _US_PER_DAY: 'days',
                   3600 * _US_PER_SECOND: 'hours', 60 * _US_PER_SECOND: 'minutes',
                   _US_PER_SECOND: 'seconds', 1000: 'milliseconds', 1: 'microseconds'}


def _divide_round_half_even(numerator, denominator):
    quotient, remainder = divmod(numerator, denominator)
    doubled = remainder * 2
    if denominator < 0:
        greater = doubled < denominator
        equal = doubled == denominator
    else:
        greater = doubled > denominator
        equal = doubled == denominator
    if greater or (equal and quotient % 2 == 1):
        quotient += 1
    return quotient


def _qualified_name(obj):
    cls = type(obj)
    module = 'datetime' if cls.__module__ == __name__ else cls.__module__
    return f'{module}.{cls.__qualname__}'


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# date --------------------------------------------------------------------------------------

class date:
    """A calendar date (year, month, day) in the proleptic Gregorian calendar."""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        """The local date of POSIX timestamp `t`."""
        year, month, day = _local_fields(t)[:3]
        return cls(year, month, day)

    @classmethod
    def today(cls):
        """The current local date."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """The date of day ordinal `n` (1 is 0001-01-01)."""
        n = _index(n)
        if not 1 <= n <= _MAXORDINAL:
            raise ValueError(f'ordinal must be >= 1')
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        """The date of an ISO 8601 text: YYYY-MM-DD, YYYYMMDD, YYYY-Www-D or YYYYWwwD."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            return cls(*_parse_iso_date(date_string))
        except (ValueError, IndexError):
            raise ValueError(f'Invalid isoformat string: {date_string!r}') from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """The date of an ISO calendar (year, week, weekday)."""
        return cls(*_iso_to_ymd(year, week, day))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return f'{_qualified_name(self)}({self._year}, {self._month}, {self._day})'

    def isoformat(self):
        """YYYY-MM-DD."""
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    __str__ = isoformat

    def ctime(self):
        """Like 'Tue Jan  2 00:00:00 2024'."""
        weekday = self.toordinal() % 7 or 7
        return (f'{_DAY_NAMES[weekday - 1]} {_MONTH_NAMES[self._month]} {self._day:2d} '
                f'00:00:00 {self._year:04d}')

    def strftime(self, format):
        """Formats the date with C strftime directives."""
        return _strftime(self, format)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'must be str, not {type(fmt).__name__}')
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def timetuple(self):
        """The date as a time.struct_time-like 9-tuple."""
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        """The day ordinal (1 is 0001-01-01)."""
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        """A date with some fields replaced."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def weekday(self):
        """Monday is 0, Sunday is 6."""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Monday is 1, Sunday is 7."""
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        """(ISO year, ISO week number, ISO weekday)."""
        year = self._year
        week1_monday = _iso_week1_monday(year)
        today = _ymd_to_ordinal(self._year, self._month, self._day)
        week, day = divmod(today - week1_monday, 7)
        if week < 0:
            year -= 1
            week1_monday = _iso_week1_monday(year)
            week, day = divmod(today - week1_monday, 7)
        elif week >= 52:
            if today >= _iso_week1_monday(year + 1):
                year += 1
                week = 0
        return _IsoCalendarDate(year, week + 1, day + 1)

    def _compare(self, other):
        return _cmp((self._year, self._month, self._day),
                    (other._year, other._month, other._day))

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and \
                not isinstance(self, datetime):
            return self._compare(other) == 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = self.toordinal() + other.days
            if 0 < ordinal <= _MAXORDINAL:
                return type(self).fromordinal(ordinal)
            raise OverflowError('result out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return (self.__class__, (self._year, self._month, self._day))


def _iso_week1_monday(year):
    first_day = _ymd_to_ordinal(year, 1, 1)
    first_weekday = (first_day + 6) % 7
    week1_monday = first_day - first_weekday
    if first_weekday > 3:
        week1_monday += 7
    return week1_monday


def _iso_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'Year is out of range: {year}')
    if not 0 < week < 53:
        out_of_range = True
        if week == 53:
            first_weekday = _ymd_to_ordinal(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                out_of_range = False
        if out_of_range:
            raise ValueError(f'Invalid week: {week}')
    if not 0 < day < 8:
        raise ValueError(f'Invalid weekday: {day} (range is [1, 7])')
    ordinal = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
    return _ordinal_to_ymd(ordinal)


class _IsoCalendarDate(tuple):
    """What `isocalendar()` returns: a (year, week, weekday) tuple with names."""

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return (f'datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, '
                f'weekday={self[2]})')


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _parse_iso_date(text):
    """(year, month, day) of the date part of an ISO 8601 text."""
    length = len(text)
    if length < 7:
        raise ValueError
    year = _digits(text, 0, 4)
    has_separator = text[4] == '-'
    position = 5 if has_separator else 4
    if text[position] == 'W':
        position += 1
        week = _digits(text, position, 2)
        position += 2
        day = 1
        if length > position:
            if (text[position] == '-') != has_separator:
                raise ValueError
            if has_separator:
                position += 1
            day = _digits(text, position, 1)
            position += 1
        if position != length:
            raise ValueError
        return _iso_to_ymd(year, week, day)
    month = _digits(text, position, 2)
    position += 2
    if has_separator:
        if text[position] != '-':
            raise ValueError
        position += 1
    day = _digits(text, position, 2)
    if position + 2 != length:
        raise ValueError
    return year, month, day


def _digits(text, start, count):
    piece = text[start:start + count]
    if len(piece) != count or not piece.isdigit() or not piece.isascii():
        raise ValueError
    return int(piece)


def _parse_iso_time(text):
    """(hour, minute, second, microsecond, tzinfo) of an ISO 8601 time text."""
    zone = None
    for marker in ('Z', '+', '-'):
        index = text.find(marker)
        if index >= 0:
            zone_text = text[index:]
            text = text[:index]
            if zone_text == 'Z':
                zone = timezone.utc
            else:
                sign = -1 if zone_text[0] == '-' else 1
                hours, minutes, seconds, micros = _parse_hms(zone_text[1:])
                offset = timedelta(hours=hours, minutes=minutes, seconds=seconds,
                                   microseconds=micros)
                zone = timezone.utc if not offset else timezone(sign * offset)
            break
    hour, minute, second, microsecond = _parse_hms(text)
    return hour, minute, second, microsecond, zone


def _parse_hms(text):
    length = len(text)
    if length < 2:
        raise ValueError
    hour = _digits(text, 0, 2)
    position = 2
    values = [hour, 0, 0]
    separator = None
    for slot in (1, 2):
        if position >= length:
            break
        if text[position] == ':':
            if separator is False:
                raise ValueError
            separator = True
            position += 1
        elif text[position] in '.,':
            break
        else:
            if separator:
                raise ValueError
            separator = False
        values[slot] = _digits(text, position, 2)
        position += 2
    microsecond = 0
    if position < length:
        if text[position] not in '.,' or position != 8 - (0 if separator else 2):
            raise ValueError
        fraction = text[position + 1:]
        if not fraction or not fraction.isdigit() or not fraction.isascii():
            raise ValueError
        digits = fraction[:6]
        microsecond = int(digits.ljust(6, '0'))
    return values[0], values[1], values[2], microsecond


# tzinfo and timezone ----------------------------------------------------------------------

class tzinfo:
    """The abstract base of time zone information classes."""

    __slots__ = ()

    def tzname(self, dt):
        """The zone's name at `dt`."""
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        """The offset from UTC at `dt` (a timedelta, east positive)."""
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        """The daylight saving adjustment at `dt`."""
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        """`dt` (in UTC, with this tzinfo) converted to local time."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() requires a datetime argument')
        if dt.tzinfo is not self:
            raise ValueError('dt.tzinfo is not self')
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dst = dt.dst()
        if dst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        delta = offset - dst
        if delta:
            dt += delta
            dst = dt.dst()
            if dst is None:
                raise ValueError('fromutc(): dt.dst gave inconsistent results; cannot '
                                 'convert')
        return dt + dst


class timezone(tzinfo):
    """A fixed offset from UTC, optionally named."""

    __slots__ = ('_offset', '_name')

    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError('timezone() argument 1 must be datetime.timedelta, not '
                            f'{type(offset).__name__}')
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError(f'timezone() argument 2 must be str, not {type(name).__name__}')
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError('offset must be a timedelta strictly between '
                             '-timedelta(hours=24) and timedelta(hours=24), '
                             f'not {offset!r}.')
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (self.__class__, self.__getinitargs__())

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return f'{_qualified_name(self)}({self._offset!r})'
        return f'{_qualified_name(self)}({self._offset!r}, {self._name!r})'

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError('utcoffset() argument must be a datetime instance or None')

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError('tzname() argument must be a datetime instance or None')

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError('dst() argument must be a datetime instance or None')

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError('fromutc: dt.tzinfo is not self')
            return dt + self._offset
        raise TypeError('fromutc() argument must be a datetime instance or None')

    _maxoffset = timedelta(hours=24, microseconds=-1)
    _minoffset = -_maxoffset

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        return 'UTC' + _format_offset(delta)


timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# time --------------------------------------------------------------------------------------

class time:
    """A time of day (hour, minute, second, microsecond), optionally with a tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold',
                 '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def fromisoformat(cls, time_string):
        """The time of an ISO 8601 text such as '12:30', '12:30:05.25+01:00'."""
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        text = time_string[1:] if time_string.startswith('T') else time_string
        try:
            return cls(*_parse_iso_time(text))
        except (ValueError, IndexError, TypeError):
            raise ValueError(f'Invalid isoformat string: {time_string!r}') from None

    def utcoffset(self):
        """The tzinfo's offset (None without a tzinfo)."""
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset('utcoffset', offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset('dst', offset)
        return offset

    def __repr__(self):
        if self._microsecond:
            text = (f'{self._hour}, {self._minute}, {self._second}, '
                    f'{self._microsecond}')
        elif self._second:
            text = f'{self._hour}, {self._minute}, {self._second}'
        else:
            text = f'{self._hour}, {self._minute}'
        text = f'{_qualified_name(self)}({text})'
        if self._tzinfo is not None:
            text = text[:-1] + f', tzinfo={self._tzinfo!r})'
        if self._fold:
            text = text[:-1] + ', fold=1)'
        return text

    def isoformat(self, timespec='auto'):
        """HH:MM:SS[.ffffff][+HH:MM]."""
        text = _format_time(self._hour, self._minute, self._second, self._microsecond,
                            timespec)
        return text + _format_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, format):
        """Formats the time with C strftime directives (the date part is 1900-01-01)."""
        return _strftime(self, format)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'must be str, not {type(fmt).__name__}')
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True,
                *, fold=None):
        """A time with some fields replaced."""
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def _microseconds_of_day(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND + \
            self._microsecond

    def _compare(self, other, allow_mixed=False):
        mine = self.utcoffset()
        theirs = other.utcoffset()
        if mine == theirs:
            return _cmp(self._microseconds_of_day(), other._microseconds_of_day())
        if mine is None or theirs is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        return _cmp(self._microseconds_of_day() - mine._to_microseconds(),
                    other._microseconds_of_day() - theirs._to_microseconds())

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other, allow_mixed=True) == 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._compare(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._compare(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._compare(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._compare(other) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.utcoffset()
            if not offset:
                self._hashcode = hash(self._microseconds_of_day())
            else:
                self._hashcode = hash(self._microseconds_of_day() - offset._to_microseconds())
        return self._hashcode

    def __reduce__(self):
        return (self.__class__, (self._hour, self._minute, self._second, self._microsecond,
                                 self._tzinfo))


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# datetime ----------------------------------------------------------------------------------

def _local_fields(timestamp):
    """(year, month, day, hour, minute, second, weekday, yearday, gmtoff) of a timestamp in
    local time (UTC when the time module cannot say)."""
    seconds = _floor(timestamp)
    localtime = getattr(_time, 'localtime', None)
    if localtime is not None:
        fields = localtime(seconds)
        offset = getattr(fields, 'tm_gmtoff', 0) or 0
        return (fields[0], fields[1], fields[2], fields[3], fields[4], min(fields[5], 59),
                offset)
    days, rest = divmod(seconds, 86400)
    year, month, day = _ordinal_to_ymd(days + _EPOCH_ORDINAL)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return year, month, day, hour, minute, second, 0


def _floor(value):
    whole = int(value)
    if whole > value:
        whole -= 1
    return whole


_EPOCH_ORDINAL = _ymd_to_ordinal(1970, 1, 1)


class datetime(date):
    """A date and a time of day, optionally with a tzinfo (then it is "aware")."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        if isinstance(t, float):
            fraction, t_whole = _math_modf(t)
            microseconds = round(fraction * 1e6)
            if microseconds >= 1000000:
                t_whole += 1
                microseconds -= 1000000
            elif microseconds < 0:
                t_whole -= 1
                microseconds += 1000000
            t = t_whole
        else:
            t = _index(t)
            microseconds = 0
        if utc:
            days, rest = divmod(t, 86400)
            year, month, day = _ordinal_to_ymd(days + _EPOCH_ORDINAL)
            hour, rest = divmod(rest, 3600)
            minute, second = divmod(rest, 60)
        else:
            year, month, day, hour, minute, second = _local_fields(t)[:6]
        result = cls(year, month, day, hour, minute, second, microseconds, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """The local (or `tz`'s) date and time of POSIX timestamp `t`."""
        _check_tzinfo(tz)
        result = cls._from_timestamp(t, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        """The naive UTC date and time of POSIX timestamp `t`."""
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        """The current local (or `tz`'s) date and time."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """The current UTC date and time, naive."""
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """A datetime from a date and a time."""
        if not isinstance(date, _date_class):
            raise TypeError('combine() argument 1 must be datetime.date, not '
                            f'{type(date).__name__}')
        if not isinstance(time, _time_class):
            raise TypeError('combine() argument 2 must be datetime.time, not '
                            f'{type(time).__name__}')
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """The datetime of an ISO 8601 text such as '2024-01-02T03:04:05.5+01:00'."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(date_string) < 7:
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        try:
            separator = _date_length(date_string)
            date_fields = _parse_iso_date(date_string[:separator])
            if len(date_string) > separator:
                time_fields = _parse_iso_time(date_string[separator + 1:])
            else:
                time_fields = (0, 0, 0, 0, None)
            return cls(*date_fields, *time_fields)
        except (ValueError, IndexError, TypeError):
            raise ValueError(f'Invalid isoformat string: {date_string!r}') from None

    @classmethod
    def strptime(cls, date_string, format):
        """The datetime that `format` (strftime directives) reads from `date_string`."""
        return _strptime_datetime(cls, date_string, format)

    def timetuple(self):
        """The local time as a 9-tuple."""
        dst = self.dst()
        flag = -1 if dst is None else 1 if dst else 0
        return _build_struct_time(self._year, self._month, self._day, self._hour,
                                  self._minute, self._second, flag)

    def utctimetuple(self):
        """The UTC time as a 9-tuple."""
        offset = self.utcoffset()
        value = self - offset if offset else self
        return _build_struct_time(value._year, value._month, value._day, value._hour,
                                  value._minute, value._second, 0)

    def _seconds_since_epoch_naive(self):
        days = self.toordinal() - _EPOCH_ORDINAL
        return days * 86400 + self._hour * 3600 + self._minute * 60 + self._second

    def timestamp(self):
        """The POSIX timestamp (naive datetimes are local time)."""
        if self._tzinfo is None:
            seconds = self._seconds_since_epoch_naive()
            offset = _local_fields(seconds)[6]
            seconds -= offset
            return seconds + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        """The date part."""
        return date(self._year, self._month, self._day)

    def time(self):
        """The time part, without tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        """The time part, with tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        """A datetime with some fields replaced."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo,
                          fold=fold)

    def astimezone(self, tz=None):
        """The same instant in zone `tz` (the local zone by default)."""
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError('tz argument must be an instance of tzinfo')
        mine = self._tzinfo
        if mine is None:
            mine = self._local_timezone()
            offset = mine.utcoffset(self)
        else:
            offset = mine.utcoffset(self)
            if offset is None:
                mine = self.replace(tzinfo=None)._local_timezone()
                offset = mine.utcoffset(self)
        if tz is mine:
            return self
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def _local_timezone(self):
        if self._tzinfo is None:
            seconds = self._seconds_since_epoch_naive()
        else:
            seconds = (self - _EPOCH) // timedelta(seconds=1)
        offset = _local_fields(seconds)[6]
        name = None
        localtime = getattr(_time, 'localtime', None)
        if localtime is not None:
            name = getattr(localtime(seconds), 'tm_zone', None)
        if name is None:
            return timezone(timedelta(seconds=offset))
        return timezone(timedelta(seconds=offset), name)

    def ctime(self):
        """Like 'Tue Jan  2 03:04:05 2024'."""
        weekday = self.toordinal() % 7 or 7
        return (f'{_DAY_NAMES[weekday - 1]} {_MONTH_NAMES[self._month]} {self._day:2d} '
                f'{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}')

    def isoformat(self, sep='T', timespec='auto'):
        """YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]."""
        text = (f'{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}' +
                _format_time(self._hour, self._minute, self._second, self._microsecond,
                             timespec))
        return text + _format_offset(self.utcoffset())

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute,
                  self._second, self._microsecond]
        if fields[-1] == 0:
            del fields[-1]
        if fields[-1] == 0:
            del fields[-1]
        text = f'{_qualified_name(self)}({", ".join(map(str, fields))})'
        if self._tzinfo is not None:
            text = text[:-1] + f', tzinfo={self._tzinfo!r})'
        if self._fold:
            text = text[:-1] + ', fold=1)'
        return text

    def __str__(self):
        return self.isoformat(sep=' ')

    def utcoffset(self):
        """The tzinfo's offset at this datetime (None when naive)."""
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset('utcoffset', offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset('dst', offset)
        return offset

    def _microseconds_total(self):
        return (self._seconds_since_epoch_naive() * _US_PER_SECOND + self._microsecond)

    def _compare(self, other, allow_mixed=False):
        mine = self.utcoffset()
        theirs = other.utcoffset()
        if self._tzinfo is other._tzinfo or mine == theirs:
            return _cmp(self._microseconds_total(), other._microseconds_total())
        if mine is None or theirs is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return _cmp(self._microseconds_total() - mine._to_microseconds(),
                    other._microseconds_total() - theirs._to_microseconds())

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, allow_mixed=True) == 0
        if not isinstance(other, date):
            return NotImplemented
        return False

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._compare(other) < 0
        if not isinstance(other, date):
            return NotImplemented
        _compare_error(self, other)

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._compare(other) <= 0
        if not isinstance(other, date):
            return NotImplemented
        _compare_error(self, other)

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._compare(other) > 0
        if not isinstance(other, date):
            return NotImplemented
        _compare_error(self, other)

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._compare(other) >= 0
        if not isinstance(other, date):
            return NotImplemented
        _compare_error(self, other)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._microseconds_total() + other._to_microseconds()
        days, rest = divmod(total, _US_PER_DAY)
        ordinal = days + _EPOCH_ORDINAL
        if not 0 < ordinal <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        year, month, day = _ordinal_to_ymd(ordinal)
        seconds, microsecond = divmod(rest, _US_PER_SECOND)
        hour, seconds = divmod(seconds, 3600)
        minute, second = divmod(seconds, 60)
        return type(self)(year, month, day, hour, minute, second, microsecond, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return NotImplemented
        difference = self._microseconds_total() - other._microseconds_total()
        if self._tzinfo is other._tzinfo:
            return timedelta._from_microseconds(difference)
        mine = self.utcoffset()
        theirs = other.utcoffset()
        if mine == theirs:
            return timedelta._from_microseconds(difference)
        if mine is None or theirs is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return timedelta._from_microseconds(difference - mine._to_microseconds() +
                                            theirs._to_microseconds())

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.utcoffset()
            total = self._microseconds_total()
            if offset:
                total -= offset._to_microseconds()
            self._hashcode = hash(total)
        return self._hashcode

    def __reduce__(self):
        return (self.__class__, (self._year, self._month, self._day, self._hour,
                                 self._minute, self._second, self._microsecond,
                                 self._tzinfo))


_date_class = date
_time_class = time


def _compare_error(left, right):
    raise TypeError(f"can't compare {_qualified_name(left)} to {_qualified_name(right)}")


def _math_modf(value):
    whole = float(int(value))
    return value - whole, int(whole)


def _date_length(text):
    """Where the date part of an ISO datetime text ends."""
    if len(text) >= 8 and text[4] == '-':
        if text[5] == 'W':
            return 10 if len(text) > 8 and text[8] == '-' else 8
        return 10
    if len(text) >= 8 and text[4] == 'W':
        return 8 if len(text) == 8 or not text[7].isdigit() else 8
    return 8


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


# strftime and strptime --------------------------------------------------------------------

class _StructTime(tuple):
    """A time.struct_time-like tuple with tm_* names (for timetuple())."""

    _names = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
              'tm_yday', 'tm_isdst')

    def __getattr__(self, name):
        try:
            return self[self._names.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        fields = ', '.join(f'{name}={value}' for name, value in zip(self._names, self))
        return f'time.struct_time({fields})'


def _build_struct_time(year, month, day, hour, minute, second, dst_flag):
    weekday = (_ymd_to_ordinal(year, month, day) + 6) % 7
    yearday = _days_before_month(year, month) + day
    struct_time = getattr(_time, 'struct_time', None)
    values = (year, month, day, hour, minute, second, weekday, yearday, dst_flag)
    if struct_time is not None:
        return struct_time(values)
    return _StructTime(values)


def _week_number(yearday, weekday, first_weekday):
    """%U (weeks start on Sunday, first_weekday 6) and %W (Monday, 0)."""
    offset = (weekday - first_weekday) % 7
    return (yearday + 6 - offset) // 7


def _strftime(value, format):
    if not isinstance(format, str):
        raise TypeError(f'strftime() argument 1 must be str, not {type(format).__name__}')
    has_date = isinstance(value, date)
    if has_date:
        year, month, day = value.year, value.month, value.day
    else:
        year, month, day = 1900, 1, 1
    if isinstance(value, (datetime, time)):
        hour, minute, second = value.hour, value.minute, value.second
        microsecond = value.microsecond
        offset = value.utcoffset()
        zone = value.tzname()
    else:
        hour = minute = second = microsecond = 0
        offset = None
        zone = None
    weekday = (_ymd_to_ordinal(year, month, day) + 6) % 7
    yearday = _days_before_month(year, month) + day
    out = []
    index = 0
    length = len(format)
    while index < length:
        char = format[index]
        index += 1
        if char != '%':
            out.append(char)
            continue
        if index >= length:
            out.append('%')
            break
        code = format[index]
        index += 1
        unpadded = False
        if code == '-' and index < length:
            unpadded = True
            code = format[index]
            index += 1

        def number(n, width):
            return str(n) if unpadded else f'{n:0{width}d}'

        if code == 'a':
            out.append(_DAY_NAMES[weekday])
        elif code == 'A':
            out.append(_FULL_DAY_NAMES[weekday])
        elif code == 'w':
            out.append(str((weekday + 1) % 7))
        elif code == 'u':
            out.append(str(weekday + 1))
        elif code == 'd':
            out.append(number(day, 2))
        elif code == 'e':
            out.append(str(day) if unpadded else f'{day:2d}')
        elif code in 'bh':
            out.append(_MONTH_NAMES[month])
        elif code == 'B':
            out.append(_FULL_MONTH_NAMES[month])
        elif code == 'm':
            out.append(number(month, 2))
        elif code == 'y':
            out.append(number(year % 100, 2))
        elif code == 'Y':
            out.append(str(year))
        elif code == 'C':
            out.append(number(year // 100, 2))
        elif code == 'H':
            out.append(number(hour, 2))
        elif code == 'I':
            out.append(number(hour % 12 or 12, 2))
        elif code == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif code == 'M':
            out.append(number(minute, 2))
        elif code == 'S':
            out.append(number(second, 2))
        elif code == 'f':
            out.append(f'{microsecond:06d}')
        elif code == 'z':
            out.append(_format_offset(offset, '') if offset is not None else '')
        elif code == 'Z':
            out.append(zone or '')
        elif code == 'j':
            out.append(number(yearday, 3))
        elif code == 'U':
            out.append(number(_week_number(yearday, weekday, 6), 2))
        elif code == 'W':
            out.append(number(_week_number(yearday, weekday, 0), 2))
        elif code in 'GVg':
            iso_year, iso_week, _ = date(year, month, day).isocalendar() if has_date \
                else (1900, 1, 1)
            if code == 'G':
                out.append(str(iso_year))
            elif code == 'g':
                out.append(f'{iso_year % 100:02d}')
            else:
                out.append(number(iso_week, 2))
        elif code == 'c':
            out.append(f'{_DAY_NAMES[weekday]} {_MONTH_NAMES[month]} {day:2d} '
                       f'{hour:02d}:{minute:02d}:{second:02d} {year}')
        elif code == 'x':
            out.append(f'{month:02d}/{day:02d}/{year % 100:02d}')
        elif code == 'X':
            out.append(f'{hour:02d}:{minute:02d}:{second:02d}')
        elif code == 'D':
            out.append(f'{month:02d}/{day:02d}/{year % 100:02d}')
        elif code == 'F':
            out.append(f'{year}-{month:02d}-{day:02d}')
        elif code == 'T':
            out.append(f'{hour:02d}:{minute:02d}:{second:02d}')
        elif code == 'R':
            out.append(f'{hour:02d}:{minute:02d}')
        elif code == 'r':
            out.append(f'{hour % 12 or 12:02d}:{minute:02d}:{second:02d} '
                       f'{"AM" if hour < 12 else "PM"}')
        elif code == 'n':
            out.append('\n')
        elif code == 't':
            out.append('\t')
        elif code == '%':
            out.append('%')
        else:
            out.append('%' + ('-' if unpadded else '') + code)
    return ''.join(out)


_NUMERIC_WIDTHS = {'d': 2, 'm': 2, 'y': 2, 'Y': 4, 'H': 2, 'I': 2, 'M': 2, 'S': 2, 'f': 6,
                   'j': 3, 'U': 2, 'W': 2, 'w': 1, 'u': 1, 'G': 4, 'V': 2}


def _strptime_fields(data, format):
    """The fields `format` reads from `data` as a dict of directive → value."""
    found = {}
    position = 0
    index = 0
    length = len(format)

    def mismatch():
        return ValueError(f'time data {data!r} does not match format {format!r}')

    while index < length:
        char = format[index]
        index += 1
        if char.isspace():
            while position < len(data) and data[position].isspace():
                position += 1
            continue
        if char != '%':
            if position >= len(data) or data[position] != char:
                raise mismatch()
            position += 1
            continue
        if index >= length:
            raise ValueError(f"stray % in format {format!r}")
        code = format[index]
        index += 1
        if code == '-' and index < length:
            code = format[index]
            index += 1
        if code == '%':
            if position >= len(data) or data[position] != '%':
                raise mismatch()
            position += 1
        elif code in _NUMERIC_WIDTHS:
            end = position
            limit = position + _NUMERIC_WIDTHS[code]
            if code in 'dmHIMSjyY' and end < len(data) and data[end] == ' ' and \
                    code not in 'yY':
                end += 1
                limit += 1
            while end < len(data) and end < limit and data[end].isdigit():
                end += 1
            digits = data[position:end].strip()
            if not digits or not digits.isdigit():
                raise mismatch()
            found[code] = int(digits) if code != 'f' else int(digits.ljust(6, '0'))
            position = end
        elif code in 'aAbBhp':
            names = {'a': _DAY_NAMES, 'A': _FULL_DAY_NAMES, 'b': _MONTH_NAMES[1:],
                     'h': _MONTH_NAMES[1:], 'B': _FULL_MONTH_NAMES[1:],
                     'p': ['AM', 'PM']}[code]
            for candidate in sorted(names, key=len, reverse=True):
                if data[position:position + len(candidate)].lower() == candidate.lower():
                    found[code] = names.index(candidate)
                    position += len(candidate)
                    break
            else:
                raise mismatch()
        elif code == 'z':
            rest = data[position:]
            if rest[:1] == 'Z':
                found['z'] = timedelta(0)
                position += 1
                continue
            if rest[:1] not in ('+', '-'):
                raise mismatch()
            sign = -1 if rest[0] == '-' else 1
            text = rest[1:]
            hours = text[:2]
            text = text[2:]
            if text[:1] == ':':
                text = text[1:]
                used_colon = 1
            else:
                used_colon = 0
            minutes = text[:2]
            if not (hours.isdigit() and minutes.isdigit() and len(hours) == 2 and
                    len(minutes) == 2):
                raise mismatch()
            consumed = 5 + used_colon
            seconds = 0
            more = text[2:]
            if more[:1] == ':' and used_colon and more[1:3].isdigit():
                seconds = int(more[1:3])
                consumed += 3
            elif not used_colon and more[:2].isdigit():
                seconds = int(more[:2])
                consumed += 2
            found['z'] = sign * timedelta(hours=int(hours), minutes=int(minutes),
                                          seconds=seconds)
            position += consumed
        elif code == 'Z':
            for name in ('UTC', 'GMT'):
                if data[position:position + len(name)].upper() == name:
                    found['Z'] = name
                    position += len(name)
                    break
            else:
                raise mismatch()
        else:
            raise ValueError(f"'{code}' is a bad directive in format '%{code}'")
    if position != len(data):
        raise ValueError(f'unconverted data remains: {data[position:]}')
    return found


def _strptime_datetime(cls, data, format):
    if not isinstance(data, str):
        raise TypeError(f'strptime() argument 1 must be str, not {type(data).__name__}')
    if not isinstance(format, str):
        raise TypeError(f'strptime() argument 2 must be str, not {type(format).__name__}')
    found = _strptime_fields(data, format)
    year = found.get('Y')
    if year is None:
        if 'y' in found:
            short = found['y']
            year = short + (2000 if short <= 68 else 1900)
        else:
            year = 1900
    month = found.get('m')
    if month is None:
        month = found['b'] + 1 if 'b' in found else found['B'] + 1 if 'B' in found else \
            found['h'] + 1 if 'h' in found else 1
    day = found.get('d', 1)
    hour = found.get('H', 0)
    if 'I' in found:
        hour = found['I'] % 12
        if found.get('p') == 1:
            hour += 12
    if 'j' in found and 'm' not in found and 'd' not in found:
        ordinal = _ymd_to_ordinal(year, 1, 1) + found['j'] - 1
        year, month, day = _ordinal_to_ymd(ordinal)
    zone = None
    if 'z' in found:
        offset = found['z']
        zone = timezone.utc if not offset else timezone(offset)
    elif found.get('Z') in ('UTC', 'GMT') and False:
        zone = timezone.utc
    return cls(year, month, day, hour, found.get('M', 0), found.get('S', 0),
               found.get('f', 0), zone)
