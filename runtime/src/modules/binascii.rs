//! `_binascii`: hex and base64 conversions and the CRC-32 and Adler-32 checksums, under
//! `lib/binascii.py`, `lib/base64.py` and `lib/zlib.py`.
//!
//! A conversion that fails returns a str (the message for `binascii.Error`) instead of bytes;
//! the Python layer raises it.

use super::argument;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_binascii");
    super::add_functions(
        runtime,
        module,
        "_binascii",
        &[
            ("hexlify", hexlify),
            ("unhexlify", unhexlify),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("crc32", crc32),
            ("adler32", adler32),
        ],
    );
    module
}

/// The bytes of a bytes-like argument (str only where `ascii_str` allows, as the a2b
/// functions accept ASCII str).
fn data_argument(host: &mut dyn Host, value: Value, ascii_str: bool) -> PyResult<Vec<u8>> {
    if let Some(bytes) = crate::types::bytes::buffer(value) {
        return Ok(bytes.into_owned());
    }
    if let Some(text) = crate::protocol::str_value(value) {
        if ascii_str {
            if !text.is_ascii() {
                return Err(host
                    .runtime()
                    .value_error("string argument should contain only ASCII characters"));
            }
            return Ok(text.as_bytes().to_vec());
        }
    }
    let runtime = host.runtime();
    let message = if ascii_str {
        format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            crate::protocol::type_name(runtime, value)
        )
    } else {
        format!(
            "a bytes-like object is required, not '{}'",
            crate::protocol::type_name(runtime, value)
        )
    };
    Err(runtime.type_error(message))
}

fn failure(host: &mut dyn Host, message: &str) -> PyResult<Value> {
    Ok(host.runtime().new_str(message))
}

/// `hexlify(data, sep, bytes_per_sep)`: sep is None or a one-character str or bytes.
fn hexlify(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let data = data_argument(host, argument(&arguments, 0), false)?;
    let separator_value = argument(&arguments, 1);
    let separator = if separator_value.is_none() {
        None
    } else if let Some(text) = crate::protocol::str_value(separator_value) {
        Some(text.as_bytes().to_vec())
    } else {
        crate::types::bytes::buffer(separator_value).map(|bytes| bytes.into_owned())
    };
    let group = argument(&arguments, 2).as_small_int().unwrap_or(1);
    let mut out = Vec::with_capacity(data.len() * 3);
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let separator = match separator {
        Some(separator) if separator.len() != 1 => {
            return Err(host.runtime().value_error("sep must be length 1."));
        }
        Some(separator) if !separator[0].is_ascii() => {
            return Err(host.runtime().value_error("sep must be ASCII."));
        }
        Some(separator) if group != 0 => Some(separator[0]),
        _ => None,
    };
    let size = group.unsigned_abs() as usize;
    for (index, byte) in data.iter().enumerate() {
        if let Some(separator) = separator {
            if index > 0 {
                // Groups count from the right for a positive bytes_per_sep, from the left
                // for a negative one.
                let boundary = if group > 0 {
                    (data.len() - index) % size == 0
                } else {
                    index % size == 0
                };
                if boundary {
                    out.push(separator);
                }
            }
        }
        out.push(DIGITS[(byte >> 4) as usize]);
        out.push(DIGITS[(byte & 15) as usize]);
    }
    Ok(crate::types::bytes::new_bytes(host.runtime(), out))
}

