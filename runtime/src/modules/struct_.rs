//! `_struct`: packing Python values into C layouts and back, under `lib/struct.py`.
//!
//! Formats are CPython's: a byte-order prefix (`@` native with alignment, `=` native order
//! with standard sizes, `<`, `>`, `!`) and codes with repeat counts. Native means this
//! machine (little-endian, LP64). A bad value or format returns `["error", message]` or
//! `["overflow", message]` for the Python layer to raise as `struct.error` or OverflowError.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_struct");
    super::add_functions(
        runtime,
        module,
        "_struct",
        &[("calcsize", calcsize), ("pack", pack), ("unpack", unpack)],
    );
    module
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// `@`: native order, sizes and alignment.
    Native,
    /// Standard sizes, no alignment, little-endian.
    Little,
    /// Standard sizes, no alignment, big-endian.
    Big,
}

struct Item {
    code: char,
    count: usize,
}

struct Layout {
    order: Order,
    items: Vec<Item>,
}

enum Failure {
    Error(String),
    Overflow(String),
}

fn error(message: impl Into<String>) -> Failure {
    Failure::Error(message.into())
}

fn parse(format: &str) -> Result<Layout, Failure> {
    let mut characters = format.chars().peekable();
    let order = match characters.peek() {
        Some('@') => {
            characters.next();
            Order::Native
        }
        Some('=') | Some('<') => {
            characters.next();
            Order::Little
        }
        Some('>') | Some('!') => {
            characters.next();
            Order::Big
        }
        _ => Order::Native,
    };
    let mut items = Vec::new();
    while let Some(character) = characters.next() {
        if character.is_whitespace() {
            continue;
        }
        let (code, count) = if character.is_ascii_digit() {
            let mut count = character.to_digit(10).unwrap_or(0) as usize;
            while let Some(digit) = characters.peek().and_then(|next| next.to_digit(10)) {
                characters.next();
                count = count
                    .checked_mul(10)
                    .and_then(|count| count.checked_add(digit as usize))
                    .ok_or_else(|| error("total struct size too long"))?;
            }
            match characters.next() {
                Some(code) => (code, count),
                None => return Err(error("repeat count given without format specifier")),
            }
        } else {
            (character, 1)
        };
        if size_of(code, order).is_none() {
            return Err(error("bad char in struct format"));
        }
        items.push(Item { code, count });
    }
    Ok(Layout { order, items })
}

fn size_of(code: char, order: Order) -> Option<usize> {
    Some(match code {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' => {
            if order == Order::Native {
                8
            } else {
                4
            }
        }
        'q' | 'Q' | 'd' => 8,
        'n' | 'N' | 'P' if order == Order::Native => 8,
        _ => return None,
    })
}

/// Each item's offset, and the total size.
fn offsets(layout: &Layout) -> (Vec<usize>, usize) {
    let mut offset: usize = 0;
    let mut starts = Vec::with_capacity(layout.items.len());
    for item in &layout.items {
        let size = size_of(item.code, layout.order).unwrap_or(1);
        if layout.order == Order::Native && !matches!(item.code, 's' | 'p' | 'x' | 'c') {
            offset = offset.div_ceil(size) * size;
        }
        starts.push(offset);
        offset += match item.code {
            's' | 'p' | 'x' => item.count,
            _ => size * item.count,
        };
    }
    (starts, offset)
}

