import os
import os.path
import stat

# Everything happens in a fresh directory under the system's temporary folder, removed at the end.
base = os.path.join("/tmp", "krait-os-test-%d" % os.getpid())
os.mkdir(base)
original = os.getcwd()
os.chdir(base)
try:
    print(os.getcwd() == base, os.listdir("."))
    os.makedirs("a/b/c")
    os.makedirs("a/b/c", exist_ok=True)
    try:
        os.makedirs("a/b/c")
    except FileExistsError as error:
        print(type(error).__name__, error.errno, error.strerror, error.filename)
        print(error)
    with open("a/one.txt", "w") as handle:
        handle.write("hello\n")
    with open("a/b/two.txt", "w") as handle:
        handle.write("x" * 100)
    print(sorted(os.listdir("a")), os.path.isdir("a/b"), os.path.isfile("a/one.txt"))
    print(os.path.exists("a/nothing"), os.path.getsize("a/b/two.txt"))
    info = os.stat("a/one.txt")
    print(info.st_size, stat.S_ISREG(info.st_mode), stat.S_ISDIR(os.stat("a").st_mode), info[6])
    print(len(info), type(info.st_mtime).__name__, type(info[8]).__name__)
    for dirpath, dirnames, filenames in os.walk("a"):
        print(dirpath, sorted(dirnames), sorted(filenames))
    for dirpath, dirnames, filenames in os.walk("a", topdown=False):
        print(dirpath, sorted(dirnames), sorted(filenames))
    os.rename("a/one.txt", "a/uno.txt")
    print(sorted(os.listdir("a")))
    os.replace("a/uno.txt", "a/b/two.txt")
    print(sorted(os.listdir("a/b")), open("a/b/two.txt").read())
    entries = sorted((entry.name, entry.is_dir(), entry.is_file()) for entry in os.scandir("a"))
    print(entries)
    os.symlink("b", "a/link")
    print(os.path.islink("a/link"), os.readlink("a/link"), os.path.isdir("a/link"))
    print(os.path.realpath("a/link/c/..") == os.path.join(base, "a", "b"))
    os.remove("a/link")
    for call, argument in [
        (os.remove, "missing.txt"),
        (os.rmdir, "a"),
        (os.listdir, "missing"),
        (os.mkdir, "a"),
        (os.stat, "missing"),
        (os.chdir, "a/b/two.txt"),
        (os.rmdir, "a/b/two.txt"),
    ]:
        try:
            call(argument)
        except OSError as error:
            print(call.__name__, type(error).__name__, error.args, error)
    try:
        os.rename("missing", "other")
    except OSError as error:
        print(error, error.filename, error.filename2)
    try:
        os.remove(42.0)
    except TypeError as error:
        print(error)
    os.remove("a/b/two.txt")
    os.removedirs("a/b/c")
    print(os.path.exists("a"), os.listdir("."))
finally:
    os.chdir(original)
    for dirpath, dirnames, filenames in os.walk(base, topdown=False):
        for name in filenames:
            os.remove(os.path.join(dirpath, name))
        for name in dirnames:
            os.rmdir(os.path.join(dirpath, name))
    os.rmdir(base)
print(os.path.exists(base))
