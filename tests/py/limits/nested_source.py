# Source nested too deeply to compile gives CPython's error — a SyntaxError for the tokenizer's
# limits, a RecursionError from the compiler or a MemoryError from the parser — never a native
# stack overflow; the program carries on.
def attempt(label, source):
    try:
        compile(source, "<nested>", "exec")
    except (SyntaxError, RecursionError, MemoryError) as error:
        if isinstance(error, SyntaxError):
            print(label, type(error).__name__, error.msg, error.lineno, error.offset)
        else:
            print(label, type(error).__name__)
    else:
        print(label, "compiles")

attempt("200 parentheses", "x = " + "(" * 200 + "1" + ")" * 200)
attempt("201 parentheses", "x = " + "(" * 201 + "1" + ")" * 201)
attempt("201 mixed brackets", "x = " + "([{" * 67 + "1" + "}])" * 67)
attempt("300 brackets", "y = 1\nx = [" + "[" * 300 + "]" * 300 + "]")
indented = "".join("    " * level + "if x:\n" for level in range(99)) + "    " * 99 + "pass\n"
attempt("99 indents", indented)
too_indented = "".join(" " * level + "if x:\n" for level in range(100)) + " " * 100 + "pass\n"
attempt("100 indents", too_indented)
attempt("100000 additions", "x = 1" + " + 1" * 100_000)
attempt("100000 calls", "f" + "()" * 100_000)
attempt("100000 attributes", "x = a" + ".b" * 100_000)
attempt("100000 subscripts", "x = a" + "[0]" * 100_000)
attempt("shallow", "x = " + "(" * 50 + "1" + ")" * 50)
