# The int-to-str conversion limit (CPython 3.11's sys.int_info.str_digits_check_threshold and
# sys.set_int_max_str_digits): converting huge ints to and from decimal text raises ValueError
# instead of taking quadratic time; hex, binary and octal are not limited.
import sys

print(sys.get_int_max_str_digits())
big = 10 ** 5000
for action in (lambda: str(big), lambda: repr(big), lambda: f"{big}", lambda: "%d" % big,
               lambda: int("1" * 5000), lambda: print(big)):
    try:
        action()
    except ValueError as error:
        print("ValueError:", error)

print(len(hex(big)), len(bin(big)), len(oct(big)))
print(int("f" * 5000, 16) > 0)
print(len(str(10 ** 4299)))

sys.set_int_max_str_digits(10_000)
print(sys.get_int_max_str_digits(), len(str(big)), len(str(int("7" * 9000))))
try:
    sys.set_int_max_str_digits(100)
except ValueError as error:
    print("ValueError:", error)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
sys.set_int_max_str_digits(4300)
try:
    int("1" * 4301)
except ValueError as error:
    print("ValueError:", error)
