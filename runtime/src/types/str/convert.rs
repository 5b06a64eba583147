//! Conversions and operators: `encode`, `translate`, `maketrans`, `format`, `format_map`, and
//! the dunders `__len__`, `__getitem__`, `__contains__`, `__add__`, `__mul__`, `__mod__`,
//! `__format__`.

use std::collections::HashMap;

use super::arguments::{index_argument, memory_error, method, require_str, MAX_RESULT_BYTES};
use crate::object::Payload;
use crate::protocol::{is_instance, str_value, type_name};
use crate::types::bytes::wide_codecs::Endian;
use crate::types::format::{ascii_escape, format_template, FieldArguments, Keywords};
use crate::types::int::as_int;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// `str.format(*args, **kwargs)`.
pub fn format(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "format")?;
    let fields = FieldArguments {
        positional: Some(call.positional),
        keywords: Keywords::Pairs {
            names: call.keyword_names,
            values: call.keyword_values,
        },
    };
    let result = format_template(host, call.str(), &fields)?;
    Ok(host.runtime().new_string(result))
}

/// `str.format_map(mapping)`.
pub fn format_map(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "format_map")?;
    let mapping = call.one_argument(host, "format_map")?;
    let fields = FieldArguments {
        positional: None,
        keywords: Keywords::Mapping(mapping),
    };
    let result = format_template(host, call.str(), &fields)?;
    Ok(host.runtime().new_string(result))
}

/// The codecs `encode` (and `bytes.decode`) know, by normalized name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    Utf8,
    /// UTF-8 with a byte-order mark written, and skipped when reading.
    Utf8Sig,
    Ascii,
    Latin1,
    /// UTF-16 and UTF-32.
    Wide(crate::types::bytes::wide_codecs::Wide),
}

fn wide(width: usize, endian: Option<Endian>) -> Codec {
    Codec::Wide(crate::types::bytes::wide_codecs::Wide { width, endian })
}

/// The codec a name (`"UTF-8"`, `"latin_1"`, …) stands for.
pub(crate) fn find_codec(name: &str) -> Option<Codec> {
    let normalized = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    match normalized.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Codec::Utf8),
        "utf-8-sig" | "utf8-sig" => Some(Codec::Utf8Sig),
        "utf-16" | "utf16" | "u16" => Some(wide(2, None)),
        "utf-16-le" | "utf-16le" => Some(wide(2, Some(Endian::Little))),
        "utf-16-be" | "utf-16be" => Some(wide(2, Some(Endian::Big))),
        "utf-32" | "utf32" | "u32" => Some(wide(4, None)),
        "utf-32-le" | "utf-32le" => Some(wide(4, Some(Endian::Little))),
        "utf-32-be" | "utf-32be" => Some(wide(4, Some(Endian::Big))),
        "ascii" | "us-ascii" | "646" | "us" => Some(Codec::Ascii),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" => Some(Codec::Latin1),
        _ => None,
    }
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn encode(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "encode")?;
    let values = call.keywords(host, "encode", &["encoding", "errors"])?;
    let encoding = match values[0] {
        Some(value) => require_str(host, value, |received| {
            format!("encode() argument 'encoding' must be str, not {received}")
        })?,
        None => "utf-8",
    };
    let errors = match values[1] {
        Some(value) => require_str(host, value, |received| {
            format!("encode() argument 'errors' must be str, not {received}")
        })?,
        None => "strict",
    };
    let Some(codec) = find_codec(encoding) else {
        let runtime = host.runtime();
        return Err(runtime.new_error(
            runtime.types.lookup_error,
            format!("unknown encoding: {encoding}"),
        ));
    };
    let text = call.str();
    let bytes = match codec {
        Codec::Utf8 => text.as_bytes().to_vec(),
        Codec::Utf8Sig => [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
        Codec::Wide(wide) => crate::types::bytes::wide_codecs::encode(text, wide),
        Codec::Ascii | Codec::Latin1 => {
            let (limit, codec_name, range) = if codec == Codec::Ascii {
                (0x7f, "ascii", 128)
            } else {
                (0xff, "latin-1", 256)
            };
            encode_narrow(host, text, limit, codec_name, range, errors)?
        }
    };
    Ok(host
        .runtime()
        .heap
        .allocate(Payload::Bytes(bytes.into_boxed_slice())))
}

