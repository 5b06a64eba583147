import re
bad = ["(abc", "abc)", "*a", "a**", "a*+*", "a{2}{3}", "[abc", "[z-a]", r"\q", "a\\", r"(?P<1a>x)", r"(?P<a>x)(?P<a>y)",
       r"(?P=zz)", r"\2", r"(a)\2", r"(a\1)", r"(?<=a+)b", r"(?<=a|bc)d", r"(?#abc", "(?", "(?z)", "(?P", "(?Px)", "(?<x)",
       "a(?i)b", "(?i", "(?-i)", "(?i-:a)", "(?a-a:x)", "a{3,2}", "a{99999999999}", r"[\d-z]", r"\x1", r"\u12", r"[\8]",
       r"\777", "(?(1)a|b)", "(?(x)a)", "(?(0)a)", "(?(1a)a)", "(a)(?(1)b|c|d)", "^*", r"\b+", "(?P<>a)", "(?P<a", "(?P=a",
       "(?<=\\1)(a)", "x|*", "(*)", "[", "[^]", "(?L)x", "abc\n(", "(?x)a b (", "(?i)(?s)x(?m)"]
for pattern in bad:
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        print(repr(pattern), "error:", error, "|", error.msg, error.pos, error.lineno, error.colno)
    except Exception as error:
        print(repr(pattern), type(error).__name__ + ":", error)
    else:
        print(repr(pattern), "ok", compiled.groups, compiled.flags)
for call in [lambda: re.compile(b"a", re.U), lambda: re.compile("a", re.L), lambda: re.compile("a", re.A | re.U),
             lambda: re.search("a", b"a"), lambda: re.search(b"a", "a"), lambda: re.search("a", 5), lambda: re.compile(5),
             lambda: re.compile(re.compile("a"), re.I), lambda: re.sub("a", r"\9", "a"), lambda: re.sub("a", r"\g<x>", "a"),
             lambda: re.sub("a", r"\q", "a"), lambda: re.sub("(a)", r"\g<1", "a"), lambda: re.sub("a", 5, "a"),
             lambda: re.sub("a", lambda m: 5, "a"), lambda: re.match("(a)", "a").group(2), lambda: re.match("(a)", "a").group("x")]:
    try:
        print("ok", call())
    except Exception as error:
        print(type(error).__name__ + ":", error)
print(repr(re.I | re.M), re.I, repr(re.compile("x", re.A | re.I)), repr(re.compile(b"x")), re.compile("(?P<a>.)(?P<b>.)").groupindex)
print(re.compile("a") == re.compile("a"), re.purge())
