//! How CPython describes the parts of a faulty statement: the name of an expression kind
//! ("literal", "function call"), the clause of a missing indented block, a malformed number.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::Expr;
use ruff_text_size::TextRange;

use super::tokens::{previous_token, slice};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::LineIndex;

/// The clause phrase of CPython's "expected an indented block" message and the keyword that
/// starts it (to find its line).
pub(super) fn indented_block_clause(message: &str) -> (&'static str, TokenKind) {
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

/// CPython's name for the kind of expression written in `range` ("literal", "function call").
pub(super) fn expression_name_at(source: &str, range: TextRange) -> &'static str {
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
pub(super) fn is_bitwise_or_level(source: &str, range: TextRange) -> bool {
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
pub(super) fn number_literal_error(
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
