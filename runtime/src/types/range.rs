//! `range`: length, indexing, slicing, membership and equality without materializing it.

use crate::object::Payload;
use crate::types::int::{as_int, IntValue};
use crate::types::sequence::{bad_index, index_value, resolve_index, resolve_slice};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The range methods.
pub const METHODS: crate::types::MethodTable = &[("index", index), ("count", count)];

fn parts(value: Value) -> Option<(i64, i64, i64)> {
    match &value.as_object()?.payload {
        Payload::Range { start, stop, step } => Some((*start, *stop, *step)),
        _ => None,
    }
}

/// `len(range)`.
pub fn length(value: Value) -> usize {
    let Some((start, stop, step)) = parts(value) else {
        return 0;
    };
    let span = if step > 0 {
        stop as i128 - start as i128
    } else {
        start as i128 - stop as i128
    };
    if span <= 0 {
        0
    } else {
        ((span - 1) / (step as i128).abs() + 1) as usize
    }
}

/// `range[key]`.
pub fn get_item(host: &mut dyn Host, range: Value, key: Value) -> PyResult<Value> {
    let Some((start, _, step)) = parts(range) else {
        return Ok(Value::NONE);
    };
    let count = length(range);
    if let Some(position) = index_value(host, key, "range")? {
        let resolved = resolve_index(host, position, count, "range object")?;
        return Ok(host.runtime().new_int(start + resolved as i64 * step));
    }
    if let Some(slice) = resolve_slice(host, key, count)? {
        let new_start = start + slice.start * step;
        let new_step = step * slice.step;
        let new_stop = new_start + slice.count as i64 * new_step;
        return Ok(host.runtime().heap.allocate(Payload::Range {
            start: new_start,
            stop: new_stop,
            step: new_step,
        }));
    }
    Err(bad_index(host, key, "range"))
}

/// `item in range` for ints; `None` for other items (compared by iteration).
pub fn contains(range: Value, item: Value) -> Option<bool> {
    let (start, stop, step) = parts(range)?;
    if item.is_bool() {
        return None;
    }
    let value = match as_int(item)? {
        IntValue::Small(small) => small,
        IntValue::Big(_) => return Some(false),
    };
    let inside = if step > 0 {
        value >= start && value < stop
    } else {
        value <= start && value > stop
    };
    Some(inside && (value - start) % step == 0)
}

/// `range == range`: equal when they produce the same sequence.
pub fn equal(left: Value, right: Value) -> bool {
    let (Some(a), Some(b)) = (parts(left), parts(right)) else {
        return false;
    };
    let (length_a, length_b) = (length(left), length(right));
    if length_a != length_b {
        return false;
    }
    if length_a == 0 {
        return true;
    }
    if a.0 != b.0 {
        return false;
    }
    length_a == 1 || a.2 == b.2
}

fn index(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let range = arguments.values.first().copied().unwrap_or(Value::NONE);
    let item = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    if contains(range, item) == Some(true) {
        let (start, _, step) = parts(range).unwrap_or((0, 0, 1));
        let value = as_int(item).and_then(|int| int.to_i64()).unwrap_or(0);
        return Ok(host.runtime().new_int((value - start) / step));
    }
    let text = crate::protocol::repr_string(host, item)?;
    Err(host
        .runtime()
        .value_error(format!("{text} is not in range")))
}

fn count(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let range = arguments.values.first().copied().unwrap_or(Value::NONE);
    let item = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    Ok(host
        .runtime()
        .new_int(i64::from(contains(range, item) == Some(true))))
}
