//! `str`: repr with Python's quoting, indexing and slicing by character, and the str methods.

use crate::object::Payload;
use crate::types::sequence::{bad_index, index_value, resolve_index, resolve_slice};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The str methods.
pub const METHODS: crate::types::MethodTable = &[("join", join), ("upper", upper), ("lower", lower)];

/// The text of a str value.
pub fn text(value: Value) -> Option<&'static str> {
    crate::protocol::str_value(value)
}

/// `repr(text)`: single quotes unless the text contains one and no double quote; escapes.
pub fn repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if character == quote => {
                out.push('\\');
                out.push(quote);
            }
            _ if (character as u32) < 0x20 || character as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", character as u32));
            }
            _ if !is_printable(character) => {
                let code = character as u32;
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code <= 0xffff {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            _ => out.push(character),
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable` for one character.
pub fn is_printable(character: char) -> bool {
    let code = character as u32;
    !(code < 0x20
        || (0x7f..0xa0).contains(&code)
        || code == 0xad
        || (0x2028..=0x2029).contains(&code)
        || (0xd800..0xe000).contains(&code)
        || (0xfff9..=0xfffb).contains(&code)
        || code == 0xfeff
        || (0xe000..0xf900).contains(&code)
        || (0xf0000..).contains(&code)
        || (0x200b..=0x200f).contains(&code)
        || (0x2060..=0x2064).contains(&code))
}

/// The character at a character index (ASCII strings index by byte).
pub fn char_at(text: &crate::object::StrObject, index: usize) -> Option<char> {
    if text.is_ascii {
        text.text.as_bytes().get(index).map(|&byte| byte as char)
    } else {
        text.text.chars().nth(index)
    }
}

/// `text[key]`.
pub fn get_item(host: &mut dyn Host, value: Value, key: Value) -> PyResult<Value> {
    let Some(Payload::Str(string)) = value.as_object().map(|object| &object.payload) else {
        return Ok(Value::NONE);
    };
    if let Some(position) = index_value(host, key, "string")? {
        let resolved = resolve_index(host, position, string.char_count, "string")?;
        let character = char_at(string, resolved).unwrap_or(' ');
        let mut buffer = [0u8; 4];
        return Ok(host.runtime().new_str(character.encode_utf8(&mut buffer)));
    }
    if let Some(range) = resolve_slice(host, key, string.char_count)? {
        let result: String = if string.is_ascii {
            let bytes = string.text.as_bytes();
            if range.step == 1 {
                string.text[range.start as usize..(range.start as usize + range.count)].to_owned()
            } else {
                range.indices().map(|index| bytes[index] as char).collect()
            }
        } else {
            let characters: Vec<char> = string.text.chars().collect();
            range.indices().map(|index| characters[index]).collect()
        };
        return Ok(host.runtime().new_string(result));
    }
    Err(bad_index(host, key, "string"))
}

fn receiver(host: &mut dyn Host, arguments: &Arguments, name: &str) -> PyResult<&'static str> {
    match arguments.values.first().and_then(|&value| text(value)) {
        Some(text) => Ok(text),
        None => Err(host.runtime().type_error(format!("descriptor '{name}' requires a 'str' object"))),
    }
}

fn join(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let separator = receiver(host, &arguments, "join")?;
    let Some(&iterable) = arguments.values.get(1) else {
        return Err(host.runtime().type_error("str.join() takes exactly one argument (0 given)"));
    };
    let items = crate::protocol::collect(host, iterable)?;
    let mut out = String::new();
    for (position, item) in items.iter().enumerate() {
        let Some(piece) = text(*item) else {
            let runtime = host.runtime();
            let message = format!("sequence item {position}: expected str instance, {} found", crate::protocol::type_name(runtime, *item));
            return Err(runtime.type_error(message));
        };
        if position > 0 {
            out.push_str(separator);
        }
        out.push_str(piece);
    }
    Ok(host.runtime().new_string(out))
}

fn upper(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let text = receiver(host, &arguments, "upper")?;
    let result = text.to_uppercase();
    Ok(host.runtime().new_string(result))
}

fn lower(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let text = receiver(host, &arguments, "lower")?;
    let result = text.to_lowercase();
    Ok(host.runtime().new_string(result))
}
