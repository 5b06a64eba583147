//! `_json`: the fast paths of the `json` package (`lib/json/`), as CPython's C `_json` is.
//!
//! The Python package defines json's behaviour; this module only speeds up the common case
//! and declines everything else. `encode` serializes a value built of exact `dict`, `list`,
//! `tuple`, `str`, `int`, `float`, `bool` and `None`; `scan` parses a document into those. Each
//! returns `NotImplemented` when it meets anything it does not handle — a subclass, an object
//! that needs `default`, a key that needs sorting across types, a non-finite float with
//! `allow_nan=False`, nesting deeper than [`MAXIMUM_DEPTH`], a lone surrogate, an int past the
//! digit limit, or any syntax error — and the Python code then does the whole job, raising
//! CPython's exact errors. Neither path calls back into Python code, so nothing here needs
//! rooting: collections only happen at the interpreter's safepoints.

use std::collections::HashMap;

use crate::object::Payload;
use crate::types::int::{as_exact_int, check_str_digits, to_decimal};
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Nesting deeper than this is left to the Python code (which raises RecursionError where
/// CPython does), so the native stack stays small.
const MAXIMUM_DEPTH: usize = 200;

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_json");
    super::add_functions(
        runtime,
        module,
        "_json",
        &[
            ("encode_basestring_ascii", encode_basestring_ascii),
            ("encode_basestring", encode_basestring),
            ("encode", encode),
            ("scan", scan),
        ],
    );
    module
}

/// The str argument at `index`, or a TypeError naming `function`.
fn str_argument(
    host: &mut dyn Host,
    arguments: &Arguments,
    index: usize,
    function: &str,
) -> PyResult<&'static str> {
    let value = arguments
        .positionals()
        .get(index)
        .copied()
        .unwrap_or(Value::NONE);
    match crate::protocol::str_value(value) {
        Some(text) => Ok(text),
        None => {
            let type_name = crate::protocol::type_name(host.runtime(), value);
            Err(host.runtime().type_error(format!(
                "{function}() argument {} must be str, not {type_name}",
                index + 1
            )))
        }
    }
}

fn encode_basestring_ascii(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let text = str_argument(host, &arguments, 0, "encode_basestring_ascii")?;
    let mut out = String::with_capacity(text.len() + 2);
    write_string(&mut out, text, true);
    Ok(host.runtime().new_string(out))
}

fn encode_basestring(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let text = str_argument(host, &arguments, 0, "encode_basestring")?;
    let mut out = String::with_capacity(text.len() + 2);
    write_string(&mut out, text, false);
    Ok(host.runtime().new_string(out))
}

/// Appends `text` as a JSON string literal: `"`, `\` and control characters escaped, and with
/// `ascii` everything outside ' '..='~' as `\uXXXX` (surrogate pairs above U+FFFF).
fn write_string(out: &mut String, text: &str, ascii: bool) {
    out.push('"');
    let mut start = 0;
    for (offset, character) in text.char_indices() {
        let plain = if ascii {
            (' '..='~').contains(&character) && character != '"' && character != '\\'
        } else {
            character >= ' ' && character != '"' && character != '\\'
        };
        if plain {
            continue;
        }
        out.push_str(&text[start..offset]);
        start = offset + character.len_utf8();
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            _ => {
                let code = character as u32;
                if code >= 0x10000 {
                    let offset_code = code - 0x10000;
                    let high = 0xd800 | ((offset_code >> 10) & 0x3ff);
                    let low = 0xdc00 | (offset_code & 0x3ff);
                    out.push_str(&format!("\\u{high:04x}\\u{low:04x}"));
                } else {
                    out.push_str(&format!("\\u{code:04x}"));
                }
            }
        }
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// Why the native encoder stopped: the Python encoder takes over, or a real error.
enum Stop {
    Decline,
    Error(crate::PyErr),
}

/// The settings of one `encode` call.
struct Encoder<'a> {
    ascii: bool,
    allow_nan: bool,
    sort_keys: bool,
    indent: Option<&'a str>,
    item_separator: &'a str,
    key_separator: &'a str,
    out: String,
}

