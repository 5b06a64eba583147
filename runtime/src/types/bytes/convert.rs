//! Conversions: construction (`bytes(x)`, `bytearray(x)`), `decode`, `hex`, `fromhex`,
//! `translate`, `maketrans`, and the dunders `__len__`, `__getitem__`, `__contains__`,
//! `__bytes__`.

use super::arguments::{byte_value, index, method, require_buffer};
use super::wide_codecs;
use super::{allocate, buffer, bytes_of, new_bytes, new_of, Kind};
use crate::object::Payload;
use crate::protocol::{str_value, type_name};
use crate::types::int::as_int;
use crate::types::str::{find_codec, Codec};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// `bytes(source, encoding, errors)` or `bytearray(…)`, as CPython's `bytes_new` and
/// `bytearray___init__`: the new object's contents.
pub fn construct(host: &mut dyn Host, kind: Kind, arguments: Arguments) -> PyResult<Value> {
    let data = construct_data(host, kind, arguments)?;
    Ok(new_of(host.runtime(), kind, data))
}

/// The contents `bytes(…)`/`bytearray(…)` builds from its arguments.
pub(super) fn construct_data(
    host: &mut dyn Host,
    kind: Kind,
    arguments: Arguments,
) -> PyResult<Vec<u8>> {
    let name = kind.name();
    let positionals = arguments.positionals();
    let given = positionals.len() + arguments.keyword_names.len();
    if given > 3 {
        let message = format!("{name}() takes at most 3 arguments ({given} given)");
        return Err(host.runtime().type_error(message));
    }
    let mut slots = [None; 3];
    for (slot, &value) in slots.iter_mut().zip(positionals) {
        *slot = Some(value);
    }
    for (keyword, value) in arguments.keywords() {
        let keyword = str_value(keyword).unwrap_or("");
        let Some(position) = ["source", "encoding", "errors"]
            .iter()
            .position(|&candidate| candidate == keyword)
        else {
            let message = format!("'{keyword}' is an invalid keyword argument for {name}()");
            return Err(host.runtime().type_error(message));
        };
        if position < positionals.len() {
            let message = format!(
                "argument for {name}() given by name ('{keyword}') and position ({})",
                position + 1
            );
            return Err(host.runtime().type_error(message));
        }
        slots[position] = Some(value);
    }
    let [source, encoding, errors] = slots;
    let mut text_argument =
        |value: Option<Value>, parameter: &str| -> PyResult<Option<&'static str>> {
            let Some(value) = value else { return Ok(None) };
            match str_value(value) {
                Some(text) => Ok(Some(text)),
                None => {
                    let runtime = host.runtime();
                    let message = format!(
                        "{name}() argument '{parameter}' must be str, not {}",
                        type_name(runtime, value)
                    );
                    Err(runtime.type_error(message))
                }
            }
        };
    let encoding = text_argument(encoding, "encoding")?;
    let errors = text_argument(errors, "errors")?;
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            let message = if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            };
            return Err(host.runtime().type_error(message));
        }
        return Ok(Vec::new());
    };
    if let Some(text) = str_value(source) {
        let Some(encoding) = encoding else {
            return Err(host
                .runtime()
                .type_error("string argument without an encoding"));
        };
        return encode_text(host, text, encoding, errors.unwrap_or("strict"));
    }
    if encoding.is_some() || errors.is_some() {
        let message = if encoding.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        };
        return Err(host.runtime().type_error(message));
    }
    if kind == Kind::Bytes {
        if let Some(data) = from_dunder_bytes(host, source)? {
            return Ok(data);
        }
    }
    match index(host, source) {
        Ok(Some(Ok(count))) => {
            if count < 0 {
                return Err(host.runtime().value_error("negative count"));
            }
            // Check that the memory exists, then take it zeroed (lazily, as CPython's calloc).
            drop(allocate(host, count as usize)?);
            return Ok(vec![0; count as usize]);
        }
        Ok(Some(Err(_))) => {
            return Err(host
                .runtime()
                .overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        Ok(None) => {}
        Err(error) => {
            let runtime = host.runtime();
            if !crate::protocol::is_instance(runtime, error.exception, runtime.types.type_error) {
                return Err(error);
            }
        }
    }
    if let Some(data) = buffer(source) {
        return Ok(data.into_owned());
    }
    let iterator = match crate::protocol::iterate(host, source) {
        Ok(iterator) => iterator,
        Err(error) => {
            let runtime = host.runtime();
            if crate::protocol::is_instance(runtime, error.exception, runtime.types.type_error) {
                let message = format!(
                    "cannot convert '{}' object to {name}",
                    type_name(runtime, source)
                );
                return Err(runtime.type_error(message));
            }
            return Err(error);
        }
    };
    let items = crate::protocol::collect(host, iterator)?;
    let range_message = match kind {
        Kind::Bytes => "bytes must be in range(0, 256)",
        Kind::ByteArray => "byte must be in range(0, 256)",
    };
    bytes_from_values(host, items, range_message)
}

/// The bytes of an object as CPython's `PyObject_Bytes`: `__bytes__`, a bytes-like object,
/// or an iterable of ints (`int.from_bytes` takes its argument this way).
pub fn from_object(host: &mut dyn Host, value: Value) -> PyResult<Vec<u8>> {
    if let Some(data) = from_dunder_bytes(host, value)? {
        return Ok(data);
    }
    if let Some(data) = buffer(value) {
        return Ok(data.into_owned());
    }
    if str_value(value).is_none() {
        match crate::protocol::iterate(host, value) {
            Ok(iterator) => {
                let items = crate::protocol::collect(host, iterator)?;
                return bytes_from_values(host, items, "bytes must be in range(0, 256)");
            }
            Err(error) => {
                let runtime = host.runtime();
                if !crate::protocol::is_instance(runtime, error.exception, runtime.types.type_error)
                {
                    return Err(error);
                }
            }
        }
    }
    let runtime = host.runtime();
    let message = format!(
        "cannot convert '{}' object to bytes",
        type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

/// `bytes(x)` through `x.__bytes__()`, for instances of classes that define it.
fn from_dunder_bytes(host: &mut dyn Host, source: Value) -> PyResult<Option<Vec<u8>>> {
    if !matches!(
        source.as_object().map(|object| &object.payload),
        Some(Payload::Instance(_))
    ) {
        return Ok(None);
    }
    let name = host.runtime().names.__bytes__;
    let Some(result) = crate::protocol::call_special(host, source, name, &[])? else {
        return Ok(None);
    };
    match bytes_of(result) {
        Some((data, Kind::Bytes)) => Ok(Some(data.to_vec())),
        _ => {
            let runtime = host.runtime();
            let message = format!(
                "__bytes__ returned non-bytes (type {})",
                type_name(runtime, result)
            );
            Err(runtime.type_error(message))
        }
    }
}

/// The bytes of a sequence of ints (each converted with `__index__`, ValueError outside
/// range(256)). The values stay rooted while user `__index__` methods run.
pub(super) fn bytes_from_values(
    host: &mut dyn Host,
    items: Vec<Value>,
    range_message: &str,
) -> PyResult<Vec<u8>> {
    let mut data = allocate(host, items.len())?;
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let needs_root = items.iter().any(|&item| as_int(item).is_none());
    if needs_root {
        let holder = runtime.new_list(items.clone());
        runtime.push_root(holder);
    }
    let result = (|| {
        for &item in &items {
            data.push(byte_value(host, item, range_message)?);
        }
        Ok(())
    })();
    host.runtime().pop_roots(mark);
    result.map(|()| data)
}

/// `text.encode(encoding, errors)` through `str.encode`.
fn encode_text(host: &mut dyn Host, text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let runtime = host.runtime();
    let name = runtime.intern("encode");
    let str_class = runtime.types.str;
    let Some(encode) = crate::protocol::lookup_in_type(runtime, str_class, name) else {
        return Ok(text.as_bytes().to_vec());
    };
    let text = runtime.new_str(text);
    let encoding = runtime.new_str(encoding);
    let errors = runtime.new_str(errors);
    let encoded = crate::protocol::call(host, encode, &[text, encoding, errors], &[])?;
    Ok(bytes_of(encoded)
        .map(|(data, _)| data.to_vec())
        .unwrap_or_default())
}

/// What the decoder does with bytes it cannot decode.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
}

/// `data.decode(encoding, errors)` as text.
///
/// The handlers `strict`, `ignore`, `replace` and `backslashreplace` are supported; the
/// surrogate handlers cannot be (krait's strs hold no lone surrogates), so they act as
/// `strict`.
pub fn decode_text(
    host: &mut dyn Host,
    data: &[u8],
    encoding: &str,
    errors: &str,
) -> PyResult<String> {
    if data.is_empty() {
        return Ok(String::new());
    }
    let Some(codec) = find_codec(encoding) else {
        let runtime = host.runtime();
        return Err(runtime.new_error(
            runtime.types.lookup_error,
            format!("unknown encoding: {encoding}"),
        ));
    };
    let handler = match errors {
        "strict" | "surrogateescape" | "surrogatepass" => Some(Handler::Strict),
        "ignore" => Some(Handler::Ignore),
        "replace" => Some(Handler::Replace),
        "backslashreplace" => Some(Handler::BackslashReplace),
        _ => None,
    };
    let (codec, data) = match codec {
        Codec::Utf8Sig => (
            Codec::Utf8,
            data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data),
        ),
        _ => (codec, data),
    };
    let codec_name = match codec {
        Codec::Latin1 => return Ok(data.iter().map(|&byte| byte as char).collect()),
        Codec::Wide(wide) => {
            let on_error = match handler {
                Some(Handler::Strict) => wide_codecs::OnError::Strict,
                Some(Handler::Ignore) => wide_codecs::OnError::Ignore,
                Some(Handler::Replace) => wide_codecs::OnError::Replace,
                Some(Handler::BackslashReplace) => wide_codecs::OnError::BackslashReplace,
                None => {
                    let runtime = host.runtime();
                    return Err(runtime.new_error(
                        runtime.types.lookup_error,
                        format!("unknown error handler name '{errors}'"),
                    ));
                }
            };
            return wide_codecs::decode(host, data, wide, on_error);
        }
        Codec::Utf8 | Codec::Utf8Sig => "utf-8",
        Codec::Ascii => "ascii",
    };
    let mut out = String::with_capacity(data.len());
    let mut position = 0;
    while position < data.len() {
        let (valid_length, error) = match codec {
            Codec::Ascii => {
                let valid_length = data[position..]
                    .iter()
                    .take_while(|byte| byte.is_ascii())
                    .count();
                let error = (position + valid_length < data.len())
                    .then_some((1, "ordinal not in range(128)"));
                (valid_length, error)
            }
            _ => match std::str::from_utf8(&data[position..]) {
                Ok(_) => (data.len() - position, None),
                Err(failure) => {
                    let valid_length = failure.valid_up_to();
                    let error = match failure.error_len() {
                        None => (
                            data.len() - position - valid_length,
                            "unexpected end of data",
                        ),
                        Some(length) => {
                            let first = data[position + valid_length];
                            let invalid_start = matches!(first, 0x80..=0xc1 | 0xf5..=0xff);
                            (
                                length,
                                if invalid_start {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                },
                            )
                        }
                    };
                    (valid_length, Some(error))
                }
            },
        };
        // The prefix is valid UTF-8 (ASCII is UTF-8 too).
        out.push_str(std::str::from_utf8(&data[position..position + valid_length]).unwrap_or(""));
        position += valid_length;
        let Some((length, reason)) = error else { break };
        let bad = &data[position..position + length];
        match handler {
            Some(Handler::Ignore) => {}
            Some(Handler::Replace) => {
                if codec == Codec::Ascii {
                    out.extend(std::iter::repeat_n('\u{fffd}', length));
                } else {
                    out.push('\u{fffd}');
                }
            }
            Some(Handler::BackslashReplace) => {
                for byte in bad {
                    out.push_str(&format!("\\x{byte:02x}"));
                }
            }
            Some(Handler::Strict) => {
                return Err(crate::types::unicode_error::decode_error(
                    host.runtime(),
                    codec_name,
                    data,
                    position,
                    position + length,
                    reason,
                ));
            }
            None => {
                let runtime = host.runtime();
                return Err(runtime.new_error(
                    runtime.types.lookup_error,
                    format!("unknown error handler name '{errors}'"),
                ));
            }
        }
        position += length;
    }
    Ok(out)
}

/// `bytes.decode(encoding='utf-8', errors='strict')`.
pub fn decode(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "decode")?;
    let values = call.keywords(host, &["encoding", "errors"])?;
    let mut text_argument =
        |value: Option<Value>, parameter: &str, default: &'static str| -> PyResult<&'static str> {
            let Some(value) = value else {
                return Ok(default);
            };
            match str_value(value) {
                Some(text) => Ok(text),
                None => {
                    let runtime = host.runtime();
                    let message = format!(
                        "decode() argument '{parameter}' must be str, not {}",
                        type_name(runtime, value)
                    );
                    Err(runtime.type_error(message))
                }
            }
        };
    let encoding = text_argument(values[0], "encoding", "utf-8")?;
    let errors = text_argument(values[1], "errors", "strict")?;
    let text = decode_text(host, call.data(), encoding, errors)?;
    Ok(host.runtime().new_string(text))
}

