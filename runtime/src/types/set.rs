//! `set` and `frozenset`: membership through the hashing protocol, set algebra, comparison
//! (subset order) and the set methods.
//!
//! Methods accept any iterable where CPython does, and follow CPython's algorithms step by step
//! so that results iterate in the same order (the table itself mirrors CPython's set table,
//! see `dict.rs`). Values a method holds in Rust while it runs Python code (`__hash__`,
//! `__eq__`, a generator) are rooted for the duration of the method (see `rooted`).

use krait_compiler::Comparison;

use crate::dict::{lookup, Dict, Lookup};
use crate::object::{Mutable, NativeFunctionPointer, Payload};
use crate::protocol::type_name;
use crate::types::dict::table;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Wraps a method implementation for one of the two set types.
macro_rules! method_for {
    ($kind:expr, $implementation:ident) => {{
        fn method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
            $implementation(host, arguments, $kind)
        }
        method as NativeFunctionPointer
    }};
}

/// The set methods.
pub const METHODS: crate::types::MethodTable = &[
    ("__init__", method_for!(Kind::Set, dunder_init)),
    ("add", method_for!(Kind::Set, add)),
    ("remove", method_for!(Kind::Set, remove)),
    ("discard", method_for!(Kind::Set, discard)),
    ("pop", method_for!(Kind::Set, pop)),
    ("clear", method_for!(Kind::Set, clear)),
    ("copy", method_for!(Kind::Set, copy)),
    ("update", method_for!(Kind::Set, update)),
    ("union", method_for!(Kind::Set, union)),
    ("intersection", method_for!(Kind::Set, intersection)),
    (
        "intersection_update",
        method_for!(Kind::Set, intersection_update),
    ),
    ("difference", method_for!(Kind::Set, difference)),
    (
        "difference_update",
        method_for!(Kind::Set, difference_update),
    ),
    (
        "symmetric_difference",
        method_for!(Kind::Set, symmetric_difference),
    ),
    (
        "symmetric_difference_update",
        method_for!(Kind::Set, symmetric_difference_update),
    ),
    ("issubset", method_for!(Kind::Set, issubset)),
    ("issuperset", method_for!(Kind::Set, issuperset)),
    ("isdisjoint", method_for!(Kind::Set, isdisjoint)),
    ("__contains__", method_for!(Kind::Set, dunder_contains)),
    ("__len__", method_for!(Kind::Set, dunder_len)),
];

/// The frozenset methods.
pub const FROZENSET_METHODS: crate::types::MethodTable = &[
    ("copy", method_for!(Kind::FrozenSet, copy)),
    ("union", method_for!(Kind::FrozenSet, union)),
    ("intersection", method_for!(Kind::FrozenSet, intersection)),
    ("difference", method_for!(Kind::FrozenSet, difference)),
    (
        "symmetric_difference",
        method_for!(Kind::FrozenSet, symmetric_difference),
    ),
    ("issubset", method_for!(Kind::FrozenSet, issubset)),
    ("issuperset", method_for!(Kind::FrozenSet, issuperset)),
    ("isdisjoint", method_for!(Kind::FrozenSet, isdisjoint)),
    (
        "__contains__",
        method_for!(Kind::FrozenSet, dunder_contains),
    ),
    ("__len__", method_for!(Kind::FrozenSet, dunder_len)),
];

/// The members of a set or frozenset, in iteration order.
pub fn members(value: Value) -> Vec<Value> {
    table(value).map_or_else(Vec::new, |table| {
        table.get().entries().map(|entry| entry.key).collect()
    })
}

/// A new set (or frozenset) holding `items`, added in order.
pub fn new_from(host: &mut dyn Host, items: &[Value], frozen: bool) -> PyResult<Value> {
    let kind = if frozen { Kind::FrozenSet } else { Kind::Set };
    rooted(host, |host| {
        let set = new_empty(host, kind);
        for &item in items {
            add_key(host, set, item)?;
        }
        Ok(set)
    })
}

