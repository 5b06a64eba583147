//! `list`: indexing and slicing (including slice assignment and deletion), and the list
//! methods, `sort` among them (stable, with `key` and `reverse`).

use crate::object::Payload;
use crate::protocol::{call, equal, repr_string};
use crate::types::sequence::{
    bad_index, index_value, resolve_index, resolve_slice, resolve_slice_parts, SliceRange,
};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

mod sort;

use sort::sort_values;

/// The list methods.
pub const METHODS: crate::types::MethodTable = &[
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("sort", sort),
    ("reverse", reverse),
    ("copy", copy),
    ("clear", clear),
    ("__init__", dunder_init),
    ("__getitem__", dunder_getitem),
    ("__len__", dunder_len),
];

/// The items of a list value.
pub fn items(value: Value) -> Option<&'static mut Vec<Value>> {
    match &value.as_object()?.payload {
        Payload::List(items) => Some(items.get()),
        Payload::Instance(_) => items(crate::protocol::base_value(value)?),
        _ => None,
    }
}

/// Appends to a list, accounting its growth to the GC.
#[inline]
pub fn push(host: &mut dyn Host, list: Value, item: Value) {
    if let Some(items) = items(list) {
        let before = items.capacity();
        items.push(item);
        if items.capacity() != before {
            host.runtime()
                .heap
                .account((items.capacity() - before) * std::mem::size_of::<Value>());
        }
    }
}

/// `list[key]`.
pub fn get_item(host: &mut dyn Host, list: Value, key: Value) -> PyResult<Value> {
    let Some(values) = items(list) else {
        return Ok(Value::NONE);
    };
    if let Some(position) = index_value(host, key, "list")? {
        let resolved = resolve_index(host, position, values.len(), "list")?;
        return Ok(values[resolved]);
    }
    if let Some(Payload::Slice { start, stop, step }) = key.as_object().map(|key| &key.payload) {
        return get_slice(host, list, *start, *stop, *step);
    }
    Err(bad_index(host, key, "list"))
}

/// `list[start:stop:step]`, from the slice's parts (the interpreter calls this directly, without
/// building a slice object).
pub fn get_slice(
    host: &mut dyn Host,
    list: Value,
    start: Value,
    stop: Value,
    step: Value,
) -> PyResult<Value> {
    let length = items(list).map_or(0, |values| values.len());
    let range = resolve_slice_parts(host, start, stop, step, length)?;
    // Resolving may have run `__index__` methods, which may have changed the list.
    let values = items(list).map_or(&[][..], |values| &values[..]);
    let selected = slice_values(values, range);
    Ok(host.runtime().new_list(selected))
}

/// The items a resolved slice selects. The bounds are clamped to the length of `values`, which
/// may be shorter than the length they were resolved against (an `__index__` method may have
/// shortened the list meanwhile).
#[inline]
pub fn slice_values(values: &[Value], range: SliceRange) -> Vec<Value> {
    match range.step {
        // Contiguous: one copy.
        1 => {
            let start = (range.start.max(0) as usize).min(values.len());
            let stop = (start + range.count).min(values.len());
            values[start..stop].to_vec()
        }
        _ => {
            let mut selected = Vec::with_capacity(range.count);
            selected.extend(
                range
                    .indices()
                    .filter_map(|index| values.get(index).copied()),
            );
            selected
        }
    }
}

/// `list[key] = value`.
pub fn set_item(host: &mut dyn Host, list: Value, key: Value, value: Value) -> PyResult<()> {
    let Some(values) = items(list) else {
        return Ok(());
    };
    if let Some(position) = index_value(host, key, "list")? {
        let resolved = resolve_index(host, position, values.len(), "list assignment")?;
        values[resolved] = value;
        return Ok(());
    }
    if let Some(Payload::Slice { start, stop, step }) = key.as_object().map(|key| &key.payload) {
        return set_slice(host, list, (*start, *stop, *step), value);
    }
    Err(bad_index(host, key, "list"))
}