/// The hexadecimal digits of `data`, with `separator` between groups of `group` bytes
/// (counted from the right when positive, from the left when negative).
fn hex_string(data: &[u8], separator: Option<char>, group: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let size = group.unsigned_abs() as usize;
    for (position, &byte) in data.iter().enumerate() {
        if let Some(separator) = separator {
            if position > 0 && size > 0 {
                let boundary = if group > 0 {
                    (data.len() - position).is_multiple_of(size)
                } else {
                    position.is_multiple_of(size)
                };
                if boundary {
                    out.push(separator);
                }
            }
        }
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 15)] as char);
    }
    out
}

/// `hex(sep=None, bytes_per_sep=1)` over `data` (shared with memoryview).
pub(crate) fn hex_with(
    host: &mut dyn Host,
    data: &[u8],
    separator: Option<Value>,
    group: Option<Value>,
) -> PyResult<Value> {
    let separator = match separator {
        None => None,
        Some(value) => {
            let text: Vec<char> = match (str_value(value), bytes_of(value)) {
                (Some(text), _) => text.chars().collect(),
                (None, Some((bytes, _))) => bytes.iter().map(|&byte| byte as char).collect(),
                (None, None) => {
                    let runtime = host.runtime();
                    let message = format!(
                        "object of type '{}' has no len()",
                        type_name(runtime, value)
                    );
                    return Err(runtime.type_error(message));
                }
            };
            match text.as_slice() {
                [character] if character.is_ascii() => Some(*character),
                [_] => return Err(host.runtime().value_error("sep must be ASCII.")),
                _ => return Err(host.runtime().value_error("sep must be length 1.")),
            }
        }
    };
    let group = match group {
        None => 1,
        Some(value) => match index(host, value)? {
            Some(Ok(group)) if i32::try_from(group).is_ok() => group,
            Some(_) => {
                return Err(host
                    .runtime()
                    .overflow_error("Python int too large to convert to C int"))
            }
            None => return Err(super::arguments::not_integer(host, value)),
        },
    };
    let text = hex_string(data, separator, group);
    Ok(host.runtime().new_string(text))
}