/// `set(iterable)` or `frozenset(iterable)`, built as CPython's `make_new_set` does (sets are
/// merged with their stored hashes, dicts added by key, other iterables item by item).
pub fn new_from_iterable(host: &mut dyn Host, iterable: Value, frozen: bool) -> PyResult<Value> {
    let kind = if frozen { Kind::FrozenSet } else { Kind::Set };
    rooted(host, |host| {
        let set = new_empty(host, kind);
        update_internal(host, set, iterable)?;
        Ok(set)
    })
}

/// Set comparison: `<=` is subset, `<` proper subset, `==` same members (CPython's
/// `set_richcompare`).
pub fn compare(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Comparison,
) -> PyResult<bool> {
    let (left_length, right_length) = (length(left), length(right));
    rooted(host, |host| {
        Ok(match operator {
            Comparison::Equal => left_length == right_length && is_subset(host, left, right)?,
            Comparison::NotEqual => !(left_length == right_length && is_subset(host, left, right)?),
            Comparison::LessEqual => is_subset(host, left, right)?,
            Comparison::GreaterEqual => is_superset(host, left, right)?,
            Comparison::Less => left_length < right_length && is_subset(host, left, right)?,
            Comparison::Greater => left_length > right_length && is_superset(host, left, right)?,
        })
    })
}

/// `hash(frozenset)`: order-independent, from the stored member hashes, as CPython's.
pub fn hash_frozenset(_host: &mut dyn Host, value: Value) -> PyResult<i64> {
    let shuffle = |hash: u64| ((hash ^ 89869747) ^ (hash << 16)).wrapping_mul(3644798167);
    let mut hash: u64 = 0;
    let mut count: u64 = 0;
    if let Some(table) = table(value) {
        for entry in table.get().entries() {
            hash ^= shuffle(entry.hash as u64);
            count += 1;
        }
    }
    hash ^= (count + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let result = hash as i64;
    Ok(if result == -1 { 590923713 } else { result })
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets (in-place forms update a set `a`); `None` when
/// `b` is not a set or frozenset. The result has `a`'s type.
pub fn binary(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: krait_compiler::BinaryOperator,
) -> PyResult<Option<Value>> {
    use krait_compiler::BinaryOperator as Op;
    if !is_set_like(left) || !is_set_like(right) {
        return Ok(None);
    }
    let kind = kind_of(left);
    let in_place = operator.is_in_place() && kind == Kind::Set;
    rooted(host, |host| {
        let result = match (operator.plain(), in_place) {
            (Op::Or, false) => {
                let result = copy_of(host, left, kind)?;
                if left != right {
                    update_internal(host, result, right)?;
                }
                result
            }
            (Op::Or, true) => {
                update_internal(host, left, right)?;
                left
            }
            (Op::And, false) => intersection_of(host, left, right, kind)?,
            (Op::And, true) => {
                let result = intersection_of(host, left, right, kind)?;
                swap_bodies(left, result);
                left
            }
            (Op::Subtract, false) => difference_of(host, left, right, kind)?,
            (Op::Subtract, true) => {
                difference_update_internal(host, left, right)?;
                left
            }
            (Op::Xor, false) => symmetric_difference_of(host, left, right, kind)?,
            (Op::Xor, true) => {
                symmetric_difference_update_internal(host, left, right)?;
                left
            }
            _ => return Ok(None),
        };
        Ok(Some(result))
    })
}

// ----- the set table, as CPython's setobject.c uses it -----
//
// The algorithms below follow CPython's step by step (which set is iterated, what is added or
// discarded in which order, stored hashes instead of new `__hash__` calls, early exits), so
// that results iterate in CPython's order and user `__eq__`/`__hash__` run as often as there.

/// Which set type a method is registered on, or a result is made as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Set,
    FrozenSet,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Set => "set",
            Kind::FrozenSet => "frozenset",
        }
    }
}

fn is_set_like(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Set(_) | Payload::FrozenSet(_))
    )
}

fn is_dict(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Dict(_))
    )
}

fn kind_of(set: Value) -> Kind {
    match set.as_object().map(|object| &object.payload) {
        Some(Payload::FrozenSet(_)) => Kind::FrozenSet,
        _ => Kind::Set,
    }
}

