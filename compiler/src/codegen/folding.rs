//! Constant folding of operators on constants, as CPython's AST optimizer does (`2 ** 10`,
//! `-x` of a literal, `'ab' * 3`, `not 0`).
//!
//! Folding must never change what a program observes, so only operations whose result is
//! computed here exactly as the runtime would are folded: integer arithmetic (exact, with
//! CPython's size limits so `2 ** 10 ** 9` stays a run-time computation), the float operations
//! IEEE 754 defines exactly (`+ - * /`), and short string and bytes concatenation and
//! repetition. Anything that would raise (division by zero, a negative shift) is left for the
//! runtime to raise at the right moment.

use std::rc::Rc;

use num_bigint::BigInt;
use ruff_python_ast::{Operator, UnaryOp};

use crate::code::Constant;

/// CPython's `MAX_INT_SIZE`: folded integers stay below this many bits.
const MAX_INT_BITS: u64 = 128;
/// CPython's `MAX_STR_SIZE`: folded strings and bytes stay below this length.
const MAX_STRING_LENGTH: usize = 4096;
/// Integers up to this magnitude convert to `f64` exactly.
const EXACT_FLOAT_INTEGER: i64 = 1 << 53;

/// A number being folded.
#[derive(Clone, Debug)]
enum Number {
    Int(BigInt),
    Float(f64),
}

impl Number {
    fn of(constant: &Constant) -> Option<Number> {
        match constant {
            Constant::Int(value) => Some(Number::Int(BigInt::from(*value))),
            Constant::BigInt(value) => Some(Number::Int(value.clone())),
            Constant::Float(value) => Some(Number::Float(*value)),
            // `bool` arithmetic has its own result types (`True & True` is `True`): not folded.
            _ => None,
        }
    }

    /// The value as a float, if the conversion is exact (as Python's `int + float` needs it
    /// to be for the result to match).
    fn exact_float(&self) -> Option<f64> {
        match self {
            Number::Float(value) => Some(*value),
            Number::Int(value) => {
                let small = i64::try_from(value).ok()?;
                (small.abs() <= EXACT_FLOAT_INTEGER).then_some(small as f64)
            }
        }
    }

    fn into_constant(self) -> Constant {
        match self {
            Number::Int(value) => match i64::try_from(&value) {
                Ok(small) => Constant::Int(small),
                Err(_) => Constant::BigInt(value),
            },
            Number::Float(value) => Constant::Float(value),
        }
    }
}

/// `operator operand` for a constant operand, if it can be folded.
pub(super) fn fold_unary(operator: UnaryOp, operand: &Constant) -> Option<Constant> {
    if operator == UnaryOp::Not {
        return truth(operand).map(|truth| Constant::Bool(!truth));
    }
    let number = Number::of(operand)?;
    let result = match (operator, number) {
        (UnaryOp::USub, Number::Int(value)) => Number::Int(-value),
        (UnaryOp::USub, Number::Float(value)) => Number::Float(-value),
        (UnaryOp::UAdd, number) => number,
        (UnaryOp::Invert, Number::Int(value)) => Number::Int(-value - 1),
        _ => return None,
    };
    Some(result.into_constant())
}

/// `left operator right` for constant operands, if it can be folded.
pub(super) fn fold_binary(
    operator: Operator,
    left: &Constant,
    right: &Constant,
) -> Option<Constant> {
    if let Some(result) = fold_sequence(operator, left, right) {
        return Some(result);
    }
    let left = Number::of(left)?;
    let right = Number::of(right)?;
    match (left, right) {
        (Number::Int(left), Number::Int(right)) => fold_integers(operator, left, right),
        (left, right) => {
            let left = left.exact_float()?;
            let right = right.exact_float()?;
            let result = match operator {
                Operator::Add => left + right,
                Operator::Sub => left - right,
                Operator::Mult => left * right,
                Operator::Div if right != 0.0 => left / right,
                _ => return None,
            };
            Some(Constant::Float(result))
        }
    }
}

/// Integer arithmetic, exact, within CPython's size limits.
fn fold_integers(operator: Operator, left: BigInt, right: BigInt) -> Option<Constant> {
    let zero = BigInt::from(0);
    let result = match operator {
        Operator::Add => left + right,
        Operator::Sub => left - right,
        Operator::Mult => {
            if left.bits() + right.bits() > MAX_INT_BITS {
                return None;
            }
            left * right
        }
        Operator::FloorDiv | Operator::Mod => {
            if right == zero {
                return None;
            }
            let mut quotient = &left / &right;
            let mut remainder = &left % &right;
            // Python rounds toward negative infinity: the remainder takes the divisor's sign.
            if remainder != zero && (remainder < zero) != (right < zero) {
                quotient -= 1;
                remainder += &right;
            }
            if operator == Operator::FloorDiv {
                quotient
            } else {
                remainder
            }
        }
        Operator::Div => {
            let left = i64::try_from(&left).ok()?;
            let right = i64::try_from(&right).ok()?;
            if right == 0 || left.abs() > EXACT_FLOAT_INTEGER || right.abs() > EXACT_FLOAT_INTEGER {
                return None;
            }
            return Some(Constant::Float(left as f64 / right as f64));
        }
        Operator::Pow => {
            let exponent = u32::try_from(&right).ok()?;
            if left.bits() * u64::from(exponent) > MAX_INT_BITS {
                return None;
            }
            left.pow(exponent)
        }
        Operator::LShift => {
            let shift = u32::try_from(&right).ok()?;
            if left.bits() + u64::from(shift) > MAX_INT_BITS {
                return None;
            }
            left << shift
        }
        Operator::RShift => {
            let shift = u32::try_from(&right).ok()?.min(MAX_INT_BITS as u32 * 2);
            // Arithmetic shift: floor division by a power of two.
            let divisor = BigInt::from(1) << shift;
            let (quotient, remainder) = (&left / &divisor, &left % &divisor);
            if remainder < zero {
                quotient - 1
            } else {
                quotient
            }
        }
        Operator::BitAnd => left & right,
        Operator::BitOr => left | right,
        Operator::BitXor => left ^ right,
        Operator::MatMult => return None,
    };
    Some(Number::Int(result).into_constant())
}

