//! Rich comparison: `<`, `<=`, `==`, `!=`, `>`, `>=` with builtin fast paths (numbers, strs,
//! sequences, sets) and the reflected-dunder protocol; `==` falls back to identity.

use std::cmp::Ordering;

use krait_compiler::Comparison;

use crate::object::Payload;
use crate::protocol::attribute::call_bound;
use crate::protocol::{is_subclass, is_true, lookup_in_type, type_name, type_of};
use crate::types::int::{as_int, compare_with_float};
use crate::value::Value;
use crate::{Host, PyResult};

/// `left op right` as a value (user `__lt__` may return anything).
pub fn compare(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Comparison,
) -> PyResult<Value> {
    if let Some(ordering) = builtin_order(host, left, right, operator)? {
        return Ok(Value::bool(ordering));
    }
    let runtime = host.runtime();
    let left_class = type_of(runtime, left);
    let right_class = type_of(runtime, right);
    let name = runtime.operator_names.comparison(operator);
    let swapped_name = runtime.operator_names.comparison(operator.swapped());
    let reflected_first = left_class != right_class && is_subclass(right_class, left_class);
    let forward = lookup_in_type(runtime, left_class, name).filter(|&method| !is_native(method));
    let reflected =
        lookup_in_type(runtime, right_class, swapped_name).filter(|&method| !is_native(method));
    if reflected_first {
        if let Some(method) = reflected {
            let result = call_bound(host, method, right, &[left])?;
            if result != Value::NOT_IMPLEMENTED {
                return Ok(result);
            }
        }
    }
    if let Some(method) = forward {
        let result = call_bound(host, method, left, &[right])?;
        if result != Value::NOT_IMPLEMENTED {
            return Ok(result);
        }
    }
    if !reflected_first {
        if let Some(method) = reflected {
            let result = call_bound(host, method, right, &[left])?;
            if result != Value::NOT_IMPLEMENTED {
                return Ok(result);
            }
        }
    }
    match operator {
        Comparison::Equal => Ok(Value::bool(left == right)),
        Comparison::NotEqual => {
            // `!=` defaults to the negation of a user `__eq__`.
            let runtime = host.runtime();
            let eq = runtime.names.__eq__;
            if let Some(method) =
                lookup_in_type(runtime, left_class, eq).filter(|&method| !is_native(method))
            {
                let result = call_bound(host, method, left, &[right])?;
                if result != Value::NOT_IMPLEMENTED {
                    return Ok(Value::bool(!is_true(host, result)?));
                }
            }
            Ok(Value::bool(left != right))
        }
        _ => {
            let runtime = host.runtime();
            let message = format!(
                "'{}' not supported between instances of '{}' and '{}'",
                operator.symbol(),
                type_name(runtime, left),
                type_name(runtime, right)
            );
            Err(runtime.type_error(message))
        }
    }
}

fn is_native(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::NativeFunction(_))
    )
}

/// `left op right` as a bool.
pub fn compare_bool(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Comparison,
) -> PyResult<bool> {
    if let Some(result) = builtin_order(host, left, right, operator)? {
        return Ok(result);
    }
    let result = compare(host, left, right, operator)?;
    is_true(host, result)
}

/// `left == right` as a bool (identity first, as containers do). A float is its bits, so a NaN
/// is "identical" to the same NaN: `x in [x]` holds for `x = float('nan')`, as in CPython.
pub fn equal(host: &mut dyn Host, left: Value, right: Value) -> PyResult<bool> {
    if left == right {
        return Ok(true);
    }
    // Two exact strs (dict keys, `==` on text): equal hashes if both are cached, then bytes.
    if let (Some(a), Some(b)) = (
        left.as_object().and_then(crate::object::HeapObject::as_str),
        right
            .as_object()
            .and_then(crate::object::HeapObject::as_str),
    ) {
        let (hash_a, hash_b) = (a.hash.get(), b.hash.get());
        if hash_a != 0 && hash_b != 0 && hash_a != hash_b {
            return Ok(false);
        }
        return Ok(a.same_text(b));
    }
    compare_bool(host, left, right, Comparison::Equal)
}

