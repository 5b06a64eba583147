//! Parsing with CPython's error messages.
//!
//! `ruff_python_parser` recovers from errors and words them its own way ("Expected `:`, found
//! newline"). Python programs (and the test corpus) observe the exact `SyntaxError` message and
//! position, so the first parse error is translated here into what CPython 3.11 reports for the
//! same mistake. The translation looks at the error kind, the surrounding tokens and the source
//! text; cases CPython words in ways that need its full grammar fall back to `invalid syntax`.

use ruff_python_ast::token::{Token, TokenKind, Tokens};
use ruff_python_ast::{Expr, ModModule, PythonVersion};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, Mode, ParseError, ParseErrorType, ParseOptions,
    Parsed, UnsupportedSyntaxError, UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange};

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
        return Err(translate_unsupported(
            error,
            parsed.tokens(),
            &index,
            filename,
        ));
    }
    match parsed.try_into_module() {
        Some(module) => Ok(module),
        None => Err(index.error(SyntaxErrorKind::Syntax, filename, 0, "invalid syntax")),
    }
}

/// Syntax newer than Python 3.11, as CPython 3.11 rejects it.
fn translate_unsupported(
    error: &UnsupportedSyntaxError,
    tokens: &Tokens,
    index: &LineIndex,
    filename: &str,
) -> SyntaxError {
    let start = error.range.start().to_u32();
    let end = error.range.end().to_u32();
    let ranged =
        |message: &str| index.error_range(SyntaxErrorKind::Syntax, filename, start, end, message);
    // The detail enums are private to the parser crate; their `Debug` names identify them.
    let detail = format!("{:?}", error.kind);
    match error.kind {
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_)
            if detail.contains("DictInDict") =>
        {
            ranged("dict unpacking cannot be used in dict comprehension")
        }
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) => {
            ranged("iterable unpacking cannot be used in comprehension")
        }
        UnsupportedSyntaxErrorKind::Pep701FString(_) => {
            let offset =
                enclosing_fstring(tokens, start).map_or(start, |range| range.end().to_u32());
            let message = if detail.contains("Backslash") {
                "f-string expression part cannot include a backslash"
            } else if detail.contains("Comment") {
                "f-string expression part cannot include '#'"
            } else {
                "f-string: expecting '}'"
            };
            index.error(SyntaxErrorKind::Syntax, filename, offset, message)
        }
        _ => {
            // CPython underlines the first token it could not parse.
            let token_end = tokens_after(tokens, error.range.start().to_u32())
                .first()
                .map_or(end, |token| token.end().to_u32());
            index.error_range(
                SyntaxErrorKind::Syntax,
                filename,
                start,
                token_end,
                "invalid syntax",
            )
        }
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
    let at_end_of_file = matches!(error.error, ParseErrorType::Lexical(LexicalErrorType::Eof));
    let from_parser = !matches!(error.error, ParseErrorType::Lexical(_));
    if at_end_of_file || from_parser {
        if let Some(unclosed) = unclosed_bracket(tokens, index, filename) {
            // CPython prefers the unclosed bracket when the parser ran out of input, or when it
            // had read past the bracket's line when it failed.
            let reached = index.line_of(error.location.end().to_u32());
            if at_end_of_file || reached > unclosed.line {
                return unclosed;
            }
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
    let end = error.location.end().to_u32();
    let source = index.source();
    let point = |offset: u32, message: String| {
        index.error(SyntaxErrorKind::Syntax, filename, offset, message)
    };
    let ranged = |from: u32, to: u32, message: String| {
        index.error_range(SyntaxErrorKind::Syntax, filename, from, to, message)
    };
    // The error's own range (CPython underlines the offending token or expression).
    let underlined = |message: String| ranged(start, end, message);
    // The first token of the error's range (CPython's generic errors point at one token).
    let first_token_end = tokens_after(tokens, error.location.start().to_u32())
        .first()
        .map_or(end, |token| token.end().to_u32().min(end.max(start + 1)));
    let generic = |message: String| ranged(start, first_token_end, message);
    let target_name = || expression_name_at(source, error.location);
    // Errors inside an f-string replacement field are reported by CPython 3.11's f-string
    // parser, at the end of the string.
    if let Some(fstring) = enclosing_fstring(tokens, start) {
        let fstring_error = match &error.error {
            ParseErrorType::FStringError(fstring_error)
            | ParseErrorType::Lexical(LexicalErrorType::FStringError(fstring_error)) => {
                Some(fstring_message(fstring_error))
            }
            ParseErrorType::ExpectedExpression
                if matches!(previous_token(tokens, start), Some((TokenKind::Lbrace, _)))
                    && slice(source, error.location).starts_with(['}', '!', ':', '=']) =>
            {
                Some("f-string: empty expression not allowed".to_string())
            }
            ParseErrorType::ExpectedExpression
            | ParseErrorType::ExpectedToken {
                expected: TokenKind::Rbrace,
                ..
            } => Some("f-string: expecting '}'".to_string()),
            _ => None,
        };
        if let Some(message) = fstring_error {
            return point(fstring.end().to_u32(), message);
        }
    }
    match &error.error {
        ParseErrorType::Lexical(lexical) => {
            translate_lexical(lexical, error, tokens, index, filename)
        }
        ParseErrorType::UnexpectedIndentation => index.error_without_caret(
            SyntaxErrorKind::Indentation,
            filename,
            start,
            "unexpected indent",
        ),
        ParseErrorType::OtherError(message)
            if message.starts_with("Expected an indented block") =>
        {
            let (clause, keyword) = indented_block_clause(message);
            let line = keyword_line(tokens, index, start, keyword);
            index.error(
                SyntaxErrorKind::Indentation,
                filename,
                start,
                format!("expected an indented block after {clause} on line {line}"),
            )
        }
        ParseErrorType::OtherError(message)
            if message.starts_with("Expected `except` or `finally`") =>
        {
            let offset =
                previous_token(tokens, start).map_or(start, |(_, range)| range.start().to_u32());
            index.error_without_caret(
                SyntaxErrorKind::Syntax,
                filename,
                offset,
                "expected 'except' or 'finally' block",
            )
        }
        ParseErrorType::ExpectedToken { expected, found } => {
            expected_token(*expected, *found, error, tokens, index, filename)
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            match previous_token(tokens, start) {
                Some((TokenKind::Name, range)) => {
                    let name = slice(source, range);
                    if name == "print" || name == "exec" {
                        return ranged(
                        range.start().to_u32(),
                        end,
                        format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                    );
                    }
                    number_literal_error(source, tokens, start, index, filename)
                        .unwrap_or_else(|| generic("invalid syntax".into()))
                }
                _ => number_literal_error(source, tokens, start, index, filename)
                    .unwrap_or_else(|| generic("invalid syntax".into())),
            }
        }
        ParseErrorType::InvalidAssignmentTarget => {
            let name = target_name();
            if name == "yield expression" {
                return underlined("assignment to yield expression not possible".into());
            }
            let starts_statement = previous_token_skipping(tokens, start, TokenKind::Lpar)
                .is_none_or(|kind| {
                    matches!(
                        kind,
                        TokenKind::Newline
                            | TokenKind::Indent
                            | TokenKind::Dedent
                            | TokenKind::Semi
                    )
                });
            let followed_by_equal = next_token_kind(tokens, end) == Some(TokenKind::Equal);
            let plain = !matches!(
                name,
                "tuple" | "list" | "True" | "False" | "None" | "starred"
            ) && is_bitwise_or_level(source, error.location);
            if starts_statement && followed_by_equal && plain {
                underlined(format!(
                    "cannot assign to {name} here. Maybe you meant '==' instead of '='?"
                ))
            } else {
                underlined(format!("cannot assign to {name}"))
            }
        }
        ParseErrorType::InvalidNamedAssignmentTarget => underlined(format!(
            "cannot use assignment expressions with {}",
            target_name()
        )),
        ParseErrorType::InvalidAugmentedAssignmentTarget => underlined(format!(
            "'{}' is an illegal expression for augmented assignment",
            target_name()
        )),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            let message = match target_name() {
                "tuple" => "only single target (not tuple) can be annotated".to_string(),
                "list" => "only single target (not list) can be annotated".to_string(),
                _ => "illegal target for annotation".to_string(),
            };
            underlined(message)
        }
        ParseErrorType::InvalidDeleteTarget => {
            underlined(format!("cannot delete {}", target_name()))
        }
        ParseErrorType::PositionalAfterKeywordArgument => point(
            next_token_start(tokens, end),
            "positional argument follows keyword argument".into(),
        ),
        ParseErrorType::PositionalAfterKeywordUnpacking => point(
            next_token_start(tokens, end),
            "positional argument follows keyword argument unpacking".into(),
        ),
        ParseErrorType::InvalidArgumentUnpackingOrder => point(
            start,
            "iterable argument unpacking follows keyword argument unpacking".into(),
        ),
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            underlined("non-default argument follows default argument".into())
        }
        ParseErrorType::ParamAfterVarKeywordParam => {
            underlined("arguments cannot follow var-keyword argument".into())
        }
        ParseErrorType::VarParameterWithDefault => {
            underlined("var-positional argument cannot have default value".into())
        }
        ParseErrorType::ExpectedKeywordParam => {
            underlined("named arguments must follow bare *".into())
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            // In class bases the grammar has no generator rule: CPython stops at `for`.
            let in_class_bases = {
                let before = tokens_before(tokens, start);
                let kinds: Vec<TokenKind> = before
                    .iter()
                    .rev()
                    .take(3)
                    .map(|token| token.kind())
                    .collect();
                kinds == [TokenKind::Lpar, TokenKind::Name, TokenKind::Class]
            };
            match tokens_after(tokens, start)
                .iter()
                .find(|token| token.kind() == TokenKind::For)
            {
                Some(for_token) if in_class_bases => ranged(
                    for_token.start().to_u32(),
                    for_token.end().to_u32(),
                    "invalid syntax".into(),
                ),
                _ => underlined("Generator expression must be parenthesized".into()),
            }
        }
        ParseErrorType::IterableUnpackingInComprehension => {
            underlined("iterable unpacking cannot be used in comprehension".into())
        }
        ParseErrorType::InvalidStarredExpressionUsage => {
            underlined("cannot use starred expression here".into())
        }
        ParseErrorType::FStringError(fstring) => point(start, fstring_message(fstring)),
        _ => generic("invalid syntax".into()),
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
                // The line where the lexer reached the end of the file.
                let mut last_line = index.line_count();
                if source.ends_with('\n') || source.ends_with('\r') {
                    last_line = last_line.saturating_sub(1).max(1);
                }
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
        LexicalErrorType::IndentationError => {
            // CPython points just past the end of the badly indented line.
            let line = index.line_of(start);
            let mut error = index.error(
                SyntaxErrorKind::Indentation,
                filename,
                start,
                "unindent does not match any outer indentation level",
            );
            error.column = index.line_text(line).trim_end().chars().count() as u32 + 1;
            error
        }
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
        LexicalErrorType::Eof => syntax(start, "unexpected EOF while parsing".into()),
        LexicalErrorType::FStringError(fstring) => syntax(start, fstring_message(fstring)),
        LexicalErrorType::InvalidByteLiteral => {
            // CPython underlines the whole literal.
            let literal = tokens
                .iter()
                .find(|token| token.start().to_u32() <= start && start < token.end().to_u32())
                .map_or(error.location, |token| token.range());
            index.error_range(
                SyntaxErrorKind::Syntax,
                filename,
                literal.start().to_u32(),
                literal.end().to_u32(),
                "bytes can only contain ASCII literal characters",
            )
        }
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
    let end = error.location.end().to_u32();
    let point = |offset: u32, message: &str| {
        index.error(SyntaxErrorKind::Syntax, filename, offset, message)
    };
    let ranged = |from: u32, to: u32, message: &str| {
        index.error_range(SyntaxErrorKind::Syntax, filename, from, to, message)
    };
    match expected {
        TokenKind::Colon
            if innermost_open_bracket(tokens, start) == Some(TokenKind::Lbrace)
                && matches!(found, TokenKind::Comma | TokenKind::Rbrace) =>
        {
            let key =
                previous_token(tokens, start).map_or(start, |(_, range)| range.start().to_u32());
            point(key, "':' expected after dictionary key")
        }
        TokenKind::Colon if found == TokenKind::Equal => {
            // `if x = 1:` — CPython suggests `==` or `:=`, underlining `x = 1`.
            let target = previous_token(tokens, start).map_or(start, |(_, range)| {
                expression_start_before(tokens, range.start().to_u32())
            });
            let value_end = tokens_after(tokens, end)
                .first()
                .map_or(end, |token| token.end().to_u32());
            ranged(
                target,
                value_end,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            )
        }
        TokenKind::Colon => point(start, "expected ':'"),
        TokenKind::Else => {
            // `a if b` without `else`: CPython underlines `a if b`.
            let if_token = tokens_before(tokens, start)
                .iter()
                .rev()
                .find(|token| token.kind() == TokenKind::If)
                .map(|token| token.start().to_u32());
            match if_token.and_then(|if_start| previous_token(tokens, if_start)) {
                Some((_, body_end)) => {
                    let body_start = expression_start_before(tokens, body_end.start().to_u32());
                    ranged(body_start, start, "expected 'else' after 'if' expression")
                }
                None => point(start, "expected 'else' after 'if' expression"),
            }
        }
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
                    ranged(first, end, "invalid syntax. Perhaps you forgot a comma?")
                }
                _ => ranged(start, end, "invalid syntax"),
            }
        }
        _ => ranged(start, end, "invalid syntax"),
    }
}

