//! `complex`: construction from numbers and strings, arithmetic with CPython's algorithms
//! (Smith's division, exponentiation by squaring for small integer powers), `abs`, and the
//! complex methods. `repr` lives in `protocol/represent.rs`, `format()` in
//! `types/format/spec.rs`.

use krait_compiler::BinaryOperator;

use crate::object::Payload;
use crate::protocol::{str_value, type_name};
use crate::types::int::as_int;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// The complex methods.
pub const METHODS: crate::types::MethodTable = &[
    ("conjugate", conjugate),
    ("__complex__", dunder_complex),
    ("__format__", crate::types::format::dunder_format),
];

/// A complex number as `(real, imaginary)`.
pub type Complex = (f64, f64);

/// The parts of a complex value (or of an instance of a subclass).
pub fn parts(value: Value) -> Option<Complex> {
    match &value.as_object()?.payload {
        Payload::Complex(real, imaginary) => Some((*real, *imaginary)),
        Payload::Instance(_) => parts(crate::protocol::base_value(value)?),
        _ => None,
    }
}

/// A new complex value.
pub fn new(runtime: &mut Runtime, (real, imaginary): Complex) -> Value {
    runtime.heap.allocate(Payload::Complex(real, imaginary))
}

/// CPython's `_Py_c_prod`.
fn product(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's `_Py_c_quot` (Smith's algorithm); `None` for division by zero.
fn quotient(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_real, abs_imaginary) = (b.0.abs(), b.1.abs());
    if abs_real >= abs_imaginary {
        if abs_real == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denominator = b.0 + b.1 * ratio;
        Some((
            (a.0 + a.1 * ratio) / denominator,
            (a.1 - a.0 * ratio) / denominator,
        ))
    } else if abs_imaginary >= abs_real {
        let ratio = b.0 / b.1;
        let denominator = b.0 * ratio + b.1;
        Some((
            (a.0 * ratio + a.1) / denominator,
            (a.1 * ratio - a.0) / denominator,
        ))
    } else {
        // At least one part of `b` is a NaN.
        Some((f64::NAN, f64::NAN))
    }
}

/// CPython's `c_powu`: `x ** n` by repeated squaring.
fn power_unsigned(x: Complex, n: u64) -> Complex {
    let mut result = (1.0, 0.0);
    let mut power = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            result = product(result, power);
        }
        mask <<= 1;
        power = product(power, power);
    }
    result
}

/// Why an exponentiation failed.
enum PowerError {
    /// `0 ** negative or complex`.
    ZeroDivision,
    /// A part of the result overflowed.
    Overflow,
}

/// `a ** b` as CPython's `complex_pow`: small integral exponents by squaring, others through
/// polar form.
fn power(a: Complex, b: Complex) -> Result<Complex, PowerError> {
    let result = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            power_unsigned(a, n as u64)
        } else {
            quotient((1.0, 0.0), power_unsigned(a, n.unsigned_abs()))
                .ok_or(PowerError::ZeroDivision)?
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowerError::ZeroDivision);
        }
        (0.0, 0.0)
    } else {
        let magnitude = a.0.hypot(a.1);
        let mut length = magnitude.powf(b.0);
        let angle = a.1.atan2(a.0);
        let mut phase = angle * b.0;
        if b.1 != 0.0 {
            length /= (angle * b.1).exp();
            phase += b.1 * magnitude.ln();
        }
        (length * phase.cos(), length * phase.sin())
    };
    if result.0.is_infinite() || result.1.is_infinite() {
        return Err(PowerError::Overflow);
    }
    Ok(result)
}

/// A number as a complex, for mixed arithmetic: `None` for non-numbers, OverflowError for ints
/// too large for a float.
fn operand(runtime: &mut Runtime, value: Value) -> PyResult<Option<Complex>> {
    if let Some(float) = value.as_float() {
        return Ok(Some((float, 0.0)));
    }
    if let Some(int) = as_int(value) {
        return crate::types::int::to_float(runtime, &int).map(|real| Some((real, 0.0)));
    }
    Ok(parts(value))
}

