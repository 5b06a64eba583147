//! `set` and `frozenset`: membership through the hashing protocol, set algebra, comparison
//! (subset order) and the set methods.
//!
//! Methods accept any iterable where CPython does. Values a method holds in Rust while it runs
//! Python code (`__hash__`, `__eq__`, a generator) are rooted for the duration of the method
//! (see [`rooted`]).

use krait_compiler::Comparison;

use crate::dict::Dict;
use crate::object::{Mutable, NativeFunctionPointer, Payload};
use crate::protocol::type_name;
use crate::types::dict::{contains_key, remove_value, set_value, table};
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

/// The members of a set or frozenset.
pub fn members(value: Value) -> Vec<Value> {
    table(value).map_or_else(Vec::new, |table| {
        table.get().entries().map(|entry| entry.key).collect()
    })
}

/// A new set (or frozenset) holding `items`.
pub fn new_from(host: &mut dyn Host, items: &[Value], frozen: bool) -> PyResult<Value> {
    let runtime = host.runtime();
    let payload = if frozen {
        Payload::FrozenSet(Mutable::new(Dict::new_set()))
    } else {
        Payload::Set(Mutable::new(Dict::new_set()))
    };
    let set = runtime.heap.allocate(payload);
    let mark = runtime.root_mark();
    runtime.push_root(set);
    let result = (|| {
        for &item in items {
            set_value(host, set, item, Value::NONE)?;
        }
        Ok(set)
    })();
    host.runtime().pop_roots(mark);
    result
}

