//! `float`: CPython's `repr` (shortest round-trip digits), arithmetic with Python's floor
//! division and modulo, hashing consistent with int, and the float methods.

use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// The float methods.
pub const METHODS: crate::types::MethodTable = &[
    ("is_integer", is_integer),
    ("conjugate", conjugate),
    ("as_integer_ratio", as_integer_ratio),
    ("hex", hex),
    ("__trunc__", dunder_trunc),
    ("__floor__", dunder_floor),
    ("__ceil__", dunder_ceil),
    ("__round__", dunder_round),
    ("__format__", crate::types::format::dunder_format),
];

/// The float class methods.
pub const CLASS_METHODS: crate::types::MethodTable = &[("fromhex", fromhex)];

/// `repr(x)` as CPython prints it: the shortest digits that round-trip, in fixed notation
/// for exponents from -4 to 15 and scientific notation otherwise.
pub fn repr(value: f64) -> String {
    if value.is_nan() {
        return "nan".into();
    }
    if value.is_infinite() {
        return if value > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    if value == 0.0 {
        return if value.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "1.2345e-5".
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = prefer_even_in_ties(value.abs(), digits, exponent);
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exponent) {
        let point = exponent + 1; // position of the decimal point within digits
        let text = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{text}")
    } else {
        let fraction = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{fraction}e{exponent_sign}{:02}", exponent.abs())
    }
}

/// The shortest digits of a float are unique except when the float lies exactly halfway
/// between two shortest decimal candidates; CPython then takes the one with an even last digit
/// (round-half-even), while Rust's formatter may take the other. `digits` (the significant
/// digits, first one at 10^`exponent`) is replaced by its even neighbour in that case.
fn prefer_even_in_ties(value: f64, digits: String, exponent: i32) -> String {
    use num_bigint::BigInt;
    let Some(last) = digits.bytes().last().map(|byte| byte - b'0') else {
        return digits;
    };
    if last % 2 == 0 || digits.len() < 2 {
        return digits;
    }
    let Ok(number) = digits.parse::<u64>() else {
        return digits;
    };
    // value = mantissa * 2^binary_exponent exactly.
    let bits = value.to_bits();
    let raw_exponent = ((bits >> 52) & 0x7ff) as i64;
    let (mantissa, binary_exponent) = if raw_exponent == 0 {
        (bits & ((1 << 52) - 1), -1074)
    } else {
        ((bits & ((1 << 52) - 1)) | (1 << 52), raw_exponent - 1075)
    };
    // Quick rejection, which settles almost every float: with the mantissa made odd,
    // value = odd * 2^-k = (odd * 5^k) / 10^k, and odd * 5^k is odd, so the exact decimal
    // expansion has as many significant digits as odd * 5^k. A tie lies halfway between two
    // candidates of `digits.len()` digits, so it has at most one digit more; a float whose
    // expansion is longer (by a margin for the estimate's rounding) is no tie.
    if mantissa != 0 {
        let zeros = mantissa.trailing_zeros() as i64;
        let odd = mantissa >> zeros;
        let k = -(binary_exponent + zeros);
        if k > 0 {
            let significant = k as f64 * (1.0 - std::f64::consts::LOG10_2) + (odd as f64).log10();
            if significant > digits.len() as f64 + 3.0 {
                return digits;
            }
        }
    }
    // A candidate c means c * 10^decimal_exponent.
    let decimal_exponent = exponent as i64 - (digits.len() as i64 - 1);
    // A tie means 2 * value == candidate + neighbour; both sides are scaled by 10^ten_shift and
    // 2^two_shift so that everything is an integer.
    let scale = |number: BigInt, power_of_ten: i64, power_of_two: i64| -> BigInt {
        let mut scaled = number;
        if power_of_ten > 0 {
            scaled *= num_traits::pow(BigInt::from(10), power_of_ten as usize);
        }
        if power_of_two > 0 {
            scaled <<= power_of_two as usize;
        }
        scaled
    };
    let ten_shift = (-decimal_exponent).max(0);
    let two_shift = (-binary_exponent).max(0);
    let value_scaled = {
        let base = BigInt::from(mantissa) * 2;
        let with_binary = if binary_exponent >= 0 {
            base << binary_exponent as usize
        } else {
            base
        };
        scale(with_binary, ten_shift, 0)
    };
    for neighbour in [number - 1, number + 1] {
        if neighbour % 10 == 9 && neighbour < number || neighbour % 10 == 0 && neighbour > number {
            continue; // a carry changes the digit count: not a same-length tie
        }
        let sum = BigInt::from(number) + BigInt::from(neighbour);
        let candidate_scaled = scale(scale(sum, decimal_exponent + ten_shift, 0), 0, two_shift);
        if candidate_scaled == value_scaled
            && format!("{neighbour}e{decimal_exponent}").parse::<f64>() == Ok(value)
        {
            return neighbour.to_string();
        }
    }
    digits
}

/// Python's `hash()` of a float: equal to the hash of an equal int.
pub fn hash(value: f64) -> i64 {
    const MODULUS_BITS: i32 = 61;
    const MODULUS: u64 = (1 << MODULUS_BITS) - 1;
    if value.is_nan() {
        return 0;
    }
    if value.is_infinite() {
        return if value > 0.0 { 314159 } else { -314159 };
    }
    let (mut mantissa, mut exponent) = frexp(value.abs());
    let mut hash: u64 = 0;
    while mantissa != 0.0 {
        hash = ((hash << 28) & MODULUS) | (hash >> (MODULUS_BITS - 28));
        mantissa *= 268435456.0;
        exponent -= 28;
        let whole = mantissa as u64;
        mantissa -= whole as f64;
        hash += whole;
        if hash >= MODULUS {
            hash -= MODULUS;
        }
    }
    let exponent = if exponent >= 0 {
        exponent % MODULUS_BITS
    } else {
        MODULUS_BITS - 1 - ((-1 - exponent) % MODULUS_BITS)
    };
    hash = ((hash << exponent) & MODULUS) | (hash >> (MODULUS_BITS - exponent));
    let mut signed = hash as i64;
    if value < 0.0 {
        signed = -signed;
    }
    if signed == -1 {
        -2
    } else {
        signed
    }
}

/// Splits a positive finite float into mantissa in [0.5, 1) and exponent.
fn frexp(value: f64) -> (f64, i32) {
    if value == 0.0 {
        return (0.0, 0);
    }
    let bits = value.to_bits();
    let raw_exponent = ((bits >> 52) & 0x7ff) as i32;
    if raw_exponent == 0 {
        // Subnormal: scale up first.
        let (mantissa, exponent) = frexp(value * 2f64.powi(64));
        return (mantissa, exponent - 64);
    }
    let exponent = raw_exponent - 1022;
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, exponent)
}

