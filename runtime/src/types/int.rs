//! `int` (and `bool`, its subclass): arithmetic with Python's semantics on inline 48-bit ints
//! and heap big integers, hashing, conversion, and the int methods.

use std::borrow::Cow;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::Payload;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

pub mod division;

/// The int methods.
pub const METHODS: crate::types::MethodTable = &[
    ("bit_length", bit_length),
    ("bit_count", bit_count),
    ("conjugate", conjugate),
    ("as_integer_ratio", as_integer_ratio),
    ("to_bytes", to_bytes),
    ("__index__", conjugate),
    ("__int__", conjugate),
    ("__trunc__", conjugate),
    ("__floor__", conjugate),
    ("__ceil__", conjugate),
    ("__round__", dunder_round),
    ("__format__", crate::types::format::dunder_format),
];

/// The int class methods.
pub const CLASS_METHODS: crate::types::MethodTable = &[("from_bytes", from_bytes)];

/// An int operand, borrowed: small or big. Bools count as ints.
#[derive(Clone, Debug)]
pub enum IntValue<'a> {
    /// Fits in an i64.
    Small(i64),
    /// A heap big integer.
    Big(&'a BigInt),
}

impl IntValue<'_> {
    /// As a big integer (allocating for small ones).
    pub fn to_bigint(&self) -> Cow<'_, BigInt> {
        match self {
            IntValue::Small(value) => Cow::Owned(BigInt::from(*value)),
            IntValue::Big(value) => Cow::Borrowed(value),
        }
    }

    /// As an i64, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntValue::Small(value) => Some(*value),
            IntValue::Big(value) => value.to_i64(),
        }
    }

    /// Whether it is zero.
    pub fn is_zero(&self) -> bool {
        match self {
            IntValue::Small(value) => *value == 0,
            IntValue::Big(value) => value.is_zero(),
        }
    }

    /// Whether it is negative.
    pub fn is_negative(&self) -> bool {
        match self {
            IntValue::Small(value) => *value < 0,
            IntValue::Big(value) => value.is_negative(),
        }
    }

    /// As a float; `None` when too large.
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            IntValue::Small(value) => Some(*value as f64),
            IntValue::Big(value) => value.to_f64().filter(|float| float.is_finite()),
        }
    }
}

/// The int behind a value (ints and bools).
#[inline]
pub fn as_int(value: Value) -> Option<IntValue<'static>> {
    if let Some(small) = value.as_small_int() {
        return Some(IntValue::Small(small));
    }
    match value {
        Value::TRUE => return Some(IntValue::Small(1)),
        Value::FALSE => return Some(IntValue::Small(0)),
        _ => {}
    }
    match &value.as_object()?.payload {
        Payload::BigInt(big) => Some(IntValue::Big(big)),
        Payload::Instance(_) => as_int(crate::protocol::base_value(value)?),
        _ => None,
    }
}

/// The int behind a value, without bools.
pub fn as_exact_int(value: Value) -> Option<IntValue<'static>> {
    if value.is_bool() {
        None
    } else {
        as_int(value)
    }
}

