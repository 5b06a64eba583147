//! Readable dumps of the first compilation stages: tokens (`--emit-tokens`) and the AST
//! (`--emit-ast`).
//!
//! The AST dump is derived from the parser's own `Debug` output rather than a hand-written
//! printer for every node type: the `Debug` text is parsed back into a small tree, cleaned of
//! what only matters to the parser (byte ranges, node indices, quote flags, enum wrappers), and
//! printed in the style of Python's `ast.dump(tree, indent=2)`. That way every node kind —
//! including ones krait does not compile yet — is shown, and nothing needs updating when the
//! parser adds fields.

use std::fmt::Write;

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use crate::disassemble::{bytes_repr, string_repr};
use crate::error::SyntaxError;
use crate::parse::parse_module;
use crate::source::LineIndex;

/// One line per token: `LINE:COL-LINE:COL  KIND  'text'` (1-based lines, 0-based byte
/// columns, as Python's `tokenize`).
pub fn tokens(source: &str) -> Result<String, SyntaxError> {
    crate::stack::with_room_for(source.len(), || dump_tokens(source))
}

fn dump_tokens(source: &str) -> Result<String, SyntaxError> {
    let parsed = parse_module(source, "<tokens>")?;
    let index = LineIndex::new(source);
    let mut out = String::new();
    for token in parsed.tokens().iter() {
        let range = token.range();
        let (line, column) = index.position(range.start().to_u32());
        let (end_line, end_column) = index.position(range.end().to_u32());
        let text = source
            .get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or("");
        let _ = writeln!(
            out,
            "{line}:{column}-{end_line}:{end_column}  {}  {}",
            kind_name(token.kind()),
            string_repr(text)
        );
    }
    Ok(out)
}

/// `Lpar` → `LPAR`, `FStringStart` → `FSTRING_START`.
fn kind_name(kind: TokenKind) -> String {
    let debug = format!("{kind:?}");
    let mut out = String::with_capacity(debug.len() + 4);
    let characters: Vec<char> = debug.chars().collect();
    for (position, &character) in characters.iter().enumerate() {
        let next_is_lower = characters
            .get(position + 1)
            .is_some_and(|next| next.is_ascii_lowercase());
        if character.is_ascii_uppercase()
            && position > 0
            && next_is_lower
            && !(position == 1 && characters[0] == 'F')
        {
            out.push('_');
        }
        out.push(character.to_ascii_uppercase());
    }
    out
}

/// Sizes of the first compilation stages, for `krait explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxCounts {
    /// Tokens, as `--emit-tokens` lists them.
    pub tokens: usize,
    /// Syntax tree nodes: statements and expressions (the nodes `ast.walk` would count,
    /// leaving out contexts, operators, arguments and other auxiliary nodes).
    pub nodes: usize,
}

/// Counts the tokens and syntax tree nodes of `source`.
pub fn counts(source: &str) -> Result<SyntaxCounts, SyntaxError> {
    crate::stack::with_room_for(source.len(), || {
        let parsed = parse_module(source, "<counts>")?;
        let mut counter = NestingDepth::default();
        for statement in parsed.syntax().body.iter() {
            counter.visit_stmt(statement);
        }
        Ok(SyntaxCounts {
            tokens: parsed.tokens().iter().count(),
            nodes: counter.nodes,
        })
    })
}

/// The AST as an indented tree in the spirit of `ast.dump(tree, indent=2)`.
pub fn ast(source: &str) -> Result<String, SyntaxError> {
    crate::stack::with_room_for(source.len(), || dump_ast(source))
}

fn dump_ast(source: &str) -> Result<String, SyntaxError> {
    let parsed = parse_module(source, "<ast>")?;
    let mut depth = NestingDepth::default();
    for statement in parsed.syntax().body.iter() {
        depth.visit_stmt(statement);
    }
    if depth.deepest > MAX_DUMP_DEPTH {
        let index = LineIndex::new(source);
        return Err(index.error(
            crate::error::SyntaxErrorKind::Syntax,
            "<ast>",
            0,
            format!("too deeply nested to dump ({} levels)", depth.deepest),
        ));
    }
    let debug = format!("{:?}", parsed.syntax());
    let mut parser = DebugParser {
        text: debug.as_bytes(),
        position: 0,
    };
    let tree = parser
        .value()
        .map(simplify)
        .unwrap_or(Value::Atom(debug.clone()));
    let mut out = String::new();
    render(&tree, 0, &mut out);
    out.push('\n');
    Ok(out)
}