/// `a op b` for floats.
pub fn binary(
    runtime: &mut Runtime,
    a: f64,
    b: f64,
    operator: krait_compiler::BinaryOperator,
) -> PyResult<Option<Value>> {
    use krait_compiler::BinaryOperator as Op;
    let result = match operator.plain() {
        Op::Add => a + b,
        Op::Subtract => a - b,
        Op::Multiply => a * b,
        Op::TrueDivide => {
            if b == 0.0 {
                return Err(runtime.zero_division_error("float division by zero"));
            }
            a / b
        }
        Op::FloorDivide => {
            if b == 0.0 {
                return Err(runtime.zero_division_error("float floor division by zero"));
            }
            divmod(a, b).0
        }
        Op::Remainder => {
            if b == 0.0 {
                return Err(runtime.zero_division_error("float modulo"));
            }
            divmod(a, b).1
        }
        Op::Power => return power(runtime, a, b).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(Value::float(result)))
}

/// `divmod(a, b)` for floats (b non-zero), as CPython's `float_divmod`.
pub fn divmod(a: f64, b: f64) -> (f64, f64) {
    let mut modulo = a % b;
    let mut division = (a - modulo) / b;
    if modulo != 0.0 {
        if (b < 0.0) != (modulo < 0.0) {
            modulo += b;
            division -= 1.0;
        }
    } else {
        modulo = 0.0_f64.copysign(b);
    }
    let floor_division = if division != 0.0 {
        let mut floor = division.floor();
        if division - floor > 0.5 {
            floor += 1.0;
        }
        floor
    } else {
        0.0_f64.copysign(a / b)
    };
    (floor_division, modulo)
}