fn unhexlify(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let data = data_argument(host, argument(&arguments, 0), true)?;
    if data.len() % 2 == 1 {
        return failure(host, "Odd-length string");
    }
    let digit = |byte: u8| (byte as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(high), Some(low)) => out.push((high * 16 + low) as u8),
            _ => return failure(host, "Non-hexadecimal digit found"),
        }
    }
    Ok(crate::types::bytes::new_bytes(host.runtime(), out))
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `b2a_base64(data, newline)`.
fn b2a_base64(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let data = data_argument(host, argument(&arguments, 0), false)?;
    let newline = argument(&arguments, 1) != Value::FALSE;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let bits = (u32::from(chunk[0]) << 16)
            | (u32::from(chunk.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(chunk.get(2).copied().unwrap_or(0));
        for index in 0..4 {
            if index <= chunk.len() {
                out.push(BASE64[((bits >> (18 - 6 * index)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(crate::types::bytes::new_bytes(host.runtime(), out))
}

fn base64_value(byte: u8) -> Option<u32> {
    BASE64
        .iter()
        .position(|&candidate| candidate == byte)
        .map(|position| position as u32)
}

/// `a2b_base64(data, strict_mode)`: characters outside the alphabet are skipped unless
/// strict; decoding stops at complete padding.
fn a2b_base64(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let data = data_argument(host, argument(&arguments, 0), true)?;
    let strict = argument(&arguments, 1) == Value::TRUE;
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let mut quad_position = 0;
    let mut accumulator: u32 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    let mut characters = 0usize;
    for (index, &byte) in data.iter().enumerate() {
        if byte == b'=' {
            padding_started = true;
            if strict && quad_position == 0 && index == 0 {
                return failure(host, "Leading padding not allowed");
            }
            pads += 1;
            if quad_position >= 2 && quad_position + pads >= 4 {
                if strict && index + 1 < data.len() {
                    return failure(host, "Excess data after padding");
                }
                // Padding ends a quad of two or three characters: emit its whole bytes.
                if quad_position == 2 {
                    out.push((accumulator >> 4) as u8);
                } else {
                    out.extend_from_slice(&[(accumulator >> 10) as u8, (accumulator >> 2) as u8]);
                }
                quad_position = 0;
                break;
            }
            continue;
        }
        let Some(value) = base64_value(byte) else {
            if strict {
                return failure(host, "Only base64 data is allowed");
            }
            continue;
        };
        if strict && padding_started {
            return failure(host, "Discontinuous padding not allowed");
        }
        pads = 0;
        characters += 1;
        accumulator = (accumulator << 6) | value;
        quad_position += 1;
        if quad_position == 4 {
            out.extend_from_slice(&[
                (accumulator >> 16) as u8,
                (accumulator >> 8) as u8,
                accumulator as u8,
            ]);
            accumulator = 0;
            quad_position = 0;
        }
    }
    if quad_position != 0 {
        if quad_position == 1 {
            let message = format!(
                "Invalid base64-encoded string: number of data characters ({characters}) cannot be 1 more than a multiple of 4"
            );
            return failure(host, &message);
        }
        return failure(host, "Incorrect padding");
    }
    Ok(crate::types::bytes::new_bytes(host.runtime(), out))
}

/// The CRC-32 of `data` continuing from `value` (zlib's polynomial, as `binascii.crc32`).
pub fn crc32_update(mut value: u32, data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (index, entry) in table.iter_mut().enumerate() {
            let mut crc = index as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    0xEDB8_8320 ^ (crc >> 1)
                } else {
                    crc >> 1
                };
            }
            *entry = crc;
        }
        table
    });
    value = !value;
    for &byte in data {
        value = table[((value ^ u32::from(byte)) & 0xff) as usize] ^ (value >> 8);
    }
    !value
}

/// The Adler-32 of `data` continuing from `value`.
pub fn adler32_update(value: u32, data: &[u8]) -> u32 {
    const MODULUS: u32 = 65521;
    let mut low = value & 0xffff;
    let mut high = value >> 16;
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            low += u32::from(byte);
            high += low;
        }
        low %= MODULUS;
        high %= MODULUS;
    }
    (high << 16) | low
}

fn start_value(arguments: &Arguments, default: u32) -> u32 {
    match arguments
        .values
        .get(1)
        .and_then(|&value| crate::types::int::as_int(value))
    {
        Some(int) => {
            let big = int.to_bigint().into_owned();
            let masked: num_bigint::BigInt = big & num_bigint::BigInt::from(0xffff_ffffu32);
            num_traits::ToPrimitive::to_u32(&masked).unwrap_or(0)
        }
        None => default,
    }
}

fn crc32(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let data = data_argument(host, argument(&arguments, 0), false)?;
    let value = crc32_update(start_value(&arguments, 0), &data);
    Ok(host.runtime().new_int(i64::from(value)))
}

fn adler32(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let data = data_argument(host, argument(&arguments, 0), false)?;
    let value = adler32_update(start_value(&arguments, 1), &data);
    Ok(host.runtime().new_int(i64::from(value)))
}