fn format_argument(host: &mut dyn Host, value: Value) -> PyResult<String> {
    if let Some(text) = crate::protocol::str_value(value) {
        return Ok(text.to_string());
    }
    if let Some(bytes) = crate::types::bytes::buffer(value) {
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    let runtime = host.runtime();
    let message = format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        crate::protocol::type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

fn failure_value(runtime: &mut Runtime, failure: Failure) -> Value {
    let (kind, message) = match failure {
        Failure::Error(message) => ("error", message),
        Failure::Overflow(message) => ("overflow", message),
    };
    let mark = runtime.root_mark();
    let kind = runtime.new_str(kind);
    runtime.push_root(kind);
    let message = runtime.new_string(message);
    runtime.push_root(message);
    let list = runtime.new_list(vec![kind, message]);
    runtime.pop_roots(mark);
    list
}

/// `calcsize(format)`: the size, or an error list.
fn calcsize(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let format = format_argument(
        host,
        arguments.values.first().copied().unwrap_or(Value::NONE),
    )?;
    match parse(&format) {
        Ok(layout) => {
            let size = offsets(&layout).1;
            Ok(host.runtime().new_int(size as i64))
        }
        Err(failure) => Ok(failure_value(host.runtime(), failure)),
    }
}

fn integer_bounds(code: char, order: Order) -> (BigInt, BigInt, bool) {
    let size = size_of(code, order).unwrap_or(8) as u32;
    let signed = matches!(code, 'b' | 'h' | 'i' | 'l' | 'q' | 'n');
    if signed {
        let half = BigInt::from(1) << (size * 8 - 1);
        (-half.clone(), half - 1, true)
    } else {
        (BigInt::zero(), (BigInt::from(1) << (size * 8)) - 1, false)
    }
}

fn range_message(code: char, order: Order, low: &BigInt, high: &BigInt, signed: bool) -> String {
    match code {
        'b' => "byte format requires -128 <= number <= 127".into(),
        'B' => "ubyte format requires 0 <= number <= 255".into(),
        'h' => "short format requires -32768 <= number <= 32767".into(),
        'H' => "ushort format requires 0 <= number <= 65535".into(),
        'i' | 'l' if signed && size_of(code, order) == Some(4) => {
            format!("'{code}' format requires {low} <= number <= {high}")
        }
        _ => "argument out of range".into(),
    }
}

fn write_integer(out: &mut [u8], value: &BigInt, order: Order) {
    let size = out.len();
    let bytes = value.to_signed_bytes_le();
    let fill = if value.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    let mut little: Vec<u8> = (0..size)
        .map(|index| bytes.get(index).copied().unwrap_or(fill))
        .collect();
    if order == Order::Big {
        little.reverse();
    }
    out.copy_from_slice(&little);
}

/// f64 to IEEE half precision, rounding to nearest even; None when too large.
fn to_half(value: f64) -> Option<u16> {
    let sign: u16 = if value.is_sign_negative() { 0x8000 } else { 0 };
    if value.is_nan() {
        return Some(sign | 0x7e00);
    }
    let magnitude = value.abs();
    if magnitude.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Scale to units of the smallest subnormal (2^-24) and round.
    if magnitude < 6.103_515_625e-5 {
        let units = (magnitude * 16_777_216.0).round_ties_even();
        return Some(sign | units as u16);
    }
    let exponent = magnitude.log2().floor() as i32;
    let mut exponent = exponent.clamp(-14, 15);
    let mut mantissa = (magnitude / 2f64.powi(exponent) - 1.0) * 1024.0;
    mantissa = mantissa.round_ties_even();
    if mantissa >= 1024.0 {
        mantissa = 0.0;
        exponent += 1;
    }
    if exponent > 15 {
        return None;
    }
    Some(sign | (((exponent + 15) as u16) << 10) | mantissa as u16)
}

fn from_half(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = ((bits >> 10) & 0x1f) as i32;
    let mantissa = f64::from(bits & 0x3ff);
    sign * match exponent {
        0 => mantissa * 2f64.powi(-24),
        31 if mantissa == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + mantissa / 1024.0) * 2f64.powi(exponent - 15),
    }
}

fn pack_value(
    host: &mut dyn Host,
    code: char,
    order: Order,
    value: Value,
    out: &mut [u8],
) -> PyResult<Result<(), Failure>> {
    match code {
        'c' => match crate::types::bytes::bytes_of(value) {
            Some((bytes, _)) if bytes.len() == 1 => out[0] = bytes[0],
            _ => {
                return Ok(Err(error(
                    "char format requires a bytes object of length 1",
                )))
            }
        },
        '?' => out[0] = u8::from(crate::protocol::truth::is_true(host, value)?),
        'e' | 'f' | 'd' => {
            let number = value.as_float().or_else(|| {
                crate::types::int::as_int(value).and_then(|int| int.to_bigint().to_f64())
            });
            let Some(number) = number else {
                return Ok(Err(error("required argument is not a float")));
            };
            let bytes: Vec<u8> = match code {
                'd' => number.to_le_bytes().to_vec(),
                'f' => {
                    let single = number as f32;
                    if single.is_infinite() && number.is_finite() {
                        return Ok(Err(Failure::Overflow(
                            "float too large to pack with f format".into(),
                        )));
                    }
                    single.to_le_bytes().to_vec()
                }
                _ => match to_half(number) {
                    Some(half) => half.to_le_bytes().to_vec(),
                    None => {
                        return Ok(Err(Failure::Overflow(
                            "float too large to pack with e format".into(),
                        )))
                    }
                },
            };
            let mut bytes = bytes;
            if order == Order::Big {
                bytes.reverse();
            }
            out.copy_from_slice(&bytes);
        }
        _ => {
            let Some(int) = crate::types::int::as_int(value) else {
                return Ok(Err(error("required argument is not an integer")));
            };
            let int = int.to_bigint().into_owned();
            let (low, high, signed) = integer_bounds(code, order);
            if int < low || int > high {
                return Ok(Err(error(range_message(code, order, &low, &high, signed))));
            }
            write_integer(out, &int, order);
        }
    }
    Ok(Ok(()))
}

/// `pack(format, values)`: the bytes, or an error list.
fn pack(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let format = format_argument(
        host,
        arguments.values.first().copied().unwrap_or(Value::NONE),
    )?;
    let values = arguments
        .values
        .get(1)
        .and_then(|&tuple| crate::types::tuple::items(tuple))
        .map(<[Value]>::to_vec)
        .unwrap_or_default();
    let layout = match parse(&format) {
        Ok(layout) => layout,
        Err(failure) => return Ok(failure_value(host.runtime(), failure)),
    };
    let expected: usize = layout
        .items
        .iter()
        .map(|item| match item.code {
            'x' => 0,
            's' | 'p' => 1,
            _ => item.count,
        })
        .sum();
    if expected != values.len() {
        let message = format!(
            "pack expected {expected} items for packing (got {})",
            values.len()
        );
        return Ok(failure_value(host.runtime(), error(message)));
    }
    let (starts, size) = offsets(&layout);
    let mut out = vec![0u8; size];
    let mut next = values.into_iter();
    for (item, &start) in layout.items.iter().zip(&starts) {
        match item.code {
            'x' => {}
            's' | 'p' => {
                let value = next.next().unwrap_or(Value::NONE);
                let Some((bytes, _)) = crate::types::bytes::bytes_of(value) else {
                    let message = format!("argument for '{}' must be a bytes object", item.code);
                    return Ok(failure_value(host.runtime(), error(message)));
                };
                let field = &mut out[start..start + item.count];
                if item.code == 's' {
                    let length = bytes.len().min(item.count);
                    field[..length].copy_from_slice(&bytes[..length]);
                } else if item.count > 0 {
                    let length = bytes.len().min(item.count - 1).min(255);
                    field[0] = length as u8;
                    field[1..=length].copy_from_slice(&bytes[..length]);
                }
            }
            code => {
                let size = size_of(code, layout.order).unwrap_or(1);
                for index in 0..item.count {
                    let value = next.next().unwrap_or(Value::NONE);
                    let field = &mut out[start + index * size..start + (index + 1) * size];
                    if let Err(failure) = pack_value(host, code, layout.order, value, field)? {
                        return Ok(failure_value(host.runtime(), failure));
                    }
                }
            }
        }
    }
    Ok(crate::types::bytes::new_bytes(host.runtime(), out))
}

fn unpack_value(runtime: &mut Runtime, code: char, order: Order, field: &[u8]) -> Value {
    let mut bytes = field.to_vec();
    if order == Order::Big {
        bytes.reverse();
    }
    match code {
        'c' => crate::types::bytes::new_bytes(runtime, bytes),
        '?' => Value::bool(bytes[0] != 0),
        'e' => Value::float(from_half(u16::from_le_bytes([bytes[0], bytes[1]]))),
        'f' => Value::float(f64::from(f32::from_le_bytes([
            bytes[0], bytes[1], bytes[2], bytes[3],
        ]))),
        'd' => {
            let mut array = [0u8; 8];
            array.copy_from_slice(&bytes);
            Value::float(f64::from_le_bytes(array))
        }
        _ => {
            let signed = matches!(code, 'b' | 'h' | 'i' | 'l' | 'q' | 'n');
            let value = if signed {
                BigInt::from_signed_bytes_le(&bytes)
            } else {
                BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
            };
            runtime.new_bigint(value)
        }
    }
}

/// `unpack(format, buffer, offset, mode)`: mode 0 needs exactly the size, 1 at least size
/// from offset (unpack_from), 2 a multiple of it (iter_unpack: returns a list of tuples).
fn unpack(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let format = format_argument(
        host,
        arguments.values.first().copied().unwrap_or(Value::NONE),
    )?;
    let buffer_value = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    let Some(buffer) = crate::types::bytes::buffer(buffer_value) else {
        let runtime = host.runtime();
        let message = format!(
            "a bytes-like object is required, not '{}'",
            crate::protocol::type_name(runtime, buffer_value)
        );
        return Err(runtime.type_error(message));
    };
    let offset = arguments
        .values
        .get(2)
        .and_then(|value| value.as_small_int())
        .unwrap_or(0);
    let mode = arguments
        .values
        .get(3)
        .and_then(|value| value.as_small_int())
        .unwrap_or(0);
    let layout = match parse(&format) {
        Ok(layout) => layout,
        Err(failure) => return Ok(failure_value(host.runtime(), failure)),
    };
    let (starts, size) = offsets(&layout);
    let offset = if offset < 0 {
        let adjusted = buffer.len() as i64 + offset;
        if adjusted < 0 {
            let message = format!(
                "offset {offset} out of range for {}-byte buffer",
                buffer.len()
            );
            return Ok(failure_value(host.runtime(), error(message)));
        }
        adjusted as usize
    } else {
        offset as usize
    };
    let records: Vec<usize> = match mode {
        1 => {
            if buffer.len() < offset + size {
                let message = format!(
                    "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {})",
                    offset + size,
                    buffer.len()
                );
                return Ok(failure_value(host.runtime(), error(message)));
            }
            vec![offset]
        }
        2 => {
            if size == 0 {
                return Ok(failure_value(
                    host.runtime(),
                    error("cannot iteratively unpack with a struct of length 0"),
                ));
            }
            if buffer.len() % size != 0 {
                let message =
                    format!("iterative unpacking requires a buffer of a multiple of {size} bytes");
                return Ok(failure_value(host.runtime(), error(message)));
            }
            (0..buffer.len() / size).map(|index| index * size).collect()
        }
        _ => {
            if buffer.len() != size {
                let message = format!("unpack requires a buffer of {size} bytes");
                return Ok(failure_value(host.runtime(), error(message)));
            }
            vec![0]
        }
    };
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let mut tuples = Vec::with_capacity(records.len());
    for record in records {
        let items_mark = runtime.root_mark();
        let mut values = Vec::new();
        for (item, &start) in layout.items.iter().zip(&starts) {
            let start = record + start;
            match item.code {
                'x' => {}
                's' => {
                    let value = crate::types::bytes::new_bytes(
                        runtime,
                        buffer[start..start + item.count].to_vec(),
                    );
                    runtime.push_root(value);
                    values.push(value);
                }
                'p' => {
                    let field = &buffer[start..start + item.count];
                    let length = field.first().map_or(0, |&length| {
                        (length as usize).min(item.count.saturating_sub(1))
                    });
                    let data = field.get(1..1 + length).unwrap_or(&[]).to_vec();
                    let value = crate::types::bytes::new_bytes(runtime, data);
                    runtime.push_root(value);
                    values.push(value);
                }
                code => {
                    let size = size_of(code, layout.order).unwrap_or(1);
                    for index in 0..item.count {
                        let field = &buffer[start + index * size..start + (index + 1) * size];
                        let value = unpack_value(runtime, code, layout.order, field);
                        runtime.push_root(value);
                        values.push(value);
                    }
                }
            }
        }
        let tuple = runtime.new_tuple(values);
        runtime.pop_roots(items_mark);
        runtime.push_root(tuple);
        tuples.push(tuple);
    }
    let result = if mode == 2 {
        runtime.new_list(tuples)
    } else {
        tuples.pop().unwrap_or(Value::NONE)
    };
    runtime.pop_roots(mark);
    Ok(result)
}