/// `bytes.hex(sep=None, bytes_per_sep=1)`.
pub fn hex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "hex")?;
    let values = call.keywords(host, &["sep", "bytes_per_sep"])?;
    let data = call.data().to_vec();
    hex_with(host, &data, values[0], values[1])
}

/// The bytes of a `fromhex` string: pairs of hex digits, whitespace allowed between pairs.
fn parse_hex(text: &str) -> Result<Vec<u8>, usize> {
    if let Some(position) = text.chars().position(|character| !character.is_ascii()) {
        return Err(position);
    }
    let bytes = text.as_bytes();
    let digit = |position: usize| {
        bytes
            .get(position)
            .and_then(|&byte| (byte as char).to_digit(16))
    };
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut position = 0;
    while position < bytes.len() {
        if super::split::is_space(bytes[position]) {
            position += 1;
            continue;
        }
        let high = digit(position).ok_or(position)?;
        let low = digit(position + 1).ok_or(position + 1)?;
        out.push((high * 16 + low) as u8);
        position += 2;
    }
    Ok(out)
}

/// `bytes.fromhex(string)` and `bytearray.fromhex(string)` (class methods).
pub fn fromhex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    let class = positionals.first().copied().unwrap_or(Value::NONE);
    let types = host.runtime().types;
    let kind = if crate::protocol::is_subclass(class, types.bytearray) {
        Kind::ByteArray
    } else {
        Kind::Bytes
    };
    if !arguments.keyword_names.is_empty() || positionals.len() != 2 {
        let message = if arguments.keyword_names.is_empty() {
            format!(
                "{}.fromhex() takes exactly one argument ({} given)",
                kind.name(),
                positionals.len().saturating_sub(1)
            )
        } else {
            format!("{}.fromhex() takes no keyword arguments", kind.name())
        };
        return Err(host.runtime().type_error(message));
    }
    let Some(text) = str_value(positionals[1]) else {
        let runtime = host.runtime();
        let message = format!(
            "fromhex() argument must be str, not {}",
            type_name(runtime, positionals[1])
        );
        return Err(runtime.type_error(message));
    };
    let data = match parse_hex(text) {
        Ok(data) => data,
        Err(position) => {
            let message =
                format!("non-hexadecimal number found in fromhex() arg at position {position}");
            return Err(host.runtime().value_error(message));
        }
    };
    let result = new_of(host.runtime(), kind, data);
    if class == types.bytes || class == types.bytearray {
        return Ok(result);
    }
    crate::protocol::call(host, class, &[result], &[])
}

