//! Expressions back to source text, as CPython's `ast_unparse.c` writes them: what
//! `from __future__ import annotations` stores for each annotation (`dict[str, int]`,
//! `'quoted'`, `Node | None`), with CPython's spacing, quotes and parentheses.
//!
//! Comprehensions, lambdas and f-strings inside annotations are rare; they are given as written.

use ruff_python_ast::{BoolOp, CmpOp, Expr, Operator, UnaryOp};
use ruff_text_size::Ranged;

use crate::disassemble::{constant_repr, string_repr};

use super::constants::constant_value;

/// Operator precedence, lowest first (CPython's `PR_*`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Precedence {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Compare,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

impl Precedence {
    fn next(self) -> Precedence {
        use Precedence::*;
        match self {
            Tuple => Test,
            Test => Or,
            Or => And,
            And => Not,
            Not => Compare,
            Compare => BitOr,
            BitOr => BitXor,
            BitXor => BitAnd,
            BitAnd => Shift,
            Shift => Arith,
            Arith => Term,
            Term => Factor,
            Factor => Power,
            Power => Await,
            Await | Atom => Atom,
        }
    }
}

/// The text of an annotation (CPython unparses at the `test` level).
pub(super) fn unparse(expression: &Expr, source: &str) -> String {
    let mut out = String::new();
    write(&mut out, expression, Precedence::Test, source);
    out
}

fn operator(operator: Operator) -> (&'static str, Precedence) {
    use Precedence::*;
    match operator {
        Operator::Add => ("+", Arith),
        Operator::Sub => ("-", Arith),
        Operator::Mult => ("*", Term),
        Operator::MatMult => ("@", Term),
        Operator::Div => ("/", Term),
        Operator::Mod => ("%", Term),
        Operator::FloorDiv => ("//", Term),
        Operator::Pow => ("**", Power),
        Operator::LShift => ("<<", Shift),
        Operator::RShift => (">>", Shift),
        Operator::BitOr => ("|", BitOr),
        Operator::BitXor => ("^", BitXor),
        Operator::BitAnd => ("&", BitAnd),
    }
}

fn comparison(operator: CmpOp) -> &'static str {
    match operator {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn write_list(out: &mut String, items: &[Expr], source: &str) {
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        write(out, item, Precedence::Test, source);
    }
}