/// `a ** b` for floats, with CPython's errors.
pub fn power(runtime: &mut Runtime, a: f64, b: f64) -> PyResult<Value> {
    if a == 0.0 && b < 0.0 {
        return Err(runtime.zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        // A negative base to a fractional power is complex.
        let magnitude = (-a).powf(b);
        let angle = std::f64::consts::PI * b;
        return Ok(runtime.heap.allocate(crate::object::Payload::Complex(
            magnitude * angle.cos(),
            magnitude * angle.sin(),
        )));
    }
    let result = a.powf(b);
    if result.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(runtime.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::float(result))
}

/// Parses `float(text)`; `None` if invalid.
pub fn parse(text: &str) -> Option<f64> {
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
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let negative = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(special) = special {
        if lower.len() - unsigned.len() > 1 {
            return None;
        }
        return Some(if negative { -special } else { special });
    }
    if trimmed.contains("__")
        || trimmed.starts_with('_')
        || trimmed.ends_with('_')
        || trimmed.contains("_.")
        || trimmed.contains("._")
    {
        return None;
    }
    let cleaned: String = trimmed
        .chars()
        .filter(|&character| character != '_')
        .collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
    {
        return None;
    }
    cleaned.parse().ok()
}

fn receiver(host: &mut dyn Host, arguments: &Arguments) -> PyResult<f64> {
    match arguments.values.first().and_then(|value| value.as_float()) {
        Some(float) => Ok(float),
        None => Err(host
            .runtime()
            .type_error("descriptor requires a 'float' object")),
    }
}

fn is_integer(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = receiver(host, &arguments)?;
    Ok(Value::bool(value.is_finite() && value.fract() == 0.0))
}

fn conjugate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver(host, &arguments).map(Value::float)
}

fn as_integer_ratio(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = receiver(host, &arguments)?;
    let runtime = host.runtime();
    if value.is_nan() {
        return Err(runtime.value_error("cannot convert NaN to integer ratio"));
    }
    if value.is_infinite() {
        return Err(runtime.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (mut mantissa, mut exponent) = frexp(value);
    for _ in 0..300 {
        if mantissa == mantissa.floor() {
            break;
        }
        mantissa *= 2.0;
        exponent -= 1;
    }
    let mut numerator = crate::types::int::float_to_bigint(mantissa).unwrap_or_default();
    let mut denominator = num_bigint::BigInt::from(1);
    if exponent > 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= (-exponent) as usize;
    }
    let numerator = runtime.new_bigint(numerator);
    let denominator = runtime.new_bigint(denominator);
    Ok(runtime.new_tuple_from(&[numerator, denominator]))
}

/// `x.hex()` as CPython's `float_hex`: `[-]0x1.<13 hex digits>p<exponent>`, subnormals as
/// `0x0.…p-1022`.
pub fn hex_string(value: f64) -> String {
    if !value.is_finite() {
        return repr(value);
    }
    if value == 0.0 {
        return if value.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }
        .to_string();
    }
    let (mantissa, exponent) = frexp(value.abs());
    // Normal numbers get a leading 1; subnormals keep the exponent at -1022.
    let shift = 1 - (-1021 - exponent).max(0);
    let mut mantissa = mantissa * power_of_two(shift);
    let exponent = exponent - shift;
    let mut digits = String::with_capacity(16);
    let leading = mantissa as u32;
    digits.push(std::char::from_digit(leading, 16).unwrap_or('0'));
    mantissa -= f64::from(leading);
    digits.push('.');
    for _ in 0..13 {
        mantissa *= 16.0;
        let digit = mantissa as u32;
        digits.push(std::char::from_digit(digit, 16).unwrap_or('0'));
        mantissa -= f64::from(digit);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let exponent_sign = if exponent < 0 { '-' } else { '+' };
    format!("{sign}0x{digits}p{exponent_sign}{}", exponent.abs())
}

/// `2**exponent` exactly, for exponents where it is a finite, non-zero float.
fn power_of_two(exponent: i32) -> f64 {
    if exponent >= -1022 {
        f64::from_bits(((exponent + 1023).clamp(0, 2046) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (exponent + 1074).clamp(0, 51))
    }
}

fn hex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = receiver(host, &arguments)?;
    Ok(host.runtime().new_string(hex_string(value)))
}

/// Why `float.fromhex` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum FromHexError {
    /// ValueError: not a hexadecimal float.
    Invalid,
    /// OverflowError: too large for a float.
    Overflow,
}