/// Trees deeper than this are not dumped: the dump would be quadratic in size (indentation) and
/// formatting it recursive.
const MAX_DUMP_DEPTH: usize = 1000;

/// Measures how deeply statements and expressions nest, and counts them.
#[derive(Default)]
struct NestingDepth {
    current: usize,
    deepest: usize,
    /// Statements and expressions visited (those within the depth limit).
    nodes: usize,
}

impl<'a> Visitor<'a> for NestingDepth {
    fn visit_stmt(&mut self, statement: &'a Stmt) {
        self.nodes += 1;
        self.current += 1;
        self.deepest = self.deepest.max(self.current);
        if self.current <= MAX_DUMP_DEPTH {
            crate::stack::grow(|| walk_stmt(self, statement));
        }
        self.current -= 1;
    }

    fn visit_expr(&mut self, expression: &'a Expr) {
        self.nodes += 1;
        self.current += 1;
        self.deepest = self.deepest.max(self.current);
        if self.current <= MAX_DUMP_DEPTH {
            crate::stack::grow(|| walk_expr(self, expression));
        }
        self.current -= 1;
    }
}

/// A value in Rust's `Debug` notation.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    /// `Name { field: value, … }`.
    Struct(String, Vec<(String, Value)>),
    /// `Name(value, …)`, or a unit `Name` with no values.
    Tuple(String, Vec<Value>),
    /// `[value, …]`.
    List(Vec<Value>),
    /// A string literal (already unescaped).
    Text(String),
    /// A number, range, or anything else printed verbatim.
    Atom(String),
}

/// A recursive-descent parser of `{:?}` output.
struct DebugParser<'a> {
    text: &'a [u8],
    position: usize,
}

