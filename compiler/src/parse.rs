//! Parsing with CPython's error messages.
//!
//! `ruff_python_parser` recovers from errors and words them its own way ("Expected `:`, found
//! newline"). Python programs (and the test corpus) observe the exact `SyntaxError` message and
//! position, so the first parse error is translated here into what CPython 3.11 reports for the
//! same mistake. The translation looks at the error kind, the surrounding tokens and the source
//! text; cases CPython words in ways that need its full grammar fall back to `invalid syntax`.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::{Expr, ModModule, PythonVersion};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, Mode, ParseError, ParseErrorType, ParseOptions,
    Parsed,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::LineIndex;

/// Parses a module for Python 3.11, or returns the first syntax error as CPython words it.
///
/// The tree of a pathological source can be deep enough that dropping it needs a large stack;
/// callers outside this crate should drop it under the same precaution as
/// [`crate::compile_module`] (or use the compile and dump functions, which do).
pub fn parse_module(source: &str, filename: &str) -> Result<Parsed<ModModule>, SyntaxError> {
    crate::stack::with_room_for(source.len(), || parse_source(source, filename))
}

fn parse_source(source: &str, filename: &str) -> Result<Parsed<ModModule>, SyntaxError> {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let index = LineIndex::new(source);
    if let Some(error) = parsed.errors().first() {
        return Err(translate(error, parsed.tokens(), &index, filename));
    }
    if let Some(error) = parsed.unsupported_syntax_errors().first() {
        return Err(index.error(
            SyntaxErrorKind::Syntax,
            filename,
            error.range.start().to_u32(),
            "invalid syntax",
        ));
    }
    match parsed.try_into_module() {
        Some(module) => Ok(module),
        None => Err(index.error(SyntaxErrorKind::Syntax, filename, 0, "invalid syntax")),
    }
}

/// Translates one ruff parse error into CPython's message and position.
fn translate(
    error: &ParseError,
    tokens: &Tokens,
    index: &LineIndex,
    filename: &str,
) -> SyntaxError {
    let start = error.location.start().to_u32();
    // A bracket closed by the wrong bracket is found by CPython's tokenizer before the parser
    // fails; one never closed replaces a generic `invalid syntax` (CPython tokenizes the rest of
    // the file to look for a better explanation).
    if let Some(bracket_error) = mismatched_bracket(tokens, index, filename, start) {
        return bracket_error;
    }
    let translated = translate_parse_error(error, tokens, index, filename);
    let generic = translated.message == "invalid syntax"
        || translated.message == "unexpected EOF while parsing";
    if generic {
        if let Some(unclosed) = unclosed_bracket(tokens, index, filename) {
            return unclosed;
        }
    }
    translated
}

