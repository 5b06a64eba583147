import string
import textwrap
from string import Formatter, Template


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


print(repr(string.ascii_letters), repr(string.digits), repr(string.hexdigits), repr(string.octdigits))
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable))
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.capwords("  hello   world  "), string.capwords("a-b c-d", "-"), string.capwords("ÉCOLE élève"))

t = Template("$who likes ${what}, costs $$10")
print(t.substitute(who="tim", what="kung pao"), "|", t.template)
print(t.substitute({"who": 1, "what": 2}), t.substitute({"who": 1}, what="override"))
print(t.safe_substitute(who="x"), t.safe_substitute())
print(t.get_identifiers(), t.is_valid(), Template("$a $ b").is_valid(), Template("${x} $x $y").get_identifiers())
show("missing key", lambda: t.substitute(who="x"))
show("lone $", lambda: Template("$").substitute())
show("unclosed brace", lambda: Template("a ${b").substitute(b=1))
show("digit", lambda: Template("$1").substitute())
show("line 2", lambda: Template("line1\n  $\n").substitute())
show("safe invalid", lambda: Template("cost: $ 5 and ${bad").safe_substitute())
print(Template("${a}b$a_c").substitute(a=1, a_c=2), Template("$A$a").substitute(A="up", a="lo"))


class PercentTemplate(Template):
    delimiter = "%"


print(PercentTemplate("%name is %% %{age}y").substitute(name="Ann", age=5))

f = Formatter()
print(f.format("{0}-{x}-{}", 1, x=2) if False else f.format("{0}-{x}", 1, x=2))
print(f.format("{} and {}", "a", "b"), f.format("{0!r:>6}|{1:*^7}|{2.real}", "s", "mid", 3j))
print(f.format("{a[0]}{a[1]}{d[key]}", a="xy", d={"key": "!"}), f.format("{:{w}.{p}f}", 3.14159, w=8, p=2))
print(list(f.parse("a{0!r:>5}b{{c}}")), list(f.parse("")), list(f.parse("{}")), list(f.parse("x{y.z[0]}")))
show("switch numbering", lambda: f.format("{}{0}", 1))
show("single }", lambda: f.format("a}"))
show("single {", lambda: f.format("a{"))
show("unclosed", lambda: f.format("{0"))
show("bad conversion", lambda: f.format("{0!x}", 1))
show("missing arg", lambda: f.format("{0}{1}", 1))


class UpperFormatter(Formatter):
    def format_field(self, value, format_spec):
        return format(value, format_spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}>"
        return super().get_value(key, args, kwargs)


print(UpperFormatter().format("{greeting}, {name}! {0:x}", 255, greeting="hello"))

sample = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
          "How vexingly quick daft zebras jump? A well-known, state-of-the-art, self-explanatory "
          "example -- with em-dashes--and supercalifragilisticexpialidocious words.")
for width in (10, 20, 33, 70):
    print(width, textwrap.wrap(sample, width))
print(textwrap.fill(sample, 40))
print(textwrap.fill(sample, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(sample, 25, break_on_hyphens=False))
print(textwrap.wrap(sample, 12, break_long_words=False))
print(textwrap.wrap("one.  two. three? four! five", 15, fix_sentence_endings=True))
print(textwrap.wrap("a\tb\tc\nd  e", 8), textwrap.wrap("a\tb", 20, expand_tabs=False))
print(textwrap.wrap("  leading and trailing  ", 10), textwrap.wrap("  keep  spaces  ", 8, drop_whitespace=False))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("x", 1))
print(textwrap.wrap("aaaa-bbbb-cccc-dddd", 7), textwrap.wrap("---------", 4), textwrap.wrap("a-b-c-d-e", 3))
print(textwrap.wrap("Hello there, how are you this fine day?", 16, max_lines=2))
print(textwrap.wrap("Hello there, how are you?", 10, max_lines=1, placeholder="..."))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."), textwrap.shorten(sample, 50))
show("width 0", lambda: textwrap.wrap("abc", 0))
show("placeholder too large", lambda: textwrap.shorten("abc def", 3))

code = """
    def hello():
        print("hi")

    \t
      # comment
    """
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent("  a\n    b\n  c")), repr(textwrap.dedent("\ta\n  b")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.dedent("   \n  x\n   y\n")), repr(textwrap.dedent("")))
print(repr(textwrap.indent("line one\n\nline two\n  \n", "> ")))
print(repr(textwrap.indent("a\nb\n", "+ ", lambda line: True)), repr(textwrap.indent("a\r\nb", "-")))
w = textwrap.TextWrapper(width=15, initial_indent="- ")
print(w.wrap("a list item that is fairly long"), w.width, w.placeholder)