fn length(set: Value) -> usize {
    table(set).map_or(0, |table| table.get().len())
}

/// Runs `body`, then drops every root it pushed (with `hold`).
fn rooted<T>(host: &mut dyn Host, body: impl FnOnce(&mut dyn Host) -> PyResult<T>) -> PyResult<T> {
    let mark = host.runtime().root_mark();
    let result = body(host);
    host.runtime().pop_roots(mark);
    result
}

/// Roots `values` until the enclosing `rooted` ends.
fn hold(host: &mut dyn Host, values: &[Value]) {
    let runtime = host.runtime();
    let list = runtime.new_list(values.to_vec());
    runtime.push_root(list);
}

/// A new empty set of `kind`, rooted until the enclosing `rooted` ends.
fn new_empty(host: &mut dyn Host, kind: Kind) -> Value {
    let runtime = host.runtime();
    let table = Box::new(Mutable::new(Dict::new_set()));
    let set = runtime.heap.allocate(match kind {
        Kind::Set => Payload::Set(table),
        Kind::FrozenSet => Payload::FrozenSet(table),
    });
    runtime.push_root(set);
    set
}

/// The live `(key, stored hash)` entries of a set or dict, in table order, rooted (Python code
/// run while they are used may remove them from the table).
fn entries(host: &mut dyn Host, value: Value) -> Vec<(Value, i64)> {
    let entries: Vec<(Value, i64)> = table(value).map_or_else(Vec::new, |table| {
        table
            .get()
            .entries()
            .map(|entry| (entry.key, entry.hash))
            .collect()
    });
    let keys: Vec<Value> = entries.iter().map(|&(key, _)| key).collect();
    hold(host, &keys);
    entries
}

/// Whether the table of `container` (a set or dict) holds `key`, whose hash is `hash`.
fn contains_entry(host: &mut dyn Host, container: Value, key: Value, hash: i64) -> PyResult<bool> {
    let Some(cell) = table(container) else {
        return Ok(false);
    };
    let mut equal = |stored: Value, key: Value| crate::protocol::equal(host, stored, key);
    Ok(matches!(
        lookup(cell, hash, key, &mut equal)?,
        Lookup::Found(_)
    ))
}

/// CPython's `set_add_entry`: adds `key` unless an equal key is there.
fn add_entry(host: &mut dyn Host, set: Value, key: Value, hash: i64) -> PyResult<()> {
    let Some(cell) = table(set) else {
        return Ok(());
    };
    let found = {
        let mut equal = |stored: Value, key: Value| crate::protocol::equal(host, stored, key);
        lookup(cell, hash, key, &mut equal)?
    };
    if found == Lookup::Absent {
        let before = cell.get().owned_bytes();
        cell.get().insert_new(hash, key, Value::NONE);
        let grown = cell.get().owned_bytes().saturating_sub(before);
        host.runtime().heap.account(grown);
    }
    Ok(())
}

/// CPython's `set_discard_entry`: whether `key` was there (and is now gone).
fn discard_entry(host: &mut dyn Host, set: Value, key: Value, hash: i64) -> PyResult<bool> {
    let Some(cell) = table(set) else {
        return Ok(false);
    };
    let found = {
        let mut equal = |stored: Value, key: Value| crate::protocol::equal(host, stored, key);
        lookup(cell, hash, key, &mut equal)?
    };
    match found {
        Lookup::Found(index) => Ok(cell.get().remove_at(index).is_some()),
        Lookup::Absent => Ok(false),
    }
}

fn add_key(host: &mut dyn Host, set: Value, key: Value) -> PyResult<()> {
    let hash = crate::protocol::hash(host, key)?;
    add_entry(host, set, key, hash)
}

fn contains_key(host: &mut dyn Host, set: Value, key: Value) -> PyResult<bool> {
    let hash = crate::protocol::hash(host, key)?;
    contains_entry(host, set, key, hash)
}

