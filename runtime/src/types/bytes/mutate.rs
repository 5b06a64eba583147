//! The bytearray mutations: item and slice assignment and deletion, `append`, `extend`,
//! `insert`, `pop`, `remove`, `reverse`, `clear`, `copy`, `__init__`, `+=` and `*=`.

use super::arguments::{byte_value, method, require_index};
use super::convert::{bytes_from_values, construct_data};
use super::{buffer, bytearray_data, new_bytearray, Kind};
use crate::protocol::type_name;
use crate::types::sequence::{bad_index, index_value, resolve_slice};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

const BYTE_RANGE: &str = "byte must be in range(0, 256)";

/// Runs `change` on a bytearray's vector and accounts any growth to the GC.
fn change<T>(
    host: &mut dyn Host,
    bytearray: Value,
    change: impl FnOnce(&mut Vec<u8>) -> T,
) -> Option<T> {
    let data = bytearray_data(bytearray)?;
    let before = data.capacity();
    let result = change(data);
    let grown = data.capacity().saturating_sub(before);
    if grown > 0 {
        host.runtime().heap.account(grown);
    }
    Some(result)
}

/// Appends `extra` to a bytearray (MemoryError when it cannot grow).
pub(super) fn extend_in_place(host: &mut dyn Host, bytearray: Value, extra: &[u8]) -> PyResult<()> {
    let reserved = change(host, bytearray, |data| {
        data.try_reserve(extra.len())?;
        data.extend_from_slice(extra);
        Ok::<(), std::collections::TryReserveError>(())
    });
    match reserved {
        Some(Err(_)) => Err(host.runtime().memory_error()),
        _ => Ok(()),
    }
}

fn index_error(host: &mut dyn Host, what: &str) -> crate::PyErr {
    host.runtime().index_error(format!("{what} out of range"))
}

/// Resolves an index into a bytearray of `length`.
fn resolve(host: &mut dyn Host, index: i64, length: usize, what: &str) -> PyResult<usize> {
    let resolved = if index < 0 {
        index + length as i64
    } else {
        index
    };
    if resolved < 0 || resolved >= length as i64 {
        return Err(index_error(host, what));
    }
    Ok(resolved as usize)
}

/// `bytearray[key] = value`.
pub fn set_item(host: &mut dyn Host, bytearray: Value, key: Value, value: Value) -> PyResult<()> {
    if let Some(position) = index_value(host, key, "bytearray")? {
        let byte = byte_value(host, value, BYTE_RANGE)?;
        let length = bytearray_data(bytearray).map_or(0, |data| data.len());
        let resolved = resolve(host, position, length, "bytearray index")?;
        if let Some(data) = bytearray_data(bytearray) {
            data[resolved] = byte;
        }
        return Ok(());
    }
    let length = bytearray_data(bytearray).map_or(0, |data| data.len());
    if resolve_slice(host, key, length)?.is_none() {
        return Err(bad_index(host, key, "bytearray"));
    }
    let is_number = value.is_float()
        || crate::types::int::as_int(value).is_some()
        || crate::protocol::number::as_complex(value).is_some();
    if is_number || crate::protocol::str_value(value).is_some() {
        return Err(host
            .runtime()
            .type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    let replacement = match buffer(value) {
        Some(bytes) => bytes.into_owned(),
        None => construct_data(host, Kind::ByteArray, Arguments::positional(&[value]))?,
    };
    // The replacement's conversion may have run Python code that resized the bytearray.
    let length = bytearray_data(bytearray).map_or(0, |data| data.len());
    let Some(range) = resolve_slice(host, key, length)? else {
        return Ok(());
    };
    if range.step == 1 {
        let start = range.start.max(0) as usize;
        let stop = (range.stop.max(range.start)).max(0) as usize;
        change(host, bytearray, |data| {
            data.splice(start..stop.min(data.len()), replacement);
        });
        return Ok(());
    }
    if replacement.len() != range.count {
        let message = format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            replacement.len(),
            range.count
        );
        return Err(host.runtime().value_error(message));
    }
    if let Some(data) = bytearray_data(bytearray) {
        for (index, byte) in range.indices().zip(replacement) {
            data[index] = byte;
        }
    }
    Ok(())
}

/// `del bytearray[key]`.
pub fn delete_item(host: &mut dyn Host, bytearray: Value, key: Value) -> PyResult<()> {
    let length = bytearray_data(bytearray).map_or(0, |data| data.len());
    if let Some(position) = index_value(host, key, "bytearray")? {
        let resolved = resolve(host, position, length, "bytearray index")?;
        if let Some(data) = bytearray_data(bytearray) {
            data.remove(resolved);
        }
        return Ok(());
    }
    let Some(range) = resolve_slice(host, key, length)? else {
        return Err(bad_index(host, key, "bytearray"));
    };
    let Some(data) = bytearray_data(bytearray) else {
        return Ok(());
    };
    if range.step == 1 {
        let start = range.start as usize;
        data.drain(start..start + range.count);
        return Ok(());
    }
    let mut doomed = vec![false; data.len()];
    for index in range.indices() {
        doomed[index] = true;
    }
    let mut position = 0;
    data.retain(|_| {
        let keep = !doomed[position];
        position += 1;
        keep
    });
    Ok(())
}

/// `bytearray.append(item)`.
pub fn append(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "append")?;
    let item = call.one_argument(host)?;
    let byte = byte_value(host, item, BYTE_RANGE)?;
    change(host, call.this, |data| data.push(byte));
    Ok(Value::NONE)
}