/// `list[start:stop:step] = value`, from the slice's parts `(start, stop, step)`.
pub fn set_slice(
    host: &mut dyn Host,
    list: Value,
    (start, stop, step): (Value, Value, Value),
    value: Value,
) -> PyResult<()> {
    // As CPython: the bounds are resolved against the current length, then the replacement is
    // collected (it may be the list itself, or an iterator that changes it), and the bounds are
    // clamped again to the length at that point.
    let length = items(list).map_or(0, |values| values.len());
    let range = resolve_slice_parts(host, start, stop, step, length)?;
    let replacement = match value.as_object().map(|object| &object.payload) {
        // A copy: the replacement may be the list itself.
        Some(Payload::List(replacement)) => replacement.get().clone(),
        Some(Payload::Tuple(replacement)) => replacement.to_vec(),
        _ => match crate::protocol::iterate(host, value) {
            Ok(iterator) => crate::protocol::collect(host, iterator)?,
            Err(error) => {
                let runtime = host.runtime();
                if crate::protocol::is_instance(runtime, error.exception, runtime.types.type_error)
                {
                    return Err(runtime.type_error("can only assign an iterable"));
                }
                return Err(error);
            }
        },
    };
    let values = items(list).unwrap_or_else(|| unreachable_list());
    assign_slice(values, range, &replacement).map_err(|mismatch| {
        let message = format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            mismatch.replacement, mismatch.slice
        );
        host.runtime().value_error(message)
    })
}

/// An extended slice assignment whose replacement has another length than the slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeMismatch {
    /// The replacement's length.
    pub replacement: usize,
    /// The slice's length.
    pub slice: usize,
}

/// `values[range] = replacement` for a resolved slice: a contiguous slice (step 1) is replaced
/// (the list grows or shrinks to fit), an extended one must have the replacement's length. The
/// bounds are clamped to the current length (collecting the replacement may have run code that
/// changed the list).
#[inline]
pub fn assign_slice(
    values: &mut Vec<Value>,
    range: SliceRange,
    replacement: &[Value],
) -> Result<(), SizeMismatch> {
    if range.step == 1 {
        let start = (range.start.max(0) as usize).min(values.len());
        let stop = ((range.stop.max(range.start)).max(0) as usize).min(values.len());
        if stop - start == replacement.len() {
            values[start..stop].copy_from_slice(replacement);
        } else {
            values.splice(start..stop, replacement.iter().copied());
        }
        return Ok(());
    }
    if replacement.len() != range.count {
        return Err(SizeMismatch {
            replacement: replacement.len(),
            slice: range.count,
        });
    }
    for (index, item) in range.indices().zip(replacement) {
        if let Some(slot) = values.get_mut(index) {
            *slot = *item;
        }
    }
    Ok(())
}

fn unreachable_list() -> &'static mut Vec<Value> {
    // Only reached if a list stopped being a list, which cannot happen.
    Box::leak(Box::default())
}

/// `del list[key]`.
pub fn delete_item(host: &mut dyn Host, list: Value, key: Value) -> PyResult<()> {
    let Some(values) = items(list) else {
        return Ok(());
    };
    if let Some(position) = index_value(host, key, "list")? {
        let resolved = resolve_index(host, position, values.len(), "list assignment")?;
        values.remove(resolved);
        return Ok(());
    }
    if let Some(range) = resolve_slice(host, key, values.len())? {
        // One pass over the list (removing item by item made `del items[:k]` quadratic).
        let mut doomed = vec![false; values.len()];
        for index in range.indices() {
            if let Some(slot) = doomed.get_mut(index) {
                *slot = true;
            }
        }
        let mut position = 0;
        values.retain(|_| {
            let keep = !doomed[position];
            position += 1;
            keep
        });
        return Ok(());
    }
    Err(bad_index(host, key, "list"))
}

fn receiver(host: &mut dyn Host, arguments: &Arguments, method: &str) -> PyResult<Value> {
    match arguments.values.first() {
        Some(&value) if items(value).is_some() => Ok(value),
        _ => Err(host.runtime().type_error(format!(
            "descriptor '{method}' for 'list' objects doesn't apply to this object"
        ))),
    }
}