/// `left op right` when either side is a complex; `None` when the operator or the other
/// operand does not apply.
pub fn binary(
    runtime: &mut Runtime,
    left: Value,
    right: Value,
    operator: BinaryOperator,
) -> PyResult<Option<Value>> {
    use BinaryOperator as Op;
    let is_complex = |value: Value| {
        matches!(
            value.as_object().map(|object| &object.payload),
            Some(Payload::Complex(..))
        )
    };
    if !is_complex(left) && !is_complex(right) {
        return Ok(None);
    }
    if !matches!(
        operator.plain(),
        Op::Add | Op::Subtract | Op::Multiply | Op::TrueDivide | Op::Power
    ) {
        return Ok(None);
    }
    let (Some(a), Some(b)) = (operand(runtime, left)?, operand(runtime, right)?) else {
        return Ok(None);
    };
    let result = match operator.plain() {
        Op::Add => (a.0 + b.0, a.1 + b.1),
        Op::Subtract => (a.0 - b.0, a.1 - b.1),
        Op::Multiply => product(a, b),
        Op::TrueDivide => match quotient(a, b) {
            Some(result) => result,
            None => return Err(runtime.zero_division_error("complex division by zero")),
        },
        _ => match power(a, b) {
            Ok(result) => result,
            Err(PowerError::ZeroDivision) => {
                return Err(runtime.zero_division_error("0.0 to a negative or complex power"))
            }
            Err(PowerError::Overflow) => {
                return Err(runtime.overflow_error("complex exponentiation"))
            }
        },
    };
    Ok(Some(new(runtime, result)))
}

/// `abs(z)`, with CPython's OverflowError when finite parts give an infinite modulus.
pub fn abs(runtime: &mut Runtime, (real, imaginary): Complex) -> PyResult<f64> {
    if real.is_infinite() || imaginary.is_infinite() {
        return Ok(f64::INFINITY);
    }
    let result = real.hypot(imaginary);
    if result.is_infinite() {
        return Err(runtime.overflow_error("absolute value too large"));
    }
    Ok(result)
}

/// The longest prefix of `text` that is a float as CPython's `PyOS_string_to_double` reads it
/// (sign, digits, point, exponent, or `inf`/`infinity`/`nan`): its value and length.
fn float_prefix(text: &[u8]) -> Option<(f64, usize)> {
    let mut position = 0;
    if matches!(text.first(), Some(b'+' | b'-')) {
        position = 1;
    }
    let rest = &text[position..];
    for word in ["infinity", "inf", "nan"] {
        if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes()) {
            let magnitude = if word == "nan" {
                f64::NAN
            } else {
                f64::INFINITY
            };
            let value = if text[0] == b'-' {
                -magnitude
            } else {
                magnitude
            };
            return Some((value, position + word.len()));
        }
    }
    let digits = |position: &mut usize| {
        let start = *position;
        while text.get(*position).is_some_and(u8::is_ascii_digit) {
            *position += 1;
        }
        *position - start
    };
    let mut mantissa_digits = digits(&mut position);
    if text.get(position) == Some(&b'.') {
        position += 1;
        mantissa_digits += digits(&mut position);
    }
    if mantissa_digits == 0 {
        return None;
    }
    if matches!(text.get(position), Some(b'e' | b'E')) {
        let mut exponent_end = position + 1;
        if matches!(text.get(exponent_end), Some(b'+' | b'-')) {
            exponent_end += 1;
        }
        if digits(&mut exponent_end) > 0 {
            position = exponent_end;
        }
    }
    let literal = std::str::from_utf8(&text[..position]).ok()?;
    let value = literal.parse::<f64>().ok()?;
    Some((value, position))
}

/// Removes underscores that sit between digits; `None` when one does not.
fn remove_underscores(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (position, &byte) in bytes.iter().enumerate() {
        if byte == b'_' {
            let before = position.checked_sub(1).and_then(|before| bytes.get(before));
            let after = bytes.get(position + 1);
            if !(before.is_some_and(u8::is_ascii_digit) && after.is_some_and(u8::is_ascii_digit)) {
                return None;
            }
        } else {
            out.push(byte as char);
        }
    }
    Some(out)
}

/// Why `complex(text)` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum ParseError {
    /// `complex() arg is a malformed string`.
    Malformed,
    /// An underscore not between digits: `could not convert string to complex: '…'`.
    Underscore,
}

/// Parses `complex(text)` as CPython's `_Py_string_to_number_with_underscores` and
/// `complex_from_string_inner`.
pub fn parse(text: &str) -> Result<Complex, ParseError> {
    let cleaned = if text.contains('_') {
        remove_underscores(text).ok_or(ParseError::Underscore)?
    } else {
        text.to_owned()
    };
    parse_clean(&cleaned).ok_or(ParseError::Malformed)
}

