//! `_zlib`: deflate compression and decompression in the zlib, gzip and raw formats, under
//! `lib/zlib.py`, on miniz_oxide.
//!
//! Decompression accepts anything zlib produces. Compression produces valid streams that
//! any inflater reads, but not byte for byte what CPython's zlib (the C library) produces:
//! the two deflate implementations choose different matches.
//!
//! A failure returns a str (the message for `zlib.error`); the Python layer raises it.

use miniz_oxide::inflate::TINFLStatus;

use super::binascii::crc32_update;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_zlib");
    super::add_functions(
        runtime,
        module,
        "_zlib",
        &[("compress", compress), ("decompress", decompress)],
    );
    module
}

fn data_argument(host: &mut dyn Host, value: Value) -> PyResult<Vec<u8>> {
    match crate::types::bytes::buffer(value) {
        Some(bytes) => Ok(bytes.into_owned()),
        None => {
            let runtime = host.runtime();
            let message = format!(
                "a bytes-like object is required, not '{}'",
                crate::protocol::type_name(runtime, value)
            );
            Err(runtime.type_error(message))
        }
    }
}

fn small(arguments: &Arguments, index: usize, default: i64) -> i64 {
    arguments
        .values
        .get(index)
        .and_then(|value| value.as_small_int())
        .unwrap_or(default)
}

/// `compress(data, level, wbits)`: wbits 9..15 is zlib, -15..-9 raw, 25..31 gzip.
fn compress(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let data = data_argument(
        host,
        arguments.values.first().copied().unwrap_or(Value::NONE),
    )?;
    let level = small(&arguments, 1, -1);
    let wbits = small(&arguments, 2, 15);
    if !(-1..=9).contains(&level) {
        return Ok(host.runtime().new_str("Bad compression level"));
    }
    let level = if level < 0 { 6 } else { level as u8 };
    let out = match wbits {
        9..=15 => miniz_oxide::deflate::compress_to_vec_zlib(&data, level),
        -15..=-9 => miniz_oxide::deflate::compress_to_vec(&data, level),
        25..=31 => {
            let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
            out.extend(miniz_oxide::deflate::compress_to_vec(&data, level));
            out.extend_from_slice(&crc32_update(0, &data).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out
        }
        _ => return Ok(host.runtime().new_str("Invalid initialization option")),
    };
    Ok(crate::types::bytes::new_bytes(host.runtime(), out))
}

fn inflate_error(status: TINFLStatus) -> &'static str {
    match status {
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            "Error -5 while decompressing data: incomplete or truncated stream"
        }
        TINFLStatus::Adler32Mismatch => "Error -3 while decompressing data: incorrect data check",
        _ => "Error -3 while decompressing data: invalid block type",
    }
}

/// The deflate data of a gzip member (after its header), or an error message.
fn gzip_body(data: &[u8]) -> Result<&[u8], &'static str> {
    if data.len() < 10 || data[0] != 0x1f || data[1] != 0x8b {
        return Err("Error -3 while decompressing data: incorrect header check");
    }
    if data[2] != 8 {
        return Err("Error -3 while decompressing data: unknown compression method");
    }
    let flags = data[3];
    let mut position = 10;
    let truncated = "Error -5 while decompressing data: incomplete or truncated stream";
    if flags & 4 != 0 {
        let extra = data.get(position..position + 2).ok_or(truncated)?;
        position += 2 + usize::from(u16::from_le_bytes([extra[0], extra[1]]));
    }
    for flag in [8, 16] {
        if flags & flag != 0 {
            let end = data
                .get(position..)
                .ok_or(truncated)?
                .iter()
                .position(|&byte| byte == 0)
                .ok_or(truncated)?;
            position += end + 1;
        }
    }
    if flags & 2 != 0 {
        position += 2;
    }
    data.get(position..).ok_or(truncated)
}

/// `decompress(data, wbits)`: wbits as for compress, or 40..47 to detect zlib or gzip.
fn decompress(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let data = data_argument(
        host,
        arguments.values.first().copied().unwrap_or(Value::NONE),
    )?;
    let wbits = small(&arguments, 1, 15);
    let gzip = match wbits {
        25..=31 => true,
        40..=47 => data.first() == Some(&0x1f),
        _ => false,
    };
    let result = if gzip {
        match gzip_body(&data) {
            Ok(body) => miniz_oxide::inflate::decompress_to_vec(body)
                .map_err(|error| inflate_error(error.status)),
            Err(message) => Err(message),
        }
    } else if (-15..=-8).contains(&wbits) {
        miniz_oxide::inflate::decompress_to_vec(&data).map_err(|error| inflate_error(error.status))
    } else if (8..=15).contains(&wbits) || (40..=47).contains(&wbits) || wbits == 0 {
        let header_ok = data.len() >= 2
            && (u16::from(data[0]) * 256 + u16::from(data[1])) % 31 == 0
            && data[0] & 0x0f == 8;
        if data.len() < 2 {
            Err("Error -5 while decompressing data: incomplete or truncated stream")
        } else if !header_ok {
            Err("Error -3 while decompressing data: incorrect header check")
        } else {
            miniz_oxide::inflate::decompress_to_vec_zlib(&data)
                .map_err(|error| inflate_error(error.status))
        }
    } else {
        Err("Error -2 while preparing to decompress data: inconsistent stream state")
    };
    match result {
        Ok(out) => Ok(crate::types::bytes::new_bytes(host.runtime(), out)),
        Err(message) => Ok(host.runtime().new_str(message)),
    }
}
