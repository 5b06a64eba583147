# CPython 3.11's limit on int <-> decimal str conversion (4300 digits by default).
import sys

def show(label, thunk):
    try:
        result = thunk()
        print(label, "ok", len(result) if isinstance(result, str) else result)
    except Exception as error:
        print(label, type(error).__name__ + ":", error)

print(sys.get_int_max_str_digits())
ok = 10 ** 4299
big = 10 ** 4300
print(len(str(ok)), len(repr(-ok)))
show("str", lambda: str(big))
show("repr", lambda: repr(big))
show("neg", lambda: str(-big))
show("fstring", lambda: f"{big}")
show("format d", lambda: format(big, "d"))
show("format empty", lambda: format(big, ""))
show("format comma", lambda: format(big, ","))
show("percent", lambda: "%d" % big)
show("str.format", lambda: "{}".format(big))
show("hex ok", lambda: hex(big))
show("format x ok", lambda: format(big, "x"))
show("bin ok", lambda: bin(big)[:2])
show("percent x ok", lambda: "%x" % big)
show("list repr", lambda: repr([big]))
try:
    print(big)
except ValueError as error:
    print("print:", error)

digits = "1" * 4300
show("parse ok", lambda: int(digits) % 7)
show("parse long", lambda: int("1" * 4301))
show("parse neg long", lambda: int("-" + "2" * 5000))
show("parse underscores", lambda: int("1_" * 4300 + "1"))
show("parse hex ok", lambda: int("f" * 5000, 16) % 7)
show("parse base 7", lambda: int("1" * 5000, 7))

show("set small", lambda: sys.set_int_max_str_digits(100))
show("set neg", lambda: sys.set_int_max_str_digits(-1))
show("set type", lambda: sys.set_int_max_str_digits("5"))
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
show("str 640", lambda: str(10 ** 640))
show("str 639", lambda: str(10 ** 639))
show("parse 641", lambda: int("9" * 641))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits())
print(len(str(10 ** 5000)), int("7" * 6000) % 1000)
sys.set_int_max_str_digits(maxdigits=5000)
print(sys.get_int_max_str_digits(), len(str(10 ** 4999)))
show("str 5000", lambda: str(10 ** 5000))