/// `encode(obj, ensure_ascii, allow_nan, sort_keys, indent, item_separator, key_separator)`:
/// the JSON text of `obj`, or NotImplemented (see the module docs).
fn encode(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    if positionals.len() != 7 {
        return Err(host
            .runtime()
            .type_error("encode() takes exactly 7 arguments"));
    }
    let flag = |value: Value| value == Value::TRUE;
    let indent = if positionals[4].is_none() {
        None
    } else {
        Some(str_argument(host, &arguments, 4, "encode")?)
    };
    let mut encoder = Encoder {
        ascii: flag(positionals[1]),
        allow_nan: flag(positionals[2]),
        sort_keys: flag(positionals[3]),
        indent,
        item_separator: str_argument(host, &arguments, 5, "encode")?,
        key_separator: str_argument(host, &arguments, 6, "encode")?,
        out: String::new(),
    };
    match encoder.value(host.runtime(), positionals[0], 0) {
        Ok(()) => Ok(host.runtime().new_string(encoder.out)),
        Err(Stop::Decline) => Ok(Value::NOT_IMPLEMENTED),
        Err(Stop::Error(error)) => Err(error),
    }
}

impl Encoder<'_> {
    fn float(&mut self, number: f64) -> Result<(), Stop> {
        if number.is_finite() {
            self.out.push_str(&crate::types::float::repr(number));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(Stop::Decline);
        }
        self.out.push_str(if number.is_nan() {
            "NaN"
        } else if number > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn int(&mut self, runtime: &mut Runtime, value: Value) -> Result<bool, Stop> {
        let Some(number) = as_exact_int(value) else {
            return Ok(false);
        };
        check_str_digits(runtime, &number).map_err(Stop::Error)?;
        self.out.push_str(&to_decimal(&number));
        Ok(true)
    }

    fn newline(&mut self, level: usize) {
        if let Some(indent) = self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(indent);
            }
        }
    }

    fn value(&mut self, runtime: &mut Runtime, value: Value, level: usize) -> Result<(), Stop> {
        if level > MAXIMUM_DEPTH {
            return Err(Stop::Decline);
        }
        if let Some(number) = value.as_float() {
            return self.float(number);
        }
        match value {
            Value::NONE => {
                self.out.push_str("null");
                return Ok(());
            }
            Value::TRUE => {
                self.out.push_str("true");
                return Ok(());
            }
            Value::FALSE => {
                self.out.push_str("false");
                return Ok(());
            }
            _ => {}
        }
        if self.int(runtime, value)? {
            return Ok(());
        }
        let Some(object) = value.as_object() else {
            return Err(Stop::Decline);
        };
        match &object.payload {
            Payload::Str(string) => {
                write_string(&mut self.out, string.text(), self.ascii);
                Ok(())
            }
            Payload::List(items) => {
                let snapshot: Vec<Value> = items.get().clone();
                self.array(runtime, &snapshot, level)
            }
            Payload::Tuple(items) => self.array(runtime, items, level),
            Payload::Dict(_) => self.object(runtime, value, level),
            _ => Err(Stop::Decline),
        }
    }

    fn array(&mut self, runtime: &mut Runtime, items: &[Value], level: usize) -> Result<(), Stop> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.out.push('[');
        self.newline(level + 1);
        for (index, &item) in items.iter().enumerate() {
            if index > 0 {
                self.out.push_str(self.item_separator);
                self.newline(level + 1);
            }
            self.value(runtime, item, level + 1)?;
        }
        self.newline(level);
        self.out.push(']');
        Ok(())
    }

    fn object(&mut self, runtime: &mut Runtime, dict: Value, level: usize) -> Result<(), Stop> {
        let pairs = crate::types::dict::pairs(dict);
        if pairs.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        if self.sort_keys {
            // Only str keys sort here (code point order is UTF-8 byte order); anything else
            // compares as Python does, in the Python code.
            let mut keyed = Vec::with_capacity(pairs.len());
            for (key, item) in pairs {
                let Some(text) = crate::protocol::str_value(key).filter(|_| is_exact_str(key))
                else {
                    return Err(Stop::Decline);
                };
                keyed.push((text, item));
            }
            keyed.sort_by(|left, right| left.0.cmp(right.0));
            self.out.push('{');
            self.newline(level + 1);
            for (index, (key, item)) in keyed.into_iter().enumerate() {
                if index > 0 {
                    self.out.push_str(self.item_separator);
                    self.newline(level + 1);
                }
                write_string(&mut self.out, key, self.ascii);
                self.out.push_str(self.key_separator);
                self.value(runtime, item, level + 1)?;
            }
        } else {
            self.out.push('{');
            self.newline(level + 1);
            for (index, (key, item)) in pairs.into_iter().enumerate() {
                if index > 0 {
                    self.out.push_str(self.item_separator);
                    self.newline(level + 1);
                }
                self.key(runtime, key)?;
                self.out.push_str(self.key_separator);
                self.value(runtime, item, level + 1)?;
            }
        }
        self.newline(level);
        self.out.push('}');
        Ok(())
    }

    /// A member name: str keys as they are, None/bool/int/float keys converted as CPython
    /// converts them.
    fn key(&mut self, runtime: &mut Runtime, key: Value) -> Result<(), Stop> {
        if let Some(text) = crate::protocol::str_value(key).filter(|_| is_exact_str(key)) {
            write_string(&mut self.out, text, self.ascii);
            return Ok(());
        }
        self.out.push('"');
        match key {
            Value::NONE => self.out.push_str("null"),
            Value::TRUE => self.out.push_str("true"),
            Value::FALSE => self.out.push_str("false"),
            _ => {
                if let Some(number) = key.as_float() {
                    self.float(number)?;
                } else if !self.int(runtime, key)? {
                    return Err(Stop::Decline);
                }
            }
        }
        self.out.push('"');
        Ok(())
    }
}