/// `bytearray.extend(iterable_of_ints)`.
pub fn extend(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "extend")?;
    let iterable = call.one_argument(host)?;
    let extra = match buffer(iterable) {
        Some(bytes) => bytes.into_owned(),
        None => {
            let iterator = match crate::protocol::iterate(host, iterable) {
                Ok(iterator) => iterator,
                Err(error) => {
                    let runtime = host.runtime();
                    if crate::protocol::is_instance(
                        runtime,
                        error.exception,
                        runtime.types.type_error,
                    ) {
                        let message = format!(
                            "can't extend bytearray with {}",
                            type_name(runtime, iterable)
                        );
                        return Err(runtime.type_error(message));
                    }
                    return Err(error);
                }
            };
            let items = crate::protocol::collect(host, iterator)?;
            bytes_from_values(host, items, BYTE_RANGE)?
        }
    };
    extend_in_place(host, call.this, &extra)?;
    Ok(Value::NONE)
}

/// `bytearray.insert(index, item)`.
pub fn insert(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "insert")?;
    let values = call.positional(host, 2, 2)?;
    let position = require_index(
        host,
        values[0],
        "Python int too large to convert to C ssize_t",
    )?;
    let byte = byte_value(host, values[1], BYTE_RANGE)?;
    change(host, call.this, |data| {
        let length = data.len() as i64;
        let resolved = if position < 0 {
            (position + length).max(0)
        } else {
            position.min(length)
        };
        data.insert(resolved as usize, byte);
    });
    Ok(Value::NONE)
}

/// `bytearray.pop(index=-1)`.
pub fn pop(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "pop")?;
    let values = call.positional(host, 0, 1)?;
    let position = match values.first() {
        Some(&index) => require_index(host, index, "Python int too large to convert to C ssize_t")?,
        None => -1,
    };
    let length = call.data().len();
    if length == 0 {
        return Err(host.runtime().index_error("pop from empty bytearray"));
    }
    let resolved = resolve(host, position, length, "pop index")?;
    let byte = bytearray_data(call.this).map_or(0, |data| data.remove(resolved));
    Ok(host.runtime().new_int(i64::from(byte)))
}

/// `bytearray.remove(value)`: the first occurrence.
pub fn remove(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "remove")?;
    let item = call.one_argument(host)?;
    let byte = byte_value(host, item, BYTE_RANGE)?;
    let Some(data) = bytearray_data(call.this) else {
        return Ok(Value::NONE);
    };
    match data.iter().position(|&candidate| candidate == byte) {
        Some(position) => {
            data.remove(position);
            Ok(Value::NONE)
        }
        None => Err(host.runtime().value_error("value not found in bytearray")),
    }
}

/// `bytearray.reverse()`.
pub fn reverse(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "reverse")?;
    call.no_arguments(host)?;
    if let Some(data) = bytearray_data(call.this) {
        data.reverse();
    }
    Ok(Value::NONE)
}

/// `bytearray.clear()`.
pub fn clear(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "clear")?;
    call.no_arguments(host)?;
    if let Some(data) = bytearray_data(call.this) {
        *data = Vec::new();
    }
    Ok(Value::NONE)
}

/// `bytearray.copy()`.
pub fn copy(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "copy")?;
    call.no_arguments(host)?;
    let data = call.data().to_vec();
    Ok(new_bytearray(host.runtime(), data))
}

/// `bytearray.__init__(source=…, encoding=…, errors=…)`: replaces the contents (for
/// subclasses, whose instances start empty).
pub fn dunder_init(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__init__")?;
    let rest = Arguments {
        values: &arguments.values[1..],
        keyword_names: arguments.keyword_names,
    };
    let data = construct_data(host, Kind::ByteArray, rest)?;
    change(host, call.this, |current| *current = data);
    Ok(Value::NONE)
}

/// `bytearray.__setitem__(key, value)`.
pub fn dunder_setitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__setitem__")?;
    let values = call.positional(host, 2, 2)?;
    set_item(host, call.this, values[0], values[1])?;
    Ok(Value::NONE)
}

/// `bytearray.__delitem__(key)`.
pub fn dunder_delitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__delitem__")?;
    let key = call.one_argument(host)?;
    delete_item(host, call.this, key)?;
    Ok(Value::NONE)
}

/// `bytearray.__iadd__(other)`.
pub fn dunder_iadd(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__iadd__")?;
    let other = call.one_argument(host)?;
    let Some(extra) = buffer(other) else {
        let runtime = host.runtime();
        let message = format!("can't concat {} to bytearray", type_name(runtime, other));
        return Err(runtime.type_error(message));
    };
    let extra = extra.into_owned();
    extend_in_place(host, call.this, &extra)?;
    Ok(arguments.values[0])
}

/// `bytearray.__imul__(count)`.
pub fn dunder_imul(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "__imul__")?;
    let count = call.one_argument(host)?;
    let count = require_index(host, count, "cannot fit 'int' into an index-sized integer")?;
    let operator = krait_compiler::BinaryOperator::InPlaceMultiply;
    let count = host.runtime().new_int(count.max(0));
    super::binary(host, call.this, count, operator)?;
    Ok(arguments.values[0])
}