/// `bytes.translate(table, /, delete=b'')`.
pub fn translate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "translate")?;
    let values = call.keywords(host, &["", "delete"])?;
    let (Some(table), false) = (values[0], call.positional.is_empty()) else {
        return Err(host
            .runtime()
            .type_error("translate() takes at least 1 positional argument (0 given)"));
    };
    let table = if table.is_none() {
        None
    } else {
        let table = require_buffer(host, table)?.into_owned();
        if table.len() != 256 {
            return Err(host
                .runtime()
                .value_error("translation table must be 256 characters long"));
        }
        Some(table)
    };
    let delete = match values[1] {
        Some(value) => require_buffer(host, value)?.into_owned(),
        None => Vec::new(),
    };
    let mut deleted = [false; 256];
    for &byte in &delete {
        deleted[usize::from(byte)] = true;
    }
    let data = call.data();
    let translated: Vec<u8> = data
        .iter()
        .filter(|&&byte| !deleted[usize::from(byte)])
        .map(|&byte| {
            table
                .as_ref()
                .map_or(byte, |table| table[usize::from(byte)])
        })
        .collect();
    if table.is_none() && translated.len() == data.len() {
        return Ok(call.unchanged(host));
    }
    Ok(call.result(host, translated))
}

/// `bytes.maketrans(frm, to)` (a static method): the 256-byte table mapping `frm` to `to`.
pub fn maketrans(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::no_keywords(host, &arguments, "maketrans")?;
    let values = arguments.positionals();
    if values.len() != 2 {
        let message = format!("maketrans expected 2 arguments, got {}", values.len());
        return Err(host.runtime().type_error(message));
    }
    let from = require_buffer(host, values[0])?.into_owned();
    let to = require_buffer(host, values[1])?.into_owned();
    if from.len() != to.len() {
        return Err(host
            .runtime()
            .value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&source, &target) in from.iter().zip(&to) {
        table[usize::from(source)] = target;
    }
    Ok(new_bytes(host.runtime(), table))
}

/// `len(b)`.
pub fn dunder_len(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__len__")?;
    let length = call.data().len();
    Ok(host.runtime().new_int(length as i64))
}

/// `b[key]`.
pub fn dunder_getitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__getitem__")?;
    let key = call.one_argument(host)?;
    super::get_item(host, call.this, key)
}

