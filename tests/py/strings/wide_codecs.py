# UTF-16, UTF-32 and UTF-8-sig: byte-order marks, both byte orders, and decoding errors.
text = "h\u00e9llo \u20ac\U0001f600"
for codec in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf_32_le", "UTF-32-BE", "utf-8-sig", "utf16"]:
    data = text.encode(codec)
    print(codec, data, data.decode(codec) == text, len(data))
print(b"\xfe\xff\x00a".decode("utf-16"), b"\x00\x00\xfe\xff\x00\x00\x00a".decode("utf-32"))
print(b"a\x00".decode("utf-16"), b"abc".decode("utf-8-sig"), b"\xef\xbb\xbfabc".decode("utf-8-sig"))
print(bytes("ab", "utf-16-le"), str(b"a\x00b\x00", "utf-16-le"), "".encode("utf-16"), b"".decode("utf-16"))
bad = [
    (b"a\x00b", "utf-16-le"),
    (b"\x00\xdc", "utf-16-le"),
    (b"\x00\xd8a\x00", "utf-16-le"),
    (b"\x00\xd8", "utf-16-le"),
    (b"\xff\xfe\x00", "utf-16"),
    (b"\x00\x00\x11\x00", "utf-32-le"),
    (b"\x00\xd8\x00\x00", "utf-32-le"),
    (b"ab", "utf-32"),
]
for data, codec in bad:
    try:
        print(data.decode(codec))
    except UnicodeDecodeError as error:
        print(error.encoding, error.start, error.end, error.reason, "|", error)
    for handler in ("ignore", "replace", "backslashreplace"):
        print(" ", handler, repr(data.decode(codec, handler)))
