import re
patterns = [r"a*", r"a*?", r"(a|b)*", r"(a|b)*?c", r"(a*)*", r"(a*)+", r"(a|)+", r"(?:a|b)+?", r"(ab|a)(bc|c)?", r"((a)|b)+",
    r"(a)|(b)", r"(a)?(b)?", r"x*y*", r"(?=a)", r"\b", r"$", r"^", r"(?m)^", r"(?m)$", r".", r"(?s).", r"\w+\b", r"[a-c]{2,}",
    r"(\w)(?=\1)", r"(a+)(b+)?", r"(?i)[A-C]+", r"(?i)K", r"(a{0,2}){2}", r"(?:(a)|b){2}", r"(a)+", r"(a|ab)*c", r"(.)*",
    r"(?<=a)b*", r"(?<!a)b", r"a(?!b)", r"(?P<x>a)(?P<y>b)?", r"\d{2,3}?", r"[^\n]+", r"(\s*)(\S+)", r"(?:x|y|)*z",
    r"a|ab|abc", r"(?:a+|b+)*c", r"\Ba", r"a\Z", r"a$", r"(?x) a  b # c", r"()", r"(|a)+", r"(a?)*?b", r"(?>a|ab)c", r"(a)(?(1)b)"]
subjects = ["", "a", "ab", "abc", "aab", "baaa", "abab", "aXbc\nab\n", "ccab", "aAkK\u212a", "ba ab  abc", "xyzxyyz", "12345 678", "aaab", "abcabc"]
for pattern in patterns:
    compiled = re.compile(pattern)
    for subject in subjects:
        m = compiled.search(subject)
        result = None if m is None else (m.span(), m.groups(), m.lastindex)
        mm = compiled.match(subject)
        print(repr(pattern), repr(subject), result, None if mm is None else mm.span(),
              compiled.findall(subject), compiled.sub("<\\g<0>>", subject), compiled.split(subject),
              [m.span() for m in compiled.finditer(subject)], bool(compiled.fullmatch(subject)))
