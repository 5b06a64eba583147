//! `dict`: keyed access through the hashing protocol, fast paths for str keys, and the dict
//! methods.

use crate::dict::{lookup, Dict, Lookup};
use crate::object::{DictViewKind, Mutable, Payload};
use crate::protocol::{hash, type_name};
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// The dict methods.
pub const METHODS: crate::types::MethodTable = &[
    ("get", get),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("pop", pop),
    ("popitem", popitem),
    ("setdefault", setdefault),
    ("update", update),
    ("copy", copy),
    ("clear", clear),
    ("__init__", dunder_init),
    ("__getitem__", dunder_getitem),
    ("__setitem__", dunder_setitem),
    ("__contains__", dunder_contains),
    ("__len__", dunder_len),
];

/// The dict class methods.
pub const CLASS_METHODS: crate::types::MethodTable = &[("fromkeys", fromkeys)];

fn fromkeys(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    if positionals.len() < 2 || positionals.len() > 3 {
        let message = format!(
            "fromkeys expected at least 1 argument, got {}",
            positionals.len().saturating_sub(1)
        );
        return Err(host.runtime().type_error(message));
    }
    let value = positionals.get(2).copied().unwrap_or(Value::NONE);
    let keys = crate::protocol::collect(host, positionals[1])?;
    let runtime = host.runtime();
    let dict = runtime.new_dict();
    let mark = runtime.root_mark();
    runtime.push_root(dict);
    let holder = runtime.new_list(keys.clone());
    runtime.push_root(holder);
    let result = (|| {
        for key in keys {
            set_value(host, dict, key, value)?;
        }
        Ok(dict)
    })();
    host.runtime().pop_roots(mark);
    result
}

/// The table of a dict, set or frozenset value.
pub fn table(value: Value) -> Option<&'static Mutable<Dict>> {
    match &value.as_object()?.payload {
        Payload::Dict(dict) | Payload::Set(dict) | Payload::FrozenSet(dict) => Some(dict),
        Payload::Instance(_) => table(crate::protocol::base_value(value)?),
        _ => None,
    }
}

/// Keys that compare equal only when identical or equal strings, with no Python code run.
fn str_equal(stored: Value, key: Value) -> Result<bool, std::convert::Infallible> {
    Ok(
        match (
            crate::protocol::str_value(stored),
            crate::protocol::str_value(key),
        ) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        },
    )
}

/// The payload of an exact `str` (not a subclass instance).
#[inline]
fn exact_str(value: Value) -> Option<&'static crate::object::StrObject> {
    value.as_object().and_then(|object| object.as_str())
}

/// A str's hash, computed once and cached in the object.
#[inline]
fn cached_str_hash(text: &crate::object::StrObject) -> i64 {
    let cached = text.hash.get();
    if cached != 0 {
        return cached;
    }
    let hash = crate::protocol::hash::hash_text(text.text());
    text.hash.set(hash);
    hash
}

fn str_hash(runtime: &mut Runtime, key: Value) -> i64 {
    let _ = runtime;
    exact_str(key).map_or(0, cached_str_hash)
}

/// Looks up a str key (no Python code can run).
pub fn get_str_key(runtime: &mut Runtime, dict: Value, key: Value) -> Option<Value> {
    let table = table(dict)?;
    let hash = str_hash(runtime, key);
    match lookup(table, hash, key, &mut str_equal) {
        Ok(Lookup::Found(index)) => table.get().entry(index).map(|entry| entry.value),
        _ => None,
    }
}

/// The entry index of a str key (no Python code can run).
pub fn find_str_key(runtime: &mut Runtime, dict: Value, key: Value) -> Option<usize> {
    let table = table(dict)?;
    let hash = str_hash(runtime, key);
    match lookup(table, hash, key, &mut str_equal) {
        Ok(Lookup::Found(index)) => Some(index),
        _ => None,
    }
}

/// Sets a str key (no Python code can run).
pub fn set_str_key(runtime: &mut Runtime, dict: Value, key: Value, value: Value) {
    let Some(table) = table(dict) else { return };
    let hash = str_hash(runtime, key);
    match lookup(table, hash, key, &mut str_equal) {
        Ok(Lookup::Found(index)) => table.get().set_value(index, value),
        _ => {
            let before = table.get().owned_bytes();
            table.get().insert_new(hash, key, value);
            let after = table.get().owned_bytes();
            runtime.heap.account(after.saturating_sub(before));
        }
    }
}

