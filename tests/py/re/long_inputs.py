import re
print(re.match(r"(a|b)*c", "ab" * 100000 + "c").span())
print(len(re.findall(r"\w+", "word " * 1000)))
print(re.sub(r"\s+", " ", "a  b\t\tc" * 100)[:20])
print(re.match(r"(?:a|b)*?c", "ab" * 50000 + "c").span())
print(re.match(r".*x", "a" * 100000 + "x").span())
# Deeply nested groups compile (CPython's recursive parser manages a few hundred levels).
print(re.compile("(" * 200 + "a" + ")" * 200).match("a").span())
