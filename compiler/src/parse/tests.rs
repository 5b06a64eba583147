//! Tests of the parse error translation: CPython's message, line, column and caret width.

use super::*;

/// `(message, line, column, caret count)` of the error of `source`.
fn error(source: &str) -> (String, u32, u32, usize) {
    match parse_module(source, "<test>") {
        Ok(_) => panic!("{source:?} parsed"),
        Err(error) => {
            let width = error.caret_width();
            (error.message, error.line, error.column, width)
        }
    }
}

#[test]
fn common_errors_use_cpython_messages_and_positions() {
    let cases: &[(&str, &str, u32, u32, usize)] = &[
        ("if x\n    pass\n", "expected ':'", 1, 5, 1),
        ("if x:\npass\n", "expected an indented block after 'if' statement on line 1", 2, 1, 1),
        ("  x = 1\n", "unexpected indent", 1, 0, 1),
        ("x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5, 1),
        ("x = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1),
        ("f(1, 2\n", "'(' was never closed", 1, 2, 1),
        ("x = [1, 2 3]\n", "invalid syntax. Perhaps you forgot a comma?", 1, 9, 3),
        ("1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1),
        ("f() = 3\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 3),
        ("(a, 1) = x\n", "cannot assign to literal", 1, 5, 1),
        ("for 1 in x: pass\n", "cannot assign to literal", 1, 5, 1),
        ("x + 1 += 2\n", "'expression' is an illegal expression for augmented assignment", 1, 1, 5),
        ("del f()\n", "cannot delete function call", 1, 5, 3),
        ("def f():\n    yield = 3\n", "assignment to yield expression not possible", 2, 5, 5),
        ("f(1]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 4, 1),
        ("x)\n", "unmatched ')'", 1, 2, 1),
        ("print 'hi'\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 10),
        ("def f(:\n", "invalid syntax", 1, 7, 1),
        ("x = $\n", "invalid syntax", 1, 5, 1),
        ("x = \u{20ac}\n", "invalid character '\u{20ac}' (U+20AC)", 1, 5, 1),
        ("type X = int\n", "invalid syntax", 1, 1, 4),
        ("if x:\n  a\n b\n", "unindent does not match any outer indentation level", 3, 3, 1),
        ("x = {1: 2, 3}\n", "':' expected after dictionary key", 1, 12, 1),
        ("x = 1 if 2\n", "expected 'else' after 'if' expression", 1, 5, 6),
        ("f(x=1, y)\n", "positional argument follows keyword argument", 1, 9, 1),
        ("f(x for x in y, 1)\n", "Generator expression must be parenthesized", 1, 3, 12),
        ("class C(x for x in y): pass\n", "invalid syntax", 1, 11, 3),
        ("x = f'{'\n", "f-string: expecting '}'", 1, 9, 1),
        ("x = f'}'\n", "f-string: single '}' is not allowed", 1, 9, 1),
        ("try:\n    pass\n", "expected 'except' or 'finally' block", 2, 0, 1),
        ("x = 0777\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1),
        ("try:\n  pass\nexcept* :\n  pass\n", "expected one or more exception types", 3, 9, 1),
        ("try:\n  pass\nexcept E:\n  pass\nexcept* F:\n  pass\n", "cannot have both 'except' and 'except*' on the same 'try'", 5, 1, 7),
        ("match x:\n  case 1+1:\n    pass\n", "imaginary number required in complex literal", 2, 10, 1),
        ("match x:\n  case a+1j:\n    pass\n", "invalid syntax", 2, 9, 1),
    ];
    for &(source, expected, line, column, width) in cases {
        assert_eq!(
            error(source),
            (expected.to_string(), line, column, width),
            "{source:?}"
        );
    }
    match parse_module("if x:\npass\n", "<test>") {
        Err(error) => assert_eq!(error.kind, SyntaxErrorKind::Indentation),
        Ok(_) => panic!("parsed"),
    }
}