/// Encodes to a one-byte charset holding code points up to `limit`, handling the others as
/// the `errors` handler says.
fn encode_narrow(
    host: &mut dyn Host,
    text: &str,
    limit: u32,
    codec: &str,
    range: u32,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let characters: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(characters.len());
    let mut position = 0;
    while position < characters.len() {
        let character = characters[position];
        if character as u32 <= limit {
            out.push(character as u32 as u8);
            position += 1;
            continue;
        }
        let mut end = position;
        while end < characters.len() && characters[end] as u32 > limit {
            end += 1;
        }
        match errors {
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - position)),
            "backslashreplace" => {
                let unencodable: String = characters[position..end].iter().collect();
                out.extend_from_slice(ascii_escape(&unencodable).as_bytes());
            }
            "xmlcharrefreplace" => {
                for &character in &characters[position..end] {
                    out.extend_from_slice(format!("&#{};", character as u32).as_bytes());
                }
            }
            "strict" => {
                let reason = format!("ordinal not in range({range})");
                return Err(crate::types::unicode_error::encode_error(
                    host.runtime(),
                    codec,
                    text,
                    position,
                    end,
                    &reason,
                ));
            }
            other => {
                let runtime = host.runtime();
                return Err(runtime.new_error(
                    runtime.types.lookup_error,
                    format!("unknown error handler name '{other}'"),
                ));
            }
        }
        position = end;
    }
    Ok(out)
}

/// `str.translate(table)`: each character `c` becomes `table[ord(c)]` (a str, a code point
/// or None to delete it); characters the table lacks (LookupError) stay.
pub fn translate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "translate")?;
    let table = call.one_argument(host, "translate")?;
    let mut cache: HashMap<char, Option<String>> = HashMap::new();
    let mut out = String::with_capacity(call.str().len());
    for character in call.str().chars() {
        if let Some(mapped) = cache.get(&character) {
            out.push_str(mapped.as_deref().unwrap_or(""));
            continue;
        }
        let key = host.runtime().new_int(character as i64);
        let mapped = match crate::protocol::get_item(host, table, key) {
            Ok(value) => translation(host, value)?,
            Err(error) => {
                let runtime = host.runtime();
                if !is_instance(runtime, error.exception, runtime.types.lookup_error) {
                    return Err(error);
                }
                Some(character.to_string())
            }
        };
        out.push_str(mapped.as_deref().unwrap_or(""));
        if out.len() > MAX_RESULT_BYTES {
            return Err(memory_error(host));
        }
        cache.insert(character, mapped);
    }
    if out == call.str() {
        return Ok(call.this);
    }
    Ok(host.runtime().new_string(out))
}

/// What one `translate` table entry maps to (`None` deletes).
fn translation(host: &mut dyn Host, value: Value) -> PyResult<Option<String>> {
    if value.is_none() {
        return Ok(None);
    }
    if let Some(text) = str_value(value) {
        return Ok(Some(text.to_owned()));
    }
    if let Some(int) = as_int(value) {
        let code = int.to_i64().filter(|code| (0..=0x10ffff).contains(code));
        return match code {
            Some(code) => Ok(Some(
                char::from_u32(code as u32)
                    .unwrap_or('\u{fffd}')
                    .to_string(),
            )),
            None => Err(host
                .runtime()
                .value_error("character mapping must be in range(0x110000)")),
        };
    }
    Err(host
        .runtime()
        .type_error("character mapping must return integer, None or str"))
}

/// `str.maketrans(x[, y[, z]])`: a translation table (a dict from code points).
///
/// It is a static method in CPython; krait registers it as a plain method, so every argument,
/// the first included, is a maketrans argument (`str.maketrans(...)` is the usual call).
pub fn maketrans(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let values = arguments.positionals();
    if !arguments.keyword_names.is_empty() {
        return Err(host
            .runtime()
            .type_error("maketrans() takes no keyword arguments"));
    }
    if values.is_empty() || values.len() > 3 {
        let message = if values.is_empty() {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!(
                "maketrans expected at most 3 arguments, got {}",
                values.len()
            )
        };
        return Err(host.runtime().type_error(message));
    }
    let runtime = host.runtime();
    let table = runtime.new_dict();
    let mark = runtime.root_mark();
    runtime.push_root(table);
    let result = fill_translation_table(host, table, values);
    host.runtime().pop_roots(mark);
    result.map(|()| table)
}