fn apply(ordering: Option<Ordering>, operator: Comparison) -> bool {
    match ordering {
        None => operator == Comparison::NotEqual,
        Some(ordering) => match operator {
            Comparison::Less => ordering == Ordering::Less,
            Comparison::LessEqual => ordering != Ordering::Greater,
            Comparison::Equal => ordering == Ordering::Equal,
            Comparison::NotEqual => ordering != Ordering::Equal,
            Comparison::Greater => ordering == Ordering::Greater,
            Comparison::GreaterEqual => ordering != Ordering::Less,
        },
    }
}

/// Comparison of builtin values: `Some(result)` when both operands are builtin values that
/// compare natively, `None` to fall back to dunders.
pub fn builtin_order(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Comparison,
) -> PyResult<Option<bool>> {
    // Two exact strs (sort keys, `==` on text): UTF-8 orders as code points do.
    if let (Some(a), Some(b)) = (
        left.as_object().and_then(crate::object::HeapObject::as_str),
        right
            .as_object()
            .and_then(crate::object::HeapObject::as_str),
    ) {
        return Ok(Some(apply(Some(a.text().cmp(b.text())), operator)));
    }
    // (Only instances of subclasses of builtin types delegate.)
    let (left, right) = if crate::protocol::base_value(left).is_some()
        || crate::protocol::base_value(right).is_some()
    {
        let runtime = host.runtime();
        let forward = runtime.operator_names.comparison(operator);
        let swapped = runtime.operator_names.comparison(operator.swapped());
        (
            crate::protocol::delegate(runtime, left, &[forward]),
            crate::protocol::delegate(runtime, right, &[swapped]),
        )
    } else {
        (left, right)
    };
    if let (Some(a), Some(b)) = (left.as_float(), right.as_float()) {
        return Ok(Some(apply(a.partial_cmp(&b), operator)));
    }
    match (as_int(left), as_int(right)) {
        (Some(a), Some(b)) => {
            return Ok(Some(apply(
                Some(crate::types::int::compare(&a, &b)),
                operator,
            )))
        }
        (Some(a), None) => {
            if let Some(b) = right.as_float() {
                return Ok(Some(apply(compare_with_float(&a, b), operator)));
            }
        }
        (None, Some(b)) => {
            if let Some(a) = left.as_float() {
                return Ok(Some(apply(
                    compare_with_float(&b, a).map(Ordering::reverse),
                    operator,
                )));
            }
        }
        (None, None) => {}
    }
    let (Some(left_object), Some(right_object)) = (left.as_object(), right.as_object()) else {
        // One side is an inline value (None, a bool, a number that is not comparable above).
        let is_instance = |value: Value| {
            matches!(
                value.as_object().map(|object| &object.payload),
                Some(Payload::Instance(_))
            )
        };
        if !matches!(operator, Comparison::Equal | Comparison::NotEqual)
            || is_instance(left)
            || is_instance(right)
        {
            return Ok(None);
        }
        let same = match (
            crate::protocol::number::as_complex(left),
            crate::protocol::number::as_complex(right),
        ) {
            (Some(a), Some(b)) if left.is_object() || right.is_object() => a == b,
            _ => left == right,
        };
        return Ok(Some(same == (operator == Comparison::Equal)));
    };
    match (&left_object.payload, &right_object.payload) {
        (Payload::Str(a), Payload::Str(b)) => {
            Ok(Some(apply(Some(a.text().cmp(b.text())), operator)))
        }
        (Payload::List(_), Payload::List(_)) | (Payload::Tuple(_), Payload::Tuple(_)) => {
            sequence_order(host, left, right, operator).map(Some)
        }
        (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_)) => {
            crate::types::set::compare(host, left, right, operator).map(Some)
        }
        (Payload::Dict(_), Payload::Dict(_))
            if matches!(operator, Comparison::Equal | Comparison::NotEqual) =>
        {
            let equal = crate::types::dict::equal(host, left, right)?;
            Ok(Some(equal == (operator == Comparison::Equal)))
        }
        (Payload::Range { .. }, Payload::Range { .. })
            if matches!(operator, Comparison::Equal | Comparison::NotEqual) =>
        {
            let equal = crate::types::range::equal(left, right);
            Ok(Some(equal == (operator == Comparison::Equal)))
        }
        (Payload::Complex(a, b), Payload::Complex(c, d))
            if matches!(operator, Comparison::Equal | Comparison::NotEqual) =>
        {
            Ok(Some(
                ((a == c) && (b == d)) == (operator == Comparison::Equal),
            ))
        }
        (
            Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_),
            Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_),
        ) => Ok(crate::types::bytes::compare(left, right, operator).flatten()),
        (
            Payload::GenericAlias { .. } | Payload::Union(_),
            Payload::GenericAlias { .. } | Payload::Union(_),
        ) if matches!(operator, Comparison::Equal | Comparison::NotEqual) => {
            Ok(crate::types::generic_alias::equal(host, left, right)?
                .map(|equal| equal == (operator == Comparison::Equal))
                .or(Some(operator == Comparison::NotEqual)))
        }
        (
            Payload::Slice {
                start: a,
                stop: b,
                step: c,
            },
            Payload::Slice {
                start: d,
                stop: e,
                step: f,
            },
        ) => {
            // Slices compare as the tuples of their parts.
            let runtime = host.runtime();
            let left_parts = runtime.new_tuple_from(&[*a, *b, *c]);
            let mark = runtime.root_mark();
            runtime.push_root(left_parts);
            let right_parts = runtime.new_tuple_from(&[*d, *e, *f]);
            runtime.push_root(right_parts);
            let result = sequence_order(host, left_parts, right_parts, operator);
            host.runtime().pop_roots(mark);
            result.map(Some)
        }
        (Payload::DictView(..), _) | (_, Payload::DictView(..))
            if crate::types::dict_view::is_set_like_view(left)
                || crate::types::dict_view::is_set_like_view(right) =>
        {
            match crate::types::dict_view::compare(host, left, right, operator)? {
                Some(result) => Ok(Some(result)),
                None if matches!(operator, Comparison::Equal | Comparison::NotEqual) => {
                    Ok(Some(operator == Comparison::NotEqual))
                }
                None => Ok(None),
            }
        }
        (Payload::Instance(_), _) | (_, Payload::Instance(_)) => Ok(None),
        (Payload::BigInt(_), _) | (_, Payload::BigInt(_)) => Ok(None),
        _ => {
            if matches!(operator, Comparison::Equal | Comparison::NotEqual) {
                let same = left == right;
                return Ok(Some(same == (operator == Comparison::Equal)));
            }
            Ok(None)
        }
    }
}

