import os

base = os.path.join("/tmp", "krait-io-text-%d" % os.getpid())
os.mkdir(base)
path = os.path.join(base, "data.txt")
try:
    with open(path, "w") as handle:
        print(type(handle).__name__, handle.mode, handle.encoding, handle.closed)
        print(handle.write("first line\n"), handle.write("second\nthird"))
        handle.writelines(["\nfour", "th\n"])
        print("to file", 42, file=handle)
    print(handle.closed)
    with open(path) as handle:
        print(repr(handle.readline()), repr(handle.readline(3)), repr(handle.readline()))
        print(handle.readlines())
        print(repr(handle.readline()), repr(handle.read()))
    with open(path) as handle:
        print([line for line in handle])
    with open(path) as handle:
        print(repr(handle.read(5)), repr(handle.read(7)), handle.tell())
        handle.seek(0)
        print(repr(handle.read()))
        print(handle.seek(0, 2), repr(handle.read()))
    # Appending and updating.
    with open(path, "a") as handle:
        handle.write("appended\n")
    with open(path, "r+") as handle:
        handle.write("FIRST")
        handle.seek(0)
        print(handle.read().splitlines())
    # Newline handling: universal newlines on reading, translation on writing.
    with open(path, "w", newline="") as handle:
        handle.write("a\r\nb\rc\nd")
    with open(path, "rb") as handle:
        print(handle.read())
    for newline in [None, "", "\n", "\r", "\r\n"]:
        with open(path, newline=newline) as handle:
            print(repr(newline), handle.readlines())
    with open(path, "w", newline="\r\n") as handle:
        handle.write("x\ny\n")
    with open(path, "rb") as handle:
        print(handle.read())
    # Encodings.
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("héllo wörld €\n日本語\n")
    with open(path, encoding="utf-8") as handle:
        print(handle.read(3), handle.readline(), handle.readline())
    with open(path, "rb") as handle:
        print(len(handle.read()))
    with open(path, "w", encoding="latin-1") as handle:
        handle.write("café\n")
    with open(path, "rb") as handle:
        print(handle.read())
    with open(path, encoding="latin-1") as handle:
        print(handle.read())
    try:
        with open(path, encoding="ascii") as handle:
            handle.read()
    except UnicodeDecodeError as error:
        print("UnicodeDecodeError:", error)
    with open(path, encoding="ascii", errors="replace") as handle:
        print(repr(handle.read()))
    try:
        with open(path, "w", encoding="ascii") as handle:
            handle.write("naïve")
    except UnicodeEncodeError as error:
        print("UnicodeEncodeError:", error)
    # A long file read in pieces crosses the internal buffers.
    with open(path, "w") as handle:
        for number in range(700):
            handle.write("line %d é " % number + "x" * 90 + "\n")
    with open(path) as handle:
        count = 0
        total = 0
        for line in handle:
            count += 1
            total += len(line)
        print(count, total)
    with open(path) as handle:
        pieces = []
        while True:
            piece = handle.read(4093)
            if not piece:
                break
            pieces.append(piece)
        print(len("".join(pieces)), "".join(pieces).count("\n"))
finally:
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