/// Python's `hash()` of an int: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
pub fn hash_int(value: &IntValue) -> i64 {
    const MODULUS: i64 = (1 << 61) - 1;
    let hash = match value {
        IntValue::Small(small) => {
            let magnitude = (small.unsigned_abs() % MODULUS as u64) as i64;
            if *small < 0 {
                -magnitude
            } else {
                magnitude
            }
        }
        IntValue::Big(big) => {
            let magnitude = (big.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
            if big.is_negative() {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// Converts an int to f64, raising OverflowError when too large.
pub fn to_float(runtime: &mut Runtime, value: &IntValue) -> PyResult<f64> {
    value
        .to_f64()
        .ok_or_else(|| runtime.overflow_error("int too large to convert to float"))
}

/// The decimal text of an int.
pub fn to_decimal(value: &IntValue) -> String {
    match value {
        IntValue::Small(small) => small.to_string(),
        IntValue::Big(big) => big.to_string(),
    }
}

/// The smallest `sys.set_int_max_str_digits` limit other than 0 (CPython's
/// `_PY_LONG_MAX_STR_DIGITS_THRESHOLD`); shorter decimal texts are never checked.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// Whether `|value|` has more than `limit` decimal digits (`limit` > 0).
fn exceeds_digits(value: &BigInt, limit: usize) -> bool {
    // `|value| < 2**bits`, and `10**limit = 2**(limit * log2(10))`.
    let bits = value.bits() as f64;
    let limit_bits = limit as f64 * std::f64::consts::LOG2_10;
    if bits < limit_bits - 1.0 {
        return false;
    }
    if bits - 1.0 > limit_bits + 1.0 {
        return true;
    }
    value.magnitude() >= &num_traits::pow::Pow::pow(num_bigint::BigUint::from(10u32), limit)
}

/// ValueError unless `value` has at most `sys.get_int_max_str_digits()` decimal digits
/// (CPython 3.11's limit on int-to-decimal-str conversion).
pub fn check_str_digits(runtime: &mut Runtime, value: &IntValue) -> PyResult<()> {
    let limit = runtime.int_max_str_digits;
    if let IntValue::Big(big) = value {
        if limit > 0 && exceeds_digits(big, limit) {
            let message = format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            );
            return Err(runtime.value_error(message));
        }
    }
    Ok(())
}

/// The decimal text of an int, under the digit limit of [`check_str_digits`].
pub fn to_decimal_checked(runtime: &mut Runtime, value: &IntValue) -> PyResult<String> {
    check_str_digits(runtime, value)?;
    Ok(to_decimal(value))
}

/// ValueError when `int(text, base)` would read more digits than the limit allows (bases that
/// are not powers of two only, as CPython).
pub fn check_parse_digits(runtime: &mut Runtime, text: &str, base: u32) -> PyResult<()> {
    let limit = runtime.int_max_str_digits;
    if limit == 0 || text.len() <= MAX_STR_DIGITS_THRESHOLD {
        return Ok(());
    }
    let unsigned = text.trim().trim_start_matches(['+', '-']);
    let prefixed = unsigned.len() >= 2
        && matches!(
            &unsigned.as_bytes()[..2],
            [b'0', b'x' | b'X' | b'o' | b'O' | b'b' | b'B']
        );
    let base = if base == 0 && prefixed { 2 } else { base };
    if base.is_power_of_two() {
        return Ok(());
    }
    let digits = unsigned.chars().filter(char::is_ascii_alphanumeric).count();
    if digits > limit {
        let message = format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        return Err(runtime.value_error(message));
    }
    Ok(())
}

fn big_result(runtime: &mut Runtime, value: BigInt) -> Value {
    runtime.new_bigint(value)
}

/// `a op b` for two ints; `None` when the operator does not apply to ints.
pub fn binary(
    runtime: &mut Runtime,
    left: &IntValue,
    right: &IntValue,
    operator: krait_compiler::BinaryOperator,
) -> PyResult<Option<Value>> {
    use krait_compiler::BinaryOperator as Op;
    if let (IntValue::Small(a), IntValue::Small(b)) = (left, right) {
        let (a, b) = (*a, *b);
        let result = match operator.plain() {
            Op::Add => a.checked_add(b),
            Op::Subtract => a.checked_sub(b),
            Op::Multiply => a.checked_mul(b),
            Op::FloorDivide => {
                if b == 0 {
                    return Err(runtime.zero_division_error("integer division or modulo by zero"));
                }
                a.checked_div_euclid(b).map(|_| Integer::div_floor(&a, &b))
            }
            Op::Remainder => {
                if b == 0 {
                    return Err(runtime.zero_division_error("integer modulo by zero"));
                }
                a.checked_rem(b).map(|_| Integer::mod_floor(&a, &b))
            }
            Op::And => Some(a & b),
            Op::Or => Some(a | b),
            Op::Xor => Some(a ^ b),
            Op::LeftShift => {
                if b < 0 {
                    return Err(runtime.value_error("negative shift count"));
                }
                if b < 63 && a.unsigned_abs().leading_zeros() as i64 > b + 1 {
                    Some(a << b)
                } else {
                    None
                }
            }
            Op::RightShift => {
                if b < 0 {
                    return Err(runtime.value_error("negative shift count"));
                }
                Some(if b >= 64 {
                    if a < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    a >> b
                })
            }
            Op::TrueDivide => {
                if b == 0 {
                    return Err(runtime.zero_division_error("division by zero"));
                }
                if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                    return Ok(Some(Value::float(a as f64 / b as f64)));
                }
                None
            }
            Op::Power => {
                if b < 0 {
                    if a == 0 {
                        return Err(
                            runtime.zero_division_error("0.0 cannot be raised to a negative power")
                        );
                    }
                    return Ok(Some(Value::float((a as f64).powf(b as f64))));
                }
                u32::try_from(b)
                    .ok()
                    .and_then(|exponent| a.checked_pow(exponent))
            }
            Op::MatrixMultiply => return Ok(None),
            _ => None,
        };
        if let Some(result) = result {
            return Ok(Some(runtime.new_int(result)));
        }
    }
    // The general (big integer) path.
    let a = left.to_bigint();
    let b = right.to_bigint();
    let result = match operator.plain() {
        Op::Add => &*a + &*b,
        Op::Subtract => &*a - &*b,
        Op::Multiply => &*a * &*b,
        Op::FloorDivide => {
            if b.is_zero() {
                return Err(runtime.zero_division_error("integer division or modulo by zero"));
            }
            division::floor_divide_and_remainder(&a, &b).0
        }
        Op::Remainder => {
            if b.is_zero() {
                return Err(runtime.zero_division_error("integer modulo by zero"));
            }
            division::floor_divide_and_remainder(&a, &b).1
        }
        Op::And => &*a & &*b,
        Op::Or => &*a | &*b,
        Op::Xor => &*a ^ &*b,
        Op::LeftShift => {
            if b.is_negative() {
                return Err(runtime.value_error("negative shift count"));
            }
            let Some(shift) = b.to_usize().filter(|&shift| shift < 1 << 32) else {
                return Err(runtime.overflow_error("too many digits in integer"));
            };
            &*a << shift
        }
        Op::RightShift => {
            if b.is_negative() {
                return Err(runtime.value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(shift) => {
                    // Floor semantics for negatives.
                    let (quotient, _) = a.div_mod_floor(&(BigInt::from(1) << shift.min(1 << 32)));
                    quotient
                }
                None => BigInt::from(if a.is_negative() { -1 } else { 0 }),
            }
        }
        Op::TrueDivide => {
            if b.is_zero() {
                return Err(runtime.zero_division_error("division by zero"));
            }
            return Ok(Some(Value::float(true_divide_big(runtime, &a, &b)?)));
        }
        Op::Power => {
            if b.is_negative() {
                if a.is_zero() {
                    return Err(
                        runtime.zero_division_error("0.0 cannot be raised to a negative power")
                    );
                }
                let base = to_float(runtime, left)?;
                let exponent = right.to_f64().unwrap_or(f64::NEG_INFINITY);
                return Ok(Some(Value::float(base.powf(exponent))));
            }
            let Some(exponent) = b.to_u32() else {
                if a.abs() <= BigInt::from(1) {
                    let odd = b.is_odd();
                    return Ok(Some(runtime.new_bigint(if a.is_negative() && !odd {
                        a.abs()
                    } else {
                        a.into_owned()
                    })));
                }
                return Err(runtime.overflow_error("exponent too large"));
            };
            num_traits::pow::Pow::pow(&*a, exponent)
        }
        _ => return Ok(None),
    };
    Ok(Some(big_result(runtime, result)))
}

/// Correctly rounded enough `a / b` for big integers.
fn true_divide_big(runtime: &mut Runtime, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    match (a.to_f64(), b.to_f64()) {
        (Some(x), Some(y))
            if x.is_finite() && y.is_finite() && x.abs() < 9.0e15 && y.abs() < 9.0e15 =>
        {
            Ok(x / y)
        }
        _ if a.is_zero() => {
            // Zero keeps the divisor's sign, as in float division (`0 / -(2**70)` is -0.0).
            Ok(if b.is_negative() { -0.0 } else { 0.0 })
        }
        _ => {
            // Scale the magnitudes so the quotient keeps 64 significant bits; a nonzero
            // remainder sets the lowest bit (the "sticky" bit), so that the conversion to 53
            // bits rounds as the exact quotient would.
            let (dividend, divisor) = (a.magnitude(), b.magnitude());
            let shift = dividend.bits() as i64 - divisor.bits() as i64 - 64;
            let (mut quotient, remainder) = if shift > 0 {
                num_integer::Integer::div_rem(dividend, &(divisor << shift as usize))
            } else {
                num_integer::Integer::div_rem(&(dividend << (-shift) as usize), divisor)
            };
            if !remainder.is_zero() {
                quotient |= num_bigint::BigUint::from(1u8);
            }
            // Scaled back in two halves: one power of two could underflow to zero where the
            // result is a subnormal.
            let half = (shift / 2) as i32;
            let magnitude = quotient.to_f64().unwrap_or(f64::INFINITY)
                * 2f64.powi(half)
                * 2f64.powi(shift as i32 - half);
            let value = if a.is_negative() != b.is_negative() {
                -magnitude
            } else {
                magnitude
            };
            if value.is_infinite() {
                return Err(runtime.overflow_error("integer division result too large for a float"));
            }
            Ok(value)
        }
    }
}

/// `pow(base, exponent, modulus)` for ints.
pub fn power_modulo(
    runtime: &mut Runtime,
    base: &IntValue,
    exponent: &IntValue,
    modulus: &IntValue,
) -> PyResult<Value> {
    if modulus.is_zero() {
        return Err(runtime.value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus_big = modulus.to_bigint().into_owned();
    let mut base_big = base.to_bigint().into_owned();
    let mut exponent_big = exponent.to_bigint().into_owned();
    if exponent_big.is_negative() {
        // Modular inverse.
        let reduced = base_big.mod_floor(&modulus_big);
        let extended = reduced.extended_gcd(&modulus_big);
        if extended.gcd != BigInt::from(1) && extended.gcd != BigInt::from(-1) {
            return Err(runtime.value_error("base is not invertible for the given modulus"));
        }
        base_big = extended.x.mod_floor(&modulus_big);
        exponent_big = -exponent_big;
    }
    let mut result = base_big.modpow(&exponent_big, &modulus_big.abs());
    if modulus_big.is_negative() && !result.is_zero() {
        result += &modulus_big;
    }
    Ok(runtime.new_bigint(result))
}

/// Compares two ints.
pub fn compare(left: &IntValue, right: &IntValue) -> std::cmp::Ordering {
    match (left, right) {
        (IntValue::Small(a), IntValue::Small(b)) => a.cmp(b),
        _ => left.to_bigint().cmp(&right.to_bigint()),
    }
}

/// Compares an int with a float exactly (no rounding of the int); `None` for NaN.
pub fn compare_with_float(left: &IntValue, right: f64) -> Option<std::cmp::Ordering> {
    if right.is_nan() {
        return None;
    }
    if right.is_infinite() {
        return Some(if right > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        });
    }
    if let IntValue::Small(small) = left {
        if small.unsigned_abs() < (1 << 53) {
            return (*small as f64).partial_cmp(&right);
        }
    }
    let floor = right.floor();
    let floor_int = num_bigint::BigInt::from(floor as i128);
    let floor_int = if floor.abs() < 1e38 {
        floor_int
    } else {
        // Huge floats are integers: convert exactly through their bits.
        float_to_bigint(floor).unwrap_or(floor_int)
    };
    let left_big = left.to_bigint();
    match left_big.as_ref().cmp(&floor_int) {
        std::cmp::Ordering::Equal => {
            if right > floor {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        other => Some(other),
    }
}

/// The exact integer value of an integral finite float.
pub fn float_to_bigint(value: f64) -> Option<BigInt> {
    if !value.is_finite() {
        return None;
    }
    let value = value.trunc();
    if value.abs() < 9.0e18 {
        return Some(BigInt::from(value as i64));
    }
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let magnitude = BigInt::from(mantissa) << exponent as usize;
    Some(if value < 0.0 { -magnitude } else { magnitude })
}

/// An int from a float, truncating (`int(2.7)`), with CPython's errors.
pub fn from_float(runtime: &mut Runtime, value: f64) -> PyResult<Value> {
    if value.is_nan() {
        return Err(runtime.value_error("cannot convert float NaN to integer"));
    }
    if value.is_infinite() {
        return Err(runtime.overflow_error("cannot convert float infinity to integer"));
    }
    let truncated = value.trunc();
    if truncated.abs() < 1e15 {
        return Ok(runtime.new_int(truncated as i64));
    }
    let big = float_to_bigint(truncated).unwrap_or_default();
    Ok(runtime.new_bigint(big))
}

/// Parses an int literal as `int(text, base)` does; `None` if invalid.
pub fn parse(text: &str, base: u32) -> Option<BigInt> {
    // Any Unicode decimal digit counts as its ASCII digit, as in CPython.
    let ascii: String;
    let text = if text.is_ascii() {
        text
    } else {
        ascii = text
            .chars()
            .map(|character| {
                crate::types::str::classify::decimal_value(character)
                    .and_then(|digit| char::from_digit(digit, 10))
                    .unwrap_or(character)
            })
            .collect();
        &ascii
    };
    let trimmed = text.trim_matches(|character: char| character.is_whitespace());
    let (negative, digits) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let lower = digits.to_ascii_lowercase();
    let prefixed = matches!(
        (base, lower.get(..2)),
        (0 | 16, Some("0x")) | (0 | 8, Some("0o")) | (0 | 2, Some("0b"))
    );
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &digits[2..]),
        (0 | 8, Some("0o")) => (8, &digits[2..]),
        (0 | 2, Some("0b")) => (2, &digits[2..]),
        (0, _) => {
            if digits.len() > 1
                && digits.starts_with('0')
                && digits.chars().any(|c| c != '0' && c != '_')
            {
                return None;
            }
            (10, digits)
        }
        (base, _) => (base, digits),
    };
    // One underscore may follow a base prefix (`0x_ff`), never start the digits.
    let digits = if prefixed {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let cleaned: String = digits
        .chars()
        .filter(|&character| character != '_')
        .collect();
    if !cleaned.chars().all(|character| character.is_digit(base)) {
        return None;
    }
    let magnitude = BigInt::parse_bytes(cleaned.as_bytes(), base)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// Fixed attributes of numbers: `real`, `imag`, `numerator`, `denominator`.
pub fn attribute(runtime: &mut Runtime, value: Value, name: Value) -> PyResult<Option<Value>> {
    let names = runtime.names;
    if let Some(Payload::Complex(real, imaginary)) = value.as_object().map(|object| &object.payload)
    {
        return Ok(if name == names.real {
            Some(Value::float(*real))
        } else if name == names.imag {
            Some(Value::float(*imaginary))
        } else {
            None
        });
    }
    if let Some(float) = value.as_float() {
        return Ok(if name == names.real {
            Some(Value::float(float))
        } else if name == names.imag {
            Some(Value::float(0.0))
        } else {
            None
        });
    }
    if as_int(value).is_some() {
        let text = crate::protocol::str_value(name).unwrap_or("");
        return Ok(match text {
            "real" | "numerator" => Some(if value.is_bool() {
                runtime.new_int(as_int(value).and_then(|v| v.to_i64()).unwrap_or(0))
            } else {
                value
            }),
            "imag" => Some(runtime.new_int(0)),
            "denominator" => Some(runtime.new_int(1)),
            _ => None,
        });
    }
    Ok(None)
}

fn receiver_int(host: &mut dyn Host, arguments: &Arguments) -> PyResult<IntValue<'static>> {
    match arguments.values.first().and_then(|&value| as_int(value)) {
        Some(int) => Ok(int),
        None => Err(host
            .runtime()
            .type_error("descriptor requires an 'int' object")),
    }
}

fn bit_length(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let int = receiver_int(host, &arguments)?;
    let bits = match int {
        IntValue::Small(small) => 64 - small.unsigned_abs().leading_zeros() as i64,
        IntValue::Big(big) => big.bits() as i64,
    };
    Ok(host.runtime().new_int(bits))
}

fn conjugate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let int = receiver_int(host, &arguments)?;
    Ok(match int {
        IntValue::Small(small) => host.runtime().new_int(small),
        IntValue::Big(big) => host.runtime().new_bigint(big.clone()),
    })
}

fn bit_count(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let int = receiver_int(host, &arguments)?;
    let ones = match int {
        IntValue::Small(small) => u64::from(small.unsigned_abs().count_ones()),
        IntValue::Big(big) => big.magnitude().count_ones(),
    };
    Ok(host.runtime().new_int(ones as i64))
}

fn as_integer_ratio(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let numerator = conjugate(host, arguments)?;
    let runtime = host.runtime();
    let one = runtime.new_int(1);
    Ok(runtime.new_tuple_from(&[numerator, one]))
}

/// `int.__round__(ndigits=None)`: the builtin `round` applied to the int.
fn dunder_round(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver_int(host, &arguments)?;
    let runtime = host.runtime();
    let name = runtime.intern("round");
    let builtins = runtime.builtins;
    let Some(round) = crate::types::dict::get_str_key(runtime, builtins, name) else {
        return conjugate(host, arguments);
    };
    crate::protocol::call(host, round, arguments.values, arguments.keyword_names)
}

/// The arguments of `to_bytes`/`from_bytes`: `(first, byteorder, *, signed)`.
fn byte_order_arguments(
    host: &mut dyn Host,
    values: &[Value],
    keyword_names: &[Value],
    name: &str,
    first: &str,
) -> PyResult<(Option<Value>, bool, bool)> {
    let positionals = &values[..values.len() - keyword_names.len()];
    if positionals.len() > 2 {
        let message = format!(
            "{name}() takes at most 2 positional arguments ({} given)",
            positionals.len()
        );
        return Err(host.runtime().type_error(message));
    }
    let mut slots: [Option<Value>; 3] = [
        positionals.first().copied(),
        positionals.get(1).copied(),
        None,
    ];
    for (&keyword, &value) in keyword_names.iter().zip(&values[positionals.len()..]) {
        let keyword = crate::protocol::str_value(keyword).unwrap_or("");
        let position = [first, "byteorder", "signed"]
            .iter()
            .position(|&candidate| candidate == keyword);
        match position {
            Some(position) if position < positionals.len() => {
                let message = format!(
                    "argument for {name}() given by name ('{keyword}') and position ({})",
                    position + 1
                );
                return Err(host.runtime().type_error(message));
            }
            Some(position) => slots[position] = Some(value),
            None => {
                let message = format!("'{keyword}' is an invalid keyword argument for {name}()");
                return Err(host.runtime().type_error(message));
            }
        }
    }
    let little = match slots[1] {
        None => false,
        Some(order) => match crate::protocol::str_value(order) {
            Some("little") => true,
            Some("big") => false,
            Some(_) => {
                return Err(host
                    .runtime()
                    .value_error("byteorder must be either 'little' or 'big'"))
            }
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "{name}() argument 'byteorder' must be str, not {}",
                    crate::protocol::type_name(runtime, order)
                );
                return Err(runtime.type_error(message));
            }
        },
    };
    let signed = match slots[2] {
        Some(value) => crate::protocol::is_true(host, value)?,
        None => false,
    };
    Ok((slots[0], little, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let int = receiver_int(host, &arguments)?.to_bigint().into_owned();
    let rest = &arguments.values[1..];
    let (length, little, signed) =
        byte_order_arguments(host, rest, arguments.keyword_names, "to_bytes", "length")?;
    let length = match length {
        None => 1,
        Some(length) => {
            let length = crate::protocol::number::through_index(host, length)?;
            let Some(length) = as_int(length) else {
                let runtime = host.runtime();
                let message = format!(
                    "'{}' object cannot be interpreted as an integer",
                    crate::protocol::type_name(runtime, length)
                );
                return Err(runtime.type_error(message));
            };
            match length.to_i64() {
                Some(length) if length < 0 => {
                    return Err(host
                        .runtime()
                        .value_error("length argument must be non-negative"))
                }
                Some(length) => length as u64,
                None if length.is_negative() => {
                    return Err(host
                        .runtime()
                        .value_error("length argument must be non-negative"))
                }
                None => {
                    return Err(host
                        .runtime()
                        .overflow_error("Python int too large to convert to C ssize_t"))
                }
            }
        }
    };
    if !signed && int.is_negative() {
        return Err(host
            .runtime()
            .overflow_error("can't convert negative int to unsigned"));
    }
    // Two's complement bytes, little-endian, with no redundant sign bytes.
    let mut bytes = int.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    // 0 and -1 need no bytes at all: every bit is a sign bit.
    if int.is_zero() || (signed && int == BigInt::from(-1)) {
        bytes.clear();
    }
    if bytes.len() as u64 > length {
        return Err(host.runtime().overflow_error("int too big to convert"));
    }
    let Ok(length) = usize::try_from(length) else {
        return Err(host.runtime().memory_error());
    };
    let mut out = Vec::new();
    if out.try_reserve_exact(length).is_err() {
        return Err(host.runtime().memory_error());
    }
    let fill = if int.is_negative() { 0xff } else { 0 };
    out.extend_from_slice(&bytes);
    out.resize(length, fill);
    if !little {
        out.reverse();
    }
    Ok(crate::types::bytes::new_bytes(host.runtime(), out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn from_bytes(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let class = arguments.values.first().copied().unwrap_or(Value::NONE);
    let rest = arguments.values.get(1..).unwrap_or(&[]);
    let (source, little, signed) =
        byte_order_arguments(host, rest, arguments.keyword_names, "from_bytes", "bytes")?;
    let Some(source) = source else {
        return Err(host
            .runtime()
            .type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let mut data = crate::types::bytes::from_object(host, source)?;
    if !little {
        data.reverse();
    }
    let magnitude = BigInt::from_bytes_le(num_bigint::Sign::Plus, &data);
    let value = if signed && data.last().is_some_and(|&top| top >= 0x80) {
        magnitude - (BigInt::from(1) << (8 * data.len()))
    } else {
        magnitude
    };
    let result = host.runtime().new_bigint(value);
    if class == host.runtime().types.int {
        return Ok(result);
    }
    crate::protocol::call(host, class, &[result], &[])
}
