//! CPython's tokenizer limits on nesting, which its parser enforces before anything else: at
//! most 200 brackets open at once ("too many nested parentheses") and at most 99 levels of
//! indentation ("too many levels of indentation"). ruff's parser has no such limits, so they
//! are checked on its token stream; a program beyond them gets CPython's error instead of
//! compiling (or, deeper still, a RecursionError from the compiler's walks).

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::Ranged;

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::LineIndex;

/// CPython's `MAXLEVEL`: the most brackets open at once.
const MAX_BRACKET_LEVEL: usize = 200;
/// CPython's `MAXINDENT`: indentation may nest one level less than this.
const MAX_INDENT: usize = 100;

/// The first place the tokens break one of the limits (its offset, and the error as CPython
/// reports it).
pub(super) fn check(
    tokens: &Tokens,
    index: &LineIndex,
    filename: &str,
) -> Option<(u32, SyntaxError)> {
    let mut brackets = 0usize;
    let mut indents = 0usize;
    for token in tokens.iter() {
        let start = token.start().to_u32();
        match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if brackets >= MAX_BRACKET_LEVEL {
                    return Some((
                        start,
                        index.error(
                            SyntaxErrorKind::Syntax,
                            filename,
                            start,
                            "too many nested parentheses",
                        ),
                    ));
                }
                brackets += 1;
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                brackets = brackets.saturating_sub(1);
            }
            TokenKind::Indent => {
                indents += 1;
                if indents >= MAX_INDENT {
                    return Some((
                        start,
                        index.error_without_caret(
                            SyntaxErrorKind::Indentation,
                            filename,
                            start,
                            "too many levels of indentation",
                        ),
                    ));
                }
            }
            TokenKind::Dedent => indents = indents.saturating_sub(1),
            _ => {}
        }
    }
    None
}
