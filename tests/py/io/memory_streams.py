import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(2)
s.write("XY")
print(repr(s.getvalue()), s.tell())
s.truncate(5)
print(repr(s.getvalue()))
s.seek(0, 2)
s.write("!")
print(repr(s.getvalue()))
print(list(io.StringIO("a\nb\nc")))
print(io.StringIO("a\r\nb\rc", newline=None).readlines())
print(io.StringIO("a\r\nb\rc", newline="").readlines())
print(repr(io.StringIO("x\ny", newline="\r\n").getvalue()))
with io.StringIO("ctx") as stream:
    print(stream.read())
print(stream.closed)
try:
    stream.read()
except ValueError as error:
    print("ValueError:", error)
try:
    io.StringIO().write(b"x")
except TypeError as error:
    print("TypeError:", error)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
out = io.StringIO()
print("printed", 1, 2.5, sep="|", file=out)
print(repr(out.getvalue()))
big = io.StringIO()
for number in range(1000):
    big.write(str(number))
print(len(big.getvalue()))

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), b.readlines())
b.seek(0)
b.write(b"XY")
print(b.getvalue(), b.seek(0, 2), b.write(b"!"), b.getvalue())
b.seek(20)
b.write(b"z")
print(b.getvalue())
b.truncate(3)
print(b.getvalue(), bytes(b.getbuffer()))
print(list(io.BytesIO(b"1\n2\n3")))
try:
    io.BytesIO().write("str")
except TypeError as error:
    print("TypeError:", error)