impl DebugParser<'_> {
    fn skip_spaces(&mut self) {
        while self
            .text
            .get(self.position)
            .is_some_and(|byte| byte.is_ascii_whitespace())
        {
            self.position += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_spaces();
        self.text.get(self.position).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    fn word(&mut self) -> String {
        self.skip_spaces();
        let start = self.position;
        while self.text.get(self.position).is_some_and(|&byte| {
            byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'.' | b'-' | b'+')
        }) {
            self.position += 1;
        }
        String::from_utf8_lossy(&self.text[start..self.position]).into_owned()
    }

    fn value(&mut self) -> Option<Value> {
        crate::stack::grow(|| self.value_inner())
    }

    fn value_inner(&mut self) -> Option<Value> {
        match self.peek()? {
            b'"' | b'\'' => self.quoted().map(Value::Text),
            b'[' => {
                self.position += 1;
                let items = self.sequence(b']')?;
                Some(Value::List(items))
            }
            _ => {
                let word = self.word();
                if word.is_empty() {
                    return None;
                }
                if self.eat(b'{') {
                    let mut fields = Vec::new();
                    loop {
                        if self.eat(b'}') {
                            break;
                        }
                        let name = self.word();
                        if name.is_empty() || !self.eat(b':') {
                            return None;
                        }
                        let value = self.value()?;
                        fields.push((name, value));
                        self.eat(b',');
                    }
                    Some(Value::Struct(word, fields))
                } else if self.eat(b'(') {
                    let items = self.sequence(b')')?;
                    Some(Value::Tuple(word, items))
                } else if word.starts_with(|character: char| character.is_ascii_uppercase()) {
                    Some(Value::Tuple(word, Vec::new()))
                } else {
                    Some(Value::Atom(word))
                }
            }
        }
    }

    fn sequence(&mut self, close: u8) -> Option<Vec<Value>> {
        let mut items = Vec::new();
        loop {
            if self.eat(close) {
                return Some(items);
            }
            items.push(self.value()?);
            self.eat(b',');
        }
    }

    /// A `"…"` or `'…'` literal with Rust escapes.
    fn quoted(&mut self) -> Option<String> {
        let quote = *self.text.get(self.position)?;
        self.position += 1;
        let mut bytes = Vec::new();
        loop {
            let byte = *self.text.get(self.position)?;
            self.position += 1;
            if byte == quote {
                break;
            }
            if byte != b'\\' {
                bytes.push(byte);
                continue;
            }
            let escaped = *self.text.get(self.position)?;
            self.position += 1;
            match escaped {
                b'n' => bytes.push(b'\n'),
                b't' => bytes.push(b'\t'),
                b'r' => bytes.push(b'\r'),
                b'0' => bytes.push(0),
                b'u' => {
                    // \u{XXXX}
                    let start = self.position + 1;
                    let end = start
                        + self
                            .text
                            .get(start..)?
                            .iter()
                            .position(|&byte| byte == b'}')?;
                    let hex = std::str::from_utf8(&self.text[start..end]).ok()?;
                    let character = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                    let mut buffer = [0; 4];
                    bytes.extend_from_slice(character.encode_utf8(&mut buffer).as_bytes());
                    self.position = end + 1;
                }
                other => bytes.push(other),
            }
        }
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Fields that only matter to the parser.
const NOISE_FIELDS: [&str; 4] = ["node_index", "range", "flags", "range_start"];

/// Removes parser details and wrappers, leaving the Python-level structure.
fn simplify(value: Value) -> Value {
    crate::stack::grow(|| simplify_inner(value))
}

fn simplify_inner(value: Value) -> Value {
    match value {
        Value::Struct(name, fields) => {
            let mut kept: Vec<(String, Value)> = fields
                .into_iter()
                .filter(|(field, _)| !NOISE_FIELDS.contains(&field.as_str()))
                .map(|(field, value)| (field, simplify(value)))
                .filter(|(_, value)| !is_empty(value))
                .collect();
            match name.as_str() {
                "Identifier" => kept
                    .into_iter()
                    .find(|(field, _)| field == "id")
                    .map_or(Value::Atom(String::new()), |(_, value)| value),
                "StringLiteralValue" | "BytesLiteralValue" | "FStringValue" | "TStringValue"
                    if kept.len() == 1 =>
                {
                    kept.remove(0).1
                }
                "ConcatenatedStringLiteral" => kept
                    .into_iter()
                    .find(|(field, _)| field == "value")
                    .map_or(Value::Atom(String::new()), |(_, value)| value),
                "StringLiteral" => match kept.as_slice() {
                    [(_, text @ Value::Text(_))] => text.clone(),
                    _ => Value::Struct(name, kept),
                },
                "BytesLiteral" => match kept.as_slice() {
                    [(_, Value::List(items))] => {
                        let bytes: Vec<u8> = items
                            .iter()
                            .filter_map(|item| match item {
                                Value::Atom(number) => number.parse().ok(),
                                _ => None,
                            })
                            .collect();
                        Value::Atom(bytes_repr(&bytes))
                    }
                    _ => Value::Struct(name, kept),
                },
                "ModModule" => Value::Struct("Module".to_string(), kept),
                _ => Value::Struct(name, kept),
            }
        }
        Value::Tuple(name, items) => {
            let mut items: Vec<Value> = items.into_iter().map(simplify).collect();
            match (name.as_str(), items.len()) {
                ("Some" | "Single" | "Box" | "Int" | "Float", 1) => items.remove(0),
                ("Name", 1) if matches!(items[0], Value::Text(_)) => items.remove(0),
                ("Concatenated", 1) => items.remove(0),
                (_, 1) => match items.remove(0) {
                    // An enum variant wrapping its node struct: `Assign(StmtAssign {…})`.
                    Value::Struct(_, fields) => Value::Struct(name, fields),
                    other => Value::Tuple(name, vec![other]),
                },
                _ => Value::Tuple(name, items),
            }
        }
        Value::List(items) => Value::List(items.into_iter().map(simplify).collect()),
        other => other,
    }
}

/// Whether a field's value carries no information (`None`, `false`, `[]`).
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Tuple(name, items) => name == "None" && items.is_empty(),
        Value::Atom(atom) => atom == "false",
        Value::List(items) => items.is_empty(),
        _ => false,
    }
}

/// The one-line form of a value, if it is short and flat enough.
fn inline(value: &Value) -> Option<String> {
    crate::stack::grow(|| inline_inner(value))
}