/// An exact str key against a stored key, with no Python code run: `Err` when the stored key
/// is not an exact str (its `__eq__` would have to decide).
fn exact_str_equal(stored: Value, key: Value) -> Result<bool, ()> {
    match (exact_str(stored), exact_str(key)) {
        (Some(a), Some(b)) => Ok(a.text() == b.text()),
        _ => Err(()),
    }
}

/// The table of an exact dict (not a subclass instance, not a set).
#[inline]
fn exact_dict_table(dict: Value) -> Option<&'static Mutable<Dict>> {
    match &dict.as_object()?.payload {
        Payload::Dict(table) => Some(table),
        _ => None,
    }
}

/// `dict[key]` for an exact dict and an exact str key, when it needs no Python code (the
/// interpreter's fast path for `counts[word]`): `None` to take the general path (the key is
/// absent, the container or key is of another type, or a stored key of another type has the
/// same hash).
#[inline(never)]
pub fn get_exact_str_item(dict: Value, key: Value) -> Option<Value> {
    let table = exact_dict_table(dict)?;
    let hash = cached_str_hash(exact_str(key)?);
    match lookup(table, hash, key, &mut exact_str_equal) {
        Ok(Lookup::Found(index)) => table.get().entry(index).map(|entry| entry.value),
        _ => None,
    }
}

/// The table of an exact dict, set or frozenset (not a subclass instance).
#[inline]
fn exact_keyed_table(container: Value) -> Option<&'static Mutable<Dict>> {
    match &container.as_object()?.payload {
        Payload::Dict(table) | Payload::Set(table) | Payload::FrozenSet(table) => Some(table),
        _ => None,
    }
}

/// `key in container` for an exact dict, set or frozenset and an exact str key, when it needs
/// no Python code (compiled code's fast path): `None` to take the general path (the container
/// or key is of another type, or a stored key of another type has the same hash).
pub fn contains_exact_str_key(container: Value, key: Value) -> Option<bool> {
    let table = exact_keyed_table(container)?;
    let hash = cached_str_hash(exact_str(key)?);
    match lookup(table, hash, key, &mut exact_str_equal) {
        Ok(Lookup::Found(_)) => Some(true),
        Ok(Lookup::Absent) => Some(false),
        Err(()) => None,
    }
}

/// A small int key against a stored key, with no Python code run: ints, bools and floats
/// compare by value; `Err` for any other stored key (its `__eq__` would have to decide).
fn small_int_equal(stored: Value, key: Value) -> Result<bool, ()> {
    let key = key.as_small_int().ok_or(())?;
    if let Some(stored) = stored.as_small_int() {
        return Ok(stored == key);
    }
    if let Some(stored) = stored.as_float() {
        return Ok(stored == key as f64);
    }
    match stored {
        Value::TRUE => Ok(key == 1),
        Value::FALSE => Ok(key == 0),
        _ => Err(()),
    }
}

/// Finds a small int key in the table of an exact dict, set or frozenset when no Python code
/// is needed: `None` when the container is of another kind or a stored key of another type has
/// the same hash.
fn find_small_int_key(container: Value, key: Value) -> Option<(&'static Mutable<Dict>, Lookup)> {
    let table = exact_keyed_table(container)?;
    let hash =
        crate::types::int::hash_int(&crate::types::int::IntValue::Small(key.as_small_int()?));
    lookup(table, hash, key, &mut small_int_equal)
        .ok()
        .map(|found| (table, found))
}

/// `dict[key]` for an exact dict and a small int key, when it needs no Python code and the key
/// is there (compiled code's fast path): `None` to take the general path.
pub fn get_small_int_item(dict: Value, key: Value) -> Option<Value> {
    exact_dict_table(dict)?;
    match find_small_int_key(dict, key)? {
        (table, Lookup::Found(index)) => table.get().entry(index).map(|entry| entry.value),
        (_, Lookup::Absent) => None,
    }
}

/// `key in container` for an exact dict, set or frozenset and a small int key, when it needs no
/// Python code: `None` to take the general path.
pub fn contains_small_int_key(container: Value, key: Value) -> Option<bool> {
    match find_small_int_key(container, key)? {
        (_, Lookup::Found(_)) => Some(true),
        (_, Lookup::Absent) => Some(false),
    }
}

/// `dict[key] = value` for an exact dict and an exact str key when it needs no Python code;
/// `false` (nothing done) to take the general path.
#[inline(never)]
pub fn set_exact_str_item(runtime: &mut Runtime, dict: Value, key: Value, value: Value) -> bool {
    let (Some(table), Some(text)) = (exact_dict_table(dict), exact_str(key)) else {
        return false;
    };
    let hash = cached_str_hash(text);
    match lookup(table, hash, key, &mut exact_str_equal) {
        Ok(Lookup::Found(index)) => table.get().set_value(index, value),
        Ok(Lookup::Absent) => {
            let before = table.get().owned_bytes();
            table.get().insert_new(hash, key, value);
            let after = table.get().owned_bytes();
            runtime.heap.account(after.saturating_sub(before));
        }
        Err(()) => return false,
    }
    true
}

