import fnmatch
import os
import shutil
import tempfile

with tempfile.TemporaryDirectory() as base:
    print(os.path.isdir(base), os.path.dirname(base) == tempfile.gettempdir())
    source = os.path.join(base, "src")
    os.makedirs(os.path.join(source, "sub", "deeper"))
    for relative, text in [("a.txt", "alpha\n"), ("b.py", "print(1)\n"), ("sub/c.txt", "gamma"),
                           ("sub/deeper/d.py", "delta")]:
        with open(os.path.join(source, relative), "w") as handle:
            handle.write(text)
    os.chmod(os.path.join(source, "b.py"), 0o755)
    copied = shutil.copy(os.path.join(source, "a.txt"), base)
    print(os.path.relpath(copied, base), open(copied).read(), end="")
    target = shutil.copy2(os.path.join(source, "b.py"), os.path.join(base, "b_copy.py"))
    print(oct(os.stat(target).st_mode & 0o777), os.stat(target).st_mtime_ns == os.stat(os.path.join(source, "b.py")).st_mtime_ns)
    try:
        shutil.copyfile(copied, copied)
    except shutil.SameFileError as error:
        print("SameFileError", isinstance(error, OSError))
    tree = shutil.copytree(source, os.path.join(base, "dst"), ignore=shutil.ignore_patterns("*.py"))
    listing = []
    for dirpath, dirnames, filenames in os.walk(tree):
        listing.append((os.path.relpath(dirpath, tree), sorted(dirnames), sorted(filenames)))
    print(sorted(listing))
    moved = shutil.move(os.path.join(base, "dst"), os.path.join(base, "moved"))
    print(os.path.relpath(moved, base), os.path.exists(os.path.join(base, "dst")))
    shutil.rmtree(moved)
    print(os.path.exists(moved))
    try:
        shutil.rmtree(os.path.join(base, "missing"))
    except FileNotFoundError as error:
        print("FileNotFoundError", error.errno)
    shutil.rmtree(os.path.join(base, "missing"), ignore_errors=True)
    with open(os.path.join(base, "a.txt"), "rb") as source_file, open(os.path.join(base, "e.bin"), "wb") as target_file:
        shutil.copyfileobj(source_file, target_file)
    print(open(os.path.join(base, "e.bin"), "rb").read())
    print(shutil.which("definitely-not-a-program-krait"), shutil.which("sh") is not None)
    fd, path = tempfile.mkstemp(suffix=".dat", prefix="k_", dir=base)
    os.write(fd, b"temp")
    os.close(fd)
    print(os.path.basename(path).startswith("k_"), path.endswith(".dat"), len(os.path.basename(path)), open(path, "rb").read())
    directory = tempfile.mkdtemp(dir=base)
    print(os.path.isdir(directory), oct(os.stat(directory).st_mode & 0o777))
    with tempfile.NamedTemporaryFile("w+", dir=base, suffix=".txt") as named:
        named.write("named\n")
        named.flush()
        named.seek(0)
        print(named.read(), end="")
        name = named.name
        print(os.path.exists(name))
    print(os.path.exists(name))
    with tempfile.TemporaryFile(dir=base) as unnamed:
        unnamed.write(b"xyz")
        unnamed.seek(0)
        print(unnamed.read())
    print(sorted(os.listdir(base)) == sorted(["a.txt", "b_copy.py", "e.bin", "src", os.path.basename(path), os.path.basename(directory)]))
print(os.path.exists(base))
print(fnmatch.fnmatch("file.py", "*.py"), fnmatch.fnmatch("file.pyc", "*.py"), fnmatch.filter(["a1", "b2", "a3"], "a?"))
print(fnmatch.fnmatchcase("X.TXT", "*.txt"), fnmatch.fnmatch("ab[c", "ab[c"), fnmatch.fnmatch("abc", "a[!x]c"), fnmatch.fnmatch("a-c", "a[a-z-]c"))