fn is_exact_str(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Str(_))
    )
}

/// `scan(text, index, strict)`: the JSON value at character `index` of `text` and the index
/// after it, or NotImplemented (see the module docs).
fn scan(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    let text_value = positionals.first().copied().unwrap_or(Value::NONE);
    let Some(Payload::Str(string)) = text_value.as_object().map(|object| &object.payload) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(index) = positionals.get(1).and_then(|value| value.as_small_int()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if index < 0 || index as usize > string.char_count() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let strict = positionals.get(2).copied() != Some(Value::FALSE);
    let start = string.byte_offset(index as usize);
    let mut scanner = Scanner {
        text: string.text(),
        bytes: string.text().as_bytes(),
        position: start,
        strict,
        keys: HashMap::new(),
    };
    let Some(value) = scanner.value(host, 0) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let end = if string.is_ascii() {
        scanner.position
    } else {
        index as usize + string.text()[start..scanner.position].chars().count()
    };
    let end = host.runtime().new_int(end as i64);
    Ok(host.runtime().new_tuple_from(&[value, end]))
}

/// A JSON parser over UTF-8 bytes (JSON's syntax is ASCII; string contents are copied whole).
/// Every method returns None to decline.
struct Scanner<'a> {
    /// The document; slices of it end at ASCII bytes, so they are always on char boundaries.
    text: &'a str,
    bytes: &'a [u8],
    position: usize,
    strict: bool,
    /// Object keys already made, so repeated keys share one str (as CPython's memo does).
    keys: HashMap<&'a [u8], Value>,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.position += 1;
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Option<Value> {
        if self.bytes[self.position..].starts_with(word) {
            self.position += word.len();
            Some(value)
        } else {
            None
        }
    }

    fn value(&mut self, host: &mut dyn Host, depth: usize) -> Option<Value> {
        if depth > MAXIMUM_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => {
                self.position += 1;
                match self.plain_string() {
                    Some(text) => Some(host.runtime().new_str(text)),
                    None => {
                        let text = self.string()?;
                        Some(host.runtime().new_string(text))
                    }
                }
            }
            b'{' => self.object(host, depth),
            b'[' => self.array(host, depth),
            b'n' => self.literal(b"null", Value::NONE),
            b't' => self.literal(b"true", Value::TRUE),
            b'f' => self.literal(b"false", Value::FALSE),
            b'N' => self.literal(b"NaN", Value::float(f64::NAN)),
            b'I' => self.literal(b"Infinity", Value::float(f64::INFINITY)),
            b'-' if self.bytes[self.position..].starts_with(b"-Infinity") => {
                self.literal(b"-Infinity", Value::float(f64::NEG_INFINITY))
            }
            _ => self.number(host.runtime()),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.position;
        while let Some(b'0'..=b'9') = self.peek() {
            self.position += 1;
        }
        self.position - start
    }

    fn number(&mut self, runtime: &mut Runtime) -> Option<Value> {
        let start = self.position;
        if self.peek() == Some(b'-') {
            self.position += 1;
        }
        match self.peek()? {
            b'0' => self.position += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        let mut is_float = false;
        if self.peek() == Some(b'.')
            && matches!(self.bytes.get(self.position + 1), Some(b'0'..=b'9'))
        {
            is_float = true;
            self.position += 1;
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            let exponent = self.position;
            self.position += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.position += 1;
            }
            if self.digits() > 0 {
                is_float = true;
            } else {
                self.position = exponent;
            }
        }
        let literal = self.text.get(start..self.position)?;
        if is_float {
            return literal.parse::<f64>().ok().map(Value::float);
        }
        if let Ok(small) = literal.parse::<i64>() {
            return Some(runtime.new_int(small));
        }
        if literal.len() > crate::types::int::MAX_STR_DIGITS_THRESHOLD {
            return None;
        }
        let big = literal.parse::<num_bigint::BigInt>().ok()?;
        Some(runtime.new_bigint(big))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.position..self.position + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        if !text.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return None;
        }
        self.position += 4;
        u32::from_str_radix(text, 16).ok()
    }

    /// A string without escapes (the common case), borrowed from the document; leaves the
    /// position after its closing quote. None (position unchanged) if it has an escape or a
    /// control character, or is unterminated.
    fn plain_string(&mut self) -> Option<&'a str> {
        let start = self.position;
        let length = self.bytes[start..]
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)?;
        let end = start + length;
        if self.bytes[end] != b'"' {
            return None;
        }
        self.position = end + 1;
        self.text.get(start..end)
    }

    /// The contents of a string whose opening quote is just before the position; leaves the
    /// position after its closing quote.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        let mut start = self.position;
        loop {
            let byte = self.peek()?;
            match byte {
                b'"' => {
                    out.push_str(self.text.get(start..self.position)?);
                    self.position += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(self.text.get(start..self.position)?);
                    self.position += 1;
                    let escape = self.peek()?;
                    self.position += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xd800..=0xdbff).contains(&code) {
                                if !self.bytes[self.position..].starts_with(b"\\u") {
                                    return None;
                                }
                                self.position += 2;
                                let low = self.hex4()?;
                                if !(0xdc00..=0xdfff).contains(&low) {
                                    return None;
                                }
                                code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00));
                            }
                            out.push(char::from_u32(code)?);
                        }
                        _ => return None,
                    }
                    start = self.position;
                }
                0..=0x1f if self.strict => return None,
                _ => self.position += 1,
            }
        }
    }

    fn array(&mut self, host: &mut dyn Host, depth: usize) -> Option<Value> {
        self.position += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.position += 1;
            return Some(host.runtime().new_list(items));
        }
        loop {
            items.push(self.value(host, depth + 1)?);
            self.skip_whitespace();
            match self.peek()? {
                b']' => {
                    self.position += 1;
                    return Some(host.runtime().new_list(items));
                }
                b',' => {
                    self.position += 1;
                    self.skip_whitespace();
                }
                _ => return None,
            }
        }
    }

    fn object(&mut self, host: &mut dyn Host, depth: usize) -> Option<Value> {
        self.position += 1;
        let dict = host.runtime().new_dict();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.position += 1;
            return Some(dict);
        }
        loop {
            if self.peek()? != b'"' {
                return None;
            }
            self.position += 1;
            let key_start = self.position;
            let plain = self.plain_string();
            let key_text = match plain {
                Some(_) => None,
                None => Some(self.string()?),
            };
            let raw = &self.bytes[key_start..self.position - 1];
            let key = match self.keys.get(raw) {
                Some(&key) => key,
                None => {
                    let key = match (plain, key_text) {
                        (Some(text), _) => host.runtime().new_str(text),
                        (None, Some(text)) => host.runtime().new_string(text),
                        (None, None) => return None,
                    };
                    self.keys.insert(raw, key);
                    key
                }
            };
            self.skip_whitespace();
            if self.peek()? != b':' {
                return None;
            }
            self.position += 1;
            self.skip_whitespace();
            let item = self.value(host, depth + 1)?;
            crate::types::dict::set_value(host, dict, key, item).ok()?;
            self.skip_whitespace();
            match self.peek()? {
                b'}' => {
                    self.position += 1;
                    return Some(dict);
                }
                b',' => {
                    self.position += 1;
                    self.skip_whitespace();
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, ascii: bool) -> String {
        let mut out = String::new();
        write_string(&mut out, text, ascii);
        out
    }

    #[test]
    fn strings_escape_as_cpython() {
        assert_eq!(escaped("a\"b\\\n\u{1}", true), "\"a\\\"b\\\\\\n\\u0001\"");
        assert_eq!(
            escaped("é\u{7f}😀", true),
            "\"\\u00e9\\u007f\\ud83d\\ude00\""
        );
        assert_eq!(escaped("é\u{7f}😀", false), "\"é\u{7f}😀\"");
    }
}
