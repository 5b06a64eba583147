//! `list.sort` and `sorted`: a stable sort of values by key with Python's `<`.
//!
//! Most sorts in real programs have keys of one builtin type — all str, all small ints, all
//! floats, or tuples that start with one of those. As CPython's `list.sort` does, the keys are
//! checked once up front; keys of one such type are compared natively (code-point order is UTF-8
//! byte order), without dispatching `<` per comparison. Those orders are total, so the standard
//! library's stable sort is used for them. Any other keys go through a merge sort that calls
//! Python's `<` and stops cleanly at the first error, and skips a merge when its two halves are
//! already in order (so presorted input costs one comparison per merge).

use std::cmp::Ordering;

use krait_compiler::Comparison;

use crate::object::Payload;
use crate::protocol::compare_bool;
use crate::value::Value;
use crate::{Host, PyResult};

/// Sorts values in place, stably, comparing keys with `<` (the values themselves when there are
/// no keys); `reverse` sorts descending while equal keys keep their order.
pub fn sort_values(
    host: &mut dyn Host,
    values: &mut [Value],
    keys: Option<&mut [Value]>,
    reverse: bool,
) -> PyResult<()> {
    let length = values.len();
    let mut order: Vec<usize> = (0..length).collect();
    let sort_keys: Vec<Value> = match &keys {
        Some(keys) => keys.to_vec(),
        None => values.to_vec(),
    };
    // A reversed sort is: reverse, sort stably, reverse back (equal items keep their order).
    if reverse {
        order.reverse();
    }
    match KeyKind::of_all(&sort_keys) {
        Some(KeyKind::Tuple(first)) => {
            let mut buffer = order.clone();
            let mut less = |host: &mut dyn Host, a: Value, b: Value| -> PyResult<bool> {
                match (tuple_first(a), tuple_first(b)) {
                    (Some(x), Some(y)) => match first.compare(x, y) {
                        Some(Ordering::Less) => Ok(true),
                        Some(Ordering::Greater) => Ok(false),
                        // Equal first items (or unordered floats): the whole tuples decide.
                        _ => compare_bool(host, a, b, Comparison::Less),
                    },
                    _ => compare_bool(host, a, b, Comparison::Less),
                }
            };
            merge_sort(host, &sort_keys, &mut order, &mut buffer, &mut less)?;
        }
        Some(kind) => {
            order.sort_by(|&a, &b| {
                kind.compare(sort_keys[a], sort_keys[b])
                    .unwrap_or(Ordering::Equal)
            });
        }
        None => {
            let mut buffer = order.clone();
            let mut less = |host: &mut dyn Host, a: Value, b: Value| {
                compare_bool(host, a, b, Comparison::Less)
            };
            merge_sort(host, &sort_keys, &mut order, &mut buffer, &mut less)?;
        }
    }
    if reverse {
        order.reverse();
    }
    let original = values.to_vec();
    for (target, &source) in order.iter().enumerate() {
        values[target] = original[source];
    }
    Ok(())
}

/// A builtin key type whose `<` is compared natively.
#[derive(Clone, Copy)]
enum KeyKind {
    /// Exact strs.
    Str,
    /// Inline ints (not bools).
    SmallInt,
    /// Floats, none of them NaN (so the order is total).
    Float,
    /// Exact tuples, non-empty, whose first items are all of the given kind.
    Tuple(ScalarKind),
}

/// The kinds a tuple's first item may have for the tuple fast path.
#[derive(Clone, Copy)]
enum ScalarKind {
    Str,
    SmallInt,
    Float,
}

impl KeyKind {
    /// The one kind every key has, if there is one.
    fn of_all(keys: &[Value]) -> Option<KeyKind> {
        let first = *keys.first()?;
        if let Some(scalar) = ScalarKind::of(first) {
            if !keys.iter().all(|&key| scalar.holds(key)) {
                return None;
            }
            return Some(match scalar {
                ScalarKind::Str => KeyKind::Str,
                ScalarKind::SmallInt => KeyKind::SmallInt,
                ScalarKind::Float => KeyKind::Float,
            });
        }
        let scalar = ScalarKind::of(tuple_first(first)?)?;
        keys.iter()
            .all(|&key| tuple_first(key).is_some_and(|item| scalar.holds(item)))
            .then_some(KeyKind::Tuple(scalar))
    }