thread_local! {
    /// How deeply container comparisons are nested (CPython bounds it by the recursion limit).
    static COMPARISON_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Lexicographic comparison of two lists or two tuples.
fn sequence_order(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Comparison,
) -> PyResult<bool> {
    nested_comparison(host, |host| {
        sequence_order_unguarded(host, left, right, operator)
    })
}

/// Runs one level of a container comparison that compares items (which may be containers
/// themselves): RecursionError past the recursion limit, as CPython, instead of overflowing
/// the native stack on deeply nested containers.
pub(crate) fn nested_comparison<T>(
    host: &mut dyn Host,
    body: impl FnOnce(&mut dyn Host) -> PyResult<T>,
) -> PyResult<T> {
    let depth = COMPARISON_DEPTH.with(std::cell::Cell::get);
    if depth >= host.runtime().recursion_limit {
        let runtime = host.runtime();
        return Err(runtime.new_error(
            runtime.types.recursion_error,
            "maximum recursion depth exceeded in comparison",
        ));
    }
    COMPARISON_DEPTH.with(|cell| cell.set(depth + 1));
    let result = body(host);
    COMPARISON_DEPTH.with(|cell| cell.set(depth));
    result
}

fn sequence_order_unguarded(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Comparison,
) -> PyResult<bool> {
    let items = |value: Value| -> Vec<Value> {
        match value.as_object().map(|object| &object.payload) {
            Some(Payload::List(items)) => items.get().clone(),
            Some(Payload::Tuple(items)) => items.to_vec(),
            _ => Vec::new(),
        }
    };
    let (a, b) = (items(left), items(right));
    if matches!(operator, Comparison::Equal | Comparison::NotEqual) && a.len() != b.len() {
        return Ok(operator == Comparison::NotEqual);
    }
    for (&x, &y) in a.iter().zip(b.iter()) {
        if !equal(host, x, y)? {
            if operator == Comparison::Equal {
                return Ok(false);
            }
            if operator == Comparison::NotEqual {
                return Ok(true);
            }
            return compare_bool(host, x, y, operator);
        }
    }
    Ok(apply(Some(a.len().cmp(&b.len())), operator))
}