/// Removes a str key; returns its value.
pub fn remove_str_key(runtime: &mut Runtime, dict: Value, key: Value) -> Option<Value> {
    let table = table(dict)?;
    let hash = str_hash(runtime, key);
    match lookup(table, hash, key, &mut str_equal) {
        Ok(Lookup::Found(index)) => table.get().remove_at(index).map(|entry| entry.value),
        _ => None,
    }
}

/// Finds any key: `(hash, entry index)`.
pub fn find(host: &mut dyn Host, dict: Value, key: Value) -> PyResult<(i64, Option<usize>)> {
    let Some(table) = table(dict) else {
        return Ok((0, None));
    };
    if let Some(text) = exact_str(key) {
        // A str key: its cached hash, and plain text comparison against stored strs (other
        // stored keys with the same hash still compare through `__eq__`).
        let hash = cached_str_hash(text);
        let mut compare = |stored: Value, key: Value| match exact_str(stored) {
            Some(stored) => Ok(stored.text() == text.text()),
            None => crate::protocol::equal(host, stored, key),
        };
        return match lookup(table, hash, key, &mut compare)? {
            Lookup::Found(index) => Ok((hash, Some(index))),
            Lookup::Absent => Ok((hash, None)),
        };
    }
    let hash = hash(host, key)?;
    let mut compare = |stored: Value, key: Value| crate::protocol::equal(host, stored, key);
    match lookup(table, hash, key, &mut compare)? {
        Lookup::Found(index) => Ok((hash, Some(index))),
        Lookup::Absent => Ok((hash, None)),
    }
}

/// `dict.get(key)` without a default: `None` when absent.
pub fn get_value(host: &mut dyn Host, dict: Value, key: Value) -> PyResult<Option<Value>> {
    let (_, found) = find(host, dict, key)?;
    Ok(found.and_then(|index| {
        table(dict).and_then(|table| table.get().entry(index).map(|entry| entry.value))
    }))
}

/// `dict[key] = value` for any key.
pub fn set_value(host: &mut dyn Host, dict: Value, key: Value, value: Value) -> PyResult<()> {
    let (hash, found) = find(host, dict, key)?;
    let Some(table) = table(dict) else {
        return Ok(());
    };
    match found {
        Some(index) => table.get().set_value(index, value),
        None => {
            let before = table.get().owned_bytes();
            table.get().insert_new(hash, key, value);
            let after = table.get().owned_bytes();
            host.runtime().heap.account(after.saturating_sub(before));
        }
    }
    Ok(())
}

/// Removes any key; returns its value if it was present.
pub fn remove_value(host: &mut dyn Host, dict: Value, key: Value) -> PyResult<Option<Value>> {
    let (_, found) = find(host, dict, key)?;
    Ok(found.and_then(|index| {
        table(dict).and_then(|table| table.get().remove_at(index).map(|entry| entry.value))
    }))
}

/// `key in dict` (also sets).
pub fn contains_key(host: &mut dyn Host, dict: Value, key: Value) -> PyResult<bool> {
    Ok(find(host, dict, key)?.1.is_some())
}

/// `dict[key]`, with `__missing__` for subclasses and KeyError otherwise.
pub fn get_item(host: &mut dyn Host, dict: Value, key: Value) -> PyResult<Value> {
    match get_value(host, dict, key)? {
        Some(value) => Ok(value),
        None => Err(host.runtime().key_error(key)),
    }
}

/// `dict[key] = value`.
pub fn set_item(host: &mut dyn Host, dict: Value, key: Value, value: Value) -> PyResult<()> {
    set_value(host, dict, key, value)
}

/// `del dict[key]`.
pub fn delete_item(host: &mut dyn Host, dict: Value, key: Value) -> PyResult<()> {
    match remove_value(host, dict, key)? {
        Some(_) => Ok(()),
        None => Err(host.runtime().key_error(key)),
    }
}

/// The live (key, value) pairs of a dict.
pub fn pairs(dict: Value) -> Vec<(Value, Value)> {
    table(dict).map_or_else(Vec::new, |table| {
        table
            .get()
            .entries()
            .map(|entry| (entry.key, entry.value))
            .collect()
    })
}

