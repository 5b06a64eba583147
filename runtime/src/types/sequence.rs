//! Index and slice arithmetic shared by list, tuple, str and range.

use crate::object::Payload;
use crate::protocol::type_name;
use crate::types::int::{as_int, IntValue};
use crate::value::Value;
use crate::{Host, PyResult};

/// Converts an index value to an i64 (`__index__` semantics for ints and bools).
pub fn index_value(host: &mut dyn Host, index: Value, container: &str) -> PyResult<Option<i64>> {
    let index = crate::protocol::number::through_index(host, index)?;
    match as_int(index) {
        Some(IntValue::Small(small)) => Ok(Some(small)),
        Some(IntValue::Big(_)) => {
            let runtime = host.runtime();
            let _ = container;
            Err(runtime.new_error(
                runtime.types.index_error,
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        None => Ok(None),
    }
}

/// Resolves `index` against a sequence of `length`, raising IndexError with
/// `"{what} index out of range"`.
pub fn resolve_index(
    host: &mut dyn Host,
    index: i64,
    length: usize,
    what: &str,
) -> PyResult<usize> {
    let resolved = if index < 0 {
        index + length as i64
    } else {
        index
    };
    if resolved < 0 || resolved >= length as i64 {
        return Err(host
            .runtime()
            .index_error(format!("{what} index out of range")));
    }
    Ok(resolved as usize)
}

/// The TypeError for a bad index type: `list indices must be integers or slices, not str`.
pub fn bad_index(host: &mut dyn Host, index: Value, what: &str) -> crate::PyErr {
    let runtime = host.runtime();
    let message = if what == "string" {
        format!(
            "string indices must be integers, not '{}'",
            type_name(runtime, index)
        )
    } else {
        format!(
            "{what} indices must be integers or slices, not {}",
            type_name(runtime, index)
        )
    };
    runtime.type_error(message)
}

/// A slice resolved against a length: start, stop, step, and the number of items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceRange {
    /// First index.
    pub start: i64,
    /// End index (exclusive, may be -1 for negative steps).
    pub stop: i64,
    /// Step (never 0).
    pub step: i64,
    /// How many indices the slice selects.
    pub count: usize,
}

impl SliceRange {
    /// The selected indices in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start, self.step);
        (0..self.count).map(move |offset| (start + offset as i64 * step) as usize)
    }
}

/// `slice.indices(length)` as CPython computes it.
pub fn resolve_slice(
    host: &mut dyn Host,
    slice: Value,
    length: usize,
) -> PyResult<Option<SliceRange>> {
    let Some(Payload::Slice { start, stop, step }) =
        slice.as_object().map(|object| &object.payload)
    else {
        return Ok(None);
    };
    resolve_slice_parts(host, *start, *stop, *step, length).map(Some)
}

/// A slice given by its parts (`start`, `stop`, `step`: ints, objects with `__index__`, or None)
/// resolved against a length, as `slice.indices(length)` computes it.
pub fn resolve_slice_parts(
    host: &mut dyn Host,
    start: Value,
    stop: Value,
    step: Value,
    length: usize,
) -> PyResult<SliceRange> {
    let bound = |host: &mut dyn Host, value: Value| -> PyResult<Option<i64>> {
        if value.is_none() {
            return Ok(None);
        }
        if let Some(small) = value.as_small_int() {
            return Ok(Some(small));
        }
        let value = crate::protocol::number::through_index(host, value)?;
        match as_int(value) {
            Some(IntValue::Small(small)) => Ok(Some(small)),
            Some(IntValue::Big(big)) => Ok(Some(if num_traits::Signed::is_negative(big) {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            None => Err(host
                .runtime()
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    };
    let step = bound(host, step)?.unwrap_or(1);
    if step == 0 {
        return Err(host.runtime().value_error("slice step cannot be zero"));
    }
    let start = bound(host, start)?;
    let stop = bound(host, stop)?;
    Ok(clamp_slice(start, stop, step, length))
}

/// A slice bound that needs no `__index__` call: `Some(None)` for None, `Some(Some(n))` for a
/// small int, `None` for anything else.
#[inline]
pub fn plain_bound(value: Value) -> Option<Option<i64>> {
    if value.is_none() {
        Some(None)
    } else {
        value.as_small_int().map(Some)
    }
}

/// A slice given by plain parts (None or small ints, see [`plain_bound`]) resolved against a
/// length, without a host: nothing can run or raise. `None` when a part is not plain or the
/// step is zero (the general [`resolve_slice_parts`] raises there).
#[inline]
pub fn resolve_plain_parts(
    start: Value,
    stop: Value,
    step: Value,
    length: usize,
) -> Option<SliceRange> {
    let step = plain_bound(step)?.unwrap_or(1);
    if step == 0 {
        return None;
    }
    Some(clamp_slice(
        plain_bound(start)?,
        plain_bound(stop)?,
        step,
        length,
    ))
}

/// Resolved bounds (None for absent) clamped to a sequence of `length`, as CPython's
/// `PySlice_AdjustIndices` does; `step` is not 0.
#[inline]
fn clamp_slice(start: Option<i64>, stop: Option<i64>, step: i64, length: usize) -> SliceRange {
    let length = length as i64;
    let (lower, upper) = if step < 0 {
        (-1, length - 1)
    } else {
        (0, length)
    };
    let clamp = |value: Option<i64>, default: i64| match value {
        None => default,
        Some(value) if value < 0 => (value + length).max(lower),
        Some(value) => value.min(upper),
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    // Steps of 1 and -1 (the usual ones) without a division.
    let count = if step > 0 {
        match stop - start {
            distance if distance <= 0 => 0,
            distance if step == 1 => distance as usize,
            distance => ((distance - 1) / step + 1) as usize,
        }
    } else {
        match start - stop {
            distance if distance <= 0 => 0,
            distance if step == -1 => distance as usize,
            distance => ((distance - 1) / (-step) + 1) as usize,
        }
    };
    SliceRange {
        start,
        stop,
        step,
        count,
    }
}

/// The slice methods.
pub const SLICE_METHODS: crate::types::MethodTable = &[("indices", slice_indices)];

/// `slice.indices(length)`: `(start, stop, step)` clamped to a sequence of `length`.
fn slice_indices(host: &mut dyn Host, arguments: crate::Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "indices", 2, 2)?;
    let (slice, length) = (arguments.values[0], arguments.values[1]);
    let length = match as_int(length) {
        Some(IntValue::Small(small)) => small,
        Some(IntValue::Big(_)) => {
            return Err(host
                .runtime()
                .overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => {
            let runtime = host.runtime();
            let message = format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(runtime, length)
            );
            return Err(runtime.type_error(message));
        }
    };
    if length < 0 {
        return Err(host.runtime().value_error("length should not be negative"));
    }
    let Some(range) = resolve_slice(host, slice, length as usize)? else {
        return Err(host
            .runtime()
            .type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let runtime = host.runtime();
    let items = vec![
        runtime.new_int(range.start),
        runtime.new_int(range.stop),
        runtime.new_int(range.step),
    ];
    Ok(runtime.new_tuple(items))
}
