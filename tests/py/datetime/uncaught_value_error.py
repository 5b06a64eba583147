# An invalid date raises CPython's ValueError.
import datetime

print(datetime.date(2024, 2, 29) + datetime.timedelta(days=365))
datetime.date(2023, 2, 29)
