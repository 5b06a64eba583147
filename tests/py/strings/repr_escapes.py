# repr chooses quotes and escapes control characters.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
           "\x00\x01\x7f", "\r", "é λ €", "\u200b", "", " ", "\x1b[0m", "\N{GREEK SMALL LETTER ALPHA}", "\U0001F600"]
for s in samples:
    print(repr(s), len(s))
print(repr("a" + "\n" + "b"))
print(str("quote's"), ["it's", "x"], ("a\tb",))
print("escape sequences: [\t] [\\] [\'] [\"] [\x41] [\101] [\u0041]")
raw = r"C:\new\table"
print(raw, len(raw), repr(raw))
multi = """first
second\
 continued"""
print(multi)
print(repr(multi))
print("implicit" " concatenation" ' works')
print(ascii("é λ"), ascii("plain"))
