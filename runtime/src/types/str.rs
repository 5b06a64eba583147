//! `str`: repr with Python's quoting, indexing and slicing by character, and the str methods.
//!
//! Text is UTF-8; Python indexes by code point, so every index-based method converts between
//! character indices and byte offsets (`search::CharIndex`), with ASCII strings taking the
//! byte-for-byte shortcut. The methods live in submodules by concern:
//!
//! - `arguments`: receiver and argument checking with CPython's messages;
//! - `case`: `upper`, `lower`, `title`, … and the case predicates;
//! - `classify`: `isdigit`, `isalpha`, `isidentifier`, … over [`unicode_tables`];
//! - `search`: `find`, `count`, `startswith`, `partition`, `replace`, …;
//! - `split`: `split`, `rsplit`, `splitlines`, `strip`, `join`;
//! - `layout`: `center`, `ljust`, `rjust`, `zfill`, `expandtabs`;
//! - `convert`: `encode`, `translate`, `maketrans`, `format` and the operator dunders.

mod arguments;
mod case;
pub mod classify;
mod convert;
mod layout;
mod search;
mod split;
pub mod unicode_tables;

pub use classify::{decimal_value, in_table, is_space};
pub(crate) use convert::{find_codec, Codec};

use crate::object::Payload;
use crate::types::sequence::{bad_index, index_value, resolve_index, resolve_slice, SliceRange};
use crate::value::Value;
use crate::{Host, PyResult, Runtime};

/// The str static methods.
pub const STATIC_METHODS: crate::types::MethodTable = &[("maketrans", convert::maketrans)];

/// The str methods.
pub const METHODS: crate::types::MethodTable = &[
    ("join", split::join),
    ("upper", case::upper),
    ("lower", case::lower),
    ("capitalize", case::capitalize),
    ("title", case::title),
    ("swapcase", case::swapcase),
    ("casefold", case::casefold),
    ("isupper", case::isupper),
    ("islower", case::islower),
    ("istitle", case::istitle),
    ("strip", split::strip),
    ("lstrip", split::lstrip),
    ("rstrip", split::rstrip),
    ("split", split::split),
    ("rsplit", split::rsplit),
    ("splitlines", split::splitlines),
    ("partition", search::partition),
    ("rpartition", search::rpartition),
    ("replace", search::replace),
    ("find", search::find),
    ("rfind", search::rfind),
    ("index", search::index),
    ("rindex", search::rindex),
    ("count", search::count),
    ("startswith", search::startswith),
    ("endswith", search::endswith),
    ("removeprefix", search::removeprefix),
    ("removesuffix", search::removesuffix),
    ("isdigit", classify::isdigit),
    ("isdecimal", classify::isdecimal),
    ("isnumeric", classify::isnumeric),
    ("isalpha", classify::isalpha),
    ("isalnum", classify::isalnum),
    ("isspace", classify::isspace),
    ("isidentifier", classify::isidentifier),
    ("isprintable", classify::isprintable),
    ("isascii", classify::isascii),
    ("center", layout::center),
    ("ljust", layout::ljust),
    ("rjust", layout::rjust),
    ("zfill", layout::zfill),
    ("expandtabs", layout::expandtabs),
    ("format", convert::format),
    ("format_map", convert::format_map),
    ("encode", convert::encode),
    ("translate", convert::translate),
    ("__len__", convert::dunder_len),
    ("__getitem__", convert::dunder_getitem),
    ("__contains__", convert::dunder_contains),
    ("__add__", convert::dunder_add),
    ("__mul__", convert::dunder_mul),
    ("__rmul__", convert::dunder_mul),
    ("__mod__", convert::dunder_mod),
    ("__format__", convert::dunder_format),
];

/// The text of a str value.
pub fn text(value: Value) -> Option<&'static str> {
    crate::protocol::str_value(value)
}

/// `repr(text)`: single quotes unless the text contains one and no double quote; escapes.
pub fn repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
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

/// Python's `str.isprintable` for one character (what `repr` leaves unescaped).
pub fn is_printable(character: char) -> bool {
    if character.is_ascii() {
        return (' '..='~').contains(&character);
    }
    in_table(unicode_tables::PRINTABLE, character)
}

/// The character at a character index (ASCII strings index by byte).
pub fn char_at(text: &crate::object::StrObject, index: usize) -> Option<char> {
    if text.is_ascii() {
        text.text().as_bytes().get(index).map(|&byte| byte as char)
    } else {
        text.text().get(text.byte_offset(index)..)?.chars().next()
    }
}