/// Calls `visit` on each item of `iterable` (each rooted meanwhile) until it returns false.
fn for_each_item(
    host: &mut dyn Host,
    iterable: Value,
    mut visit: impl FnMut(&mut dyn Host, Value) -> PyResult<bool>,
) -> PyResult<()> {
    let iterator = crate::protocol::iterate(host, iterable)?;
    rooted(host, |host| {
        host.runtime().push_root(iterator);
        while let Some(item) = crate::protocol::next(host, iterator)? {
            let keep_going = rooted(host, |host| {
                host.runtime().push_root(item);
                visit(host, item)
            })?;
            if !keep_going {
                break;
            }
        }
        Ok(())
    })
}

/// A set key looked up as the equal frozenset when it is a (unhashable) set, as CPython's
/// `set.remove`, `set.discard` and `in` do.
fn lookup_key(host: &mut dyn Host, key: Value) -> PyResult<Value> {
    if !matches!(
        key.as_object().map(|object| &object.payload),
        Some(Payload::Set(_))
    ) {
        return Ok(key);
    }
    let frozen = new_empty(host, Kind::FrozenSet);
    merge(host, frozen, key)?;
    Ok(frozen)
}

/// Gives `set` the table of `other` (CPython's `set_swap_bodies`; `other` is discarded).
fn swap_bodies(set: Value, other: Value) {
    if let (Some(target), Some(source)) = (table(set), table(other)) {
        *target.get() = std::mem::take(source.get());
    }
}

/// CPython's `set_merge`: adds every member of the set `other` to `target` — one resize up
/// front, then an exact copy or clean insertion when `target` is empty, so the result has
/// CPython's layout (and iteration order).
fn merge(host: &mut dyn Host, target: Value, other: Value) -> PyResult<()> {
    if target == other || length(other) == 0 {
        return Ok(());
    }
    if let (Some(target_table), Some(source_table)) = (table(target), table(other)) {
        let source = source_table.get();
        if source.is_set_layout() && target_table.get().is_set_layout() {
            let target_dict = target_table.get();
            target_dict.set_presize_for(source.len());
            if target_dict.set_merge_into_empty(source) {
                return Ok(());
            }
        }
    }
    for (key, hash) in entries(host, other) {
        add_entry(host, target, key, hash)?;
    }
    Ok(())
}

/// `target.update(iterable)` with CPython's algorithms (a set is merged, a dict's keys are added
/// with their stored hashes, anything else is iterated).
pub fn update_with(host: &mut dyn Host, target: Value, iterable: Value) -> PyResult<()> {
    update_internal(host, target, iterable)
}

/// CPython's `set_update_internal`: adds every item of `iterable` to `target`.
fn update_internal(host: &mut dyn Host, target: Value, iterable: Value) -> PyResult<()> {
    if is_set_like(iterable) {
        return merge(host, target, iterable);
    }
    if is_dict(iterable) {
        for (key, hash) in entries(host, iterable) {
            add_entry(host, target, key, hash)?;
        }
        return Ok(());
    }
    for_each_item(host, iterable, |host, item| {
        add_key(host, target, item)?;
        Ok(true)
    })
}

/// A copy of `set` as a new set of `kind` (CPython's `set_copy`).
fn copy_of(host: &mut dyn Host, set: Value, kind: Kind) -> PyResult<Value> {
    let result = new_empty(host, kind);
    merge(host, result, set)?;
    Ok(result)
}

