//! `tuple`: indexing, slicing and the tuple methods.

use crate::object::Payload;
use crate::protocol::{equal, repr_string};
use crate::types::sequence::{bad_index, index_value, resolve_index, resolve_slice, SliceRange};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The tuple methods.
pub const METHODS: crate::types::MethodTable = &[("index", index), ("count", count)];

/// The items of a tuple value.
pub fn items(value: Value) -> Option<&'static [Value]> {
    match &value.as_object()?.payload {
        Payload::Tuple(items) => Some(items),
        Payload::Instance(_) => items(crate::protocol::base_value(value)?),
        _ => None,
    }
}

/// `tuple[key]`.
pub fn get_item(host: &mut dyn Host, tuple: Value, key: Value) -> PyResult<Value> {
    let Some(values) = items(tuple) else {
        return Ok(Value::NONE);
    };
    if let Some(position) = index_value(host, key, "tuple")? {
        let resolved = resolve_index(host, position, values.len(), "tuple")?;
        return Ok(values[resolved]);
    }
    if let Some(range) = resolve_slice(host, key, values.len())? {
        return Ok(slice(host.runtime(), values, range));
    }
    Err(bad_index(host, key, "tuple"))
}

/// The tuple of the items a slice resolved against `values`' length selects.
pub fn slice(runtime: &mut crate::Runtime, values: &[Value], range: SliceRange) -> Value {
    let selected: Vec<Value> = range
        .indices()
        .filter_map(|index| values.get(index).copied())
        .collect();
    runtime.new_tuple(selected)
}

fn receiver(host: &mut dyn Host, arguments: &Arguments) -> PyResult<&'static [Value]> {
    match arguments.values.first().and_then(|&value| items(value)) {
        Some(values) => Ok(values),
        None => Err(host
            .runtime()
            .type_error("descriptor requires a 'tuple' object")),
    }
}

fn index(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let values = receiver(host, &arguments)?;
    let Some(&item) = arguments.values.get(1) else {
        return Err(host
            .runtime()
            .type_error("index expected at least 1 argument, got 0"));
    };
    for (position, &candidate) in values.iter().enumerate() {
        if equal(host, candidate, item)? {
            return Ok(host.runtime().new_int(position as i64));
        }
    }
    let _ = repr_string;
    Err(host.runtime().value_error("tuple.index(x): x not in tuple"))
}

fn count(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let values = receiver(host, &arguments)?;
    let Some(&item) = arguments.values.get(1) else {
        return Err(host
            .runtime()
            .type_error("tuple.count() takes exactly one argument (0 given)"));
    };
    let mut total = 0;
    for &candidate in values.iter() {
        if equal(host, candidate, item)? {
            total += 1;
        }
    }
    Ok(host.runtime().new_int(total))
}