/// Set comparison: `<=` is subset, `<` proper subset, `==` same members.
pub fn compare(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Comparison,
) -> PyResult<bool> {
    let (left_count, right_count) = (members(left).len(), members(right).len());
    let subset = |host: &mut dyn Host, small: Value, large: Value| -> PyResult<bool> {
        for item in members(small) {
            if !contains_key(host, large, item)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match operator {
        Comparison::Equal => left_count == right_count && subset(host, left, right)?,
        Comparison::NotEqual => !(left_count == right_count && subset(host, left, right)?),
        Comparison::LessEqual => left_count <= right_count && subset(host, left, right)?,
        Comparison::Less => left_count < right_count && subset(host, left, right)?,
        Comparison::GreaterEqual => left_count >= right_count && subset(host, right, left)?,
        Comparison::Greater => left_count > right_count && subset(host, right, left)?,
    })
}

/// `hash(frozenset)`: order-independent, as CPython's.
pub fn hash_frozenset(host: &mut dyn Host, value: Value) -> PyResult<i64> {
    let mut hash: u64 = 0;
    for item in members(value) {
        let item_hash = crate::protocol::hash(host, item)? as u64;
        hash ^= ((item_hash ^ 89869747) ^ (item_hash << 16)).wrapping_mul(3644798167);
    }
    let count = members(value).len() as u64;
    hash ^= (count + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let result = hash as i64;
    Ok(if result == -1 { 590923713 } else { result })
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets (in-place forms update `a`).
pub fn binary(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: krait_compiler::BinaryOperator,
) -> PyResult<Option<Value>> {
    use krait_compiler::BinaryOperator as Op;
    if table(right).is_none()
        || matches!(
            right.as_object().map(|object| &object.payload),
            Some(Payload::Dict(_))
        )
    {
        return Ok(None);
    }
    let left_items = members(left);
    let right_items = members(right);
    let mut result = Vec::new();
    match operator.plain() {
        Op::Or => {
            result.extend(left_items);
            result.extend(right_items);
        }
        Op::And => {
            for item in left_items {
                if contains_key(host, right, item)? {
                    result.push(item);
                }
            }
        }
        Op::Subtract => {
            for item in left_items {
                if !contains_key(host, right, item)? {
                    result.push(item);
                }
            }
        }
        Op::Xor => {
            for &item in &left_items {
                if !contains_key(host, right, item)? {
                    result.push(item);
                }
            }
            for item in right_items {
                if !contains_key(host, left, item)? {
                    result.push(item);
                }
            }
        }
        _ => return Ok(None),
    }
    let frozen = matches!(
        left.as_object().map(|object| &object.payload),
        Some(Payload::FrozenSet(_))
    );
    if operator.is_in_place() && !frozen {
        if let Some(table) = table(left) {
            table.get().clear();
        }
        for item in result {
            set_value(host, left, item, Value::NONE)?;
        }
        return Ok(Some(left));
    }
    new_from(host, &result, frozen).map(Some)
}

// ----- the methods -----

/// Which set type a method is registered on.
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

    fn frozen(self) -> bool {
        self == Kind::FrozenSet
    }
}

fn is_set_like(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Set(_) | Payload::FrozenSet(_))
    )
}

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
    let Some(&this) = positionals.first() else {
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

/// Runs `body`, then drops every root it pushed (with [`hold`]).
fn rooted<T>(host: &mut dyn Host, body: impl FnOnce(&mut dyn Host) -> PyResult<T>) -> PyResult<T> {
    let mark = host.runtime().root_mark();
    let result = body(host);
    host.runtime().pop_roots(mark);
    result
}

/// Roots `values` until the enclosing [`rooted`] ends.
fn hold(host: &mut dyn Host, values: &[Value]) {
    let runtime = host.runtime();
    let list = runtime.new_list(values.to_vec());
    runtime.push_root(list);
}

/// The distinct items of an iterable, rooted: a set's members, or the items of anything else.
fn items_of(host: &mut dyn Host, iterable: Value) -> PyResult<Vec<Value>> {
    let items = if table(iterable).is_some() {
        match iterable.as_object().map(|object| &object.payload) {
            Some(Payload::Dict(_)) => crate::types::dict::pairs(iterable)
                .into_iter()
                .map(|(key, _)| key)
                .collect(),
            _ => members(iterable),
        }
    } else {
        crate::protocol::collect(host, iterable)?
    };
    hold(host, &items);
    Ok(items)
}

/// `iterable` as something [`contains_key`] can search: itself if it is a set, else a new
/// (rooted) set of its items.
fn as_set(host: &mut dyn Host, iterable: Value) -> PyResult<Value> {
    if is_set_like(iterable) {
        return Ok(iterable);
    }
    let items = items_of(host, iterable)?;
    let set = new_from(host, &items, false)?;
    hold(host, &[set]);
    Ok(set)
}

/// A key for lookups: a set (unhashable) is looked up as the equal frozenset, as CPython does.
fn lookup_key(host: &mut dyn Host, key: Value) -> PyResult<Value> {
    if !matches!(
        key.as_object().map(|object| &object.payload),
        Some(Payload::Set(_))
    ) {
        return Ok(key);
    }
    let items = members(key);
    let frozen = new_from(host, &items, true)?;
    hold(host, &[frozen]);
    Ok(frozen)
}

/// Replaces the members of a set.
fn replace_members(host: &mut dyn Host, set: Value, items: &[Value]) -> PyResult<()> {
    if let Some(table) = table(set) {
        table.get().clear();
    }
    for &item in items {
        set_value(host, set, item, Value::NONE)?;
    }
    Ok(())
}

fn add(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "add", kind)?;
    let item = one_argument(host, others, "add", kind)?;
    set_value(host, set, item, Value::NONE)?;
    Ok(Value::NONE)
}

fn remove(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "remove", kind)?;
    let item = one_argument(host, others, "remove", kind)?;
    rooted(host, |host| {
        let key = lookup_key(host, item)?;
        match remove_value(host, set, key)? {
            Some(_) => Ok(Value::NONE),
            None => Err(host.runtime().key_error(item)),
        }
    })
}

fn discard(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "discard", kind)?;
    let item = one_argument(host, others, "discard", kind)?;
    rooted(host, |host| {
        let key = lookup_key(host, item)?;
        remove_value(host, set, key)?;
        Ok(Value::NONE)
    })
}

fn pop(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "pop", kind)?;
    no_arguments(host, others, "pop", kind)?;
    let popped = table(set).and_then(|table| table.get().pop_for_set());
    match popped {
        Some(entry) => Ok(entry.key),
        None => {
            let runtime = host.runtime();
            let message = runtime.new_str("pop from an empty set");
            Err(crate::PyErr {
                exception: runtime.new_exception(runtime.types.key_error, vec![message]),
            })
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
    if kind.frozen() {
        return Ok(set);
    }
    let cloned = table(set)
        .map(|table| table.get().clone())
        .unwrap_or_default();
    Ok(host
        .runtime()
        .heap
        .allocate(Payload::Set(Mutable::new(cloned))))
}

fn update(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "update", kind)?;
    rooted(host, |host| {
        for &other in others {
            for item in items_of(host, other)? {
                set_value(host, set, item, Value::NONE)?;
            }
        }
        Ok(Value::NONE)
    })
}

