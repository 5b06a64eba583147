//! Questions about the token stream around a parse error: the tokens before and after an
//! offset, bracket nesting, where an expression starts, which f-string an offset is in.
//!
//! CPython's messages and carets depend on context the parser's error does not carry (which
//! bracket is still open, where the first of two juxtaposed expressions began); this recovers
//! it from the tokens, which the parser keeps even when it fails.

use ruff_python_ast::token::{Token, TokenKind, Tokens};
use ruff_text_size::{Ranged, TextRange};

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::LineIndex;

/// The innermost bracket open at `offset`.
pub(super) fn innermost_open_bracket(tokens: &Tokens, offset: u32) -> Option<TokenKind> {
    let mut open = Vec::new();
    for token in tokens_before(tokens, offset) {
        match token.kind() {
            kind @ (TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace) => open.push(kind),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// The range of the f-string (from its `f'` to its closing quote) containing `offset`.
pub(super) fn enclosing_fstring(tokens: &Tokens, offset: u32) -> Option<TextRange> {
    let mut starts = Vec::new();
    let mut innermost = None;
    for token in tokens.iter() {
        match token.kind() {
            TokenKind::FStringStart => starts.push(token.start()),
            TokenKind::FStringEnd => {
                if let Some(begin) = starts.pop() {
                    let range = TextRange::new(begin, token.end());
                    if range.start().to_u32() <= offset && offset < range.end().to_u32() {
                        innermost = Some(range);
                    }
                }
            }
            _ => {}
        }
    }
    innermost
}

/// Whether a token can start an expression.
pub(super) fn starts_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
            | TokenKind::Minus
            | TokenKind::Tilde
    )
}

/// Whether a token can end an expression.
pub(super) fn ends_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
    )
}

/// The start of the simple expression whose last token starts at `offset`: CPython underlines
/// from the first of the two expressions missing a comma. Walks back over bracket groups,
/// calls, subscripts and attribute accesses.
pub(super) fn expression_start_before(tokens: &Tokens, offset: u32) -> u32 {
    let list: Vec<_> = tokens
        .iter()
        .take_while(|token| token.start().to_u32() <= offset)
        .filter(|token| {
            !matches!(
                token.kind(),
                TokenKind::Comment | TokenKind::NonLogicalNewline
            )
        })
        .collect();
    let Some(mut position) = list.len().checked_sub(1) else {
        return offset;
    };
    loop {
        if matches!(
            list[position].kind(),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace
        ) {
            let mut depth = 0usize;
            loop {
                match list[position].kind() {
                    TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
                    TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                        depth = depth.saturating_sub(1)
                    }
                    _ => {}
                }
                if depth == 0 || position == 0 {
                    break;
                }
                position -= 1;
            }
        }
        if position == 0 {
            break;
        }
        let previous = list[position - 1].kind();
        let is_call_or_subscript =
            matches!(list[position].kind(), TokenKind::Lpar | TokenKind::Lsqb)
                && ends_expression(previous);
        if is_call_or_subscript {
            position -= 1;
        } else if previous == TokenKind::Dot && position >= 2 {
            position -= 2;
        } else {
            break;
        }
    }
    list[position].start().to_u32()
}

/// The line of the last `keyword` token before `offset` (the line of the error if none).
pub(super) fn keyword_line(
    tokens: &Tokens,
    index: &LineIndex,
    offset: u32,
    keyword: TokenKind,
) -> u32 {
    tokens_before(tokens, offset)
        .iter()
        .rev()
        .find(|token| token.kind() == keyword)
        .map_or_else(
            || index.line_of(offset),
            |token| index.line_of(token.start().to_u32()),
        )
}

/// The last significant token that starts before `offset`.
pub(super) fn previous_token(tokens: &Tokens, offset: u32) -> Option<(TokenKind, TextRange)> {
    tokens_before(tokens, offset)
        .iter()
        .rev()
        .find(|token| {
            !matches!(
                token.kind(),
                TokenKind::Comment | TokenKind::NonLogicalNewline
            )
        })
        .map(|token| (token.kind(), token.range()))
}

/// The tokens that end at or before `offset` (`Tokens::before` panics inside a token).
pub(super) fn tokens_before(tokens: &Tokens, offset: u32) -> &[Token] {
    let all: &[Token] = tokens;
    let split = all
        .partition_point(|token| token.end().to_u32() <= offset && token.start().to_u32() < offset);
    &all[..split]
}