/// The interpreter's fast path of `text[i]`: an exact ASCII str indexed by an in-range small
/// int gives the shared one-character str; `None` for everything else (which takes
/// [`get_item`], with its errors).
#[inline]
pub fn get_ascii_item(runtime: &Runtime, value: Value, key: Value) -> Option<Value> {
    let (Some(Payload::Str(string)), Some(index)) = (
        value.as_object().map(|object| &object.payload),
        key.as_small_int(),
    ) else {
        return None;
    };
    if !string.is_ascii() {
        return None;
    }
    let bytes = string.text().as_bytes();
    let resolved = if index < 0 {
        index + bytes.len() as i64
    } else {
        index
    };
    let byte = *bytes.get(usize::try_from(resolved).ok()?)?;
    runtime.ascii_char(byte)
}

/// `text[i]` for an exact str of any text indexed by an in-range small int, when the character
/// there is ASCII: the shared one-character str, found through the str's character index (so a
/// parser stepping through non-ASCII text allocates nothing per ASCII character). `None` for
/// everything else, which takes [`get_item`].
#[inline(never)]
pub fn get_cached_char_item(runtime: &Runtime, value: Value, key: Value) -> Option<Value> {
    let (Some(Payload::Str(string)), Some(index)) = (
        value.as_object().map(|object| &object.payload),
        key.as_small_int(),
    ) else {
        return None;
    };
    let count = string.char_count() as i64;
    let resolved = if index < 0 { index + count } else { index };
    if !(0..count).contains(&resolved) {
        return None;
    }
    let byte = *string
        .text()
        .as_bytes()
        .get(string.byte_offset(resolved as usize))?;
    runtime.ascii_char(byte)
}

/// `text[key]`.
pub fn get_item(host: &mut dyn Host, value: Value, key: Value) -> PyResult<Value> {
    let Some(Payload::Str(string)) = value.as_object().map(|object| &object.payload) else {
        return Ok(Value::NONE);
    };
    if let Some(position) = index_value(host, key, "string")? {
        let resolved = resolve_index(host, position, string.char_count(), "string")?;
        let character = char_at(string, resolved).unwrap_or(' ');
        let runtime = host.runtime();
        if let Some(shared) = runtime
            .ascii_char(character as u32 as u8)
            .filter(|_| character.is_ascii())
        {
            return Ok(shared);
        }
        let mut buffer = [0u8; 4];
        return Ok(runtime.new_str_with_char_count(character.encode_utf8(&mut buffer), 1));
    }
    if let Some(range) = resolve_slice(host, key, string.char_count())? {
        return Ok(slice(host.runtime(), value, range));
    }
    Err(bad_index(host, key, "string"))
}

/// `text[start:stop:step]` for a slice resolved against the str's character count (`value` is
/// a str; anything else slices as empty). The whole str is itself.
pub fn slice(runtime: &mut crate::Runtime, value: Value, range: SliceRange) -> Value {
    let Some(Payload::Str(string)) = value.as_object().map(|object| &object.payload) else {
        return runtime.new_str("");
    };
    if range.step == 1 && range.count == string.char_count() {
        return value;
    }
    let text = string.text();
    let start = range.start as usize;
    if range.step == 1 {
        // A run of characters: one copy of its bytes, no counting.
        let (low, high) = if string.is_ascii() {
            (start, start + range.count)
        } else {
            // The end first: a parser slicing out the token it has just scanned past has
            // the character cursor there, and the start is a short step back from it.
            let high = string.byte_offset(start + range.count);
            (string.byte_offset(start), high)
        };
        let slice = text.get(low..high).unwrap_or("");
        return runtime.new_str_with_char_count(slice, range.count);
    }
    let result: String = if string.is_ascii() {
        let bytes = text.as_bytes();
        range.indices().map(|index| bytes[index] as char).collect()
    } else {
        let characters: Vec<char> = text.chars().collect();
        range.indices().map(|index| characters[index]).collect()
    };
    runtime.new_string_with_char_count(result, range.count)
}

/// `left + right` for the exact str `left` and the str `right` (exact when `right_is_exact`),
/// each with its payload. As CPython: an empty operand gives back the other (when it is an
/// exact str), and one-character results are the shared ones. Allocates, never collects (so
/// compiled code calls it without a flush, through the `concat_strings` fast path).
pub fn concatenate(
    runtime: &mut Runtime,
    (left, a): (Value, &crate::object::StrObject),
    (right, b): (Value, &crate::object::StrObject),
    right_is_exact: bool,
) -> Value {
    if b.byte_len() == 0 {
        return left;
    }
    if a.byte_len() == 0 && right_is_exact {
        return right;
    }
    if a.byte_len() + b.byte_len() == 1 {
        let joined = format!("{}{}", a.text(), b.text());
        return runtime.new_str(&joined);
    }
    let char_count = a.char_count() + b.char_count();
    let joined = crate::object::StrObject::concat(&[a.text(), b.text()], char_count);
    runtime.heap.allocate(Payload::Str(joined))
}
