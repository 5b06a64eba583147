# strip, lstrip, rstrip, replace, and padding helpers.
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."), "file.txt...".rstrip("."))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "hello".replace("l", ""), "abc".replace("", "-"))
print("banana".replace("an", "AN"), "nothing".replace("zz", "yy"))
print(repr("abc".center(9)), repr("abc".center(8, "*")), repr("abc".ljust(6, ".")), repr("abc".rjust(6)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abcdef".zfill(3))
print(repr("tab\tsep".expandtabs(4)))
print("Hello".removeprefix("He"), "Hello".removesuffix("lo"), "Hello".removeprefix("x"))
template = "Dear NAME, your order ORDER ships DAY."
for name, order, day in [("Ada", "#1", "Monday"), ("Bob", "#22", "Friday")]:
    print(template.replace("NAME", name).replace("ORDER", order).replace("DAY", day))