/// `item in b`.
pub fn dunder_contains(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__contains__")?;
    let item = call.one_argument(host)?;
    super::contains(host, call.this, item).map(Value::bool)
}

/// A binary operator dunder: the builtin operation, or NotImplemented when it does not apply.
fn operator_dunder(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    operator: krait_compiler::BinaryOperator,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let other = call.one_argument(host)?;
    Ok(super::binary(host, call.this, other, operator)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

/// `b.__add__(other)`.
pub fn dunder_add(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    operator_dunder(
        host,
        arguments,
        "__add__",
        krait_compiler::BinaryOperator::Add,
    )
}

/// `b.__mul__(count)` and `b.__rmul__(count)`.
pub fn dunder_mul(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    operator_dunder(
        host,
        arguments,
        "__mul__",
        krait_compiler::BinaryOperator::Multiply,
    )
}

/// `b.__mod__(values)`.
pub fn dunder_mod(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    operator_dunder(
        host,
        arguments,
        "__mod__",
        krait_compiler::BinaryOperator::Remainder,
    )
}

/// `bytes.__bytes__()`: the value as an exact bytes object.
pub fn dunder_bytes(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__bytes__")?;
    call.no_arguments(host)?;
    match call.kind {
        Kind::Bytes => Ok(call.this),
        Kind::ByteArray => {
            let data = call.data().to_vec();
            Ok(new_bytes(host.runtime(), data))
        }
    }
}