/// Parses `float.fromhex(text)` as CPython's `float_fromhex`, rounding half to even.
pub fn parse_hex(text: &str) -> Result<f64, FromHexError> {
    use num_bigint::BigUint;
    let is_space = |byte: &u8| matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let bytes = text.as_bytes();
    let start = bytes.iter().take_while(|byte| is_space(byte)).count();
    let end = bytes.len()
        - bytes[start..]
            .iter()
            .rev()
            .take_while(|byte| is_space(byte))
            .count();
    let mut body = &bytes[start..end];
    let negative = body.first() == Some(&b'-');
    if matches!(body.first(), Some(b'+' | b'-')) {
        body = &body[1..];
    }
    let signed = |value: f64| if negative { -value } else { value };
    for (word, value) in [
        ("inf", f64::INFINITY),
        ("infinity", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if body.eq_ignore_ascii_case(word.as_bytes()) {
            return Ok(signed(value));
        }
    }
    if body.len() >= 2 && body[0] == b'0' && matches!(body[1], b'x' | b'X') {
        body = &body[2..];
    }
    let mut digits = Vec::new();
    let mut fraction_digits: i64 = 0;
    let mut position = 0;
    while let Some(digit) = body
        .get(position)
        .and_then(|&byte| (byte as char).to_digit(16))
    {
        digits.push(digit as u8);
        position += 1;
    }
    if body.get(position) == Some(&b'.') {
        position += 1;
        while let Some(digit) = body
            .get(position)
            .and_then(|&byte| (byte as char).to_digit(16))
        {
            digits.push(digit as u8);
            fraction_digits += 1;
            position += 1;
        }
    }
    if digits.is_empty() {
        return Err(FromHexError::Invalid);
    }
    let mut exponent: i64 = 0;
    if matches!(body.get(position), Some(b'p' | b'P')) {
        position += 1;
        let exponent_negative = body.get(position) == Some(&b'-');
        if matches!(body.get(position), Some(b'+' | b'-')) {
            position += 1;
        }
        if !body.get(position).is_some_and(u8::is_ascii_digit) {
            return Err(FromHexError::Invalid);
        }
        while let Some(&digit) = body.get(position).filter(|byte| byte.is_ascii_digit()) {
            exponent = exponent
                .saturating_mul(10)
                .saturating_add(i64::from(digit - b'0'));
            position += 1;
        }
        if exponent_negative {
            exponent = -exponent;
        }
    }
    if position != body.len() {
        return Err(FromHexError::Invalid);
    }
    // The value is `coefficient * 2**exponent`.
    let exponent = exponent.saturating_sub(fraction_digits.saturating_mul(4));
    let Some(first) = digits.iter().position(|&digit| digit != 0) else {
        return Ok(signed(0.0));
    };
    let significant = &digits[first..];
    let top = (significant.len() as i64 - 1) * 4
        + i64::from(8 - significant[0].leading_zeros())
        + exponent;
    if top > 1024 {
        return Err(FromHexError::Overflow);
    }
    if top < -1075 {
        return Ok(signed(0.0));
    }
    let mut coefficient = BigUint::from(0u32);
    for &digit in significant {
        coefficient = (coefficient << 4u32) + BigUint::from(digit);
    }
    // The exponent of the last bit kept: 53 significant bits, fewer for subnormals.
    let lsb = top.max(-1021) - 53;
    let (kept, kept_exponent) = if exponent >= lsb {
        (coefficient, exponent)
    } else {
        let shift = (lsb - exponent) as u64;
        let kept: BigUint = &coefficient >> shift;
        let half = BigUint::from(1u32) << (shift - 1);
        let remainder = coefficient - (&kept << shift);
        let odd = kept.bit(0);
        let round_up = remainder > half || (remainder == half && odd);
        (if round_up { kept + 1u32 } else { kept }, lsb)
    };
    let kept = num_traits::ToPrimitive::to_f64(&kept).unwrap_or(f64::INFINITY);
    // `kept` has at most 54 bits, so it and the scaling are exact; split the scaling in two so
    // neither factor overflows or underflows.
    let half_exponent = (kept_exponent / 2) as i32;
    let value =
        kept * power_of_two(half_exponent) * power_of_two(kept_exponent as i32 - half_exponent);
    if value.is_infinite() {
        return Err(FromHexError::Overflow);
    }
    Ok(signed(value))
}

/// `float.fromhex(string)` (a class method).
fn fromhex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let class = arguments.values.first().copied().unwrap_or(Value::NONE);
    if arguments.values.len() != 2 || !arguments.keyword_names.is_empty() {
        let message = format!(
            "float.fromhex() takes exactly one argument ({} given)",
            arguments.values.len().saturating_sub(1)
        );
        return Err(host.runtime().type_error(message));
    }
    let Some(text) = crate::protocol::str_value(arguments.values[1]) else {
        return Err(host
            .runtime()
            .type_error("bad argument type for built-in operation"));
    };
    let value = match parse_hex(text) {
        Ok(value) => Value::float(value),
        Err(FromHexError::Invalid) => {
            return Err(host
                .runtime()
                .value_error("invalid hexadecimal floating-point string"))
        }
        Err(FromHexError::Overflow) => {
            return Err(host
                .runtime()
                .overflow_error("hexadecimal value too large to represent as a float"))
        }
    };
    if class == host.runtime().types.float {
        return Ok(value);
    }
    crate::protocol::call(host, class, &[value], &[])
}

