# Case conversion and character-class predicates.
s = "hello World of PYTHON 3"
print(s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("héllo".upper(), "ÀÉÎ".lower(), "λx".upper())
for t in ["abc", "ABC", "Abc", "123", "abc123", "   ", "", "a b", "3.14", "Ab Cd"]:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isnumeric(), t.isdecimal())
print("hello_world".isidentifier(), "2x".isidentifier(), "abc".isascii(), "é".isascii())
print("MiXeD".lower() == "mixed", "a".upper() < "a")
