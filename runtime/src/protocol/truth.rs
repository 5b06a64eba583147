//! Truth testing and `len()`.

use crate::object::Payload;
use crate::protocol::attribute::call_bound;
use crate::protocol::{lookup_in_type, type_name, type_of};
use crate::types::int::as_int;
use crate::value::Value;
use crate::{Host, PyResult};

/// `bool(value)`.
#[inline]
pub fn is_true(host: &mut dyn Host, value: Value) -> PyResult<bool> {
    match value {
        Value::TRUE => return Ok(true),
        Value::FALSE | Value::NONE => return Ok(false),
        _ => {}
    }
    if let Some(small) = value.as_small_int() {
        return Ok(small != 0);
    }
    if let Some(float) = value.as_float() {
        return Ok(float != 0.0);
    }
    let Some(object) = value.as_object() else {
        return Ok(true);
    };
    match &object.payload {
        Payload::Str(text) => Ok(!text.text().is_empty()),
        Payload::List(items) => Ok(!items.get().is_empty()),
        Payload::Tuple(items) => Ok(!items.is_empty()),
        Payload::Dict(dict) | Payload::Set(dict) | Payload::FrozenSet(dict) => {
            Ok(!dict.get().is_empty())
        }
        Payload::BigInt(_) => Ok(true),
        Payload::Complex(real, imaginary) => Ok(*real != 0.0 || *imaginary != 0.0),
        Payload::Bytes(bytes) => Ok(!bytes.is_empty()),
        Payload::ByteArray(bytes) => Ok(!bytes.get().is_empty()),
        Payload::MemoryView(_) => Ok(crate::types::memoryview::length(host, value)? > 0),
        Payload::Range { .. } => Ok(crate::types::range::length(value) > 0),
        Payload::Instance(instance) => {
            let class = *instance.class.get();
            let runtime = host.runtime();
            let names = runtime.names;
            let builtin =
                crate::protocol::delegate(runtime, value, &[names.__bool__, names.__len__]);
            if builtin != value {
                return is_true(host, builtin);
            }
            if let Some(method) = lookup_in_type(runtime, class, names.__bool__) {
                let result = call_bound(host, method, value, &[])?;
                return match result {
                    Value::TRUE => Ok(true),
                    Value::FALSE => Ok(false),
                    _ => {
                        let runtime = host.runtime();
                        let message = format!(
                            "__bool__ should return bool, returned {}",
                            type_name(runtime, result)
                        );
                        Err(runtime.type_error(message))
                    }
                };
            }
            if lookup_in_type(runtime, class, names.__len__).is_some() {
                return Ok(length(host, value)? > 0);
            }
            Ok(true)
        }
        _ => Ok(true),
    }
}

/// `len(value)`.
pub fn length(host: &mut dyn Host, value: Value) -> PyResult<usize> {
    let runtime = host.runtime();
    let len_name = runtime.names.__len__;
    let value = crate::protocol::delegate(runtime, value, &[len_name]);
    if let Some(object) = value.as_object() {
        match &object.payload {
            Payload::Str(text) => return Ok(text.char_count()),
            Payload::List(items) => return Ok(items.get().len()),
            Payload::Tuple(items) => return Ok(items.len()),
            Payload::Dict(dict) | Payload::Set(dict) | Payload::FrozenSet(dict) => {
                return Ok(dict.get().len())
            }
            Payload::DictView(dict, _) => {
                if let Some(Payload::Dict(table)) = dict.as_object().map(|object| &object.payload) {
                    return Ok(table.get().len());
                }
            }
            Payload::Bytes(bytes) => return Ok(bytes.len()),
            Payload::ByteArray(bytes) => return Ok(bytes.get().len()),
            Payload::MemoryView(_) => return crate::types::memoryview::length(host, value),
            Payload::Range { .. } => return Ok(crate::types::range::length(value)),
            _ => {}
        }
    }
    let runtime = host.runtime();
    let class = type_of(runtime, value);
    let name = runtime.names.__len__;
    if let Some(method) = lookup_in_type(runtime, class, name) {
        let result = call_bound(host, method, value, &[])?;
        let runtime = host.runtime();
        return match as_int(result) {
            Some(int) => match int.to_i64() {
                Some(length) if length >= 0 => Ok(length as usize),
                Some(_) => Err(runtime.value_error("__len__() should return >= 0")),
                None => Err(runtime.overflow_error("cannot fit 'int' into an index-sized integer")),
            },
            None => {
                let message = format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(runtime, result)
                );
                Err(runtime.type_error(message))
            }
        };
    }
    let runtime = host.runtime();
    let message = format!(
        "object of type '{}' has no len()",
        type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}
