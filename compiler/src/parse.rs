//! Parsing with CPython's error messages.
//!
//! `ruff_python_parser` recovers from errors and words them its own way ("Expected `:`, found
//! newline"). Python programs (and the test corpus) observe the exact `SyntaxError` message and
//! position, so the first parse error is translated here into what CPython 3.11 reports for the
//! same mistake. The translation looks at the error kind, the surrounding tokens and the source
//! text; cases CPython words in ways that need its full grammar fall back to `invalid syntax`.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::{AtomicNodeIndex, Mod, ModModule, PythonVersion, Stmt, StmtExpr};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, Mode, ParseError, ParseErrorType, ParseOptions,
    Parsed, UnsupportedSyntaxError, UnsupportedSyntaxErrorKind,
};
use ruff_text_size::Ranged;

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::LineIndex;

mod describe;
mod limits;
mod tabs;
mod tokens;

pub(crate) use describe::expression_name;
use describe::{
    expression_name_at, indented_block_clause, is_bitwise_or_level, number_literal_error,
};
use tokens::{
    enclosing_fstring, ends_expression, expression_start_before, innermost_open_bracket,
    keyword_line, mismatched_bracket, next_token_kind, next_token_start, previous_token,
    previous_token_skipping, slice, starts_expression, tokens_after, tokens_before,
    unclosed_bracket,
};

/// Parses a module for Python 3.11, or returns the first syntax error as CPython words it.
///
/// The tree of a pathological source can be deep enough that dropping it needs a large stack;
/// callers outside this crate should drop it under the same precaution as
/// [`crate::compile_module`] (or use the compile and dump functions, which do).
pub fn parse_module(source: &str, filename: &str) -> Result<Parsed<ModModule>, SyntaxError> {
    crate::stack::with_room_for(source.len(), || parse_source(source, filename))
}

/// Parses `source` in a `compile()` mode only to find its first syntax error. The tree is
/// dropped here, under the same stack precaution as it was built (dropping the tree of a
/// deeply nested source recurses as deep as the nesting: the caller's stack may not do).
pub fn check(source: &str, filename: &str, mode: crate::codegen::Mode) -> Result<(), SyntaxError> {
    crate::stack::with_room_for(source.len(), || match mode {
        crate::codegen::Mode::Eval => parse_expression(source, filename).map(drop),
        crate::codegen::Mode::Exec | crate::codegen::Mode::Single => {
            parse_module(source, filename).map(drop)
        }
    })
}

/// Parses the source of `eval()` (an expression) as a module whose only statement is that
/// expression, or returns the first syntax error as CPython words it.
pub fn parse_expression(source: &str, filename: &str) -> Result<ModModule, SyntaxError> {
    crate::stack::with_room_for(source.len(), || {
        let parsed = parse_checked(source, filename, Mode::Expression)?;
        match parsed.into_syntax() {
            Mod::Expression(expression) => {
                let statement = Stmt::Expr(StmtExpr {
                    node_index: AtomicNodeIndex::NONE,
                    range: expression.body.range(),
                    value: expression.body,
                });
                Ok(ModModule {
                    node_index: AtomicNodeIndex::NONE,
                    range: expression.range,
                    body: vec![statement].into(),
                })
            }
            Mod::Module(module) => Ok(module),
        }
    })
}

fn parse_source(source: &str, filename: &str) -> Result<Parsed<ModModule>, SyntaxError> {
    let parsed = parse_checked(source, filename, Mode::Module)?;
    match parsed.try_into_module() {
        Some(module) => Ok(module),
        None => {
            let index = LineIndex::new(source);
            Err(index.error(SyntaxErrorKind::Syntax, filename, 0, "invalid syntax"))
        }
    }
}

/// CPython's error for a source with a null byte: on the null byte's line, which it shows up
/// to the null byte, with no caret.
fn null_byte_error(source: &str, filename: &str, offset: usize) -> SyntaxError {
    let index = LineIndex::new(source);
    let mut error = index.error_without_caret(
        SyntaxErrorKind::Syntax,
        filename,
        offset as u32,
        "source code cannot contain null bytes",
    );
    if let Some(before) = error.source_line.split('\0').next() {
        error.source_line = before.to_string();
    }
    error
}

/// Parses in `mode`, translating the first error.
fn parse_checked(source: &str, filename: &str, mode: Mode) -> Result<Parsed<Mod>, SyntaxError> {
    if let Some(offset) = source.find('\0') {
        return Err(null_byte_error(source, filename, offset));
    }
    let options = ParseOptions::from(mode).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let index = LineIndex::new(source);
    let tab_error = tabs::first_inconsistent_line(source, parsed.tokens());
    let limit = limits::check(parsed.tokens(), &index, filename);
    // Of the tokenizer's errors (inconsistent tabs, nesting limits), the earlier one.
    let tokenizer_error = match (tab_error, limit) {
        (Some(tab), Some((offset, _))) if tab <= offset => {
            Some((tab, tab_error_at(&index, filename, tab)))
        }
        (Some(tab), None) => Some((tab, tab_error_at(&index, filename, tab))),
        (_, limit) => limit,
    };
    if let Some(error) = parsed.errors().first() {
        let translated = translate(error, parsed.tokens(), &index, filename);
        // The tokenizer meets its error first when it comes no later than the parse error
        // (CPython's parser reads tokens as it goes).
        return Err(match tokenizer_error {
            Some((offset, early))
                if tab_error == Some(offset) && index.line_of(offset) <= translated.line =>
            {
                early
            }
            Some((offset, early))
                if tab_error != Some(offset) && offset < error.location.start().to_u32() =>
            {
                early
            }
            _ => translated,
        });
    }
    if let Some((_, early)) = tokenizer_error {
        return Err(early);
    }
    if let Some(error) = parsed.unsupported_syntax_errors().first() {
        return Err(translate_unsupported(
            error,
            parsed.tokens(),
            &index,
            filename,
        ));
    }
    Ok(parsed)
}

/// `TabError` for the line starting at `offset`; CPython shows no caret for it.
fn tab_error_at(index: &LineIndex, filename: &str, offset: u32) -> SyntaxError {
    let mut error = index.error(
        SyntaxErrorKind::Tab,
        filename,
        offset,
        "inconsistent use of tabs and spaces in indentation",
    );
    error.column = 0;
    error
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
            if message == "Cannot have both 'except' and 'except*' on the same 'try'" =>
        {
            // CPython underlines the `except*` keyword.
            ranged(
                start,
                (start + "except*".len() as u32).min(end),
                "cannot have both 'except' and 'except*' on the same 'try'".to_string(),
            )
        }
        ParseErrorType::OtherError(message)
            if message == "Expected one or more exception types" =>
        {
            generic("expected one or more exception types".to_string())
        }
        ParseErrorType::ExpectedImaginaryNumber => {
            underlined("imaginary number required in complex literal".to_string())
        }
        // `name + 1j` is no complex literal to CPython's grammar: the `+` is unexpected.
        ParseErrorType::ExpectedRealNumber => ranged(end, end + 1, "invalid syntax".to_string()),
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

#[cfg(test)]
mod tests;
