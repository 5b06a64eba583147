//! The set-like side of `dict.keys()` and `dict.items()`: `|`, `&`, `-`, `^` with any
//! iterable (the result is a new set), comparisons with sets and other set-like views, and
//! `isdisjoint`. CPython computes each as `set(left) op right`; so does krait.

use krait_compiler::{BinaryOperator as Op, Comparison};

use crate::object::{DictViewKind, Payload};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Whether a value is a keys or items view (values views are not set-like).
pub fn is_set_like_view(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::DictView(
            _,
            DictViewKind::Keys | DictViewKind::Items
        ))
    )
}

fn is_set(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Set(_) | Payload::FrozenSet(_))
    )
}

/// `view op other` or `other op view` for the set operators; `None` when neither operand is
/// a set-like view or the operator is not a set operator.
pub fn binary(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Op,
) -> PyResult<Option<Value>> {
    if !matches!(operator.plain(), Op::Or | Op::And | Op::Subtract | Op::Xor)
        || !(is_set_like_view(left) || is_set_like_view(right))
    {
        return Ok(None);
    }
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let result = (|| {
        let left_set = crate::types::set::new_from_iterable(host, left, false)?;
        host.runtime().push_root(left_set);
        let right_set = crate::types::set::new_from_iterable(host, right, false)?;
        host.runtime().push_root(right_set);
        crate::types::set::binary(host, left_set, right_set, operator.plain())
    })();
    host.runtime().pop_roots(mark);
    result
}

/// Comparisons between a set-like view and a set, frozenset or set-like view, as sets;
/// `None` for other operands.
pub fn compare(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: Comparison,
) -> PyResult<Option<bool>> {
    let either_view = is_set_like_view(left) || is_set_like_view(right);
    let both_set_like =
        (is_set_like_view(left) || is_set(left)) && (is_set_like_view(right) || is_set(right));
    if !either_view || !both_set_like {
        return Ok(None);
    }
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let result = (|| {
        let left_set = crate::types::set::new_from_iterable(host, left, true)?;
        host.runtime().push_root(left_set);
        let right_set = crate::types::set::new_from_iterable(host, right, true)?;
        host.runtime().push_root(right_set);
        crate::types::set::compare(host, left_set, right_set, operator)
    })();
    host.runtime().pop_roots(mark);
    result.map(Some)
}

/// `view.isdisjoint(iterable)`.
pub fn isdisjoint(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "isdisjoint", 2, 2)?;
    let (view, other) = (arguments.values[0], arguments.values[1]);
    let iterator = crate::protocol::iterate(host, other)?;
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    runtime.push_root(iterator);
    let result = (|| {
        while let Some(item) = crate::protocol::next(host, iterator)? {
            if crate::protocol::contains(host, view, item)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    host.runtime().pop_roots(mark);
    result
}
