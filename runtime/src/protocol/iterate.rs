//! Iteration: `iter()` and `next()` for builtin containers (index-based iterators that stay
//! valid when the container changes), generators, and user `__iter__`/`__next__`.

use std::cell::Cell;

use crate::object::{DictViewKind, IteratorKind, Payload};
use crate::protocol::attribute::call_bound;
use crate::protocol::{call, equal, is_instance, is_true, lookup_in_type, type_name, type_of};
use crate::value::Value;
use crate::{GeneratorStep, Host, PyResult, Runtime};

/// The class of a builtin iterator.
pub fn iterator_type(runtime: &Runtime, iterator: &IteratorKind) -> Value {
    let types = &runtime.types;
    match iterator {
        IteratorKind::Sequence { sequence, .. } => {
            match sequence.as_object().map(|object| &object.payload) {
                Some(Payload::Tuple(_)) => types.tuple_iterator,
                Some(Payload::Str(_)) => types.str_iterator,
                Some(Payload::Bytes(_)) => types.bytes_iterator,
                Some(Payload::ByteArray(_)) => types.bytearray_iterator,
                Some(Payload::MemoryView(_)) => types.memory_iterator,
                _ => types.list_iterator,
            }
        }
        IteratorKind::ReversedSequence { .. } => types.list_reverseiterator,
        IteratorKind::Range { .. } => types.range_iterator,
        IteratorKind::Dict { dict, kind, .. } => {
            match (dict.as_object().map(|object| &object.payload), kind) {
                (Some(Payload::Set(_) | Payload::FrozenSet(_)), _) => types.set_iterator,
                (_, DictViewKind::Keys) => types.dict_keyiterator,
                (_, DictViewKind::Values) => types.dict_valueiterator,
                (_, DictViewKind::Items) => types.dict_itemiterator,
            }
        }
        IteratorKind::Enumerate { .. } => types.enumerate,
        IteratorKind::Zip { .. } => types.zip,
        IteratorKind::Map { .. } => types.map,
        IteratorKind::Filter { .. } => types.filter,
        IteratorKind::GetItem { .. } | IteratorKind::Exhausted => types.iterator,
        IteratorKind::Callable { .. } => types.callable_iterator,
    }
}

fn new_iterator(runtime: &mut Runtime, kind: IteratorKind) -> Value {
    runtime.heap.allocate(Payload::Iterator(kind))
}