/// The innermost bracket open at `offset`.
fn innermost_open_bracket(tokens: &Tokens, offset: u32) -> Option<TokenKind> {
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
fn enclosing_fstring(tokens: &Tokens, offset: u32) -> Option<TextRange> {
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
fn previous_token(tokens: &Tokens, offset: u32) -> Option<(TokenKind, TextRange)> {
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
fn tokens_before(tokens: &Tokens, offset: u32) -> &[Token] {
    let all: &[Token] = tokens;
    let split = all
        .partition_point(|token| token.end().to_u32() <= offset && token.start().to_u32() < offset);
    &all[..split]
}

/// The tokens that start at or after `offset` (`Tokens::after` panics inside a token).
fn tokens_after(tokens: &Tokens, offset: u32) -> &[Token] {
    let all: &[Token] = tokens;
    let split = all.partition_point(|token| token.start().to_u32() < offset);
    &all[split..]
}

/// The kind of the last significant token before `offset`, skipping `skip` tokens.
fn previous_token_skipping(tokens: &Tokens, offset: u32, skip: TokenKind) -> Option<TokenKind> {
    tokens_before(tokens, offset)
        .iter()
        .rev()
        .map(|token| token.kind())
        .find(|kind| {
            !matches!(kind, TokenKind::Comment | TokenKind::NonLogicalNewline) && *kind != skip
        })
}

/// The start of the first token at or after `offset` (or `offset` itself at the end).
fn next_token_start(tokens: &Tokens, offset: u32) -> u32 {
    tokens_after(tokens, offset)
        .first()
        .map_or(offset, |token| token.start().to_u32())
}

/// The kind of the first significant token at or after `offset`.
fn next_token_kind(tokens: &Tokens, offset: u32) -> Option<TokenKind> {
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
    if let Ok(parsed) = ruff_python_parser::parse_expression(text) {
        return expression_name(parsed.expr());
    }
    if text.trim_start().starts_with('*') {
        return "starred";
    }
    // A bare `yield` only parses inside parentheses.
    match ruff_python_parser::parse_expression(&format!("({text})")) {
        Ok(parsed) => expression_name(parsed.expr()),
        Err(_) => "expression",
    }
}

/// Whether the expression in `range` binds at least as tightly as `|` (CPython's `bitwise_or`
/// rule, where `a = b` is taken for a mistaken comparison).
fn is_bitwise_or_level(source: &str, range: TextRange) -> bool {
    match ruff_python_parser::parse_expression(slice(source, range)) {
        Ok(parsed) => !matches!(
            parsed.expr(),
            Expr::Compare(_)
                | Expr::BoolOp(_)
                | Expr::Lambda(_)
                | Expr::If(_)
                | Expr::Named(_)
                | Expr::UnaryOp(ruff_python_ast::ExprUnaryOp {
                    op: ruff_python_ast::UnaryOp::Not,
                    ..
                })
        ),
        Err(_) => true,
    }
}

/// CPython's tokenizer errors for malformed numbers (`1__0`, `0b12`, `1e`), which ruff reports
/// as two statements on one line.
fn number_literal_error(
    source: &str,
    tokens: &Tokens,
    offset: u32,
    index: &LineIndex,
    filename: &str,
) -> Option<SyntaxError> {
    let (kind, range) = previous_token(tokens, offset)?;
    if !matches!(kind, TokenKind::Int | TokenKind::Float) || range.end().to_u32() != offset {
        return None;
    }
    let number = slice(source, range);
    let next = source.get(offset as usize..)?.chars().next()?;
    let lower = number.to_ascii_lowercase();
    let (message, at) = if let Some(base) = ["0b", "0o"]
        .iter()
        .find(|prefix| lower.starts_with(**prefix))
    {
        if !next.is_ascii_digit() {
            return None;
        }
        let name = if *base == "0b" { "binary" } else { "octal" };
        (format!("invalid digit '{next}' in {name} literal"), offset)
    } else if next == '_' || next.is_ascii_alphabetic() {
        let at = if next == '_' {
            offset
        } else {
            range.start().to_u32()
        };
        ("invalid decimal literal".to_string(), at)
    } else {
        return None;
    };
    Some(index.error(SyntaxErrorKind::Syntax, filename, at, message))
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
}
