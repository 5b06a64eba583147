# Exception attributes (OSError errno mapping, SyntaxError details, name/obj/path keywords) and add_note.
e = OSError(2, 'No such file', 'x.txt'); print(str(e), e.errno, e.strerror, e.filename, repr(e), type(e).__name__)
e = OSError('plain'); print(str(e), e.errno, e.args)
e = OSError(13, 'Denied'); print(str(e), type(e).__name__, isinstance(e, OSError))
s = SyntaxError('bad', ('f.py', 3, 5, 'x = (', 3, 6)); print(str(s), s.msg, s.filename, s.lineno, s.offset, s.text)
n = NameError('nm', name='q'); print(n.name, str(n))
a = AttributeError('x', name='n', obj=1); print(a.name, a.obj)
i = ImportError('m', name='mod', path='/p'); print(i.name, i.path, i.msg)
try:
    raise ValueError('v')
except ValueError as ex:
    ex.add_note('first note'); ex.add_note('second'); print(ex.__notes__)
try:
    ValueError('x', foo=1)
except TypeError as t:
    print(t)
e = KeyError("k")
e.add_note("while loading config")
raise e
