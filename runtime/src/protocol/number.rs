//! Binary and unary operators: builtin fast paths, then the dunder protocol with reflected
//! operands and `NotImplemented`, as CPython's `binary_op1`.

use krait_compiler::BinaryOperator;

use crate::object::Payload;
use crate::protocol::attribute::call_bound;
use crate::protocol::{is_subclass, lookup_in_type, type_name, type_of};
use crate::types::int::{as_int, IntValue};
use crate::value::Value;
use crate::{Host, PyResult, Runtime};

/// `left op right` (in-place operators try `__iop__` first).
pub fn binary_op(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: BinaryOperator,
) -> PyResult<Value> {
    let runtime = host.runtime();
    // (`as_int` sees through int subclasses, which may override the operator: not for them.)
    if !is_instance(left) && !is_instance(right) {
        if let Some(result) = builtin_binary(runtime, left, right, operator)? {
            return Ok(result);
        }
    }
    // Instances of subclasses of builtin types use the builtin operation unless they override it.
    let (builtin_left, builtin_right) = if crate::protocol::base_value(left).is_some()
        || crate::protocol::base_value(right).is_some()
    {
        let forward = runtime.operator_names.binary(operator);
        let plain = runtime.operator_names.binary(operator.plain());
        let reflected = runtime.operator_names.reflected(operator);
        (
            crate::protocol::delegate(runtime, left, &[forward, plain]),
            crate::protocol::delegate(runtime, right, &[reflected]),
        )
    } else {
        (left, right)
    };
    if (builtin_left != left || builtin_right != right)
        && !is_instance(builtin_left)
        && !is_instance(builtin_right)
    {
        if let Some(result) = builtin_binary(runtime, builtin_left, builtin_right, operator)? {
            return Ok(result);
        }
    }
    if let Some(result) = crate::types::builtin_binary(host, builtin_left, builtin_right, operator)?
    {
        // An in-place operation on the builtin value returns the instance itself.
        return Ok(if result == builtin_left && builtin_left != left {
            left
        } else {
            result
        });
    }
    if operator.is_in_place() {
        let runtime = host.runtime();
        let class = type_of(runtime, left);
        let name = runtime.operator_names.binary(operator);
        if let Some(method) = lookup_in_type(runtime, class, name) {
            let result = call_bound(host, method, left, &[right])?;
            if result != Value::NOT_IMPLEMENTED {
                return Ok(result);
            }
        }
    }
    let plain = operator.plain();
    if let Some(result) = dunder_binary(host, left, right, plain)? {
        return Ok(result);
    }
    unsupported_binary(host, left, right, operator)
}

/// The end of [`binary_op`] once every method declined: `int | None` makes a union, anything
/// else is a TypeError.
pub fn unsupported_binary(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: BinaryOperator,
) -> PyResult<Value> {
    if operator.plain() == BinaryOperator::Or {
        // `int | None`: a types.UnionType.
        if let Some(result) = crate::types::generic_alias::union(host, left, right)? {
            return Ok(result);
        }
    }
    let runtime = host.runtime();
    let symbol = match operator {
        BinaryOperator::Power => "** or pow()",
        _ => operator.symbol(),
    };
    let message = format!(
        "unsupported operand type(s) for {symbol}: '{}' and '{}'",
        type_name(runtime, left),
        type_name(runtime, right)
    );
    Err(runtime.type_error(message))
}

/// The Python method `left op right` calls first and alone, when the protocol is that simple:
/// `left` is an instance of a Python class (not of a builtin's subclass), `right` is an
/// instance of the same class, an inline int or a float (whose reflected methods are native,
/// which the protocol skips), an in-place operator has no `__iop__` on the class, and the
/// class's `__op__` is a Python function. Calling it and, if it returns NotImplemented,
/// [`unsupported_binary`] is then exactly [`binary_op`]. `None` for everything else.
pub fn plain_forward_dunder(
    runtime: &mut Runtime,
    left: Value,
    right: Value,
    operator: BinaryOperator,
) -> Option<Value> {
    let Some(Payload::Instance(instance)) = left.as_object().map(|object| &object.payload) else {
        return None;
    };
    if crate::protocol::base_value(left).is_some() {
        return None;
    }
    let class = *instance.class.get();
    let right_fits = match right.as_object().map(|object| &object.payload) {
        Some(Payload::Instance(other)) => *other.class.get() == class,
        Some(_) => false,
        None => right.is_small_int() || right.as_float().is_some(),
    };
    if !right_fits {
        return None;
    }
    forward_dunder_of_class(runtime, class, operator)
}