/// The translation of one error, before brackets are considered.
fn translate_parse_error(
    error: &ParseError,
    tokens: &Tokens,
    index: &LineIndex,
    filename: &str,
) -> SyntaxError {
    let start = error.location.start().to_u32();
    let syntax = |offset: u32, message: String| {
        index.error(SyntaxErrorKind::Syntax, filename, offset, message)
    };
    let indentation = |offset: u32, message: String| {
        index.error(SyntaxErrorKind::Indentation, filename, offset, message)
    };
    let target_name = || expression_name_at(index.source(), error.location);
    match &error.error {
        ParseErrorType::Lexical(lexical) => {
            translate_lexical(lexical, error, tokens, index, filename)
        }
        ParseErrorType::UnexpectedIndentation => indentation(start, "unexpected indent".into()),
        ParseErrorType::OtherError(message)
            if message.starts_with("Expected an indented block") =>
        {
            let (clause, keyword) = indented_block_clause(message);
            let line = keyword_line(tokens, index, start, keyword);
            indentation(
                start,
                format!("expected an indented block after {clause} on line {line}"),
            )
        }
        ParseErrorType::ExpectedToken { expected, found } => {
            expected_token(*expected, *found, error, tokens, index, filename)
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            match previous_token(tokens, start) {
                Some((TokenKind::Name, range)) => {
                    let name = slice(index.source(), range);
                    if name == "print" || name == "exec" {
                        return syntax(
                            range.start().to_u32(),
                            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                        );
                    }
                    syntax(start, "invalid syntax".into())
                }
                _ => syntax(start, "invalid syntax".into()),
            }
        }
        ParseErrorType::InvalidAssignmentTarget => {
            let name = target_name();
            let followed_by_equal =
                next_token_kind(tokens, error.location.end().to_u32()) == Some(TokenKind::Equal);
            let plain = !matches!(
                name,
                "tuple" | "list" | "True" | "False" | "None" | "starred"
            );
            if followed_by_equal && plain {
                syntax(
                    start,
                    format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
                )
            } else {
                syntax(start, format!("cannot assign to {name}"))
            }
        }
        ParseErrorType::InvalidNamedAssignmentTarget => syntax(
            start,
            format!("cannot use assignment expressions with {}", target_name()),
        ),
        ParseErrorType::InvalidAugmentedAssignmentTarget => syntax(
            start,
            format!(
                "'{}' is an illegal expression for augmented assignment",
                target_name()
            ),
        ),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            let message = match target_name() {
                "tuple" => "only single target (not tuple) can be annotated".to_string(),
                "list" => "only single target (not list) can be annotated".to_string(),
                _ => "illegal target for annotation".to_string(),
            };
            syntax(start, message)
        }
        ParseErrorType::InvalidDeleteTarget => {
            syntax(start, format!("cannot delete {}", target_name()))
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            syntax(start, "positional argument follows keyword argument".into())
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => syntax(
            start,
            "positional argument follows keyword argument unpacking".into(),
        ),
        ParseErrorType::InvalidArgumentUnpackingOrder => syntax(
            start,
            "iterable argument unpacking follows keyword argument unpacking".into(),
        ),
        ParseErrorType::NonDefaultParamAfterDefaultParam => syntax(
            start,
            "non-default argument follows default argument".into(),
        ),
        ParseErrorType::ParamAfterVarKeywordParam => {
            syntax(start, "arguments cannot follow var-keyword argument".into())
        }
        ParseErrorType::VarParameterWithDefault => syntax(
            start,
            "var-positional argument cannot have default value".into(),
        ),
        ParseErrorType::ExpectedKeywordParam => {
            syntax(start, "named arguments must follow bare *".into())
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            syntax(start, "Generator expression must be parenthesized".into())
        }
        ParseErrorType::IterableUnpackingInComprehension => syntax(
            start,
            "iterable unpacking cannot be used in comprehension".into(),
        ),
        ParseErrorType::InvalidStarredExpressionUsage => {
            syntax(start, "can't use starred expression here".into())
        }
        ParseErrorType::FStringError(fstring) => syntax(start, fstring_message(fstring)),
        _ => syntax(start, "invalid syntax".into()),
    }
}