fn write(out: &mut String, expression: &Expr, level: Precedence, source: &str) {
    let open = |out: &mut String, precedence: Precedence| {
        if level > precedence {
            out.push('(');
        }
    };
    let close = |out: &mut String, precedence: Precedence| {
        if level > precedence {
            out.push(')');
        }
    };
    match expression {
        Expr::BoolOp(node) => {
            let (word, precedence) = match node.op {
                BoolOp::And => (" and ", Precedence::And),
                BoolOp::Or => (" or ", Precedence::Or),
            };
            open(out, precedence);
            for (index, value) in node.values.iter().enumerate() {
                if index > 0 {
                    out.push_str(word);
                }
                write(out, value, precedence.next(), source);
            }
            close(out, precedence);
        }
        Expr::Named(node) => {
            open(out, Precedence::Tuple);
            write(out, &node.target, Precedence::Atom, source);
            out.push_str(" := ");
            write(out, &node.value, Precedence::Atom, source);
            close(out, Precedence::Tuple);
        }
        Expr::BinOp(node) => {
            let (symbol, precedence) = operator(node.op);
            let right_associative = node.op == Operator::Pow;
            open(out, precedence);
            let (left, right) = if right_associative {
                (precedence.next(), precedence)
            } else {
                (precedence, precedence.next())
            };
            write(out, &node.left, left, source);
            out.push_str(&format!(" {symbol} "));
            write(out, &node.right, right, source);
            close(out, precedence);
        }
        Expr::UnaryOp(node) => {
            let (symbol, precedence) = match node.op {
                UnaryOp::Not => ("not ", Precedence::Not),
                UnaryOp::Invert => ("~", Precedence::Factor),
                UnaryOp::USub => ("-", Precedence::Factor),
                UnaryOp::UAdd => ("+", Precedence::Factor),
            };
            open(out, precedence);
            out.push_str(symbol);
            write(out, &node.operand, precedence, source);
            close(out, precedence);
        }
        Expr::If(node) => {
            open(out, Precedence::Test);
            write(out, &node.body, Precedence::Test.next(), source);
            out.push_str(" if ");
            write(out, &node.test, Precedence::Test.next(), source);
            out.push_str(" else ");
            write(out, &node.orelse, Precedence::Test, source);
            close(out, Precedence::Test);
        }
        Expr::Dict(node) => {
            out.push('{');
            for (index, item) in node.items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                match &item.key {
                    Some(key) => {
                        write(out, key, Precedence::Test, source);
                        out.push_str(": ");
                        write(out, &item.value, Precedence::Test, source);
                    }
                    None => {
                        out.push_str("**");
                        write(out, &item.value, Precedence::BitOr, source);
                    }
                }
            }
            out.push('}');
        }
        Expr::Set(node) => {
            out.push('{');
            write_list(out, &node.elts, source);
            out.push('}');
        }
        Expr::List(node) => {
            out.push('[');
            write_list(out, &node.elts, source);
            out.push(']');
        }
        Expr::Tuple(node) => {
            if node.elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, Precedence::Tuple);
            write_list(out, &node.elts, source);
            if node.elts.len() == 1 {
                out.push(',');
            }
            close(out, Precedence::Tuple);
        }
        Expr::Compare(node) => {
            open(out, Precedence::Compare);
            write(out, &node.left, Precedence::Compare.next(), source);
            for (operator, comparator) in node.ops.iter().zip(node.comparators.iter()) {
                out.push_str(&format!(" {} ", comparison(*operator)));
                write(out, comparator, Precedence::Compare.next(), source);
            }
            close(out, Precedence::Compare);
        }
        Expr::Call(node) => {
            write(out, &node.func, Precedence::Atom, source);
            out.push('(');
            let mut first = true;
            for argument in node.arguments.args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                write(out, argument, Precedence::Test, source);
            }
            for keyword in node.arguments.keywords.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &keyword.arg {
                    Some(name) => {
                        out.push_str(name.id.as_str());
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write(out, &keyword.value, Precedence::Test, source);
            }
            out.push(')');
        }
        Expr::Await(node) => {
            open(out, Precedence::Await);
            out.push_str("await ");
            write(out, &node.value, Precedence::Atom, source);
            close(out, Precedence::Await);
        }
        Expr::Attribute(node) => {
            write(out, &node.value, Precedence::Atom, source);
            out.push('.');
            out.push_str(node.attr.id.as_str());
        }
        Expr::Subscript(node) => {
            write(out, &node.value, Precedence::Atom, source);
            out.push('[');
            match node.slice.as_ref() {
                Expr::Tuple(tuple)
                    if !tuple.elts.is_empty()
                        && !tuple
                            .elts
                            .iter()
                            .any(|item| matches!(item, Expr::Starred(_))) =>
                {
                    write_list(out, &tuple.elts, source);
                    if tuple.elts.len() == 1 {
                        out.push(',');
                    }
                }
                slice => write(out, slice, Precedence::Tuple, source),
            }
            out.push(']');
        }
        Expr::Slice(node) => {
            if let Some(lower) = &node.lower {
                write(out, lower, Precedence::Test, source);
            }
            out.push(':');
            if let Some(upper) = &node.upper {
                write(out, upper, Precedence::Test, source);
            }
            if let Some(step) = &node.step {
                out.push(':');
                write(out, step, Precedence::Test, source);
            }
        }
        Expr::Starred(node) => {
            out.push('*');
            write(out, &node.value, Precedence::BitOr, source);
        }
        Expr::Name(node) => out.push_str(node.id.as_str()),
        Expr::StringLiteral(literal) => out.push_str(&string_repr(literal.value.to_str())),
        Expr::EllipsisLiteral(_) => out.push_str("..."),
        Expr::NumberLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => match constant_value(expression) {
            Some(constant) => out.push_str(&constant_repr(&constant)),
            None => out.push_str(as_written(expression, source)),
        },
        _ => out.push_str(as_written(expression, source)),
    }
}

fn as_written<'a>(expression: &Expr, source: &'a str) -> &'a str {
    let range = expression.range();
    source
        .get(range.start().to_usize()..range.end().to_usize())
        .unwrap_or("")
}