fn union(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "union", kind)?;
    rooted(host, |host| {
        let mut items = members(set);
        for &other in others {
            items.extend(items_of(host, other)?);
        }
        new_from(host, &items, kind.frozen())
    })
}

/// The members of `set` also in every one of `others`.
fn common_members(host: &mut dyn Host, set: Value, others: &[Value]) -> PyResult<Vec<Value>> {
    let mut current = members(set);
    hold(host, &current);
    for &other in others {
        let other = as_set(host, other)?;
        let mut kept = Vec::with_capacity(current.len());
        for item in current {
            if contains_key(host, other, item)? {
                kept.push(item);
            }
        }
        current = kept;
    }
    Ok(current)
}

fn intersection(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "intersection", kind)?;
    rooted(host, |host| {
        let items = common_members(host, set, others)?;
        new_from(host, &items, kind.frozen())
    })
}

fn intersection_update(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "intersection_update", kind)?;
    rooted(host, |host| {
        let items = common_members(host, set, others)?;
        replace_members(host, set, &items)?;
        Ok(Value::NONE)
    })
}

/// The members of `set` in none of `others`.
fn remaining_members(host: &mut dyn Host, set: Value, others: &[Value]) -> PyResult<Vec<Value>> {
    let mut current = members(set);
    hold(host, &current);
    for &other in others {
        let other = as_set(host, other)?;
        let mut kept = Vec::with_capacity(current.len());
        for item in current {
            if !contains_key(host, other, item)? {
                kept.push(item);
            }
        }
        current = kept;
    }
    Ok(current)
}

fn difference(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "difference", kind)?;
    rooted(host, |host| {
        let items = remaining_members(host, set, others)?;
        new_from(host, &items, kind.frozen())
    })
}

fn difference_update(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "difference_update", kind)?;
    rooted(host, |host| {
        let items = remaining_members(host, set, others)?;
        replace_members(host, set, &items)?;
        Ok(Value::NONE)
    })
}

/// The members in exactly one of `set` and `other`: `set`'s first.
fn exclusive_members(host: &mut dyn Host, set: Value, other: Value) -> PyResult<Vec<Value>> {
    let other = as_set(host, other)?;
    let mine = members(set);
    let theirs = members(other);
    hold(host, &mine);
    hold(host, &theirs);
    let mut result = Vec::new();
    for item in mine {
        if !contains_key(host, other, item)? {
            result.push(item);
        }
    }
    for item in theirs {
        if !contains_key(host, set, item)? {
            result.push(item);
        }
    }
    Ok(result)
}

fn symmetric_difference(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "symmetric_difference", kind)?;
    let other = one_argument(host, others, "symmetric_difference", kind)?;
    rooted(host, |host| {
        let items = exclusive_members(host, set, other)?;
        new_from(host, &items, kind.frozen())
    })
}

fn symmetric_difference_update(
    host: &mut dyn Host,
    arguments: Arguments,
    kind: Kind,
) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "symmetric_difference_update", kind)?;
    let other = one_argument(host, others, "symmetric_difference_update", kind)?;
    rooted(host, |host| {
        let items = exclusive_members(host, set, other)?;
        replace_members(host, set, &items)?;
        Ok(Value::NONE)
    })
}

fn issubset(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "issubset", kind)?;
    let other = one_argument(host, others, "issubset", kind)?;
    rooted(host, |host| {
        let other = as_set(host, other)?;
        let mine = members(set);
        hold(host, &mine);
        for item in mine {
            if !contains_key(host, other, item)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })
}

fn issuperset(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "issuperset", kind)?;
    let other = one_argument(host, others, "issuperset", kind)?;
    rooted(host, |host| {
        for item in items_of(host, other)? {
            if !contains_key(host, set, item)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })
}

fn isdisjoint(host: &mut dyn Host, arguments: Arguments, kind: Kind) -> PyResult<Value> {
    let (set, others) = receiver(host, &arguments, "isdisjoint", kind)?;
    let other = one_argument(host, others, "isdisjoint", kind)?;
    rooted(host, |host| {
        for item in items_of(host, other)? {
            if contains_key(host, set, item)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })
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
    let length = table(set).map_or(0, |table| table.get().len());
    Ok(host.runtime().new_int(length as i64))
}
