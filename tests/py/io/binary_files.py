import os

base = os.path.join("/tmp", "krait-io-binary-%d" % os.getpid())
os.mkdir(base)
path = os.path.join(base, "data.bin")
try:
    with open(path, "wb") as handle:
        print(type(handle).__name__, handle.mode)
        print(handle.write(b"\x00\x01\x02abc\n"), handle.write(bytearray(b"xyz\n")))
        print(handle.tell())
    with open(path, "rb") as handle:
        print(type(handle).__name__, handle.mode)
        print(handle.read(2), handle.readline(), handle.tell(), handle.read(), handle.read())
        handle.seek(-4, 2)
        print(handle.read(), handle.seek(1), handle.read(3))
        handle.seek(2, 1)
        print(handle.tell(), handle.readlines())
    with open(path, "r+b") as handle:
        print(type(handle).__name__)
        handle.seek(3)
        handle.write(b"ABC")
        handle.seek(0)
        print(handle.read())
        handle.truncate(4)
        handle.seek(0)
        print(handle.read())
    with open(path, "ab") as handle:
        handle.write(b"+tail")
    with open(path, "rb") as handle:
        print(list(handle))
    with open(path, "xb") as handle:
        pass
except FileExistsError as error:
    print(error.__class__.__name__, error.errno, error.strerror)
finally:
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
