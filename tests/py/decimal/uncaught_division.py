# An uncaught decimal signal prints as CPython prints it.
from decimal import Decimal

print(Decimal("10.50") * 3)
print(Decimal(1) / Decimal(0))
