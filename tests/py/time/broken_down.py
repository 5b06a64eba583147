import time

print(time.gmtime(0))
print(repr(time.gmtime(86400 * 365.25 * 30)), time.gmtime(1e9).tm_zone, time.gmtime(0).tm_gmtoff)
t = time.gmtime(1234567890)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst, t[0], t[-1], len(t), tuple(t))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %%", t))
print(time.strftime("%d/%m/%Y", (2024, 2, 29, 0, 0, 0, 3, 60, 0)), time.strftime("%Y", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime(t), time.asctime((2024, 1, 5, 7, 8, 9, 4, 5, 0)))
print(time.mktime(time.localtime(1e9)), time.localtime(1e9) == time.localtime(1000000000))
print(time.ctime(0) == time.asctime(time.localtime(0)), isinstance(time.time(), float))
print(time.struct_time((2024, 1, 2, 3, 4, 5, 1, 2, 0)), isinstance(t, tuple), type(t).__name__)
print(time.gmtime(-86400), time.gmtime(2**31))
print(time.strptime("2024-03-05 14:07:09", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("5 Mar 99", "%d %b %y")[:3], time.strptime("Tue Mar  5 14:07:09 2024")[:8])
print(time.strptime("11:30 PM", "%I:%M %p")[3:5], time.strptime("2024 060", "%Y %j")[:3])
for call in [lambda: time.struct_time((1, 2)), lambda: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0)),
             lambda: time.gmtime(1e20), lambda: time.strftime("%Y", "x"), lambda: time.strptime("2024", "%Y-%m"),
             lambda: time.strptime("2024-01-01x", "%Y-%m-%d"), lambda: time.strptime("x", "%Q"),
             lambda: time.gmtime("x"), lambda: time.strftime(5), lambda: time.asctime((1, 2, 3))]:
    try:
        print(call())
    except Exception as error:
        print(type(error).__name__ + ":", error)
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), len(time.tzname))