/// The tokens that start at or after `offset` (`Tokens::after` panics inside a token).
pub(super) fn tokens_after(tokens: &Tokens, offset: u32) -> &[Token] {
    let all: &[Token] = tokens;
    let split = all.partition_point(|token| token.start().to_u32() < offset);
    &all[split..]
}

/// The kind of the last significant token before `offset`, skipping `skip` tokens.
pub(super) fn previous_token_skipping(
    tokens: &Tokens,
    offset: u32,
    skip: TokenKind,
) -> Option<TokenKind> {
    tokens_before(tokens, offset)
        .iter()
        .rev()
        .map(|token| token.kind())
        .find(|kind| {
            !matches!(kind, TokenKind::Comment | TokenKind::NonLogicalNewline) && *kind != skip
        })
}

/// The start of the first token at or after `offset` (or `offset` itself at the end).
pub(super) fn next_token_start(tokens: &Tokens, offset: u32) -> u32 {
    tokens_after(tokens, offset)
        .first()
        .map_or(offset, |token| token.start().to_u32())
}

/// The kind of the first significant token at or after `offset`.
pub(super) fn next_token_kind(tokens: &Tokens, offset: u32) -> Option<TokenKind> {
    tokens_after(tokens, offset)
        .iter()
        .find(|token| {
            !matches!(
                token.kind(),
                TokenKind::Comment | TokenKind::NonLogicalNewline | TokenKind::Rpar
            )
        })
        .map(|token| token.kind())
}

/// "unmatched ')'" and "closing parenthesis ']' does not match opening parenthesis '('", when
/// such a bracket occurs at or before the error.
pub(super) fn mismatched_bracket(
    tokens: &Tokens,
    index: &LineIndex,
    filename: &str,
    error_offset: u32,
) -> Option<SyntaxError> {
    let mut open: Vec<(char, u32)> = Vec::new();
    for token in tokens.iter() {
        let offset = token.start().to_u32();
        let closing = match token.kind() {
            TokenKind::Lpar => {
                open.push(('(', offset));
                continue;
            }
            TokenKind::Lsqb => {
                open.push(('[', offset));
                continue;
            }
            TokenKind::Lbrace => {
                open.push(('{', offset));
                continue;
            }
            TokenKind::Rpar => ')',
            TokenKind::Rsqb => ']',
            TokenKind::Rbrace => '}',
            _ => continue,
        };
        if offset > error_offset {
            break;
        }
        match open.pop() {
            None => {
                return Some(index.error(
                    SyntaxErrorKind::Syntax,
                    filename,
                    offset,
                    format!("unmatched '{closing}'"),
                ));
            }
            Some((opening, opening_offset)) => {
                let expected = match opening {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                if expected != closing {
                    let opening_line = index.line_of(opening_offset);
                    let message = if opening_line == index.line_of(offset) {
                        format!("closing parenthesis '{closing}' does not match opening parenthesis '{opening}'")
                    } else {
                        format!("closing parenthesis '{closing}' does not match opening parenthesis '{opening}' on line {opening_line}")
                    };
                    return Some(index.error(SyntaxErrorKind::Syntax, filename, offset, message));
                }
            }
        }
    }
    None
}

/// "'(' was never closed" for the innermost bracket still open at the end of the file.
pub(super) fn unclosed_bracket(
    tokens: &Tokens,
    index: &LineIndex,
    filename: &str,
) -> Option<SyntaxError> {
    let mut open: Vec<(char, u32)> = Vec::new();
    for token in tokens.iter() {
        let offset = token.start().to_u32();
        match token.kind() {
            TokenKind::Lpar => open.push(('(', offset)),
            TokenKind::Lsqb => open.push(('[', offset)),
            TokenKind::Lbrace => open.push(('{', offset)),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                open.pop();
            }
            _ => {}
        }
    }
    let (opening, opening_offset) = *open.last()?;
    Some(index.error(
        SyntaxErrorKind::Syntax,
        filename,
        opening_offset,
        format!("'{opening}' was never closed"),
    ))
}

/// The text of a range, empty if it is out of bounds.
pub(super) fn slice(source: &str, range: TextRange) -> &str {
    source
        .get(range.start().to_usize()..range.end().to_usize())
        .unwrap_or("")
}
