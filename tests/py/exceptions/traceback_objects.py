# Traceback objects: __traceback__, tb_next, tb_lineno, tb_frame, with_traceback, re-raising.
import sys
def inner():
    x = 1
    raise ValueError("boom")
def middle():
    inner()
def outer():
    try:
        middle()
    except ValueError as e:
        return e
e = outer()
tb = e.__traceback__
print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_lasti >= 0)
names = []
while tb is not None:
    names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
    tb = tb.tb_next
print(names)
frame = e.__traceback__.tb_next.tb_next.tb_frame
print(frame.f_code.co_name, frame.f_lineno, frame.f_back.f_code.co_name, type(frame).__name__)
print(ValueError().__traceback__, e.with_traceback(None) is e, e.__traceback__)
try:
    raise KeyError("k")
except KeyError as k:
    saved = k.__traceback__
    print(saved.tb_lineno, saved.tb_next)
e2 = RuntimeError("x").with_traceback(saved)
print(e2.__traceback__.tb_lineno)
try:
    raise e2
except RuntimeError as r:
    lines = []
    tb = r.__traceback__
    while tb: lines.append(tb.tb_lineno); tb = tb.tb_next
    print(lines)
try:
    e.__traceback__ = 5
except TypeError as t: print(t)
import types
print(types.TracebackType, types.FrameType)