fn exact_arguments(
    host: &mut dyn Host,
    arguments: &Arguments,
    name: &str,
    count: usize,
) -> PyResult<()> {
    let given = arguments.values.len() - 1;
    if !arguments.keyword_names.is_empty() {
        return Err(host
            .runtime()
            .type_error(format!("list.{name}() takes no keyword arguments")));
    }
    if given != count {
        let message = match count {
            0 => format!("list.{name}() takes no arguments ({given} given)"),
            1 => format!("list.{name}() takes exactly one argument ({given} given)"),
            _ => format!("{name} expected {count} arguments, got {given}"),
        };
        return Err(host.runtime().type_error(message));
    }
    Ok(())
}

fn append(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "append")?;
    exact_arguments(host, &arguments, "append", 1)?;
    push(host, list, arguments.values[1]);
    Ok(Value::NONE)
}

fn extend(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "extend")?;
    exact_arguments(host, &arguments, "extend", 1)?;
    let new_items = crate::protocol::collect(host, arguments.values[1])?;
    if let Some(values) = items(list) {
        let before = values.capacity();
        values.extend(new_items);
        let grown = values.capacity().saturating_sub(before);
        host.runtime()
            .heap
            .account(grown * std::mem::size_of::<Value>());
    }
    Ok(Value::NONE)
}

fn insert(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "insert")?;
    exact_arguments(host, &arguments, "insert", 2)?;
    let Some(position) = index_value(host, arguments.values[1], "list")? else {
        let runtime = host.runtime();
        let message = format!(
            "'{}' object cannot be interpreted as an integer",
            crate::protocol::type_name(runtime, arguments.values[1])
        );
        return Err(runtime.type_error(message));
    };
    if let Some(values) = items(list) {
        let length = values.len() as i64;
        let resolved = if position < 0 {
            (position + length).max(0)
        } else {
            position.min(length)
        };
        values.insert(resolved as usize, arguments.values[2]);
    }
    Ok(Value::NONE)
}

fn pop(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "pop")?;
    if arguments.values.len() > 2 {
        let message = format!(
            "pop expected at most 1 argument, got {}",
            arguments.values.len() - 1
        );
        return Err(host.runtime().type_error(message));
    }
    let values = items(list).unwrap_or_else(|| unreachable_list());
    if values.is_empty() {
        return Err(host.runtime().index_error("pop from empty list"));
    }
    let position = match arguments.values.get(1) {
        Some(&index) => index_value(host, index, "list")?.unwrap_or(-1),
        None => -1,
    };
    let values = items(list).unwrap_or_else(|| unreachable_list());
    let resolved = resolve_index(host, position, values.len(), "pop")?;
    Ok(values.remove(resolved))
}

fn find_index(
    host: &mut dyn Host,
    list: Value,
    item: Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut position = start;
    loop {
        let Some(values) = items(list) else {
            return Ok(None);
        };
        if position >= stop.min(values.len()) {
            return Ok(None);
        }
        let candidate = values[position];
        if equal(host, candidate, item)? {
            return Ok(Some(position));
        }
        position += 1;
    }
}

fn remove(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "remove")?;
    exact_arguments(host, &arguments, "remove", 1)?;
    match find_index(host, list, arguments.values[1], 0, usize::MAX)? {
        Some(position) => {
            if let Some(values) = items(list) {
                values.remove(position);
            }
            Ok(Value::NONE)
        }
        None => Err(host.runtime().value_error("list.remove(x): x not in list")),
    }
}

fn index(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "index")?;
    let length = items(list).map_or(0, |values| values.len()) as i64;
    let bound = |host: &mut dyn Host, value: Option<&Value>, default: i64| -> PyResult<usize> {
        let raw = match value {
            Some(&value) => index_value(host, value, "list")?.unwrap_or(default),
            None => default,
        };
        Ok(if raw < 0 {
            (raw + length).max(0) as usize
        } else {
            raw as usize
        })
    };
    if arguments.values.len() < 2 {
        return Err(host.runtime().type_error(format!(
            "index expected at least 1 argument, got {}",
            arguments.values.len() - 1
        )));
    }
    let start = bound(host, arguments.values.get(2), 0)?;
    let stop = bound(host, arguments.values.get(3), length)?;
    match find_index(host, list, arguments.values[1], start, stop)? {
        Some(position) => Ok(host.runtime().new_int(position as i64)),
        None => {
            let text = repr_string(host, arguments.values[1])?;
            Err(host.runtime().value_error(format!("{text} is not in list")))
        }
    }
}

