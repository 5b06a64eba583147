# calendar: text months and years, leap years, month tables and iteration.
import calendar

print(calendar.month(2024, 2))
print(calendar.month(2023, 10, w=3, l=1))
print(calendar.calendar(2024))
calendar.prmonth(1999, 12)
print(calendar.isleap(2000), calendar.isleap(1900), calendar.isleap(2024), calendar.leapdays(1900, 2024))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 1), calendar.weekday(2024, 7, 4))
print(calendar.monthcalendar(2024, 3))
print(calendar.month_name[1], calendar.month_abbr[12], calendar.day_name[0], calendar.day_abbr[6], list(calendar.month_abbr)[:4])
print(calendar.timegm((2024, 1, 2, 3, 4, 5)), calendar.MONDAY, calendar.SUNDAY, calendar.weekheader(3))
sunday_first = calendar.TextCalendar(calendar.SUNDAY)
print(sunday_first.formatmonth(2024, 9))
cal = calendar.Calendar(firstweekday=6)
print(list(cal.iterweekdays()), list(cal.itermonthdays(2024, 2))[:10])
print([str(d) for d in cal.itermonthdates(2024, 2)][:3], cal.monthdays2calendar(2024, 2)[0])
print(cal.monthdatescalendar(2024, 2)[-1][-1], len(cal.yeardayscalendar(2024)), list(cal.itermonthdays3(2024, 1))[:2])
for bad in [13, 0]:
    try:
        calendar.monthrange(2024, bad)
    except calendar.IllegalMonthError as error:
        print("IllegalMonthError:", error, isinstance(error, ValueError))
try:
    calendar.setfirstweekday(9)
except calendar.IllegalWeekdayError as error:
    print(error)
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.monthcalendar(2024, 3)[0])
print(calendar.month(2024, 3))
print(repr(calendar.formatstring(["a", "bb"], 6, 3)), calendar.EPOCH)
calendar.format(["x", "y"], 4, 2)