/// Parses a complex string without underscores; `None` when malformed.
fn parse_clean(cleaned: &str) -> Option<Complex> {
    if !cleaned.is_ascii() {
        return None;
    }
    let bytes = cleaned.as_bytes();
    let is_space = |byte: &u8| byte.is_ascii_whitespace() || *byte == 0x0b;
    let mut position = bytes.iter().take_while(|byte| is_space(byte)).count();
    let bracket = bytes.get(position) == Some(&b'(');
    if bracket {
        position += 1;
        position += bytes[position..]
            .iter()
            .take_while(|byte| is_space(byte))
            .count();
    }
    let is_j = |byte: Option<&u8>| matches!(byte, Some(b'j' | b'J'));
    let (mut real, mut imaginary) = (0.0, 0.0);
    if let Some((value, length)) = float_prefix(&bytes[position..]) {
        position += length;
        match bytes.get(position) {
            Some(&sign @ (b'+' | b'-')) => {
                real = value;
                match float_prefix(&bytes[position..]) {
                    Some((value, length)) => {
                        imaginary = value;
                        position += length;
                    }
                    None => {
                        imaginary = if sign == b'+' { 1.0 } else { -1.0 };
                        position += 1;
                    }
                }
                if !is_j(bytes.get(position)) {
                    return None;
                }
                position += 1;
            }
            byte if is_j(byte) => {
                imaginary = value;
                position += 1;
            }
            _ => real = value,
        }
    } else {
        match bytes.get(position) {
            Some(&sign @ (b'+' | b'-')) => {
                imaginary = if sign == b'+' { 1.0 } else { -1.0 };
                position += 1;
            }
            _ => imaginary = 1.0,
        }
        if !is_j(bytes.get(position)) {
            return None;
        }
        position += 1;
    }
    position += bytes[position..]
        .iter()
        .take_while(|byte| is_space(byte))
        .count();
    if bracket {
        if bytes.get(position) != Some(&b')') {
            return None;
        }
        position += 1;
        position += bytes[position..]
            .iter()
            .take_while(|byte| is_space(byte))
            .count();
    }
    (position == bytes.len()).then_some((real, imaginary))
}

/// A number argument of `complex()` as a float (`__float__`, then `__index__`); `None` when
/// the value is not a number.
fn real_part(host: &mut dyn Host, value: Value) -> PyResult<Option<f64>> {
    if let Some(float) = value.as_float() {
        return Ok(Some(float));
    }
    if let Some(int) = as_int(value) {
        return crate::types::int::to_float(host.runtime(), &int).map(Some);
    }
    if !matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Instance(_))
    ) {
        return Ok(None);
    }
    let names = host.runtime().names;
    if let Some(result) = crate::protocol::call_special(host, value, names.__float__, &[])? {
        return match result.as_float() {
            Some(float) => Ok(Some(float)),
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "{}.__float__ returned non-float (type {})",
                    type_name(runtime, value),
                    type_name(runtime, result)
                );
                Err(runtime.type_error(message))
            }
        };
    }
    if let Some(result) = crate::protocol::call_special(host, value, names.__index__, &[])? {
        if let Some(int) = as_int(result) {
            return crate::types::int::to_float(host.runtime(), &int).map(Some);
        }
    }
    Ok(None)
}

