import io
import os

def attempt(function, *args, **kwargs):
    try:
        result = function(*args, **kwargs)
    except Exception as error:
        print(type(error).__name__ + ":", error)
    else:
        print("ok", type(result).__name__)
        if hasattr(result, "close"):
            result.close()

base = os.path.join("/tmp", "krait-io-errors-%d" % os.getpid())
os.mkdir(base)
original = os.getcwd()
os.chdir(base)
path = "f.txt"
try:
    attempt(open, "missing.txt")
    attempt(open, ".")
    attempt(open, path, "rw")
    attempt(open, path, "q")
    attempt(open, path, "rbt")
    attempt(open, path, "wb", encoding="utf-8")
    attempt(open, path, "wb", newline="")
    attempt(open, path, "w", newline="x")
    attempt(open, path, "w", encoding="no-such-codec")
    attempt(open, path, "w", buffering=0)
    attempt(open, 3.5)
    attempt(open, path, "w")
    attempt(open, path, "x")
    handle = open(path)
    attempt(handle.write, "x")
    handle.close()
    attempt(handle.read)
    attempt(handle.readline)
    handle = open(path, "w")
    attempt(handle.read)
    attempt(handle.write, b"bytes")
    handle.close()
    attempt(handle.write, "after close")
    handle = open(path, "wb")
    attempt(handle.write, "text")
    attempt(handle.read)
    handle.close()
    with open(path) as handle:
        attempt(handle.seek, 1, 1)
        attempt(handle.seek, -1)
    print(isinstance(io.UnsupportedOperation(), OSError), isinstance(io.UnsupportedOperation(), ValueError))
finally:
    os.chdir(original)
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