/// `so & other` as a new set of `kind` (CPython's `set_intersection`).
fn intersection_of(host: &mut dyn Host, so: Value, other: Value, kind: Kind) -> PyResult<Value> {
    if so == other {
        return copy_of(host, so, kind);
    }
    let result = new_empty(host, kind);
    if is_set_like(other) {
        let (small, large) = if length(other) > length(so) {
            (so, other)
        } else {
            (other, so)
        };
        for (key, hash) in entries(host, small) {
            if contains_entry(host, large, key, hash)? {
                add_entry(host, result, key, hash)?;
            }
        }
        return Ok(result);
    }
    for_each_item(host, other, |host, item| {
        let hash = crate::protocol::hash(host, item)?;
        if contains_entry(host, so, item, hash)? {
            add_entry(host, result, item, hash)?;
            if length(result) >= length(so) {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    Ok(result)
}

/// The intersection of `so` with every one of `others` (CPython's `set_intersection_multi`).
fn intersection_of_all(
    host: &mut dyn Host,
    so: Value,
    others: &[Value],
    kind: Kind,
) -> PyResult<Value> {
    if others.is_empty() {
        return copy_of(host, so, kind);
    }
    let mut result = so;
    for &other in others {
        result = intersection_of(host, result, other, kind)?;
    }
    Ok(result)
}

/// `so - other` as a new set of `kind` (CPython's `set_difference`).
fn difference_of(host: &mut dyn Host, so: Value, other: Value, kind: Kind) -> PyResult<Value> {
    let other_length = if is_set_like(other) || is_dict(other) {
        length(other)
    } else {
        usize::MAX
    };
    if other_length == usize::MAX || (length(so) >> 2) > other_length {
        let result = copy_of(host, so, kind)?;
        difference_update_internal(host, result, other)?;
        return Ok(result);
    }
    let result = new_empty(host, kind);
    for (key, hash) in entries(host, so) {
        if !contains_entry(host, other, key, hash)? {
            add_entry(host, result, key, hash)?;
        }
    }
    Ok(result)
}

/// Removes from `so` every item of `other` (CPython's `set_difference_update_internal`).
fn difference_update_internal(host: &mut dyn Host, so: Value, other: Value) -> PyResult<()> {
    if so == other {
        if let Some(table) = table(so) {
            table.get().clear();
        }
        return Ok(());
    }
    if is_set_like(other) {
        let other = if (length(other) >> 3) > length(so) {
            intersection_of(host, so, other, Kind::Set)?
        } else {
            other
        };
        for (key, hash) in entries(host, other) {
            discard_entry(host, so, key, hash)?;
        }
        return Ok(());
    }
    for_each_item(host, other, |host, item| {
        let hash = crate::protocol::hash(host, item)?;
        discard_entry(host, so, item, hash)?;
        Ok(true)
    })
}

/// Toggles in `so` every member of `other` (CPython's `set_symmetric_difference_update`).
fn symmetric_difference_update_internal(
    host: &mut dyn Host,
    so: Value,
    other: Value,
) -> PyResult<()> {
    if so == other {
        if let Some(table) = table(so) {
            table.get().clear();
        }
        return Ok(());
    }
    let other = if is_set_like(other) || is_dict(other) {
        other
    } else {
        let other_set = new_empty(host, kind_of(so));
        update_internal(host, other_set, other)?;
        other_set
    };
    for (key, hash) in entries(host, other) {
        if !discard_entry(host, so, key, hash)? {
            add_entry(host, so, key, hash)?;
        }
    }
    Ok(())
}

/// `so ^ other` as a new set of `kind` (CPython's `set_symmetric_difference`).
fn symmetric_difference_of(
    host: &mut dyn Host,
    so: Value,
    other: Value,
    kind: Kind,
) -> PyResult<Value> {
    let result = new_empty(host, kind);
    update_internal(host, result, other)?;
    symmetric_difference_update_internal(host, result, so)?;
    Ok(result)
}

/// Whether every member of `so` is in `other` (CPython's `set_issubset`).
fn is_subset(host: &mut dyn Host, so: Value, other: Value) -> PyResult<bool> {
    if !is_set_like(other) {
        let other_set = new_empty(host, Kind::Set);
        update_internal(host, other_set, other)?;
        return is_subset(host, so, other_set);
    }
    if length(so) > length(other) {
        return Ok(false);
    }
    for (key, hash) in entries(host, so) {
        if !contains_entry(host, other, key, hash)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether every item of `other` is in `so` (CPython's `set_issuperset`).
fn is_superset(host: &mut dyn Host, so: Value, other: Value) -> PyResult<bool> {
    if is_set_like(other) {
        return is_subset(host, other, so);
    }
    let mut superset = true;
    for_each_item(host, other, |host, item| {
        superset = contains_key(host, so, item)?;
        Ok(superset)
    })?;
    Ok(superset)
}

/// Whether `so` and `other` share no item (CPython's `set_isdisjoint`).
fn is_disjoint(host: &mut dyn Host, so: Value, other: Value) -> PyResult<bool> {
    if so == other {
        return Ok(length(so) == 0);
    }
    if is_set_like(other) {
        let (small, large) = if length(other) > length(so) {
            (so, other)
        } else {
            (other, so)
        };
        for (key, hash) in entries(host, small) {
            if contains_entry(host, large, key, hash)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let mut disjoint = true;
    for_each_item(host, other, |host, item| {
        disjoint = !contains_key(host, so, item)?;
        Ok(disjoint)
    })?;
    Ok(disjoint)
}

// ----- the methods -----

/// Checks the receiver (`arguments.values[0]`) and keywords; returns the receiver and the
/// other positional arguments.
fn receiver<'a>(
    host: &mut dyn Host,
    arguments: &Arguments<'a>,
    name: &str,
    kind: Kind,
) -> PyResult<(Value, &'a [Value])> {
    let positionals = arguments.positionals();
    let owner = kind.name();
    let dunder = name.starts_with("__");
    let Some(this) = positionals
        .first()
        .map(|&value| crate::protocol::base_value(value).unwrap_or(value))
    else {
        let message = if dunder {
            format!("descriptor '{name}' of '{owner}' object needs an argument")
        } else {
            format!("unbound method {owner}.{name}() needs an argument")
        };
        return Err(host.runtime().type_error(message));
    };
    let matches_kind = match this.as_object().map(|object| &object.payload) {
        Some(Payload::Set(_)) => kind == Kind::Set,
        Some(Payload::FrozenSet(_)) => kind == Kind::FrozenSet,
        _ => false,
    };
    if !matches_kind {
        let runtime = host.runtime();
        let received = type_name(runtime, this);
        let message = if dunder {
            format!("descriptor '{name}' requires a '{owner}' object but received a '{received}'")
        } else {
            format!(
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{received}' object"
            )
        };
        return Err(runtime.type_error(message));
    }
    if !arguments.keyword_names.is_empty() {
        return Err(host
            .runtime()
            .type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    Ok((this, &positionals[1..]))
}

fn one_argument(host: &mut dyn Host, others: &[Value], name: &str, kind: Kind) -> PyResult<Value> {
    match others {
        [only] => Ok(*only),
        _ => {
            let message = format!(
                "{}.{name}() takes exactly one argument ({} given)",
                kind.name(),
                others.len()
            );
            Err(host.runtime().type_error(message))
        }
    }
}

fn no_arguments(host: &mut dyn Host, others: &[Value], name: &str, kind: Kind) -> PyResult<()> {
    if others.is_empty() {
        return Ok(());
    }
    let message = format!(
        "{}.{name}() takes no arguments ({} given)",
        kind.name(),
        others.len()
    );
    Err(host.runtime().type_error(message))
}

fn add(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "add", kind)?;
    let item = one_argument(host, others, "add", kind)?;
    add_key(host, set, item)?;
    Ok(Value::NONE)
}

fn remove(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "remove", kind)?;
    let item = one_argument(host, others, "remove", kind)?;
    rooted(host, |host| {
        let key = lookup_key(host, item)?;
        let hash = crate::protocol::hash(host, key)?;
        if discard_entry(host, set, key, hash)? {
            return Ok(Value::NONE);
        }
        Err(host.runtime().key_error(item))
    })
}

fn discard(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "discard", kind)?;
    let item = one_argument(host, others, "discard", kind)?;
    rooted(host, |host| {
        let key = lookup_key(host, item)?;
        let hash = crate::protocol::hash(host, key)?;
        discard_entry(host, set, key, hash)?;
        Ok(Value::NONE)
    })
}

fn pop(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "pop", kind)?;
    no_arguments(host, others, "pop", kind)?;
    match table(set).and_then(|table| table.get().pop_for_set()) {
        Some(entry) => Ok(entry.key),
        None => {
            let runtime = host.runtime();
            let message = runtime.new_str("pop from an empty set");
            let error = runtime.new_exception(runtime.types.key_error, vec![message]);
            Err(crate::PyErr { exception: error })
        }
    }
}

fn clear(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "clear", kind)?;
    no_arguments(host, others, "clear", kind)?;
    if let Some(table) = table(set) {
        table.get().clear();
    }
    Ok(Value::NONE)
}

fn copy(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "copy", kind)?;
    no_arguments(host, others, "copy", kind)?;
    if kind == Kind::FrozenSet {
        return Ok(set);
    }
    rooted(host, |host| copy_of(host, set, kind))
}

/// `set.__init__(self, iterable=())`: for subclasses, whose instances start empty.
fn dunder_init(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "__init__", kind)?;
    if others.len() > 1 {
        let message = format!("set expected at most 1 argument, got {}", others.len());
        return Err(host.runtime().type_error(message));
    }
    if let Some(table) = table(set) {
        table.get().clear();
    }
    rooted(host, |host| {
        for &other in others {
            update_internal(host, set, other)?;
        }
        Ok(Value::NONE)
    })
}

fn update(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "update", kind)?;
    rooted(host, |host| {
        for &other in others {
            update_internal(host, set, other)?;
        }
        Ok(Value::NONE)
    })
}

fn union(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "union", kind)?;
    rooted(host, |host| {
        let result = copy_of(host, set, kind)?;
        for &other in others {
            if other != set {
                update_internal(host, result, other)?;
            }
        }
        Ok(result)
    })
}

fn intersection(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "intersection", kind)?;
    rooted(host, |host| intersection_of_all(host, set, others, kind))
}