/// CPython's message for an error found by the lexer.
fn translate_lexical(
    lexical: &LexicalErrorType,
    error: &ParseError,
    tokens: &Tokens,
    index: &LineIndex,
    filename: &str,
) -> SyntaxError {
    let start = error.location.start().to_u32();
    let source = index.source();
    let syntax = |offset: u32, message: String| {
        index.error(SyntaxErrorKind::Syntax, filename, offset, message)
    };
    match lexical {
        LexicalErrorType::UnclosedStringError => {
            let text = slice(source, error.location);
            let quotes = text.trim_start_matches(|character: char| character.is_ascii_alphabetic());
            if quotes.starts_with("\"\"\"") || quotes.starts_with("'''") {
                let last_line = index.line_count();
                syntax(
                    start,
                    format!(
                        "unterminated triple-quoted string literal (detected at line {last_line})"
                    ),
                )
            } else {
                let line = index.line_of(start);
                syntax(
                    start,
                    format!("unterminated string literal (detected at line {line})"),
                )
            }
        }
        LexicalErrorType::IndentationError => index.error(
            SyntaxErrorKind::Indentation,
            filename,
            start,
            "unindent does not match any outer indentation level",
        ),
        LexicalErrorType::UnrecognizedToken { tok } => {
            if tok.is_ascii() {
                syntax(start, "invalid syntax".into())
            } else {
                syntax(
                    start,
                    format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
                )
            }
        }
        LexicalErrorType::LineContinuationError => syntax(
            start,
            "unexpected character after line continuation character".into(),
        ),
        LexicalErrorType::Eof => {
            let _ = tokens;
            syntax(start, "unexpected EOF while parsing".into())
        }
        LexicalErrorType::FStringError(fstring) => syntax(start, fstring_message(fstring)),
        LexicalErrorType::InvalidByteLiteral => syntax(
            start,
            "bytes can only contain ASCII literal characters".into(),
        ),
        LexicalErrorType::OtherError(message) => {
            let message = if message.contains("decimal integer literal") {
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".to_string()
            } else if message.starts_with("Invalid") {
                format!(
                    "invalid {}",
                    message.trim_start_matches("Invalid ").to_lowercase()
                )
            } else {
                "invalid syntax".to_string()
            };
            syntax(start, message)
        }
        _ => syntax(start, "invalid syntax".into()),
    }
}

/// CPython's wording of an f-string error.
fn fstring_message(error: &InterpolatedStringErrorType) -> String {
    match error {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'".into(),
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed".into(),
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        InterpolatedStringErrorType::UnterminatedString
        | InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            "f-string: unterminated string".into()
        }
        InterpolatedStringErrorType::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses".into()
        }
        _ => "f-string: invalid syntax".into(),
    }
}

/// Errors about a missing token: `expected ':'`, a forgotten comma, or `invalid syntax`.
fn expected_token(
    expected: TokenKind,
    found: TokenKind,
    error: &ParseError,
    tokens: &Tokens,
    index: &LineIndex,
    filename: &str,
) -> SyntaxError {
    let start = error.location.start().to_u32();
    let syntax = |offset: u32, message: &str| {
        index.error(SyntaxErrorKind::Syntax, filename, offset, message)
    };
    match expected {
        TokenKind::Colon => syntax(start, "expected ':'"),
        TokenKind::Indent => {
            let line = keyword_line(tokens, index, start, TokenKind::Colon);
            index.error(
                SyntaxErrorKind::Indentation,
                filename,
                start,
                format!("expected an indented block after line {line}"),
            )
        }
        TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace
            if starts_expression(found) =>
        {
            match previous_token(tokens, start) {
                Some((kind, range)) if ends_expression(kind) => {
                    let first = expression_start_before(tokens, range.start().to_u32());
                    syntax(first, "invalid syntax. Perhaps you forgot a comma?")
                }
                _ => syntax(start, "invalid syntax"),
            }
        }
        TokenKind::In => syntax(start, "invalid syntax"),
        _ => syntax(start, "invalid syntax"),
    }
}