/// The class half of [`plain_forward_dunder`]: for `left op right` with `left` a plain
/// instance of `class` and `right` fitting as described there, the Python function the
/// protocol calls alone — an in-place operator without `__iop__` on the class, and `__op__` a
/// Python function. Compiled code looks it up when compiled and checks the operands inline.
pub fn forward_dunder_of_class(
    runtime: &mut Runtime,
    class: Value,
    operator: BinaryOperator,
) -> Option<Value> {
    if operator.is_in_place()
        && lookup_in_type(runtime, class, runtime.operator_names.binary(operator)).is_some()
    {
        return None;
    }
    let name = runtime.operator_names.binary(operator.plain());
    let method = lookup_in_type(runtime, class, name)?;
    matches!(
        method.as_object().map(|object| &object.payload),
        Some(Payload::Function(_))
    )
    .then_some(method)
}

/// Tries `left.__op__(right)` and `right.__rop__(left)` in CPython's order; `None` when both
/// are missing or return NotImplemented.
pub fn dunder_binary(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: BinaryOperator,
) -> PyResult<Option<Value>> {
    let runtime = host.runtime();
    let left_class = type_of(runtime, left);
    let right_class = type_of(runtime, right);
    let name = runtime.operator_names.binary(operator);
    let reflected_name = runtime.operator_names.reflected(operator);
    let forward = lookup_in_type(runtime, left_class, name);
    let reflected = if left_class != right_class {
        lookup_in_type(runtime, right_class, reflected_name)
    } else {
        None
    };
    let reflected_first =
        reflected.is_some() && is_subclass(right_class, left_class) && left_class != right_class;
    if reflected_first {
        if let Some(method) = reflected {
            let result = call_bound(host, method, right, &[left])?;
            if result != Value::NOT_IMPLEMENTED {
                return Ok(Some(result));
            }
        }
    }
    if let Some(method) = forward {
        if !is_native(method) {
            let result = call_bound(host, method, left, &[right])?;
            if result != Value::NOT_IMPLEMENTED {
                return Ok(Some(result));
            }
        }
    }
    if !reflected_first {
        if let Some(method) = reflected {
            if !is_native(method) {
                let result = call_bound(host, method, right, &[left])?;
                if result != Value::NOT_IMPLEMENTED {
                    return Ok(Some(result));
                }
            }
        }
    }
    Ok(None)
}

fn is_instance(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Instance(_))
    )
}

fn is_native(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::NativeFunction(_))
    )
}

/// The numeric fast paths: int, bool, float, complex.
#[inline]
pub fn builtin_binary(
    runtime: &mut Runtime,
    left: Value,
    right: Value,
    operator: BinaryOperator,
) -> PyResult<Option<Value>> {
    if let (Some(a), Some(b)) = (left.as_float(), right.as_float()) {
        return crate::types::float::binary(runtime, a, b, operator);
    }
    match (as_int(left), as_int(right)) {
        (Some(a), Some(b)) => {
            if left.is_bool() && right.is_bool() {
                let (a, b) = (left == Value::TRUE, right == Value::TRUE);
                match operator.plain() {
                    BinaryOperator::And => return Ok(Some(Value::bool(a & b))),
                    BinaryOperator::Or => return Ok(Some(Value::bool(a | b))),
                    BinaryOperator::Xor => return Ok(Some(Value::bool(a ^ b))),
                    _ => {}
                }
            }
            crate::types::int::binary(runtime, &a, &b, operator)
        }
        (Some(a), None) => match right.as_float() {
            Some(b) => {
                if !is_float_operator(operator) {
                    return Ok(None);
                }
                let a = crate::types::int::to_float(runtime, &a)?;
                crate::types::float::binary(runtime, a, b, operator)
            }
            None => complex_binary(runtime, left, right, operator),
        },
        (None, Some(b)) => match left.as_float() {
            Some(a) => {
                if !is_float_operator(operator) {
                    return Ok(None);
                }
                let b = crate::types::int::to_float(runtime, &b)?;
                crate::types::float::binary(runtime, a, b, operator)
            }
            None => complex_binary(runtime, left, right, operator),
        },
        (None, None) => complex_binary(runtime, left, right, operator),
    }
}

fn is_float_operator(operator: BinaryOperator) -> bool {
    use BinaryOperator as Op;
    matches!(
        operator.plain(),
        Op::Add
            | Op::Subtract
            | Op::Multiply
            | Op::TrueDivide
            | Op::FloorDivide
            | Op::Remainder
            | Op::Power
    )
}

