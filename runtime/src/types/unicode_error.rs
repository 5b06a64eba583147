//! `UnicodeDecodeError`, `UnicodeEncodeError` and `UnicodeTranslateError`: their fields
//! (`encoding`, `object`, `start`, `end`, `reason`), the argument checks of their
//! constructors, and the messages CPython's `__str__` builds from the fields.
//!
//! The fields are read from `args` (where codecs put them) unless a program assigned one, as
//! codec error handlers do with `start`/`end`: an assignment is an ordinary attribute that
//! shadows the argument.

use crate::protocol::{str_value, type_name};
use crate::value::Value;
use crate::{Host, PyResult, Runtime};

/// Which of the three an exception is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Decode,
    Encode,
    Translate,
}

fn kind_of(runtime: &Runtime, value: Value) -> Option<Kind> {
    let types = &runtime.types;
    let is = |class: Value| crate::protocol::is_instance(runtime, value, class);
    if is(types.unicode_decode_error) {
        Some(Kind::Decode)
    } else if is(types.unicode_encode_error) {
        Some(Kind::Encode)
    } else if is(types.unicode_translate_error) {
        Some(Kind::Translate)
    } else {
        None
    }
}

/// The field names in argument order.
fn fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Translate => &["object", "start", "end", "reason"],
        _ => &["encoding", "object", "start", "end", "reason"],
    }
}

/// Checks the constructor arguments of the three classes (`class` is one of them or a
/// subclass): CPython requires exactly their fields, with these types.
pub fn check_arguments(host: &mut dyn Host, class: Value, positional: &[Value]) -> PyResult<()> {
    let runtime = host.runtime();
    let types = runtime.types;
    let kind = if crate::protocol::is_subclass(class, types.unicode_decode_error) {
        Kind::Decode
    } else if crate::protocol::is_subclass(class, types.unicode_encode_error) {
        Kind::Encode
    } else if crate::protocol::is_subclass(class, types.unicode_translate_error) {
        Kind::Translate
    } else {
        return Ok(());
    };
    let names = fields(kind);
    if positional.len() != names.len() {
        let message = format!(
            "function takes exactly {} arguments ({} given)",
            names.len(),
            positional.len()
        );
        return Err(runtime.type_error(message));
    }
    for (index, (&value, &name)) in positional.iter().zip(names).enumerate() {
        let expected = match name {
            "encoding" | "reason" => "str",
            "object" if kind == Kind::Decode => "bytes-like object",
            "object" => "str",
            _ => "int",
        };
        let fits = match expected {
            "str" => str_value(value).is_some(),
            "int" => crate::types::int::as_int(value).is_some(),
            _ => crate::types::bytes::buffer(value).is_some(),
        };
        if !fits {
            let message = if expected == "bytes-like object" {
                format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(runtime, value)
                )
            } else {
                format!(
                    "argument {} must be {expected}, not {}",
                    index + 1,
                    type_name(runtime, value)
                )
            };
            return Err(runtime.type_error(message));
        }
    }
    Ok(())
}

/// A field read from `args`; `None` when `name` is not one of the exception's fields.
pub fn attribute(runtime: &mut Runtime, value: Value, name: Value) -> Option<Value> {
    let kind = kind_of(runtime, value)?;
    let text = str_value(name)?;
    if kind == Kind::Translate && text == "encoding" {
        return Some(Value::NONE);
    }
    let position = fields(kind).iter().position(|&field| field == text)?;
    let items = crate::types::exception::args(value);
    Some(items.get(position).copied().unwrap_or(Value::NONE))
}

/// `str(error)` when its fields are complete; `None` to use the generic message.
pub fn message(host: &mut dyn Host, value: Value) -> PyResult<Option<String>> {
    let runtime = host.runtime();
    let Some(kind) = kind_of(runtime, value) else {
        return Ok(None);
    };
    if crate::types::exception::args(value).len() != fields(kind).len() {
        return Ok(None);
    }
    let read = |host: &mut dyn Host, field: &str| -> PyResult<Value> {
        let name = host.runtime().intern(field);
        crate::protocol::get_attribute(host, value, name)
    };
    let object = read(host, "object")?;
    let start = read(host, "start")?;
    let end = read(host, "end")?;
    let reason = read(host, "reason")?;
    let reason = crate::protocol::str_string(host, reason)?;
    let encoding = match kind {
        Kind::Translate => String::new(),
        _ => {
            let encoding = read(host, "encoding")?;
            crate::protocol::str_string(host, encoding)?
        }
    };
    let as_index = |value: Value| {
        crate::types::int::as_int(value)
            .and_then(|int| int.to_i64())
            .unwrap_or(0)
    };
    let (start, end) = (as_index(start), as_index(end));
    let single = end == start + 1;
    Ok(Some(match kind {
        Kind::Decode => {
            let bytes = crate::types::bytes::buffer(object).unwrap_or_default();
            match usize::try_from(start)
                .ok()
                .and_then(|index| bytes.get(index))
            {
                Some(byte) if single => format!(
                    "'{encoding}' codec can't decode byte {byte:#04x} in position {start}: {reason}"
                ),
                _ => format!(
                    "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                    end - 1
                ),
            }
        }
        Kind::Encode | Kind::Translate => {
            let text = str_value(object).unwrap_or("");
            let character = usize::try_from(start)
                .ok()
                .and_then(|index| text.chars().nth(index));
            let verb = if kind == Kind::Encode {
                format!("'{encoding}' codec can't encode")
            } else {
                "can't translate".to_owned()
            };
            match character {
                Some(character) if single => {
                    let code = character as u32;
                    let escaped = if code <= 0xff {
                        format!("\\x{code:02x}")
                    } else if code <= 0xffff {
                        format!("\\u{code:04x}")
                    } else {
                        format!("\\U{code:08x}")
                    };
                    format!("{verb} character '{escaped}' in position {start}: {reason}")
                }
                _ => format!(
                    "{verb} characters in position {start}-{}: {reason}",
                    end - 1
                ),
            }
        }
    }))
}

/// The `UnicodeDecodeError` a codec raises: `data[start:end]` cannot be decoded.
pub fn decode_error(
    runtime: &mut Runtime,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyErr {
    let arguments = vec![
        runtime.new_str(encoding),
        crate::types::bytes::new_bytes(runtime, data.to_vec()),
        runtime.new_int(start as i64),
        runtime.new_int(end as i64),
        runtime.new_str(reason),
    ];
    let class = runtime.types.unicode_decode_error;
    crate::PyErr {
        exception: runtime.new_exception(class, arguments),
    }
}

/// The `UnicodeEncodeError` a codec raises: characters `start..end` of `text` cannot be
/// encoded.
pub fn encode_error(
    runtime: &mut Runtime,
    encoding: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyErr {
    let arguments = vec![
        runtime.new_str(encoding),
        runtime.new_str(text),
        runtime.new_int(start as i64),
        runtime.new_int(end as i64),
        runtime.new_str(reason),
    ];
    let class = runtime.types.unicode_encode_error;
    crate::PyErr {
        exception: runtime.new_exception(class, arguments),
    }
}
