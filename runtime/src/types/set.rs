//! `set` and `frozenset`: membership through the hashing protocol, set algebra, comparison
//! (subset order) and the set methods.

use krait_compiler::Comparison;

use crate::dict::Dict;
use crate::object::{Mutable, Payload};
use crate::types::dict::{contains_key, set_value, table};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The set methods.
pub const METHODS: crate::types::MethodTable = &[("add", add)];

/// The frozenset methods.
pub const FROZENSET_METHODS: crate::types::MethodTable = &[];

/// The members of a set or frozenset.
pub fn members(value: Value) -> Vec<Value> {
    table(value).map_or_else(Vec::new, |table| table.get().entries().map(|entry| entry.key).collect())
}

/// A new set (or frozenset) holding `items`.
pub fn new_from(host: &mut dyn Host, items: &[Value], frozen: bool) -> PyResult<Value> {
    let runtime = host.runtime();
    let payload = if frozen { Payload::FrozenSet(Mutable::new(Dict::new())) } else { Payload::Set(Mutable::new(Dict::new())) };
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
pub fn compare(host: &mut dyn Host, left: Value, right: Value, operator: Comparison) -> PyResult<bool> {
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

fn add(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (Some(&set), Some(&item)) = (arguments.values.first(), arguments.values.get(1)) else {
        return Err(host.runtime().type_error("set.add() takes exactly one argument"));
    };
    set_value(host, set, item, Value::NONE)?;
    Ok(Value::NONE)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets (in-place forms update `a`).
pub fn binary(host: &mut dyn Host, left: Value, right: Value, operator: krait_compiler::BinaryOperator) -> PyResult<Option<Value>> {
    use krait_compiler::BinaryOperator as Op;
    if table(right).is_none() || matches!(right.as_object().map(|object| &object.payload), Some(Payload::Dict(_))) {
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
    let frozen = matches!(left.as_object().map(|object| &object.payload), Some(Payload::FrozenSet(_)));
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
