//! Arithmetic the dispatch loop does inline: binary operators on two small ints, two floats, or a
//! float and a small int, with Python's semantics (floor division and modulo round toward
//! negative infinity, `%` takes the divisor's sign, shifts and true division as `int` and
//! `float` define them).
//!
//! Each function answers `None` when the case needs the full protocol: a zero divisor (which
//! raises), a result that does not fit (which becomes a big int), `**`, `@`. The loop then takes
//! its slow path, so these functions never raise and never allocate.

use krait_compiler::BinaryOperator;

/// The result of an inline operation.
pub(crate) enum Quick {
    /// An int that fits in an i64 (the loop boxes it if it exceeds the inline range).
    Int(i64),
    /// A float.
    Float(f64),
}

/// The operator numbers, for matching on an instruction's argument without a table lookup.
const ADD: u32 = BinaryOperator::Add as u32;
const SUBTRACT: u32 = BinaryOperator::Subtract as u32;
const MULTIPLY: u32 = BinaryOperator::Multiply as u32;
const TRUE_DIVIDE: u32 = BinaryOperator::TrueDivide as u32;
const FLOOR_DIVIDE: u32 = BinaryOperator::FloorDivide as u32;
const REMAINDER: u32 = BinaryOperator::Remainder as u32;
const LEFT_SHIFT: u32 = BinaryOperator::LeftShift as u32;
const RIGHT_SHIFT: u32 = BinaryOperator::RightShift as u32;
const AND: u32 = BinaryOperator::And as u32;
const OR: u32 = BinaryOperator::Or as u32;
const XOR: u32 = BinaryOperator::Xor as u32;
const POWER: u32 = BinaryOperator::Power as u32;
/// How far the in-place forms (`+=`) are numbered after the plain ones.
const IN_PLACE: u32 = BinaryOperator::InPlaceAdd as u32;

/// The plain operator number of a BinaryOp argument (`+=` acts as `+` on ints and floats).
#[inline]
fn plain(arg: u32) -> u32 {
    if arg >= IN_PLACE {
        arg - IN_PLACE
    } else {
        arg
    }
}

/// `a op b` for two ints (`arg` is the BinaryOp argument), when it is quick. `+`, `-` and `*`
/// are inlined into the loop; the rest sit in one out-of-line function, so that the loop's code
/// stays small (its register allocation is sensitive to every inlined case).
#[inline]
pub(crate) fn int_binary(a: i64, b: i64, arg: u32) -> Option<Quick> {
    let result = match plain(arg) {
        ADD => a.checked_add(b)?,
        SUBTRACT => a.checked_sub(b)?,
        MULTIPLY => a.checked_mul(b)?,
        _ => return int_binary_rest(a, b, arg),
    };
    Some(Quick::Int(result))
}

/// The int operators other than `+`, `-` and `*`.
#[inline(never)]
fn int_binary_rest(a: i64, b: i64, arg: u32) -> Option<Quick> {
    let result = match plain(arg) {
        // A positive power-of-two divisor (`n // 2`, `n % 2`): an arithmetic shift and a mask
        // round toward negative infinity, as Python does, with no division instruction.
        FLOOR_DIVIDE if b > 0 && b & (b - 1) == 0 => a >> b.trailing_zeros(),
        REMAINDER if b > 0 && b & (b - 1) == 0 => a & (b - 1),
        FLOOR_DIVIDE => {
            if b == 0 {
                return None;
            }
            let quotient = a.checked_div(b)?;
            if (a % b != 0) && ((a < 0) != (b < 0)) {
                quotient - 1
            } else {
                quotient
            }
        }
        REMAINDER => {
            if b == 0 {
                return None;
            }
            let remainder = a.checked_rem(b)?;
            if remainder != 0 && ((remainder < 0) != (b < 0)) {
                remainder + b
            } else {
                remainder
            }
        }
        AND => a & b,
        OR => a | b,
        XOR => a ^ b,
        LEFT_SHIFT => {
            // Only shifts that lose no bits (so the result is exact in an i64).
            if !(0..63).contains(&b) {
                return None;
            }
            let shifted = a << b;
            if shifted >> b != a {
                return None;
            }
            shifted
        }
        RIGHT_SHIFT => {
            if b < 0 {
                return None;
            }
            a >> b.min(63)
        }
        POWER => {
            // Non-negative exponents only (a negative one gives a float, or raises for 0).
            let exponent = u32::try_from(b).ok()?;
            a.checked_pow(exponent)?
        }
        TRUE_DIVIDE => {
            // Exact conversions only: then one IEEE division is correctly rounded, as CPython's.
            const EXACT: u64 = 1 << 53;
            if b == 0 || a.unsigned_abs() > EXACT || b.unsigned_abs() > EXACT {
                return None;
            }
            return Some(Quick::Float(a as f64 / b as f64));
        }
        _ => return None,
    };
    Some(Quick::Int(result))
}

/// `a op b` for two floats (an int operand already converted exactly; `arg` is the BinaryOp
/// argument), when it is quick.
#[inline]
pub(crate) fn float_binary(a: f64, b: f64, arg: u32) -> Option<f64> {
    match plain(arg) {
        ADD => Some(a + b),
        SUBTRACT => Some(a - b),
        MULTIPLY => Some(a * b),
        TRUE_DIVIDE if b != 0.0 => Some(a / b),
        _ => float_binary_rest(a, b, arg),
    }
}

/// The float operators other than `+`, `-`, `*` and `/`.
#[inline(never)]
fn float_binary_rest(a: f64, b: f64, arg: u32) -> Option<f64> {
    match plain(arg) {
        FLOOR_DIVIDE if b != 0.0 => Some(krait_runtime::types::float::divmod(a, b).0),
        REMAINDER if b != 0.0 => Some(krait_runtime::types::float::divmod(a, b).1),
        // A positive finite base and a finite exponent: the C library's pow, as CPython calls
        // it; a result that overflows raises OverflowError on the slow path.
        POWER if a > 0.0 && a.is_finite() && b.is_finite() => {
            Some(a.powf(b)).filter(|result| result.is_finite())
        }
        _ => None,
    }
}

/// A small int as a float, when the conversion is exact (always, for the inline int range).
#[inline]
pub(crate) fn exact_float(value: i64) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    (value.unsigned_abs() <= EXACT).then_some(value as f64)
}

/// An exact int that fits in an i64: an inline int, or a boxed one (`Payload::BigInt`, which
/// only exact ints have: subclass instances and bools are other payloads).
#[inline]
fn wide_int(value: krait_runtime::Value) -> Option<i64> {
    if let Some(small) = value.as_small_int() {
        return Some(small);
    }
    match value.as_object().map(|object| &object.payload) {
        Some(krait_runtime::object::Payload::BigInt(big)) => num_traits::ToPrimitive::to_i64(big),
        _ => None,
    }
}

/// `a op b` when one of two exact ints is boxed but both fit in an i64 (an LCG's
/// `seed * 1103515245`, a hash mixed to 64 bits): computed in 64 bits like two inline ints
/// instead of through the big-int protocol. Out of line: the loop tries it after its inline
/// cases fail.
#[inline(never)]
pub(crate) fn wide_int_binary(
    left: krait_runtime::Value,
    right: krait_runtime::Value,
    arg: u32,
) -> Option<Quick> {
    int_binary(wide_int(left)?, wide_int(right)?, arg)
}