    /// The native order of two keys of this kind (`None` only for tuples, never asked here).
    fn compare(self, a: Value, b: Value) -> Option<Ordering> {
        match self {
            KeyKind::Str => ScalarKind::Str.compare(a, b),
            KeyKind::SmallInt => ScalarKind::SmallInt.compare(a, b),
            KeyKind::Float => ScalarKind::Float.compare(a, b),
            KeyKind::Tuple(_) => None,
        }
    }
}

impl ScalarKind {
    /// The kind of one value, if it has a native order.
    fn of(value: Value) -> Option<ScalarKind> {
        [ScalarKind::Str, ScalarKind::SmallInt, ScalarKind::Float]
            .into_iter()
            .find(|kind| kind.holds(value))
    }

    /// Whether the value is of this kind.
    fn holds(self, value: Value) -> bool {
        match self {
            ScalarKind::Str => exact_str(value).is_some(),
            ScalarKind::SmallInt => value.as_small_int().is_some(),
            ScalarKind::Float => value.as_float().is_some_and(|float| !float.is_nan()),
        }
    }

    /// The native order of two values of this kind; `None` when they are not both of it.
    fn compare(self, a: Value, b: Value) -> Option<Ordering> {
        match self {
            ScalarKind::Str => Some(exact_str(a)?.as_bytes().cmp(exact_str(b)?.as_bytes())),
            ScalarKind::SmallInt => Some(a.as_small_int()?.cmp(&b.as_small_int()?)),
            ScalarKind::Float => a.as_float()?.partial_cmp(&b.as_float()?),
        }
    }
}

/// The text of an exact str (not an instance of a subclass, whose `<` may be overridden).
fn exact_str(value: Value) -> Option<&'static str> {
    match &value.as_object()?.payload {
        Payload::Str(text) => Some(text.text()),
        _ => None,
    }
}

/// The first item of an exact, non-empty tuple.
fn tuple_first(value: Value) -> Option<Value> {
    match &value.as_object()?.payload {
        Payload::Tuple(items) => items.first().copied(),
        _ => None,
    }
}

/// A stable merge sort of `order` (indices into `keys`) by `less`, which may raise: the first
/// error stops the sort. Halves already in order are not merged.
fn merge_sort(
    host: &mut dyn Host,
    keys: &[Value],
    order: &mut [usize],
    buffer: &mut [usize],
    less: &mut dyn FnMut(&mut dyn Host, Value, Value) -> PyResult<bool>,
) -> PyResult<()> {
    let length = order.len();
    if length <= 1 {
        return Ok(());
    }
    // Insertion sort for short runs.
    if length <= 16 {
        for start in 1..length {
            let mut position = start;
            while position > 0 {
                if !less(host, keys[order[position]], keys[order[position - 1]])? {
                    break;
                }
                order.swap(position, position - 1);
                position -= 1;
            }
        }
        return Ok(());
    }
    let middle = length / 2;
    {
        let (left, right) = order.split_at_mut(middle);
        let (left_buffer, right_buffer) = buffer.split_at_mut(middle);
        merge_sort(host, keys, left, left_buffer, less)?;
        merge_sort(host, keys, right, right_buffer, less)?;
    }
    // Already in order: the right half's first is not below the left half's last.
    if !less(host, keys[order[middle]], keys[order[middle - 1]])? {
        return Ok(());
    }
    buffer[..length].copy_from_slice(order);
    let (mut left, mut right, mut out) = (0, middle, 0);
    while left < middle && right < length {
        if less(host, keys[buffer[right]], keys[buffer[left]])? {
            order[out] = buffer[right];
            right += 1;
        } else {
            order[out] = buffer[left];
            left += 1;
        }
        out += 1;
    }
    while left < middle {
        order[out] = buffer[left];
        left += 1;
        out += 1;
    }
    while right < length {
        order[out] = buffer[right];
        right += 1;
        out += 1;
    }
    Ok(())
}
