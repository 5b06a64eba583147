//! Literals as [`Constant`]s, and the little constant folding CPython's AST optimizer does
//! that programs can observe or that keeps hot code simple: negative number literals, tuples of
//! constants, and `__debug__`.

use std::rc::Rc;

use num_bigint::BigInt;
use ruff_python_ast::{Expr, ExprContext, Number};

use super::folding::{fold_binary, fold_unary, truth};

use crate::code::Constant;

/// A hashable identity for a constant, so a code object stores each constant once. Floats are
/// compared by their bits (`0.0` and `-0.0` differ, and a NaN equals itself); code objects by
/// address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum ConstantKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(u64),
    Imaginary(u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstantKey>),
    Ellipsis,
    Code(usize),
}

impl ConstantKey {
    pub fn of(constant: &Constant) -> ConstantKey {
        match constant {
            Constant::None => ConstantKey::None,
            Constant::Bool(value) => ConstantKey::Bool(*value),
            Constant::Int(value) => ConstantKey::Int(*value),
            Constant::BigInt(value) => ConstantKey::BigInt(value.clone()),
            Constant::Float(value) => ConstantKey::Float(value.to_bits()),
            Constant::Imaginary(value) => ConstantKey::Imaginary(value.to_bits()),
            Constant::Str(value) => ConstantKey::Str(value.clone()),
            Constant::Bytes(value) => ConstantKey::Bytes(value.clone()),
            Constant::Tuple(items) => {
                ConstantKey::Tuple(items.iter().map(ConstantKey::of).collect())
            }
            Constant::Ellipsis => ConstantKey::Ellipsis,
            Constant::Code(code) => ConstantKey::Code(Rc::as_ptr(code) as usize),
        }
    }
}

/// The value of an expression that is a constant: a literal, `__debug__`, a tuple of constants,
/// or an operator on constants that [`super::folding`] folds. `None` for anything computed.
pub(super) fn constant_value(expression: &Expr) -> Option<Constant> {
    crate::stack::grow(|| constant_value_inner(expression))
}

fn constant_value_inner(expression: &Expr) -> Option<Constant> {
    match expression {
        Expr::NumberLiteral(literal) => Some(number(&literal.value)),
        Expr::StringLiteral(literal) => Some(Constant::Str(Rc::from(literal.value.to_str()))),
        Expr::BytesLiteral(literal) => {
            let bytes: Vec<u8> = literal.value.bytes().collect();
            Some(Constant::Bytes(Rc::from(bytes)))
        }
        Expr::BooleanLiteral(literal) => Some(Constant::Bool(literal.value)),
        Expr::NoneLiteral(_) => Some(Constant::None),
        Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
        Expr::Name(name) if name.id.as_str() == "__debug__" && name.ctx == ExprContext::Load => {
            Some(Constant::Bool(true))
        }
        Expr::UnaryOp(unary) => {
            let operand = constant_value(&unary.operand)?;
            fold_unary(unary.op, &operand)
        }
        Expr::BinOp(binary) => {
            let left = constant_value(&binary.left)?;
            let right = constant_value(&binary.right)?;
            fold_binary(binary.op, &left, &right)
        }
        Expr::Tuple(tuple) if tuple.ctx == ExprContext::Load => {
            let items: Option<Vec<Constant>> = tuple.elts.iter().map(constant_value).collect();
            items.map(|items| Constant::Tuple(Rc::from(items)))
        }
        _ => None,
    }
}

/// Whether the expression is a literal (CPython's `Constant` node, before folding): `return 1`
/// need not keep the value on the stack while unwinding.
pub(super) fn is_literal(expression: &Expr) -> bool {
    matches!(
        expression,
        Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

/// The truth value of a constant expression, if it has one known at compile time.
pub(super) fn constant_truth(expression: &Expr) -> Option<bool> {
    truth(&constant_value(expression)?)
}

/// A number literal's value.
fn number(value: &Number) -> Constant {
    match value {
        Number::Int(int) => match int.as_i64() {
            Some(small) => Constant::Int(small),
            None => big_int(&int.to_string()),
        },
        Number::Float(value) => Constant::Float(*value),
        Number::Complex { imag, .. } => Constant::Imaginary(*imag),
    }
}

/// Parses the text of an integer literal too large for an `i64` (`0x…`, `0o…`, `0b…`, decimal,
/// with underscores).
fn big_int(text: &str) -> Constant {
    let cleaned: String = text.chars().filter(|&character| character != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    let (digits, radix) = if let Some(digits) = lower.strip_prefix("0x") {
        (digits, 16)
    } else if let Some(digits) = lower.strip_prefix("0o") {
        (digits, 8)
    } else if let Some(digits) = lower.strip_prefix("0b") {
        (digits, 2)
    } else {
        (lower.as_str(), 10)
    };
    match BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(value) => normalize(value),
        None => Constant::Int(0),
    }
}

/// A big integer that fits in an `i64` is stored as `Int`.
fn normalize(value: BigInt) -> Constant {
    match i64::try_from(&value) {
        Ok(small) => Constant::Int(small),
        Err(_) => Constant::BigInt(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_integers_parse_in_every_base() {
        assert_eq!(
            big_int("0xFFFF_FFFF_FFFF_FFFF_FF"),
            Constant::BigInt(BigInt::from(0x00FF_FFFF_FFFF_FFFF_FFFF_u128))
        );
        assert_eq!(
            big_int("9223372036854775808"),
            Constant::BigInt(BigInt::from(9223372036854775808u64))
        );
        assert_eq!(
            fold_unary(
                ruff_python_ast::UnaryOp::USub,
                &big_int("9223372036854775808")
            ),
            Some(Constant::Int(i64::MIN))
        );
    }

    #[test]
    fn keys_distinguish_zeroes_and_bools() {
        assert_ne!(
            ConstantKey::of(&Constant::Float(0.0)),
            ConstantKey::of(&Constant::Float(-0.0))
        );
        assert_ne!(
            ConstantKey::of(&Constant::Int(1)),
            ConstantKey::of(&Constant::Bool(true))
        );
        assert_eq!(
            ConstantKey::of(&Constant::Float(f64::NAN)),
            ConstantKey::of(&Constant::Float(f64::NAN))
        );
    }
}