/// `iter(value)`.
pub fn iterate(host: &mut dyn Host, value: Value) -> PyResult<Value> {
    let runtime = host.runtime();
    let iter_name = runtime.names.__iter__;
    let value = crate::protocol::delegate(runtime, value, &[iter_name]);
    if let Some(object) = value.as_object() {
        let kind = match &object.payload {
            Payload::List(_) | Payload::Tuple(_) | Payload::Str(_) => {
                Some(IteratorKind::Sequence {
                    sequence: value,
                    index: Cell::new(0),
                })
            }
            Payload::Range { start, stop, step } => Some(IteratorKind::Range {
                next: Cell::new(*start),
                stop: *stop,
                step: *step,
            }),
            Payload::Dict(dict) | Payload::Set(dict) | Payload::FrozenSet(dict) => {
                Some(IteratorKind::Dict {
                    dict: value,
                    index: Cell::new(0),
                    length: dict.get().len(),
                    kind: DictViewKind::Keys,
                })
            }
            Payload::DictView(dict, kind) => {
                let length = match dict.as_object().map(|object| &object.payload) {
                    Some(Payload::Dict(table)) => table.get().len(),
                    _ => 0,
                };
                Some(IteratorKind::Dict {
                    dict: *dict,
                    index: Cell::new(0),
                    length,
                    kind: *kind,
                })
            }
            Payload::Iterator(_) => return Ok(value),
            Payload::Generator(_) if crate::types::coroutine::is_generator_iterator(value) => {
                return Ok(value)
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => Some(IteratorKind::Sequence {
                sequence: value,
                index: Cell::new(0),
            }),
            Payload::MemoryView(_) if crate::types::memoryview::is_released(value) => {
                return Err(
                    runtime.value_error("operation forbidden on released memoryview object")
                );
            }
            Payload::MemoryView(_) => Some(IteratorKind::Sequence {
                sequence: value,
                index: Cell::new(0),
            }),
            _ => None,
        };
        if let Some(kind) = kind {
            return Ok(new_iterator(runtime, kind));
        }
    }
    let class = type_of(runtime, value);
    let names = runtime.names;
    if let Some(method) = lookup_in_type(runtime, class, names.__iter__) {
        if method == Value::NONE {
            return Err(not_iterable(host, value));
        }
        let iterator = call_bound(host, method, value, &[])?;
        let runtime = host.runtime();
        let iterator_class = type_of(runtime, iterator);
        let is_iterator = matches!(
            iterator.as_object().map(|object| &object.payload),
            Some(Payload::Iterator(_))
        ) || crate::types::coroutine::is_generator_iterator(iterator)
            || lookup_in_type(runtime, iterator_class, names.__next__).is_some();
        if !is_iterator {
            let message = format!(
                "iter() returned non-iterator of type '{}'",
                type_name(runtime, iterator)
            );
            return Err(runtime.type_error(message));
        }
        return Ok(iterator);
    }
    if lookup_in_type(runtime, class, names.__getitem__).is_some() {
        return Ok(new_iterator(
            runtime,
            IteratorKind::GetItem {
                object: value,
                index: Cell::new(0),
            },
        ));
    }
    Err(not_iterable(host, value))
}

fn not_iterable(host: &mut dyn Host, value: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let message = format!("'{}' object is not iterable", type_name(runtime, value));
    runtime.type_error(message)
}

/// `next(iterator)`: `Some(item)`, or `None` when exhausted (StopIteration is absorbed).
pub fn next(host: &mut dyn Host, iterator: Value) -> PyResult<Option<Value>> {
    let Some(object) = iterator.as_object() else {
        return Err(not_an_iterator(host, iterator));
    };
    match &object.payload {
        Payload::Iterator(kind) => next_builtin(host, kind),
        Payload::Generator(_) if crate::types::coroutine::is_generator_iterator(iterator) => {
            match host.resume_generator(iterator, Value::NONE, Value::NULL)? {
                GeneratorStep::Yielded(value) => Ok(Some(value)),
                GeneratorStep::Returned(_) => Ok(None),
            }
        }
        _ => {
            let runtime = host.runtime();
            let class = type_of(runtime, iterator);
            let name = runtime.names.__next__;
            let Some(method) = lookup_in_type(runtime, class, name) else {
                return Err(not_an_iterator(host, iterator));
            };
            match call_bound(host, method, iterator, &[]) {
                Ok(value) => Ok(Some(value)),
                Err(error) => {
                    let runtime = host.runtime();
                    if is_instance(runtime, error.exception, runtime.types.stop_iteration) {
                        Ok(None)
                    } else {
                        Err(error)
                    }
                }
            }
        }
    }
}

/// The next item of an iterator that yields without a host — over a list or tuple by index,
/// or a range of small ints — as `next` would give it: `Some(Some(item))` (advanced),
/// `Some(None)` at the end (left as `next` leaves it), `None` for any other iterator (nothing
/// changed). For compiled code, which calls it without a flush.
#[inline]
pub fn next_plain(iterator: Value) -> Option<Option<Value>> {
    let Payload::Iterator(kind) = &iterator.as_object()?.payload else {
        return None;
    };
    match kind {
        IteratorKind::Sequence { sequence, index } => {
            let position = index.get();
            let item = match &sequence.as_object()?.payload {
                Payload::List(items) => items.get().get(position).copied(),
                Payload::Tuple(items) => items.get(position).copied(),
                _ => return None,
            };
            if item.is_some() {
                index.set(position + 1);
            }
            Some(item)
        }
        IteratorKind::ReversedSequence {
            sequence,
            remaining,
        } => {
            let items: &[Value] = match &sequence.as_object()?.payload {
                Payload::List(items) => items.get(),
                Payload::Tuple(items) => items,
                _ => return None,
            };
            // As `next_builtin`: one past the next index, 0 at the end (also once the list
            // shrank below it).
            let position = remaining.get();
            let item = position
                .checked_sub(1)
                .and_then(|index| items.get(index).copied());
            remaining.set(if item.is_some() { position - 1 } else { 0 });
            Some(item)
        }
        IteratorKind::Range { next, stop, step } => {
            let current = next.get();
            if (*step > 0 && current >= *stop) || (*step < 0 && current <= *stop) {
                return Some(None);
            }
            let item = Value::small_int(current)?;
            next.set(current.saturating_add(*step));
            Some(Some(item))
        }
        _ => None,
    }
}

/// Whether `next_plain` handles `iterator` (without advancing it).
#[inline]
pub fn is_plain_iterator(iterator: Value) -> bool {
    match iterator.as_object().map(|object| &object.payload) {
        Some(Payload::Iterator(
            IteratorKind::Sequence { sequence, .. }
            | IteratorKind::ReversedSequence { sequence, .. },
        )) => matches!(
            sequence.as_object().map(|object| &object.payload),
            Some(Payload::List(_) | Payload::Tuple(_))
        ),
        Some(Payload::Iterator(IteratorKind::Range { next, stop, step })) => {
            let current = next.get();
            let exhausted = (*step > 0 && current >= *stop) || (*step < 0 && current <= *stop);
            exhausted || Value::small_int(current).is_some()
        }
        _ => false,
    }
}

fn not_an_iterator(host: &mut dyn Host, value: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let message = format!("'{}' object is not an iterator", type_name(runtime, value));
    runtime.type_error(message)
}

fn next_builtin(host: &mut dyn Host, kind: &'static IteratorKind) -> PyResult<Option<Value>> {
    match kind {
        IteratorKind::Sequence { sequence, index } => {
            let position = index.get();
            let runtime = host.runtime();
            let item = match sequence.as_object().map(|object| &object.payload) {
                Some(Payload::List(items)) => items.get().get(position).copied(),
                Some(Payload::Tuple(items)) => items.get(position).copied(),
                Some(Payload::Str(text)) => {
                    if text.is_ascii() {
                        text.text()
                            .as_bytes()
                            .get(position)
                            .and_then(|&byte| runtime.ascii_char(byte))
                    } else {
                        // Walk by byte offset stored in `index` for non-ASCII strings.
                        let rest = &text.text()[position.min(text.text().len())..];
                        match rest.chars().next() {
                            Some(character) => {
                                index.set(position + character.len_utf8());
                                let mut buffer = [0u8; 4];
                                return Ok(Some(runtime.new_str_with_char_count(
                                    character.encode_utf8(&mut buffer),
                                    1,
                                )));
                            }
                            None => None,
                        }
                    }
                }
                Some(Payload::Bytes(bytes)) => bytes
                    .get(position)
                    .map(|&byte| Value::small_int(byte as i64).unwrap_or(Value::NONE)),
                Some(Payload::ByteArray(bytes)) => bytes
                    .get()
                    .get(position)
                    .map(|&byte| Value::small_int(byte as i64).unwrap_or(Value::NONE)),
                Some(Payload::MemoryView(_)) => crate::types::memoryview::item(*sequence, position)
                    .map(|byte| Value::small_int(byte as i64).unwrap_or(Value::NONE)),
                _ => None,
            };
            if item.is_some() {
                index.set(position + 1);
            }
            Ok(item)
        }
        IteratorKind::ReversedSequence {
            sequence,
            remaining,
        } => {
            let position = remaining.get();
            if position == 0 {
                return Ok(None);
            }
            let item = match sequence.as_object().map(|object| &object.payload) {
                Some(Payload::List(items)) => items.get().get(position - 1).copied(),
                Some(Payload::Tuple(items)) => items.get(position - 1).copied(),
                _ => None,
            };
            match item {
                Some(item) => {
                    remaining.set(position - 1);
                    Ok(Some(item))
                }
                None => {
                    remaining.set(0);
                    Ok(None)
                }
            }
        }
        IteratorKind::Range { next, stop, step } => {
            let current = next.get();
            if (*step > 0 && current >= *stop) || (*step < 0 && current <= *stop) {
                return Ok(None);
            }
            next.set(current.saturating_add(*step));
            Ok(Some(host.runtime().new_int(current)))
        }
        IteratorKind::Dict {
            dict,
            index,
            length,
            kind,
        } => {
            let Some(Payload::Dict(table) | Payload::Set(table) | Payload::FrozenSet(table)) =
                dict.as_object().map(|object| &object.payload)
            else {
                return Ok(None);
            };
            if table.get().len() != *length {
                let runtime = host.runtime();
                let is_set = matches!(
                    dict.as_object().map(|object| &object.payload),
                    Some(Payload::Set(_))
                );
                let message = if is_set {
                    "Set changed size during iteration"
                } else {
                    "dictionary changed size during iteration"
                };
                index.set(usize::MAX / 2);
                return Err(runtime.runtime_error(message));
            }
            let mut position = index.get();
            let entries = table.get().raw_entries();
            while position < entries.len() && entries[position].key.is_null() {
                position += 1;
            }
            let Some(entry) = entries.get(position).copied() else {
                index.set(position);
                return Ok(None);
            };
            index.set(position + 1);
            Ok(Some(match kind {
                DictViewKind::Keys => entry.key,
                DictViewKind::Values => entry.value,
                DictViewKind::Items => host.runtime().new_tuple_from(&[entry.key, entry.value]),
            }))
        }
        IteratorKind::Enumerate { iterator, count } => match next(host, *iterator)? {
            Some(item) => {
                let current = count.get();
                let runtime = host.runtime();
                let one = Value::small_int(1).unwrap_or(Value::NONE);
                let following = crate::protocol::number::builtin_binary(
                    runtime,
                    current,
                    one,
                    krait_compiler::BinaryOperator::Add,
                )?
                .unwrap_or(current);
                count.set(following);
                Ok(Some(runtime.new_tuple_from(&[current, item])))
            }
            None => Ok(None),
        },
        IteratorKind::Zip { iterators, strict } => {
            let mut items = Vec::with_capacity(iterators.len());
            for (index, &iterator) in iterators.iter().enumerate() {
                match next(host, iterator)? {
                    Some(item) => items.push(item),
                    None if *strict => return zip_strict_end(host, iterators, index),
                    None => return Ok(None),
                }
            }
            if items.is_empty() {
                return Ok(None);
            }
            Ok(Some(host.runtime().new_tuple(items)))
        }
        IteratorKind::Map {
            function,
            iterators,
        } => {
            let mut arguments = Vec::with_capacity(iterators.len());
            for &iterator in iterators.iter() {
                match next(host, iterator)? {
                    Some(item) => arguments.push(item),
                    None => return Ok(None),
                }
            }
            call(host, *function, &arguments, &[]).map(Some)
        }
        IteratorKind::Filter { function, iterator } => loop {
            let Some(item) = next(host, *iterator)? else {
                return Ok(None);
            };
            let keep = if function.is_none() {
                is_true(host, item)?
            } else {
                let verdict = call(host, *function, &[item], &[])?;
                is_true(host, verdict)?
            };
            if keep {
                return Ok(Some(item));
            }
        },
        IteratorKind::GetItem { object, index } => {
            let position = index.get();
            let runtime = host.runtime();
            let key = runtime.new_int(position);
            match crate::protocol::get_item(host, *object, key) {
                Ok(item) => {
                    index.set(position + 1);
                    Ok(Some(item))
                }
                Err(error) => {
                    let runtime = host.runtime();
                    if is_instance(runtime, error.exception, runtime.types.index_error)
                        || is_instance(runtime, error.exception, runtime.types.stop_iteration)
                    {
                        Ok(None)
                    } else {
                        Err(error)
                    }
                }
            }
        }
        IteratorKind::Callable { callable, sentinel } => {
            let item = call(host, *callable, &[], &[])?;
            if equal(host, item, *sentinel)? {
                Ok(None)
            } else {
                Ok(Some(item))
            }
        }
        IteratorKind::Exhausted => Ok(None),
    }
}

/// Every item of an iterable, in a Vec. The items are rooted while the iteration runs Python
/// code (a generator, a user `__next__`).
pub fn collect(host: &mut dyn Host, iterable: Value) -> PyResult<Vec<Value>> {
    match iterable.as_object().map(|object| &object.payload) {
        Some(Payload::List(items)) => return Ok(items.get().clone()),
        Some(Payload::Tuple(items)) => return Ok(items.to_vec()),
        _ => {}
    }
    let iterator = iterate(host, iterable)?;
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let holder = runtime.new_list(Vec::new());
    runtime.push_root(holder);
    runtime.push_root(iterator);
    let result = (|| {
        while let Some(item) = next(host, iterator)? {
            if let Some(Payload::List(items)) = holder.as_object().map(|object| &object.payload) {
                items.get().push(item);
            }
        }
        Ok(())
    })();
    host.runtime().pop_roots(mark);
    result?;
    match holder.as_object().map(|object| &object.payload) {
        Some(Payload::List(items)) => Ok(std::mem::take(items.get())),
        _ => Ok(Vec::new()),
    }
}

/// `zip(strict=True)` reached the end of argument `exhausted` (0-based): fine when every
/// argument ends there, else CPython's ValueError naming the shorter or longer one.
fn zip_strict_end(
    host: &mut dyn Host,
    iterators: &[Value],
    exhausted: usize,
) -> PyResult<Option<Value>> {
    let plural = |count: usize| {
        if count == 1 {
            "argument 1".to_owned()
        } else {
            format!("arguments 1-{count}")
        }
    };
    if exhausted > 0 {
        let message = format!(
            "zip() argument {} is shorter than {}",
            exhausted + 1,
            plural(exhausted)
        );
        return Err(host.runtime().value_error(message));
    }
    for (index, &iterator) in iterators.iter().enumerate().skip(1) {
        if next(host, iterator)?.is_some() {
            let message = format!(
                "zip() argument {} is longer than {}",
                index + 1,
                plural(index)
            );
            return Err(host.runtime().value_error(message));
        }
    }
    Ok(None)
}
