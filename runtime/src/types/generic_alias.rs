//! `list[int]` and `int | None`: the runtime's side of `types.GenericAlias` and
//! `types.UnionType`.
//!
//! The two classes are written in Python (`lib/_generic_alias.py`); subscripting a builtin
//! generic class and `|` between classes (or None) call its `make_alias` and `make_union`,
//! which is what CPython's C code does with its own objects. The module is imported on first
//! use, like any other.

use crate::object::Payload;
use crate::value::Value;
use crate::{Host, PyResult};

const MODULE: &str = "_generic_alias";

fn call_helper(host: &mut dyn Host, function: &str, arguments: &[Value]) -> PyResult<Value> {
    let module = host.import_module(MODULE)?;
    let name = host.runtime().intern(function);
    let helper = crate::protocol::get_attribute(host, module, name)?;
    crate::protocol::call(host, helper, arguments, &[])
}

/// Whether `class` is a builtin class that CPython lets one subscript (`list[int]`).
pub fn is_generic_builtin(runtime: &crate::Runtime, class: Value) -> bool {
    let types = &runtime.types;
    [
        types.list,
        types.dict,
        types.tuple,
        types.set,
        types.frozenset,
        types.type_,
    ]
    .contains(&class)
}

/// `origin[arguments]` for a builtin generic class.
pub fn alias(host: &mut dyn Host, origin: Value, arguments: Value) -> PyResult<Value> {
    call_helper(host, "make_alias", &[origin, arguments])
}

/// `left | right` when both are classes or None (and not both None): a union, or None if
/// the operands are not ones a union takes.
pub fn union(host: &mut dyn Host, left: Value, right: Value) -> PyResult<Option<Value>> {
    let is_class = |value: Value| {
        matches!(
            value.as_object().map(|object| &object.payload),
            Some(Payload::Type(_))
        )
    };
    let operands_fit = (is_class(left) || left.is_none()) && (is_class(right) || right.is_none());
    if !operands_fit || (left.is_none() && right.is_none()) {
        return Ok(None);
    }
    let result = call_helper(host, "make_union", &[left, right])?;
    Ok((result != Value::NOT_IMPLEMENTED).then_some(result))
}
