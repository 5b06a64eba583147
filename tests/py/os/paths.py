import os
import os.path
import posixpath

cases = ["", "/", "//", "///", "a", "a/", "/a/b/", "a//b", "./a/../b", "/..", "../..",
         "a/b/../../..", "//a//b/", ".hidden", "a/.hidden", "file.tar.gz", "a.b/c", "..",
         "/a/./b/.", "a/b.", "...", "a/..b"]
for path in cases:
    print(repr(path), os.path.split(path), os.path.splitext(path), repr(os.path.basename(path)),
          repr(os.path.dirname(path)), repr(os.path.normpath(path)), os.path.isabs(path))
print(os.path.join("a", "b", "c"), os.path.join("a/", "b"), os.path.join("a", "/b", "c"),
      os.path.join("", "x"), os.path.join("a", ""), os.path.join(b"a", b"b"))
print(os.path.split(b"/x/y"), os.path.splitext(b"f.txt"), os.path.normpath(b"a//./b"))
for function, arguments in [
    (os.path.join, ("a", b"b")),
    (os.path.join, ("a", 3)),
    (os.path.join, (None,)),
    (os.path.relpath, ("",)),
    (os.path.commonpath, ([],)),
    (os.path.commonpath, (["/a", "b"],)),
]:
    try:
        function(*arguments)
    except (TypeError, ValueError) as error:
        print(type(error).__name__ + ":", error)
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.relpath("/x", "/x"))
print(os.path.commonpath(["/usr/lib", "/usr/local/lib"]), os.path.commonpath(["a/b", "a/c"]))
print(os.path.commonprefix(["interspecies", "interstellar"]), repr(os.path.commonprefix([])))
print(os.path.abspath("/a/../b"), os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
os.environ["KRAIT_TEST_HOME"] = "/home/someone"
print(os.path.expandvars("$KRAIT_TEST_HOME/x ${KRAIT_TEST_HOME}y $NOT_SET_ANYWHERE $"))
print(os.path.sep, os.sep, os.path.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, os.linesep == "\n")
print(os.path is posixpath, os.name, os.devnull)


class Place:
    def __fspath__(self):
        return "place/here"


print(os.fspath(Place()), os.path.join(Place(), "x"), os.path.basename(Place()))
print(os.fspath("s"), os.fspath(b"b"), isinstance(Place(), os.PathLike))
try:
    os.fspath(3)
except TypeError as error:
    print("TypeError:", error)
print(os.fsencode("abc"), os.fsdecode(b"abc"))
