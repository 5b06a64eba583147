# A module-level __getattr__ answers for missing names (PEP 562); time.struct_time relies on it.
import time
import _fixtures.lazy as lazy

print(lazy.present, lazy.computed_value, getattr(lazy, "computed_x", None), hasattr(lazy, "missing"))
try:
    lazy.missing
except AttributeError as error:
    print("AttributeError:", error)
print(time.struct_time.__name__, hasattr(time, "no_such_thing"))