fn inline_inner(value: &Value) -> Option<String> {
    let text = match value {
        Value::Text(text) => string_repr(text),
        Value::Atom(atom) => atom.clone(),
        Value::Tuple(name, items) if items.is_empty() => name.clone(),
        Value::Tuple(name, items) => {
            let parts: Option<Vec<String>> = items.iter().map(inline).collect();
            format!("{name}({})", parts?.join(", "))
        }
        Value::Struct(name, fields) => {
            let parts: Option<Vec<String>> = fields
                .iter()
                .map(|(field, value)| inline(value).map(|value| format!("{field}={value}")))
                .collect();
            format!("{name}({})", parts?.join(", "))
        }
        Value::List(items) => {
            let parts: Option<Vec<String>> = items.iter().map(inline).collect();
            format!("[{}]", parts?.join(", "))
        }
    };
    (text.len() <= 60).then_some(text)
}

/// Prints a value at `indent` (in units of two spaces), the first line unindented.
fn render(value: &Value, indent: usize, out: &mut String) {
    crate::stack::grow(|| render_inner(value, indent, out));
}

fn render_inner(value: &Value, indent: usize, out: &mut String) {
    if let Some(text) = inline(value) {
        out.push_str(&text);
        return;
    }
    let pad = "  ".repeat(indent + 1);
    let close = "  ".repeat(indent);
    match value {
        Value::Struct(name, fields) => {
            let _ = write!(out, "{name}(");
            for (position, (field, value)) in fields.iter().enumerate() {
                let _ = write!(out, "\n{pad}{field}=");
                render(value, indent + 1, out);
                if position + 1 < fields.len() {
                    out.push(',');
                }
            }
            out.push(')');
        }
        Value::Tuple(name, items) => {
            let _ = write!(out, "{name}(");
            for (position, item) in items.iter().enumerate() {
                out.push('\n');
                out.push_str(&pad);
                render(item, indent + 1, out);
                if position + 1 < items.len() {
                    out.push(',');
                }
            }
            out.push(')');
        }
        Value::List(items) => {
            out.push('[');
            for (position, item) in items.iter().enumerate() {
                out.push('\n');
                out.push_str(&pad);
                render(item, indent + 1, out);
                if position + 1 < items.len() {
                    out.push(',');
                }
            }
            let _ = write!(out, "\n{close}]");
        }
        Value::Text(text) => out.push_str(&string_repr(text)),
        Value::Atom(atom) => out.push_str(atom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_tokens_and_nodes() {
        // As Python's ast.walk counts statements and expressions: x, 1 + 2, 1, 2, the
        // assignment; print(x), print, x, the expression statement.
        let source = "x = 1 + 2\nprint(x)\n";
        let counts = counts(source).expect("valid source");
        assert_eq!(counts.nodes, 9);
        assert_eq!(
            counts.tokens,
            tokens(source).unwrap_or_default().lines().count()
        );
    }

    #[test]
    fn tokens_have_positions_kinds_and_text() {
        let dump = tokens("x = (1,\n  'a')\n").unwrap_or_default();
        let lines: Vec<&str> = dump.lines().collect();
        assert_eq!(lines[0], "1:0-1:1  NAME  'x'");
        assert_eq!(lines[1], "1:2-1:3  EQUAL  '='");
        assert_eq!(lines[2], "1:4-1:5  LPAR  '('");
        assert!(dump.contains("2:2-2:5  STRING  \"'a'\""), "{dump}");
        assert!(dump.contains("NEWLINE"));
        assert_eq!(kind_name(TokenKind::FStringStart), "FSTRING_START");
        assert_eq!(kind_name(TokenKind::DoubleStarEqual), "DOUBLE_STAR_EQUAL");
    }

    #[test]
    fn ast_dump_is_readable() {
        let dump = ast("def f(a, *b):\n    return a + 1\nx = 'hi' \"there\"\ny = b'\\x00'\n")
            .unwrap_or_default();
        assert!(
            dump.starts_with("Module(\n  body=[\n    FunctionDef("),
            "{dump}"
        );
        assert!(dump.contains("name='f'"), "{dump}");
        assert!(dump.contains("BinOp(\n"), "{dump}");
        assert!(dump.contains("op=Add"), "{dump}");
        assert!(dump.contains("Name(id='a', ctx=Load)"), "{dump}");
        assert!(dump.contains("StringLiteral(value='hithere')"), "{dump}");
        assert!(dump.contains("BytesLiteral(value=b'\\x00')"), "{dump}");
        assert!(!dump.contains("range"), "{dump}");
        assert!(!dump.contains("node_index"), "{dump}");
    }

    #[test]
    fn syntax_errors_are_reported() {
        assert!(tokens("x = (").is_err());
        assert!(ast("def").is_err());
    }
}