/// Whether a token can start an expression.
fn starts_expression(kind: TokenKind) -> bool {
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
fn ends_expression(kind: TokenKind) -> bool {
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
fn expression_start_before(tokens: &Tokens, offset: u32) -> u32 {
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

/// The clause phrase of CPython's "expected an indented block" message and the keyword that
/// starts it (to find its line).
fn indented_block_clause(message: &str) -> (&'static str, TokenKind) {
    let table = [
        ("`if` statement", "'if' statement", TokenKind::If),
        ("`elif` clause", "'elif' statement", TokenKind::Elif),
        ("`else` clause", "'else' statement", TokenKind::Else),
        ("`for` statement", "'for' statement", TokenKind::For),
        ("`while` statement", "'while' statement", TokenKind::While),
        ("`with` statement", "'with' statement", TokenKind::With),
        ("`try` statement", "'try' statement", TokenKind::Try),
        ("`except` clause", "'except' statement", TokenKind::Except),
        (
            "`finally` clause",
            "'finally' statement",
            TokenKind::Finally,
        ),
        ("function definition", "function definition", TokenKind::Def),
        ("`class` definition", "class definition", TokenKind::Class),
        ("`match` statement", "'match' statement", TokenKind::Match),
        ("`case` block", "'case' statement", TokenKind::Case),
    ];
    for (ruff, cpython, keyword) in table {
        if message.contains(ruff) {
            return (cpython, keyword);
        }
    }
    ("statement", TokenKind::Colon)
}

/// The line of the last `keyword` token before `offset` (the line of the error if none).
fn keyword_line(tokens: &Tokens, index: &LineIndex, offset: u32, keyword: TokenKind) -> u32 {
    tokens
        .before(TextSize::new(offset))
        .iter()
        .rev()
        .find(|token| token.kind() == keyword)
        .map_or_else(
            || index.line_of(offset),
            |token| index.line_of(token.start().to_u32()),
        )
}

/// The last significant token that starts before `offset`.
fn previous_token(tokens: &Tokens, offset: u32) -> Option<(TokenKind, TextRange)> {
    tokens
        .before(TextSize::new(offset))
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

/// The kind of the first significant token at or after `offset`.
fn next_token_kind(tokens: &Tokens, offset: u32) -> Option<TokenKind> {
    tokens
        .after(TextSize::new(offset))
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
fn mismatched_bracket(
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
fn unclosed_bracket(tokens: &Tokens, index: &LineIndex, filename: &str) -> Option<SyntaxError> {
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
fn slice(source: &str, range: TextRange) -> &str {
    source
        .get(range.start().to_usize()..range.end().to_usize())
        .unwrap_or("")
}

/// CPython's name for the kind of expression written in `range` ("literal", "function call").
fn expression_name_at(source: &str, range: TextRange) -> &'static str {
    let text = slice(source, range);
    match ruff_python_parser::parse_expression(text) {
        Ok(parsed) => expression_name(parsed.expr()),
        Err(_) => "expression",
    }
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expression_name(expression: &Expr) -> &'static str {
    match expression {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(literal) => {
            if literal.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(source: &str) -> (String, u32, u32, SyntaxErrorKind) {
        match parse_module(source, "<test>") {
            Ok(_) => panic!("{source:?} parsed"),
            Err(error) => (error.message, error.line, error.column, error.kind),
        }
    }

    #[test]
    fn common_errors_use_cpython_messages() {
        assert_eq!(message("if x\n    pass\n").0, "expected ':'");
        assert_eq!(message("if x\n    pass\n").2, 5);
        let (text, line, _, kind) = message("if x:\npass\n");
        assert_eq!(
            text,
            "expected an indented block after 'if' statement on line 1"
        );
        assert_eq!(line, 2);
        assert_eq!(kind, SyntaxErrorKind::Indentation);
        assert_eq!(message("  x = 1\n").0, "unexpected indent");
        assert_eq!(
            message("x = 'abc\n").0,
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(message("f(1, 2\n").0, "'(' was never closed");
        assert_eq!(message("f(1, 2\n").2, 2);
        assert_eq!(
            message("x = [1, 2 3]\n").0,
            "invalid syntax. Perhaps you forgot a comma?"
        );
        assert_eq!(message("x = [1, 2 3]\n").2, 9);
        assert_eq!(
            message("1 = x\n").0,
            "cannot assign to literal here. Maybe you meant '==' instead of '='?"
        );
        assert_eq!(message("for 1 in x: pass\n").0, "cannot assign to literal");
        assert_eq!(message("del f()\n").0, "cannot delete function call");
        assert_eq!(
            message("f(1]\n").0,
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(message("x)\n").0, "unmatched ')'");
        assert_eq!(
            message("print 'hi'\n").0,
            "Missing parentheses in call to 'print'. Did you mean print(...)?"
        );
        assert_eq!(message("def f(:\n").0, "'(' was never closed");
        assert_eq!(message("x = $\n").0, "invalid syntax");
        assert_eq!(message("type X = int\n").0, "invalid syntax");
    }
}
