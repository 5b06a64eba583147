//! The UTF-16 and UTF-32 codecs (`utf-16`, `utf-16-le`, `utf-16-be`, and the same for 32),
//! with CPython's byte-order marks and error reasons.
//!
//! `utf-16`/`utf-32` write a little-endian BOM when encoding and, when decoding, honour a
//! leading BOM (little-endian without one). Encoding cannot fail: krait's strs hold no lone
//! surrogates.

use crate::{Host, PyResult};

/// Byte order of a wide codec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Endian {
    /// Little-endian.
    Little,
    /// Big-endian.
    Big,
}

/// A wide codec: its unit width (2 or 4 bytes), and its byte order, `None` for the
/// BOM-writing, BOM-reading plain `utf-16`/`utf-32`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Wide {
    /// 2 for UTF-16, 4 for UTF-32.
    pub width: usize,
    /// Fixed byte order, or `None` for the BOM variant.
    pub endian: Option<Endian>,
}

impl Wide {
    fn name(width: usize, endian: Endian) -> &'static str {
        match (width, endian) {
            (2, Endian::Little) => "utf-16-le",
            (2, Endian::Big) => "utf-16-be",
            (_, Endian::Little) => "utf-32-le",
            (_, Endian::Big) => "utf-32-be",
        }
    }
}

/// What to do with undecodable bytes (the `errors` argument).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OnError {
    /// Raise.
    Strict,
    /// Skip.
    Ignore,
    /// U+FFFD.
    Replace,
    /// `\xNN` escapes.
    BackslashReplace,
}

fn put(out: &mut Vec<u8>, unit: u32, width: usize, endian: Endian) {
    match (width, endian) {
        (2, Endian::Little) => out.extend_from_slice(&(unit as u16).to_le_bytes()),
        (2, Endian::Big) => out.extend_from_slice(&(unit as u16).to_be_bytes()),
        (_, Endian::Little) => out.extend_from_slice(&unit.to_le_bytes()),
        (_, Endian::Big) => out.extend_from_slice(&unit.to_be_bytes()),
    }
}

/// `text.encode(codec)`.
pub fn encode(text: &str, codec: Wide) -> Vec<u8> {
    let endian = codec.endian.unwrap_or(Endian::Little);
    let mut out = Vec::with_capacity(text.len() * codec.width + 4);
    if codec.endian.is_none() {
        put(&mut out, 0xfeff, codec.width, endian);
    }
    for character in text.chars() {
        if codec.width == 4 {
            put(&mut out, character as u32, 4, endian);
        } else {
            let mut units = [0u16; 2];
            for &unit in character.encode_utf16(&mut units).iter() {
                put(&mut out, u32::from(unit), 2, endian);
            }
        }
    }
    out
}

fn unit_at(data: &[u8], position: usize, width: usize, endian: Endian) -> u32 {
    let bytes = &data[position..position + width];
    match (width, endian) {
        (2, Endian::Little) => u32::from(u16::from_le_bytes([bytes[0], bytes[1]])),
        (2, Endian::Big) => u32::from(u16::from_be_bytes([bytes[0], bytes[1]])),
        (_, Endian::Little) => u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
        (_, Endian::Big) => u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
    }
}

/// `data.decode(codec, errors)`.
pub fn decode(
    host: &mut dyn Host,
    data: &[u8],
    codec: Wide,
    on_error: OnError,
) -> PyResult<String> {
    let width = codec.width;
    let (endian, mut position) = match codec.endian {
        Some(endian) => (endian, 0),
        None => {
            let little_bom: &[u8] = if width == 2 {
                b"\xff\xfe"
            } else {
                b"\xff\xfe\x00\x00"
            };
            let big_bom: &[u8] = if width == 2 {
                b"\xfe\xff"
            } else {
                b"\x00\x00\xfe\xff"
            };
            if data.starts_with(little_bom) {
                (Endian::Little, width)
            } else if data.starts_with(big_bom) {
                (Endian::Big, width)
            } else {
                (Endian::Little, 0)
            }
        }
    };
    let name = Wide::name(width, endian);
    let mut out = String::with_capacity(data.len() / width);
    while position < data.len() {
        // (start, end, reason) of an undecodable stretch, or the next character.
        let failure: (usize, usize, &str);
        if position + width > data.len() {
            failure = (position, data.len(), "truncated data");
        } else {
            let unit = unit_at(data, position, width, endian);
            if width == 4 {
                match char::from_u32(unit) {
                    Some(character) => {
                        out.push(character);
                        position += 4;
                        continue;
                    }
                    None if (0xd800..0xe000).contains(&unit) => {
                        failure = (
                            position,
                            position + 4,
                            "code point in surrogate code point range(0xd800, 0xe000)",
                        )
                    }
                    None => failure = (position, position + 4, "code point not in range(0x110000)"),
                }
            } else if (0xdc00..0xe000).contains(&unit) {
                failure = (position, position + 2, "illegal encoding");
            } else if (0xd800..0xdc00).contains(&unit) {
                if position + 4 > data.len() {
                    failure = (position, data.len(), "unexpected end of data");
                } else {
                    let low = unit_at(data, position + 2, 2, endian);
                    if (0xdc00..0xe000).contains(&low) {
                        let code = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        position += 4;
                        continue;
                    }
                    failure = (position, position + 2, "illegal UTF-16 surrogate");
                }
            } else {
                out.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
                position += 2;
                continue;
            }
        }
        let (start, end, reason) = failure;
        match on_error {
            OnError::Strict => {
                return Err(crate::types::unicode_error::decode_error(
                    host.runtime(),
                    name,
                    data,
                    start,
                    end,
                    reason,
                ))
            }
            OnError::Ignore => {}
            OnError::Replace => out.push('\u{fffd}'),
            OnError::BackslashReplace => {
                for byte in &data[start..end] {
                    out.push_str(&format!("\\x{byte:02x}"));
                }
            }
        }
        position = end;
    }
    Ok(out)
}