fn intersection_update(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "intersection_update", kind)?;
    rooted(host, |host| {
        let result = intersection_of_all(host, set, others, kind)?;
        if result != set {
            swap_bodies(set, result);
        }
        Ok(Value::NONE)
    })
}

fn difference(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "difference", kind)?;
    rooted(host, |host| {
        let Some((&first, rest)) = others.split_first() else {
            return copy_of(host, set, kind);
        };
        let result = difference_of(host, set, first, kind)?;
        for &other in rest {
            difference_update_internal(host, result, other)?;
        }
        Ok(result)
    })
}

fn difference_update(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "difference_update", kind)?;
    rooted(host, |host| {
        for &other in others {
            difference_update_internal(host, set, other)?;
        }
        Ok(Value::NONE)
    })
}

fn symmetric_difference(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "symmetric_difference", kind)?;
    let other = one_argument(host, others, "symmetric_difference", kind)?;
    rooted(host, |host| symmetric_difference_of(host, set, other, kind))
}

fn symmetric_difference_update(
    host: &mut dyn Host,
    arguments: Arguments,
    kind: Kind,
) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "symmetric_difference_update", kind)?;
    let other = one_argument(host, others, "symmetric_difference_update", kind)?;
    rooted(host, |host| {
        symmetric_difference_update_internal(host, set, other)?;
        Ok(Value::NONE)
    })
}

fn issubset(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "issubset", kind)?;
    let other = one_argument(host, others, "issubset", kind)?;
    rooted(host, |host| is_subset(host, set, other).map(Value::bool))
}

fn issuperset(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "issuperset", kind)?;
    let other = one_argument(host, others, "issuperset", kind)?;
    rooted(host, |host| is_superset(host, set, other).map(Value::bool))
}

fn isdisjoint(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "isdisjoint", kind)?;
    let other = one_argument(host, others, "isdisjoint", kind)?;
    rooted(host, |host| is_disjoint(host, set, other).map(Value::bool))
}

fn dunder_contains(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "__contains__", kind)?;
    let item = one_argument(host, others, "__contains__", kind)?;
    rooted(host, |host| {
        let key = lookup_key(host, item)?;
        contains_key(host, set, key).map(Value::bool)
    })
}

fn dunder_len(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "__len__", kind)?;
    if !others.is_empty() {
        let message = format!("expected 0 arguments, got {}", others.len());
        return Err(host.runtime().type_error(message));
    }
    Ok(host.runtime().new_int(length(set) as i64))
}