/// `str`/`bytes` concatenation and repetition with short results.
fn fold_sequence(operator: Operator, left: &Constant, right: &Constant) -> Option<Constant> {
    let repeat = |count: &Constant, length: usize| -> Option<usize> {
        let count = match count {
            Constant::Int(count) => *count,
            _ => return None,
        };
        let count = usize::try_from(count.max(0)).ok()?;
        (length.checked_mul(count)? <= MAX_STRING_LENGTH).then_some(count)
    };
    match (operator, left, right) {
        (Operator::Add, Constant::Str(left), Constant::Str(right))
            if left.len() + right.len() <= MAX_STRING_LENGTH =>
        {
            Some(Constant::Str(Rc::from(format!("{left}{right}"))))
        }
        (Operator::Add, Constant::Bytes(left), Constant::Bytes(right))
            if left.len() + right.len() <= MAX_STRING_LENGTH =>
        {
            Some(Constant::Bytes(Rc::from([&left[..], &right[..]].concat())))
        }
        (Operator::Mult, Constant::Str(text), count)
        | (Operator::Mult, count, Constant::Str(text)) => {
            let count = repeat(count, text.len())?;
            Some(Constant::Str(Rc::from(text.repeat(count))))
        }
        (Operator::Mult, Constant::Bytes(bytes), count)
        | (Operator::Mult, count, Constant::Bytes(bytes)) => {
            let count = repeat(count, bytes.len())?;
            Some(Constant::Bytes(Rc::from(bytes.repeat(count))))
        }
        _ => None,
    }
}

/// The truth value of a constant.
pub(super) fn truth(constant: &Constant) -> Option<bool> {
    Some(match constant {
        Constant::None => false,
        Constant::Bool(value) => *value,
        Constant::Int(value) => *value != 0,
        Constant::BigInt(value) => *value != BigInt::from(0),
        Constant::Float(value) | Constant::Imaginary(value) => *value != 0.0,
        Constant::Str(value) => !value.is_empty(),
        Constant::Bytes(value) => !value.is_empty(),
        Constant::Tuple(items) => !items.is_empty(),
        Constant::Ellipsis => true,
        Constant::Code(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(value: i64) -> Constant {
        Constant::Int(value)
    }

    #[test]
    fn integer_folding_is_exact_and_floors() {
        assert_eq!(
            fold_binary(Operator::FloorDiv, &int(7), &int(-2)),
            Some(int(-4))
        );
        assert_eq!(fold_binary(Operator::Mod, &int(-7), &int(3)), Some(int(2)));
        assert_eq!(fold_binary(Operator::Mod, &int(7), &int(-3)), Some(int(-2)));
        assert_eq!(
            fold_binary(Operator::RShift, &int(-5), &int(1)),
            Some(int(-3))
        );
        assert_eq!(
            fold_binary(Operator::Pow, &int(2), &int(10)),
            Some(int(1024))
        );
        assert_eq!(
            fold_binary(Operator::Pow, &int(2), &int(64)),
            Some(Constant::BigInt(BigInt::from(1u128 << 64)))
        );
        assert_eq!(fold_binary(Operator::Pow, &int(2), &int(100)), None);
        assert_eq!(fold_binary(Operator::Pow, &int(2), &int(1000)), None);
        assert_eq!(fold_binary(Operator::Pow, &int(2), &int(-1)), None);
        assert_eq!(fold_binary(Operator::FloorDiv, &int(1), &int(0)), None);
        assert_eq!(fold_binary(Operator::LShift, &int(1), &int(-1)), None);
        assert_eq!(
            fold_binary(Operator::Div, &int(1), &int(4)),
            Some(Constant::Float(0.25))
        );
        assert_eq!(fold_unary(UnaryOp::Invert, &int(5)), Some(int(-6)));
        assert_eq!(
            fold_binary(Operator::Add, &int(i64::MAX), &int(1)),
            Some(Constant::BigInt(BigInt::from(i64::MAX) + 1))
        );
    }

    #[test]
    fn other_folding() {
        assert_eq!(
            fold_binary(Operator::Add, &int(1), &Constant::Float(0.5)),
            Some(Constant::Float(1.5))
        );
        assert_eq!(
            fold_binary(Operator::Mod, &Constant::Float(1.0), &Constant::Float(0.5)),
            None
        );
        assert_eq!(
            fold_binary(
                Operator::BitAnd,
                &Constant::Bool(true),
                &Constant::Bool(true)
            ),
            None
        );
        assert_eq!(
            fold_unary(UnaryOp::Not, &int(0)),
            Some(Constant::Bool(true))
        );
        assert_eq!(
            fold_binary(Operator::Mult, &Constant::Str(Rc::from("ab")), &int(3)),
            Some(Constant::Str(Rc::from("ababab")))
        );
        assert_eq!(
            fold_binary(Operator::Mult, &Constant::Str(Rc::from("ab")), &int(5000)),
            None
        );
        assert_eq!(
            fold_binary(Operator::Mult, &int(-1), &Constant::Str(Rc::from("ab"))),
            Some(Constant::Str(Rc::from("")))
        );
    }
}