fn dunder_trunc(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = receiver(host, &arguments)?;
    crate::types::int::from_float(host.runtime(), value.trunc())
}

fn dunder_floor(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = receiver(host, &arguments)?;
    crate::types::int::from_float(host.runtime(), value.floor())
}

fn dunder_ceil(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = receiver(host, &arguments)?;
    crate::types::int::from_float(host.runtime(), value.ceil())
}

/// `float.__round__(ndigits=None)`: the builtin `round` applied to the float.
fn dunder_round(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver(host, &arguments)?;
    let runtime = host.runtime();
    let name = runtime.intern("round");
    let builtins = runtime.builtins;
    match crate::types::dict::get_str_key(runtime, builtins, name) {
        Some(round) => {
            crate::protocol::call(host, round, arguments.values, arguments.keyword_names)
        }
        None => Ok(Value::NONE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        for (value, text) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-2.5, "-2.5"),
            (1.5e300, "1.5e+300"),
            (123456789.125, "123456789.125"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2e-7, "2e-07"),
        ] {
            assert_eq!(repr(value), text);
        }
    }

    #[test]
    fn hash_agrees_with_int() {
        assert_eq!(hash(1.0), 1);
        assert_eq!(hash(-1.0), -2);
        assert_eq!(hash(1.5), 1152921504606846977);
        assert_eq!(
            hash(2f64.powi(70)),
            crate::types::int::hash_int(&crate::types::int::IntValue::Big(
                &(num_bigint::BigInt::from(1) << 70usize)
            ))
        );
    }

    #[test]
    fn hex_round_trips_like_cpython() {
        assert_eq!(hex_string(1.0), "0x1.0000000000000p+0");
        assert_eq!(hex_string(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(hex_string(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(parse_hex("0x1.8p1"), Ok(3.0));
        assert_eq!(parse_hex("0x1p-1074"), Ok(5e-324));
        assert_eq!(parse_hex("0x1p-1075"), Ok(0.0));
        assert_eq!(parse_hex("0x1.8p-1074"), Ok(1e-323));
        assert_eq!(parse_hex("0x1.00000000000008p0"), Ok(1.0));
        assert_eq!(parse_hex("0x1.00000000000018p0"), Ok(1.0000000000000004));
        assert_eq!(parse_hex("0x1.fffffffffffffp+1023"), Ok(f64::MAX));
        assert_eq!(parse_hex("0x1p1024"), Err(FromHexError::Overflow));
        assert_eq!(parse_hex("0x1.g"), Err(FromHexError::Invalid));
    }

    #[test]
    fn floor_division_and_modulo_signs() {
        assert_eq!(divmod(7.0, -2.0), (-4.0, -1.0));
        assert_eq!(divmod(-7.0, 2.0), (-4.0, 1.0));
    }
}