fn count(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "count")?;
    exact_arguments(host, &arguments, "count", 1)?;
    let snapshot = items(list).map(|values| values.clone()).unwrap_or_default();
    let mut total = 0;
    for candidate in snapshot {
        if equal(host, candidate, arguments.values[1])? {
            total += 1;
        }
    }
    Ok(host.runtime().new_int(total))
}

/// Parses `key=` and `reverse=` keyword arguments (for `list.sort` and `sorted`).
pub fn sort_options(
    host: &mut dyn Host,
    arguments: &Arguments,
    name: &str,
) -> PyResult<(Value, bool)> {
    let mut key = Value::NONE;
    let mut reverse = false;
    for (keyword, value) in arguments.keywords() {
        match crate::protocol::str_value(keyword) {
            Some("key") => key = value,
            Some("reverse") => reverse = crate::protocol::is_true(host, value)?,
            Some(other) => {
                let message = format!("'{other}' is an invalid keyword argument for {name}()");
                return Err(host.runtime().type_error(message));
            }
            None => {}
        }
    }
    Ok((key, reverse))
}

/// Sorts a list value in place with the given key function and order.
pub fn sort_list(host: &mut dyn Host, list: Value, key: Value, reverse: bool) -> PyResult<()> {
    // Take the items out while sorting, as CPython does, so that callbacks see an empty list.
    let mut values = std::mem::take(items(list).unwrap_or_else(|| unreachable_list()));
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let holder = runtime.new_list(values.clone());
    runtime.push_root(holder);
    let result = (|| {
        if key.is_none() {
            sort_values(host, &mut values, None, reverse)
        } else {
            let mut keys = Vec::with_capacity(values.len());
            for &value in &values {
                let computed = call(host, key, &[value], &[])?;
                keys.push(computed);
                if let Some(held) = items(holder) {
                    held.push(computed);
                }
            }
            sort_values(host, &mut values, Some(&mut keys), reverse)
        }
    })();
    host.runtime().pop_roots(mark);
    let modified = items(list).is_some_and(|current| !current.is_empty());
    if let Some(slot) = items(list) {
        *slot = values;
    }
    result?;
    if modified {
        return Err(host.runtime().value_error("list modified during sort"));
    }
    Ok(())
}

fn sort(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "sort")?;
    if arguments.positionals().len() > 1 {
        return Err(host
            .runtime()
            .type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = sort_options(host, &arguments, "sort")?;
    sort_list(host, list, key, reverse)?;
    Ok(Value::NONE)
}

fn reverse(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "reverse")?;
    exact_arguments(host, &arguments, "reverse", 0)?;
    if let Some(values) = items(list) {
        values.reverse();
    }
    Ok(Value::NONE)
}

fn copy(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "copy")?;
    exact_arguments(host, &arguments, "copy", 0)?;
    let snapshot = items(list).map(|values| values.clone()).unwrap_or_default();
    Ok(host.runtime().new_list(snapshot))
}

fn clear(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "clear")?;
    exact_arguments(host, &arguments, "clear", 0)?;
    if let Some(values) = items(list) {
        values.clear();
    }
    Ok(Value::NONE)
}

fn dunder_getitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "__getitem__")?;
    exact_arguments(host, &arguments, "__getitem__", 1)?;
    get_item(host, list, arguments.values[1])
}

fn dunder_len(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "__len__")?;
    let length = items(list).map_or(0, |values| values.len());
    Ok(host.runtime().new_int(length as i64))
}

/// `list.__init__(self, iterable=())`: for subclasses, whose instances start empty.
fn dunder_init(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = receiver(host, &arguments, "__init__")?;
    if arguments.values.len() > 2 || !arguments.keyword_names.is_empty() {
        let message = format!(
            "list expected at most 1 argument, got {}",
            arguments.values.len() - 1
        );
        return Err(host.runtime().type_error(message));
    }
    let new_items = match arguments.values.get(1) {
        Some(&iterable) => crate::protocol::collect(host, iterable)?,
        None => Vec::new(),
    };
    if let Some(values) = items(list) {
        *values = new_items;
    }
    Ok(Value::NONE)
}