fn fill_translation_table(host: &mut dyn Host, table: Value, values: &[Value]) -> PyResult<()> {
    if values.len() == 1 {
        if !matches!(
            values[0].as_object().map(|object| &object.payload),
            Some(Payload::Dict(_))
        ) {
            return Err(host
                .runtime()
                .type_error("if you give only one argument to maketrans it must be a dict"));
        }
        for (key, value) in crate::types::dict::pairs(values[0]) {
            let code = if let Some(text) = str_value(key) {
                let mut characters = text.chars();
                match (characters.next(), characters.next()) {
                    (Some(character), None) => host.runtime().new_int(character as i64),
                    _ => {
                        return Err(host
                            .runtime()
                            .value_error("string keys in translate table must be of length 1"))
                    }
                }
            } else if as_int(key).is_some() {
                key
            } else {
                return Err(host
                    .runtime()
                    .type_error("keys in translate table must be strings or integers"));
            };
            crate::types::dict::set_value(host, table, code, value)?;
        }
        return Ok(());
    }
    let Some(from) = str_value(values[0]) else {
        return Err(host.runtime().type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let to = require_str(host, values[1], |received| {
        format!("maketrans() argument 2 must be str, not {received}")
    })?;
    let delete = match values.get(2) {
        Some(&value) => require_str(host, value, |received| {
            format!("maketrans() argument 3 must be str, not {received}")
        })?,
        None => "",
    };
    if from.chars().count() != to.chars().count() {
        return Err(host
            .runtime()
            .value_error("the first two maketrans arguments must have equal length"));
    }
    for (source, target) in from.chars().zip(to.chars()) {
        let runtime = host.runtime();
        let (key, value) = (
            runtime.new_int(source as i64),
            runtime.new_int(target as i64),
        );
        crate::types::dict::set_value(host, table, key, value)?;
    }
    for character in delete.chars() {
        let key = host.runtime().new_int(character as i64);
        crate::types::dict::set_value(host, table, key, Value::NONE)?;
    }
    Ok(())
}

/// `str.__len__()`.
pub fn dunder_len(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__len__")?;
    call.slot(host, "__len__", 0)?;
    Ok(host.runtime().new_int(call.text.char_count() as i64))
}

/// `str.__getitem__(key)`.
pub fn dunder_getitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__getitem__")?;
    let values = call.slot(host, "__getitem__", 1)?;
    super::get_item(host, call.this, values[0])
}

/// `str.__contains__(sub)`.
pub fn dunder_contains(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__contains__")?;
    let values = call.slot(host, "__contains__", 1)?;
    let needle = require_str(host, values[0], |received| {
        format!("'in <string>' requires string as left operand, not {received}")
    })?;
    Ok(Value::bool(call.str().contains(needle)))
}

/// `str.__add__(other)`.
pub fn dunder_add(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__add__")?;
    let values = call.slot(host, "__add__", 1)?;
    let other = require_str(host, values[0], |received| {
        format!("can only concatenate str (not \"{received}\") to str")
    })?;
    if other.is_empty() {
        return Ok(call.this);
    }
    let mut joined = String::with_capacity(call.str().len() + other.len());
    joined.push_str(call.str());
    joined.push_str(other);
    Ok(host.runtime().new_string(joined))
}

/// `str.__mul__(count)` and `str.__rmul__(count)`.
pub fn dunder_mul(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__mul__")?;
    let values = call.slot(host, "__mul__", 1)?;
    let count = match index_argument(host, values[0]) {
        Ok(count) => count.max(0) as usize,
        Err(error) => {
            let runtime = host.runtime();
            if is_instance(runtime, error.exception, runtime.types.overflow_error) {
                return Err(runtime.overflow_error("cannot fit 'int' into an index-sized integer"));
            }
            return Err(error);
        }
    };
    let text = call.str();
    if count == 1 || text.is_empty() {
        return Ok(call.this);
    }
    // CPython's sizes are signed (Py_ssize_t): past isize::MAX is an overflow, not a
    // MemoryError.
    match text
        .len()
        .checked_mul(count)
        .filter(|&total| total <= isize::MAX as usize)
    {
        None => Err(host.runtime().overflow_error("repeated string is too long")),
        Some(total) if total > MAX_RESULT_BYTES => Err(memory_error(host)),
        Some(_) => {
            let repeated = text.repeat(count);
            Ok(host.runtime().new_string(repeated))
        }
    }
}

/// `str.__mod__(arguments)`: printf-style formatting.
pub fn dunder_mod(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__mod__")?;
    let values = call.slot(host, "__mod__", 1)?;
    crate::types::format::percent(host, call.this, values[0])
}

/// `str.__format__(spec)`.
pub fn dunder_format(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__format__")?;
    let values = call.slot(host, "__format__", 1)?;
    let Some(spec) = str_value(values[0]) else {
        let runtime = host.runtime();
        let message = format!(
            "__format__() argument must be str, not {}",
            type_name(runtime, values[0])
        );
        return Err(runtime.type_error(message));
    };
    crate::types::format::format_builtin(host, call.this, spec)
}
