"""Calendars: month and year tables as text, leap years, weekdays, and month iteration.

Written for krait from CPython 3.11's documentation, with its text layouts (`month`,
`calendar`, `TextCalendar`) in the C locale's English names. HTML calendars and locale
calendars are not provided.
"""

import datetime as _datetime

__all__ = ['IllegalMonthError', 'IllegalWeekdayError', 'setfirstweekday', 'firstweekday',
           'isleap', 'leapdays', 'weekday', 'monthrange', 'monthcalendar', 'prmonth',
           'month', 'prcal', 'calendar', 'timegm', 'month_name', 'month_abbr', 'day_name',
           'day_abbr', 'Calendar', 'TextCalendar', 'weekheader', 'MONDAY', 'TUESDAY',
           'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']

error = ValueError


class IllegalMonthError(ValueError):
    def __init__(self, month):
        self.month = month

    def __str__(self):
        return f'bad month number {self.month}; must be 1-12'


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        self.weekday = weekday

    def __str__(self):
        return f'bad weekday number {self.weekday}; must be 0 (Monday) to 6 (Sunday)'


January = 1
February = 2

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)

mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

day_name = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
day_abbr = [name[:3] for name in day_name]
month_name = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
              'September', 'October', 'November', 'December']
month_abbr = [name[:3] for name in month_name]


def isleap(year):
    """Whether `year` is a leap year."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def leapdays(y1, y2):
    """The number of leap years in [y1, y2)."""
    y1 -= 1
    y2 -= 1
    return (y2 // 4 - y1 // 4) - (y2 // 100 - y1 // 100) + (y2 // 400 - y1 // 400)


def weekday(year, month, day):
    """The weekday of a date (0 is Monday)."""
    if not _datetime.MINYEAR <= year <= _datetime.MAXYEAR:
        year = 2000 + year % 400
    return _datetime.date(year, month, day).weekday()


def monthrange(year, month):
    """(weekday of the first day, number of days) of a month."""
    if not 1 <= month <= 12:
        raise IllegalMonthError(month)
    first = weekday(year, month, 1)
    days = mdays[month] + (month == February and isleap(year))
    return first, days


def _monthlen(year, month):
    return mdays[month] + (month == February and isleap(year))


def _prevmonth(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _nextmonth(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


class Calendar:
    """Month and year layouts as weeks, starting on `firstweekday` (0 is Monday)."""

    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday

    def getfirstweekday(self):
        return self._firstweekday % 7

    def setfirstweekday(self, firstweekday):
        self._firstweekday = firstweekday

    firstweekday = property(getfirstweekday, setfirstweekday)

    def iterweekdays(self):
        """The weekday numbers of one week, in this calendar's order."""
        for offset in range(self.firstweekday, self.firstweekday + 7):
            yield offset % 7

    def itermonthdates(self, year, month):
        """Every date of the weeks of a month (days of nearby months included)."""
        for y, m, d in self.itermonthdays3(year, month):
            yield _datetime.date(y, m, d)

    def itermonthdays(self, year, month):
        """The day numbers of the weeks of a month, 0 outside it."""
        first, days = monthrange(year, month)
        before = (first - self.firstweekday) % 7
        yield from (0 for _ in range(before))
        yield from range(1, days + 1)
        after = (self.firstweekday - first - days) % 7
        yield from (0 for _ in range(after))

    def itermonthdays2(self, year, month):
        """(day number, weekday) pairs of the weeks of a month."""
        for index, day in enumerate(self.itermonthdays(year, month), self.firstweekday):
            yield day, index % 7

    def itermonthdays3(self, year, month):
        """(year, month, day) triples of the weeks of a month, nearby months included."""
        first, days = monthrange(year, month)
        before = (first - self.firstweekday) % 7
        after = (self.firstweekday - first - days) % 7
        previous_year, previous_month = _prevmonth(year, month)
        previous_length = _monthlen(previous_year, previous_month)
        for day in range(previous_length - before + 1, previous_length + 1):
            yield previous_year, previous_month, day
        for day in range(1, days + 1):
            yield year, month, day
        next_year, next_month = _nextmonth(year, month)
        for day in range(1, after + 1):
            yield next_year, next_month, day

    def itermonthdays4(self, year, month):
        """(year, month, day, weekday) of the weeks of a month."""
        for index, (y, m, d) in enumerate(self.itermonthdays3(year, month)):
            yield y, m, d, (self.firstweekday + index) % 7

    def monthdatescalendar(self, year, month):
        """The weeks of a month as lists of dates."""
        dates = list(self.itermonthdates(year, month))
        return [dates[i:i + 7] for i in range(0, len(dates), 7)]

    def monthdays2calendar(self, year, month):
        """The weeks of a month as lists of (day number, weekday)."""
        days = list(self.itermonthdays2(year, month))
        return [days[i:i + 7] for i in range(0, len(days), 7)]

    def monthdayscalendar(self, year, month):
        """The weeks of a month as lists of day numbers (0 outside the month)."""
        days = list(self.itermonthdays(year, month))
        return [days[i:i + 7] for i in range(0, len(days), 7)]

    def yeardatescalendar(self, year, width=3):
        months = [self.monthdatescalendar(year, m) for m in range(1, 13)]
        return [months[i:i + width] for i in range(0, 12, width)]

    def yeardays2calendar(self, year, width=3):
        months = [self.monthdays2calendar(year, m) for m in range(1, 13)]
        return [months[i:i + width] for i in range(0, 12, width)]

    def yeardayscalendar(self, year, width=3):
        months = [self.monthdayscalendar(year, m) for m in range(1, 13)]
        return [months[i:i + width] for i in range(0, 12, width)]