/// A number as a complex pair, for mixed complex arithmetic.
pub fn as_complex(value: Value) -> Option<(f64, f64)> {
    if let Some(float) = value.as_float() {
        return Some((float, 0.0));
    }
    if let Some(int) = as_int(value) {
        return int.to_f64().map(|real| (real, 0.0));
    }
    match &value.as_object()?.payload {
        Payload::Complex(real, imaginary) => Some((*real, *imaginary)),
        _ => None,
    }
}

fn complex_binary(
    runtime: &mut Runtime,
    left: Value,
    right: Value,
    operator: BinaryOperator,
) -> PyResult<Option<Value>> {
    crate::types::complex::binary(runtime, left, right, operator)
}

/// The unary operators: `-x`, `+x`, `~x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOperator {
    /// `-x`.
    Negative,
    /// `+x`.
    Positive,
    /// `~x`.
    Invert,
}

/// `-x`, `+x` or `~x`.
pub fn unary_op(host: &mut dyn Host, operand: Value, operator: UnaryOperator) -> PyResult<Value> {
    let runtime = host.runtime();
    // Subclasses of builtin numbers use the builtin operation unless they override it.
    let builtin = if is_instance(operand) {
        let names = runtime.names;
        let name = match operator {
            UnaryOperator::Negative => names.__neg__,
            UnaryOperator::Positive => names.__pos__,
            UnaryOperator::Invert => names.__invert__,
        };
        crate::protocol::delegate(runtime, operand, &[name])
    } else {
        operand
    };
    if is_instance(builtin) {
        // Overridden (or a plain instance): the dunder protocol below.
    } else if let Some(float) = builtin.as_float() {
        match operator {
            UnaryOperator::Negative => return Ok(Value::float(-float)),
            UnaryOperator::Positive => return Ok(builtin),
            UnaryOperator::Invert => {}
        }
    } else if let Some(int) = as_int(builtin) {
        return Ok(match (operator, int) {
            (UnaryOperator::Negative, IntValue::Small(small)) => runtime.new_int(-small),
            (UnaryOperator::Positive, IntValue::Small(small)) => runtime.new_int(small),
            (UnaryOperator::Invert, IntValue::Small(small)) => runtime.new_int(!small),
            (UnaryOperator::Negative, IntValue::Big(big)) => runtime.new_bigint(-big.clone()),
            (UnaryOperator::Positive, IntValue::Big(big)) => runtime.new_bigint(big.clone()),
            (UnaryOperator::Invert, IntValue::Big(big)) => runtime.new_bigint(-big.clone() - 1),
        });
    } else if let Some(Payload::Complex(real, imaginary)) =
        builtin.as_object().map(|object| &object.payload)
    {
        match operator {
            UnaryOperator::Negative => {
                return Ok(runtime.heap.allocate(Payload::Complex(-real, -imaginary)))
            }
            UnaryOperator::Positive => return Ok(builtin),
            UnaryOperator::Invert => {}
        }
    }
    let names = runtime.names;
    let (name, symbol) = match operator {
        UnaryOperator::Negative => (names.__neg__, "-"),
        UnaryOperator::Positive => (names.__pos__, "+"),
        UnaryOperator::Invert => (names.__invert__, "~"),
    };
    let class = type_of(runtime, operand);
    if let Some(method) = lookup_in_type(runtime, class, name) {
        return call_bound(host, method, operand, &[]);
    }
    let runtime = host.runtime();
    let message = format!(
        "bad operand type for unary {symbol}: '{}'",
        type_name(runtime, operand)
    );
    Err(runtime.type_error(message))
}

/// `value` as an int for the places that take an index (`seq[i]`, `seq * n`, `bin(i)`, …):
/// ints (and int subclasses) as they are, an object whose class defines `__index__` as the
/// int that returns, anything else unchanged (the caller reports its own TypeError).
pub fn through_index(host: &mut dyn Host, value: Value) -> PyResult<Value> {
    if as_int(value).is_some() || !is_instance(value) {
        return Ok(value);
    }
    let runtime = host.runtime();
    let class = type_of(runtime, value);
    let name = runtime.names.__index__;
    let Some(method) = lookup_in_type(runtime, class, name) else {
        return Ok(value);
    };
    let result = call_bound(host, method, value, &[])?;
    if as_int(result).is_none() {
        let runtime = host.runtime();
        let message = format!(
            "__index__ returned non-int (type {})",
            type_name(runtime, result)
        );
        return Err(runtime.type_error(message));
    }
    Ok(result)
}