/// `complex(real=0, imag=0)`, as CPython's `complex_new_impl`.
pub fn construct(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    let given = positionals.len() + arguments.keyword_names.len();
    if given > 2 {
        let message = format!("complex() takes at most 2 arguments ({given} given)");
        return Err(host.runtime().type_error(message));
    }
    let mut slots = [None, None];
    for (slot, &value) in slots.iter_mut().zip(positionals) {
        *slot = Some(value);
    }
    for (keyword, value) in arguments.keywords() {
        let keyword = str_value(keyword).unwrap_or("");
        let Some(position) = ["real", "imag"].iter().position(|&name| name == keyword) else {
            let message = format!("'{keyword}' is an invalid keyword argument for complex()");
            return Err(host.runtime().type_error(message));
        };
        if position < positionals.len() {
            let message = format!(
                "argument for complex() given by name ('{keyword}') and position ({})",
                position + 1
            );
            return Err(host.runtime().type_error(message));
        }
        slots[position] = Some(value);
    }
    let [real, imaginary] = slots;
    let real = real.unwrap_or(Value::small_int(0).unwrap_or(Value::NONE));
    if imaginary.is_none()
        && matches!(
            real.as_object().map(|object| &object.payload),
            Some(Payload::Complex(..))
        )
    {
        return Ok(real);
    }
    if let Some(text) = str_value(real) {
        if imaginary.is_some() {
            return Err(host
                .runtime()
                .type_error("complex() can't take second arg if first is a string"));
        }
        return match parse(text) {
            Ok(parsed) => Ok(new(host.runtime(), parsed)),
            Err(ParseError::Malformed) => Err(host
                .runtime()
                .value_error("complex() arg is a malformed string")),
            Err(ParseError::Underscore) => {
                let message = format!(
                    "could not convert string to complex: {}",
                    crate::types::str::repr(text)
                );
                Err(host.runtime().value_error(message))
            }
        };
    }
    if imaginary.is_some_and(|value| str_value(value).is_some()) {
        return Err(host
            .runtime()
            .type_error("complex() second arg can't be a string"));
    }
    let mut real = real;
    if matches!(
        real.as_object().map(|object| &object.payload),
        Some(Payload::Instance(_))
    ) {
        let name = host.runtime().names.__complex__;
        if let Some(result) = crate::protocol::call_special(host, real, name, &[])? {
            if parts(result).is_none() {
                let runtime = host.runtime();
                let message = format!(
                    "__complex__ returned non-complex (type {})",
                    type_name(runtime, result)
                );
                return Err(runtime.type_error(message));
            }
            real = result;
        }
    }
    let real_parts = match parts(real) {
        Some(parts) => (parts, true),
        None => match real_part(host, real)? {
            Some(float) => ((float, 0.0), false),
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    type_name(runtime, real)
                );
                return Err(runtime.type_error(message));
            }
        },
    };
    let (mut result, real_is_complex) = real_parts;
    if let Some(imaginary) = imaginary {
        let (imaginary_parts, imaginary_is_complex) = match parts(imaginary) {
            Some(parts) => (parts, true),
            None => match real_part(host, imaginary)? {
                Some(float) => ((float, 0.0), false),
                None => {
                    let runtime = host.runtime();
                    let message = format!(
                        "complex() second argument must be a number, not '{}'",
                        type_name(runtime, imaginary)
                    );
                    return Err(runtime.type_error(message));
                }
            },
        };
        let mut imaginary_result = imaginary_parts.0;
        if imaginary_is_complex {
            result.0 -= imaginary_parts.1;
        }
        if real_is_complex {
            imaginary_result += result.1;
        }
        result.1 = imaginary_result;
    }
    Ok(new(host.runtime(), result))
}

fn receiver(host: &mut dyn Host, arguments: &Arguments, name: &str) -> PyResult<Complex> {
    if arguments.values.len() > 1 {
        let message = format!(
            "complex.{name}() takes no arguments ({} given)",
            arguments.values.len() - 1
        );
        return Err(host.runtime().type_error(message));
    }
    match arguments.values.first().and_then(|&value| parts(value)) {
        Some(parts) => Ok(parts),
        None => {
            let message =
                format!("descriptor '{name}' for 'complex' objects doesn't apply to this object");
            Err(host.runtime().type_error(message))
        }
    }
}

/// `z.conjugate()`.
fn conjugate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (real, imaginary) = receiver(host, &arguments, "conjugate")?;
    Ok(new(host.runtime(), (real, -imaginary)))
}

/// `z.__complex__()`: an exact complex with the same value.
fn dunder_complex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = receiver(host, &arguments, "__complex__")?;
    Ok(new(host.runtime(), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cpython_forms() {
        assert_eq!(parse("1+2j"), Ok((1.0, 2.0)));
        assert_eq!(parse("  (3-4j)  "), Ok((3.0, -4.0)));
        assert_eq!(parse("-j"), Ok((0.0, -1.0)));
        assert_eq!(parse("1e-3-1e3j"), Ok((0.001, -1000.0)));
        assert_eq!(parse("1_000+2_0j"), Ok((1000.0, 20.0)));
        assert_eq!(parse(".5-.5j"), Ok((0.5, -0.5)));
        assert_eq!(parse("3.j"), Ok((0.0, 3.0)));
        for malformed in ["0x1", "1+", "1 + 2j", "", "(1+2j", "1+2jj"] {
            assert_eq!(parse(malformed), Err(ParseError::Malformed), "{malformed}");
        }
        for misplaced in ["1__0", "_1", "1_"] {
            assert_eq!(parse(misplaced), Err(ParseError::Underscore), "{misplaced}");
        }
    }

    #[test]
    fn powers_match_cpython() {
        assert!(
            matches!(power((1.0, 1.0), (10.0, 0.0)), Ok((real, imaginary)) if real == 0.0 && imaginary == 32.0)
        );
        assert!(matches!(
            power((0.0, 0.0), (-1.0, 0.0)),
            Err(PowerError::ZeroDivision)
        ));
        let squared = power((1e200, 1e200), (2.0, 0.0)).ok();
        assert!(squared.is_some_and(|(real, imaginary)| real.is_nan() && imaginary.is_nan()));
    }
}