class TextCalendar(Calendar):
    """Calendars as plain text, as the `cal` program prints them."""

    def prweek(self, theweek, width):
        print(self.formatweek(theweek, width), end='')

    def formatday(self, day, weekday, width):
        text = '' if day == 0 else f'{day:2d}'
        return text.center(width)

    def formatweek(self, theweek, width):
        return ' '.join(self.formatday(day, weekday, width) for day, weekday in theweek)

    def formatweekday(self, day, width):
        names = day_name if width >= 9 else day_abbr
        return names[day][:width].center(width)

    def formatweekheader(self, width):
        return ' '.join(self.formatweekday(day, width) for day in self.iterweekdays())

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        text = month_name[themonth]
        if withyear:
            text = f'{text} {theyear!r}'
        return text.center(width)

    def prmonth(self, theyear, themonth, w=0, l=0):
        print(self.formatmonth(theyear, themonth, w, l), end='')

    def formatmonth(self, theyear, themonth, w=0, l=0):
        """A month as text: its name and year, the weekday header, then its weeks."""
        w = max(2, w)
        l = max(1, l)
        lines = self.formatmonthname(theyear, themonth, 7 * (w + 1) - 1).rstrip()
        lines += '\n' * l
        lines += self.formatweekheader(w).rstrip()
        lines += '\n' * l
        for week in self.monthdays2calendar(theyear, themonth):
            lines += self.formatweek(week, w).rstrip()
            lines += '\n' * l
        return lines

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        """A year as text: `m` months side by side, `c` spaces apart."""
        w = max(2, w)
        l = max(1, l)
        c = max(2, c)
        column_width = (w + 1) * 7 - 1
        out = [repr(theyear).center(column_width * m + c * (m - 1)).rstrip(), '\n' * l]
        header = self.formatweekheader(w)
        for row_index, row in enumerate(self.yeardays2calendar(theyear, m)):
            months = range(m * row_index + 1, min(m * (row_index + 1) + 1, 13))
            out.append('\n' * l)
            names = (self.formatmonthname(theyear, k, column_width, False) for k in months)
            out.append(_columns(names, column_width, c).rstrip())
            out.append('\n' * l)
            out.append(_columns((header for _ in months), column_width, c).rstrip())
            out.append('\n' * l)
            height = max(len(weeks) for weeks in row)
            for week_index in range(height):
                cells = []
                for weeks in row:
                    if week_index >= len(weeks):
                        cells.append('')
                    else:
                        cells.append(self.formatweek(weeks[week_index], w))
                out.append(_columns(cells, column_width, c).rstrip())
                out.append('\n' * l)
        return ''.join(out)

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        print(self.formatyear(theyear, w, l, c, m), end='')


def _columns(cells, width, spacing):
    return (' ' * spacing).join(cell.center(width) for cell in cells)


_COLUMN_WIDTH = 7 * 3 - 1
_SPACING = 6


def format(cols, colwidth=_COLUMN_WIDTH, spacing=_SPACING):
    """Prints strings centered in columns of `colwidth`, `spacing` apart."""
    print(formatstring(cols, colwidth, spacing))


def formatstring(cols, colwidth=_COLUMN_WIDTH, spacing=_SPACING):
    """Strings centered in columns of `colwidth`, `spacing` apart."""
    return _columns(cols, colwidth, spacing)


EPOCH = 1970


c = TextCalendar()

firstweekday = c.getfirstweekday
monthcalendar = c.monthdayscalendar
prweek = c.prweek
week = c.formatweek
weekheader = c.formatweekheader
prmonth = c.prmonth
month = c.formatmonth
calendar = c.formatyear
prcal = c.pryear


def setfirstweekday(firstweekday):
    """Sets the first weekday of the module's calendar functions (0 is Monday)."""
    if not MONDAY <= firstweekday <= SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    c.firstweekday = firstweekday


def timegm(tuple):
    """The POSIX timestamp of a UTC time tuple (year, month, day, hour, minute, second)."""
    year, month, day, hour, minute, second = tuple[:6]
    days = _datetime.date(year, month, 1).toordinal() - _EPOCH_ORDINAL + day - 1
    hours = days * 24 + hour
    minutes = hours * 60 + minute
    return minutes * 60 + second


_EPOCH_ORDINAL = _datetime.date(1970, 1, 1).toordinal()
