# CPython's messages for NameError, UnboundLocalError and AttributeError.
def show(f):
    try:
        f()
        print("no error")
    except (NameError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
show(lambda: undefined_variable_xyz)
def local_before_assignment():
    print(later)
    later = 1
show(local_before_assignment)
show(lambda: (1).foo)
show(lambda: "text".no_such_method())
show(lambda: [].missing)
show(lambda: None.attr)
class Thing:
    def __init__(self):
        self.present = 1
show(lambda: Thing().absent)
show(lambda: Thing.absent_on_class)
import math
show(lambda: math.no_such_function)
def set_on_int():
    x = 5
    x.attr = 1
show(set_on_int)
t = Thing()
print(t.present, getattr(t, "absent", "default"), hasattr(t, "present"), hasattr(t, "absent"))
setattr(t, "dynamic", 42)
print(t.dynamic, getattr(t, "dynamic"))