/// `a == b` for dicts.
pub fn equal_dicts(host: &mut dyn Host, left: Value, right: Value) -> PyResult<bool> {
    equal_impl(host, left, right)
}

/// `a == b` for dicts (alias used by the comparison protocol).
pub fn equal(host: &mut dyn Host, left: Value, right: Value) -> PyResult<bool> {
    equal_impl(host, left, right)
}

fn equal_impl(host: &mut dyn Host, left: Value, right: Value) -> PyResult<bool> {
    crate::protocol::compare::nested_comparison(host, |host| equal_unguarded(host, left, right))
}

fn equal_unguarded(host: &mut dyn Host, left: Value, right: Value) -> PyResult<bool> {
    let (Some(a), Some(b)) = (table(left), table(right)) else {
        return Ok(false);
    };
    if a.get().len() != b.get().len() {
        return Ok(false);
    }
    for (key, value) in pairs(left) {
        match get_value(host, right, key)? {
            Some(other) => {
                if !crate::protocol::equal(host, value, other)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Updates `dict` from a mapping or an iterable of pairs (`dict.update`, `dict(x)`).
pub fn update_from(host: &mut dyn Host, dict: Value, source: Value) -> PyResult<()> {
    // A dict subclass that keeps dict's iteration is copied from its storage, ignoring an
    // overridden `__getitem__` or `keys`, as CPython's dict_merge does.
    let runtime = host.runtime();
    let iter_name = runtime.names.__iter__;
    let source = match crate::protocol::delegate(runtime, source, &[iter_name]) {
        base if table(base).is_some()
            && matches!(
                base.as_object().map(|object| &object.payload),
                Some(Payload::Dict(_))
            ) =>
        {
            base
        }
        _ => source,
    };
    if table(source).is_some()
        && matches!(
            source.as_object().map(|object| &object.payload),
            Some(Payload::Dict(_))
        )
    {
        for (key, value) in pairs(source) {
            set_value(host, dict, key, value)?;
        }
        return Ok(());
    }
    let runtime = host.runtime();
    let keys_name = runtime.names.keys;
    if let Some(keys_method) = crate::protocol::attribute::find_attribute(host, source, keys_name)?
    {
        if !matches!(
            source.as_object().map(|object| &object.payload),
            Some(Payload::List(_) | Payload::Tuple(_))
        ) {
            let keys = crate::protocol::call(host, keys_method, &[], &[])?;
            for key in crate::protocol::collect(host, keys)? {
                let value = crate::protocol::get_item(host, source, key)?;
                set_value(host, dict, key, value)?;
            }
            return Ok(());
        }
    }
    let items = crate::protocol::collect(host, source)?;
    for (position, item) in items.into_iter().enumerate() {
        let pair = match crate::protocol::collect(host, item) {
            Ok(pair) => pair,
            Err(_) => {
                let runtime = host.runtime();
                let message = format!(
                    "cannot convert dictionary update sequence element #{position} to a sequence"
                );
                return Err(runtime.type_error(message));
            }
        };
        if pair.len() != 2 {
            let runtime = host.runtime();
            let message = format!(
                "dictionary update sequence element #{position} has length {}; 2 is required",
                pair.len()
            );
            return Err(runtime.value_error(message));
        }
        set_value(host, dict, pair[0], pair[1])?;
    }
    Ok(())
}

fn receiver(host: &mut dyn Host, arguments: &Arguments, method: &str) -> PyResult<Value> {
    let first = arguments
        .values
        .first()
        .map(|&value| crate::protocol::base_value(value).unwrap_or(value));
    match first.as_ref() {
        Some(&value)
            if matches!(
                value.as_object().map(|object| &object.payload),
                Some(Payload::Dict(_))
            ) =>
        {
            Ok(value)
        }
        _ => Err(host
            .runtime()
            .type_error(format!("descriptor '{method}' requires a 'dict' object"))),
    }
}

fn argument_count(
    host: &mut dyn Host,
    arguments: &Arguments,
    name: &str,
    minimum: usize,
    maximum: usize,
) -> PyResult<()> {
    let given = arguments.positionals().len() - 1;
    if !arguments.keyword_names.is_empty() {
        return Err(host
            .runtime()
            .type_error(format!("{name}() takes no keyword arguments")));
    }
    if given < minimum || given > maximum {
        let message = if minimum == maximum {
            format!(
                "{name}() takes exactly {} argument{} ({given} given)",
                minimum,
                if minimum == 1 { "" } else { "s" }
            )
        } else if given < minimum {
            format!(
                "{name} expected at least {minimum} argument{}, got {given}",
                if minimum == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {maximum} argument{}, got {given}",
                if maximum == 1 { "" } else { "s" }
            )
        };
        return Err(host.runtime().type_error(message));
    }
    Ok(())
}

fn get(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "get")?;
    argument_count(host, &arguments, "get", 1, 2)?;
    let values = arguments.positionals();
    Ok(get_value(host, dict, values[1])?.unwrap_or(values.get(2).copied().unwrap_or(Value::NONE)))
}

fn view(
    host: &mut dyn Host,
    arguments: Arguments,
    kind: DictViewKind,
    name: &str,
) -> PyResult<Value> {
    let dict = receiver(host, &arguments, name)?;
    argument_count(host, &arguments, name, 0, 0)?;
    Ok(host.runtime().heap.allocate(Payload::DictView(dict, kind)))
}

fn keys(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    view(host, arguments, DictViewKind::Keys, "keys")
}

fn values(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    view(host, arguments, DictViewKind::Values, "values")
}

fn items(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    view(host, arguments, DictViewKind::Items, "items")
}

fn pop(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "pop")?;
    argument_count(host, &arguments, "pop", 1, 2)?;
    let values = arguments.positionals();
    match remove_value(host, dict, values[1])? {
        Some(value) => Ok(value),
        None => match values.get(2) {
            Some(&default) => Ok(default),
            None => Err(host.runtime().key_error(values[1])),
        },
    }
}

fn popitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "popitem")?;
    argument_count(host, &arguments, "popitem", 0, 0)?;
    let entry = table(dict).and_then(|table| table.get().pop_last());
    let runtime = host.runtime();
    match entry {
        Some(entry) => Ok(runtime.new_tuple_from(&[entry.key, entry.value])),
        None => {
            let message = runtime.new_str("popitem(): dictionary is empty");
            Err(crate::PyErr {
                exception: runtime.new_exception(runtime.types.key_error, vec![message]),
            })
        }
    }
}

