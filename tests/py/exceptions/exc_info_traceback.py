# sys.exc_info()[2] is the handled exception's traceback.
import sys


def fail():
    raise KeyError("k")


def handler():
    try:
        fail()
    except KeyError:
        kind, value, tb = sys.exc_info()
        print(kind.__name__, repr(value), type(tb).__name__)
        while tb is not None:
            print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
            tb = tb.tb_next
        print(value.__traceback__.tb_lineno == sys.exc_info()[2].tb_lineno)


handler()
print(sys.exc_info())
try:
    raise ValueError
except ValueError:
    print(sys.exc_info()[2].tb_frame.f_code.co_name, sys.exc_info()[2].tb_next)