fn setdefault(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "setdefault")?;
    argument_count(host, &arguments, "setdefault", 1, 2)?;
    let values = arguments.positionals();
    if let Some(existing) = get_value(host, dict, values[1])? {
        return Ok(existing);
    }
    let default = values.get(2).copied().unwrap_or(Value::NONE);
    set_value(host, dict, values[1], default)?;
    Ok(default)
}

fn update(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "update")?;
    let positionals = arguments.positionals();
    if positionals.len() > 2 {
        let message = format!(
            "update expected at most 1 argument, got {}",
            positionals.len() - 1
        );
        return Err(host.runtime().type_error(message));
    }
    if let Some(&source) = positionals.get(1) {
        update_from(host, dict, source)?;
    }
    for (name, value) in arguments.keywords() {
        set_value(host, dict, name, value)?;
    }
    Ok(Value::NONE)
}

fn copy(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "copy")?;
    argument_count(host, &arguments, "copy", 0, 0)?;
    let cloned = table(dict)
        .map(|table| table.get().clone())
        .unwrap_or_default();
    Ok(host
        .runtime()
        .heap
        .allocate(Payload::Dict(Box::new(Mutable::new(cloned)))))
}

fn clear(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "clear")?;
    argument_count(host, &arguments, "clear", 0, 0)?;
    if let Some(table) = table(dict) {
        table.get().clear();
    }
    Ok(Value::NONE)
}

fn dunder_getitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "__getitem__")?;
    argument_count(host, &arguments, "__getitem__", 1, 1)?;
    get_item(host, dict, arguments.values[1])
}

fn dunder_setitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "__setitem__")?;
    argument_count(host, &arguments, "__setitem__", 2, 2)?;
    set_item(host, dict, arguments.values[1], arguments.values[2])?;
    Ok(Value::NONE)
}

fn dunder_contains(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "__contains__")?;
    argument_count(host, &arguments, "__contains__", 1, 1)?;
    contains_key(host, dict, arguments.values[1]).map(Value::bool)
}

fn dunder_len(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let dict = receiver(host, &arguments, "__len__")?;
    let length = table(dict).map_or(0, |table| table.get().len());
    Ok(host.runtime().new_int(length as i64))
}

/// The TypeError for `dict | x` with a non-dict.
pub fn type_error_for(host: &mut dyn Host, value: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let message = format!("'{}' object is not a mapping", type_name(runtime, value));
    runtime.type_error(message)
}

/// `dict.__init__(self, mapping_or_iterable=(), **keywords)`: for subclasses.
fn dunder_init(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    update(host, arguments)
}
