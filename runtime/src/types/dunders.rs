//! The dunder methods of the builtin value types (`list.__repr__`, `int.__add__`,
//! `dict.__eq__`, …) as attributes, so that Python code can call them explicitly
//! (`dict.__repr__(self)`, `super().__len__()`).
//!
//! Each works on the builtin value behind its receiver (for instances of subclasses, the
//! value from `crate::protocol::base_value`) and always implements the builtin behaviour: it
//! applies the protocol operation to the plain builtin values, which never dispatches back to
//! a user override. They are `NativeFunction`s, which is how the protocol layer tells them from
//! Python overrides. Names a type's own table already defines are left alone.

use krait_compiler::{BinaryOperator as Op, Comparison};

use crate::object::Payload;
use crate::protocol::{base_value, type_name};
use crate::types::int::as_int;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

const LIST: u8 = 0;
const TUPLE: u8 = 1;
const DICT: u8 = 2;
const SET: u8 = 3;
const FROZENSET: u8 = 4;
const STR: u8 = 5;
const BYTES: u8 = 6;
const INT: u8 = 7;
const FLOAT: u8 = 8;

fn kind_name(kind: u8) -> &'static str {
    match kind {
        LIST => "list",
        TUPLE => "tuple",
        DICT => "dict",
        SET => "set",
        FROZENSET => "frozenset",
        STR => "str",
        BYTES => "bytes",
        INT => "int",
        _ => "float",
    }
}

/// A builtin class, its name, and the dunders it gets.
type TypeDunders = (
    Value,
    &'static str,
    Vec<(&'static str, crate::object::NativeFunctionPointer)>,
);

/// Whether a plain (non-instance) value is of the builtin kind.
fn is_kind(value: Value, kind: u8) -> bool {
    match kind {
        INT => as_int(value).is_some(),
        FLOAT => value.is_float(),
        _ => matches!(
            (kind, value.as_object().map(|object| &object.payload)),
            (LIST, Some(Payload::List(_)))
                | (TUPLE, Some(Payload::Tuple(_)))
                | (DICT, Some(Payload::Dict(_)))
                | (SET, Some(Payload::Set(_)))
                | (FROZENSET, Some(Payload::FrozenSet(_)))
                | (STR, Some(Payload::Str(_)))
                | (BYTES, Some(Payload::Bytes(_)))
        ),
    }
}

/// The plain builtin value of a value (itself, or the value behind a subclass instance).
fn plain(value: Value) -> Value {
    base_value(value).unwrap_or(value)
}

/// The receiver's builtin value, or the TypeError CPython's descriptors raise.
fn receiver(host: &mut dyn Host, arguments: &Arguments, kind: u8, name: &str) -> PyResult<Value> {
    let runtime = host.runtime();
    let Some(&this) = arguments.values.first() else {
        let message = format!(
            "descriptor '{name}' of '{}' object needs an argument",
            kind_name(kind)
        );
        return Err(runtime.type_error(message));
    };
    let value = plain(this);
    if is_kind(value, kind) {
        return Ok(value);
    }
    let message = format!(
        "descriptor '{name}' requires a '{}' object but received a '{}'",
        kind_name(kind),
        type_name(runtime, this)
    );
    Err(runtime.type_error(message))
}

/// The receiver and exactly `count` more arguments.
fn arguments_of<'a>(
    host: &mut dyn Host,
    arguments: &'a Arguments,
    kind: u8,
    name: &str,
    count: usize,
) -> PyResult<(Value, &'a [Value])> {
    let this = receiver(host, arguments, kind, name)?;
    let rest = &arguments.values[1..];
    if rest.len() != count || !arguments.keyword_names.is_empty() {
        let message = format!(
            "{}.{name}() takes exactly {count} argument{} ({} given)",
            kind_name(kind),
            if count == 1 { "" } else { "s" },
            rest.len()
        );
        return Err(host.runtime().type_error(message));
    }
    Ok((this, rest))
}

/// The builtin value of the other operand when the operation accepts it.
fn other_operand(value: Value, kind: u8) -> Option<Value> {
    let value = plain(value);
    let accepted = match kind {
        INT => as_int(value).is_some(),
        FLOAT => value.is_float() || as_int(value).is_some(),
        SET | FROZENSET => is_kind(value, SET) || is_kind(value, FROZENSET),
        _ => is_kind(value, kind),
    };
    accepted.then_some(value)
}

fn comparison(code: u8) -> Comparison {
    match code {
        0 => Comparison::Less,
        1 => Comparison::LessEqual,
        2 => Comparison::Equal,
        3 => Comparison::NotEqual,
        4 => Comparison::Greater,
        _ => Comparison::GreaterEqual,
    }
}

fn compare<const K: u8, const C: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let operator = comparison(C);
    let (this, rest) = arguments_of(host, &arguments, K, operator.dunder(), 1)?;
    let Some(other) = other_operand(rest[0], K) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    crate::protocol::compare(host, this, other, operator)
}

fn operator(code: u8) -> Op {
    match code {
        0 => Op::Add,
        1 => Op::Subtract,
        2 => Op::Multiply,
        3 => Op::TrueDivide,
        4 => Op::FloorDivide,
        5 => Op::Remainder,
        6 => Op::Power,
        7 => Op::LeftShift,
        8 => Op::RightShift,
        9 => Op::And,
        10 => Op::Or,
        11 => Op::Xor,
        _ => Op::InPlaceAdd,
    }
}

/// `__op__` (and with `R`, `__rop__`) of numbers and sequences.
fn binary<const K: u8, const O: u8, const R: bool>(
    host: &mut dyn Host,
    arguments: Arguments,
) -> PyResult<Value> {
    let operator = operator(O);
    let name = if R {
        operator.reflected_dunder()
    } else {
        operator.dunder()
    };
    let count = if O == 6 && matches!(K, INT | FLOAT) {
        arguments.values.len().clamp(2, 3) - 1
    } else {
        1
    };
    let (this, rest) = arguments_of(host, &arguments, K, name, count)?;
    if O == 6 && rest.len() == 2 && !rest[1].is_none() {
        // Three-argument pow: leave it to the builtin.
        let pow = host.runtime().intern("pow");
        let builtins = host.runtime().builtins;
        let function =
            crate::types::dict::get_str_key(host.runtime(), builtins, pow).unwrap_or(Value::NONE);
        let (a, b) = if R { (rest[0], this) } else { (this, rest[0]) };
        return crate::protocol::call(host, function, &[a, b, rest[1]], &[]);
    }
    let sequence = !matches!(K, INT | FLOAT);
    let other = if sequence && operator == Op::Multiply {
        // Repetition: the count is any int.
        let value = plain(rest[0]);
        as_int(value).map(|_| value)
    } else {
        other_operand(rest[0], K)
    };
    let Some(other) = other else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (left, right) = if R && !sequence {
        (other, this)
    } else {
        (this, other)
    };
    crate::protocol::binary_op(host, left, right, operator)
}

/// `list.__iadd__`: extends in place and returns the receiver itself.
fn iadd<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, rest) = arguments_of(host, &arguments, K, "__iadd__", 1)?;
    crate::protocol::binary_op(host, this, rest[0], Op::InPlaceAdd)?;
    Ok(arguments.values[0])
}

fn repr<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, _) = arguments_of(host, &arguments, K, "__repr__", 0)?;
    let receiver = arguments.values[0];
    if matches!(K, SET | FROZENSET) && receiver != this {
        // `Name({…})`: sets show their class's name.
        let text = crate::protocol::repr_string(host, this)?;
        let runtime = host.runtime();
        let name = type_name(runtime, receiver);
        let inner = text
            .strip_prefix("frozenset(")
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or(&text);
        let inner = match inner {
            "set()" | "" => "",
            other => other,
        };
        return Ok(runtime.new_string(format!("{name}({inner})")));
    }
    crate::protocol::repr(host, this)
}

fn str_<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, _) = arguments_of(host, &arguments, K, "__str__", 0)?;
    crate::protocol::to_str(host, this)
}

fn hash<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, _) = arguments_of(host, &arguments, K, "__hash__", 0)?;
    let hash = crate::protocol::hash(host, this)?;
    Ok(host.runtime().new_int(hash))
}

fn len<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, _) = arguments_of(host, &arguments, K, "__len__", 0)?;
    let length = crate::protocol::length(host, this)?;
    Ok(host.runtime().new_int(length as i64))
}

fn iter<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, _) = arguments_of(host, &arguments, K, "__iter__", 0)?;
    crate::protocol::iterate(host, this)
}

fn contains<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, rest) = arguments_of(host, &arguments, K, "__contains__", 1)?;
    let found = crate::protocol::contains(host, this, rest[0])?;
    Ok(Value::bool(found))
}

fn getitem<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, rest) = arguments_of(host, &arguments, K, "__getitem__", 1)?;
    crate::protocol::get_item(host, this, rest[0])
}

fn setitem<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, rest) = arguments_of(host, &arguments, K, "__setitem__", 2)?;
    crate::protocol::set_item(host, this, rest[0], rest[1])?;
    Ok(Value::NONE)
}

fn delitem<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, rest) = arguments_of(host, &arguments, K, "__delitem__", 1)?;
    crate::protocol::delete_item(host, this, rest[0])?;
    Ok(Value::NONE)
}

fn unary<const K: u8, const U: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    use crate::protocol::number::UnaryOperator;
    let name = match U {
        0 => "__neg__",
        1 => "__pos__",
        2 => "__invert__",
        _ => "__abs__",
    };
    let (this, _) = arguments_of(host, &arguments, K, name, 0)?;
    let operator = match U {
        0 => UnaryOperator::Negative,
        1 => UnaryOperator::Positive,
        2 => UnaryOperator::Invert,
        _ => {
            if let Some(float) = this.as_float() {
                return Ok(Value::float(float.abs()));
            }
            let negative =
                crate::protocol::compare_bool(host, this, Value::FALSE, Comparison::Less)?;
            if negative {
                UnaryOperator::Negative
            } else {
                UnaryOperator::Positive
            }
        }
    };
    let result = crate::protocol::unary_op(host, this, operator)?;
    Ok(plain_int(host.runtime(), result))
}

/// An int result as an exact int (not bool).
fn plain_int(runtime: &mut Runtime, value: Value) -> Value {
    match value {
        Value::TRUE => runtime.new_int(1),
        Value::FALSE => runtime.new_int(0),
        _ => value,
    }
}

fn bool_<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, _) = arguments_of(host, &arguments, K, "__bool__", 0)?;
    Ok(Value::bool(crate::protocol::is_true(host, this)?))
}

fn to_int<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, _) = arguments_of(host, &arguments, K, "__int__", 0)?;
    let int = host.runtime().types.int;
    let result = crate::builtins::constructors::construct_builtin(host, int, &[this], &[])?;
    Ok(plain_int(host.runtime(), result))
}

fn to_float<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (this, _) = arguments_of(host, &arguments, K, "__float__", 0)?;
    let float = host.runtime().types.float;
    crate::builtins::constructors::construct_builtin(host, float, &[this], &[])
}

/// `T.__new__(cls, *args)`: the builtin value for the type itself, else a new instance of the
/// subclass carrying it.
fn new<const K: u8>(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let Some(&class) = arguments.values.first() else {
        let message = format!("{}.__new__(): not enough arguments", kind_name(K));
        return Err(runtime.type_error(message));
    };
    let Some(class_object) = crate::protocol::as_type(class) else {
        let message = format!(
            "{}.__new__(X): X is not a type object ({})",
            kind_name(K),
            type_name(runtime, class)
        );
        return Err(runtime.type_error(message));
    };
    let builtin = builtin_type(runtime, K);
    if !crate::protocol::is_subclass(class, builtin) {
        let message = format!(
            "{}.__new__({}): {} is not a subtype of {}",
            kind_name(K),
            crate::protocol::class_name(class),
            crate::protocol::class_name(class),
            kind_name(K)
        );
        return Err(runtime.type_error(message));
    }
    let values = &arguments.values[1..];
    if class_object.user_defined {
        return crate::protocol::call::allocate_instance(
            host,
            class,
            values,
            arguments.keyword_names,
        );
    }
    if matches!(K, LIST | DICT | SET) {
        // The mutable containers start empty; `__init__` fills them.
        return crate::builtins::constructors::construct_builtin(host, class, &[], &[]);
    }
    crate::builtins::constructors::construct_builtin(host, class, values, arguments.keyword_names)
}

fn builtin_type(runtime: &Runtime, kind: u8) -> Value {
    let types = &runtime.types;
    match kind {
        LIST => types.list,
        TUPLE => types.tuple,
        DICT => types.dict,
        SET => types.set,
        FROZENSET => types.frozenset,
        STR => types.str,
        BYTES => types.bytes,
        INT => types.int,
        _ => types.float,
    }
}

type Table = &'static [(&'static str, crate::object::NativeFunctionPointer)];

macro_rules! comparisons {
    ($kind:expr) => {
        [
            (
                "__lt__",
                compare::<$kind, 0> as crate::object::NativeFunctionPointer,
            ),
            ("__le__", compare::<$kind, 1>),
            ("__eq__", compare::<$kind, 2>),
            ("__ne__", compare::<$kind, 3>),
            ("__gt__", compare::<$kind, 4>),
            ("__ge__", compare::<$kind, 5>),
        ]
    };
}

macro_rules! container {
    ($kind:expr) => {
        [
            (
                "__new__",
                new::<$kind> as crate::object::NativeFunctionPointer,
            ),
            ("__repr__", repr::<$kind>),
            ("__len__", len::<$kind>),
            ("__iter__", iter::<$kind>),
            ("__contains__", contains::<$kind>),
        ]
    };
}

macro_rules! numeric {
    ($kind:expr) => {
        [
            (
                "__new__",
                new::<$kind> as crate::object::NativeFunctionPointer,
            ),
            ("__repr__", repr::<$kind>),
            ("__hash__", hash::<$kind>),
            ("__add__", binary::<$kind, 0, false>),
            ("__radd__", binary::<$kind, 0, true>),
            ("__sub__", binary::<$kind, 1, false>),
            ("__rsub__", binary::<$kind, 1, true>),
            ("__mul__", binary::<$kind, 2, false>),
            ("__rmul__", binary::<$kind, 2, true>),
            ("__truediv__", binary::<$kind, 3, false>),
            ("__rtruediv__", binary::<$kind, 3, true>),
            ("__floordiv__", binary::<$kind, 4, false>),
            ("__rfloordiv__", binary::<$kind, 4, true>),
            ("__mod__", binary::<$kind, 5, false>),
            ("__rmod__", binary::<$kind, 5, true>),
            ("__pow__", binary::<$kind, 6, false>),
            ("__rpow__", binary::<$kind, 6, true>),
            ("__neg__", unary::<$kind, 0>),
            ("__pos__", unary::<$kind, 1>),
            ("__abs__", unary::<$kind, 3>),
            ("__bool__", bool_::<$kind>),
            ("__int__", to_int::<$kind>),
            ("__float__", to_float::<$kind>),
        ]
    };
}

/// The tables, per builtin type.
fn tables(runtime: &Runtime) -> Vec<TypeDunders> {
    let types = &runtime.types;
    let mut result = Vec::new();
    let mut add =
        |class: Value,
         name: &'static str,
         parts: &[&[(&'static str, crate::object::NativeFunctionPointer)]]| {
            result.push((class, name, parts.concat()));
        };
    add(
        types.list,
        "list",
        &[
            &container!(LIST),
            &comparisons!(LIST),
            &[
                ("__getitem__", getitem::<LIST>),
                ("__setitem__", setitem::<LIST>),
                ("__delitem__", delitem::<LIST>),
                ("__add__", binary::<LIST, 0, false>),
                ("__mul__", binary::<LIST, 2, false>),
                ("__rmul__", binary::<LIST, 2, true>),
                ("__iadd__", iadd::<LIST>),
            ],
        ],
    );
    add(
        types.tuple,
        "tuple",
        &[
            &container!(TUPLE),
            &comparisons!(TUPLE),
            &[
                ("__hash__", hash::<TUPLE>),
                ("__getitem__", getitem::<TUPLE>),
                ("__add__", binary::<TUPLE, 0, false>),
                ("__mul__", binary::<TUPLE, 2, false>),
                ("__rmul__", binary::<TUPLE, 2, true>),
            ],
        ],
    );
    add(
        types.dict,
        "dict",
        &[
            &container!(DICT),
            &[
                (
                    "__eq__",
                    compare::<DICT, 2> as crate::object::NativeFunctionPointer,
                ),
                ("__ne__", compare::<DICT, 3>),
                ("__getitem__", getitem::<DICT>),
                ("__setitem__", setitem::<DICT>),
                ("__delitem__", delitem::<DICT>),
                ("__or__", binary::<DICT, 10, false>),
            ],
        ],
    );
    for (class, name, kind) in [
        (types.set, "set", SET),
        (types.frozenset, "frozenset", FROZENSET),
    ] {
        let table: Table = if kind == SET {
            &[
                ("__new__", new::<SET>),
                ("__repr__", repr::<SET>),
                ("__len__", len::<SET>),
                ("__iter__", iter::<SET>),
                ("__contains__", contains::<SET>),
                ("__and__", binary::<SET, 9, false>),
                ("__or__", binary::<SET, 10, false>),
                ("__xor__", binary::<SET, 11, false>),
                ("__sub__", binary::<SET, 1, false>),
            ]
        } else {
            &[
                ("__new__", new::<FROZENSET>),
                ("__repr__", repr::<FROZENSET>),
                ("__hash__", hash::<FROZENSET>),
                ("__len__", len::<FROZENSET>),
                ("__iter__", iter::<FROZENSET>),
                ("__contains__", contains::<FROZENSET>),
                ("__and__", binary::<FROZENSET, 9, false>),
                ("__or__", binary::<FROZENSET, 10, false>),
                ("__xor__", binary::<FROZENSET, 11, false>),
                ("__sub__", binary::<FROZENSET, 1, false>),
            ]
        };
        let comparisons: Vec<_> = if kind == SET {
            comparisons!(SET).to_vec()
        } else {
            comparisons!(FROZENSET).to_vec()
        };
        add(class, name, &[table, &comparisons]);
    }
    add(
        types.str,
        "str",
        &[
            &container!(STR),
            &comparisons!(STR),
            &[
                ("__str__", str_::<STR>),
                ("__hash__", hash::<STR>),
                ("__getitem__", getitem::<STR>),
                ("__add__", binary::<STR, 0, false>),
                ("__mul__", binary::<STR, 2, false>),
                ("__rmul__", binary::<STR, 2, true>),
            ],
        ],
    );
    add(
        types.bytes,
        "bytes",
        &[
            &container!(BYTES),
            &comparisons!(BYTES),
            &[
                ("__hash__", hash::<BYTES>),
                ("__getitem__", getitem::<BYTES>),
                ("__add__", binary::<BYTES, 0, false>),
                ("__mul__", binary::<BYTES, 2, false>),
                ("__rmul__", binary::<BYTES, 2, true>),
            ],
        ],
    );
    add(
        types.int,
        "int",
        &[
            &numeric!(INT),
            &comparisons!(INT),
            &[
                ("__index__", to_int::<INT>),
                ("__invert__", unary::<INT, 2>),
                ("__lshift__", binary::<INT, 7, false>),
                ("__rlshift__", binary::<INT, 7, true>),
                ("__rshift__", binary::<INT, 8, false>),
                ("__rrshift__", binary::<INT, 8, true>),
                ("__and__", binary::<INT, 9, false>),
                ("__rand__", binary::<INT, 9, true>),
                ("__or__", binary::<INT, 10, false>),
                ("__ror__", binary::<INT, 10, true>),
                ("__xor__", binary::<INT, 11, false>),
                ("__rxor__", binary::<INT, 11, true>),
            ],
        ],
    );
    add(
        types.float,
        "float",
        &[&numeric!(FLOAT), &comparisons!(FLOAT)],
    );
    result
}

/// Adds the dunders each builtin type's own table does not define, and `__hash__ = None`
/// for the mutable types.
pub fn register(runtime: &mut Runtime) {
    for (class, owner, table) in tables(runtime) {
        let Some(namespace) = crate::protocol::type_dict(class) else {
            continue;
        };
        for (name, function) in table {
            let key = runtime.intern(name);
            if crate::types::dict::get_str_key(runtime, namespace, key).is_some() {
                continue;
            }
            let method = runtime.new_native_function(owner, name, function);
            crate::types::dict::set_str_key(runtime, namespace, key, method);
        }
    }
    let types = runtime.types;
    let key = runtime.names.__hash__;
    for class in [types.list, types.dict, types.set, types.bytearray] {
        if let Some(namespace) = crate::protocol::type_dict(class) {
            crate::types::dict::set_str_key(runtime, namespace, key, Value::NONE);
        }
    }
}

fn iterator_receiver(host: &mut dyn Host, arguments: &Arguments, name: &str) -> PyResult<Value> {
    match arguments.values.first() {
        Some(&this)
            if matches!(
                this.as_object().map(|object| &object.payload),
                Some(Payload::Iterator(_))
            ) =>
        {
            Ok(this)
        }
        other => {
            let runtime = host.runtime();
            let received = other.map_or("nothing".to_owned(), |&value| type_name(runtime, value));
            let message =
                format!("descriptor '{name}' requires an iterator but received a '{received}'");
            Err(runtime.type_error(message))
        }
    }
}

/// `iterator.__iter__()`: the iterator itself.
fn iterator_iter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    iterator_receiver(host, &arguments, "__iter__")
}

/// `iterator.__next__()`: the next item, or StopIteration.
fn iterator_next(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = iterator_receiver(host, &arguments, "__next__")?;
    match crate::protocol::next(host, this)? {
        Some(item) => Ok(item),
        None => Err(host.runtime().stop_iteration(Value::NONE)),
    }
}

/// `iterator.__length_hint__()`: how many items remain.
fn iterator_length_hint(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    use crate::object::IteratorKind;
    let this = iterator_receiver(host, &arguments, "__length_hint__")?;
    let Some(Payload::Iterator(kind)) = this.as_object().map(|object| &object.payload) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let remaining: i64 = match kind {
        IteratorKind::Sequence { sequence, index } => {
            let (sequence, index) = (*sequence, index.get());
            let length = crate::protocol::length(host, sequence)?;
            length.saturating_sub(index) as i64
        }
        IteratorKind::ReversedSequence {
            sequence,
            remaining,
        } => {
            let (sequence, remaining) = (*sequence, remaining.get());
            let length = crate::protocol::length(host, sequence)?;
            remaining.min(length) as i64
        }
        IteratorKind::Range { next, stop, step } => {
            let (next, stop, step) = (next.get() as i128, *stop as i128, *step as i128);
            let count = if step > 0 && next < stop {
                (stop - next + step - 1) / step
            } else if step < 0 && next > stop {
                (next - stop - step - 1) / -step
            } else {
                0
            };
            count as i64
        }
        IteratorKind::Dict { dict, index, .. } => {
            let (dict, index) = (*dict, index.get());
            let length = crate::protocol::length(host, dict)?;
            length.saturating_sub(index) as i64
        }
        IteratorKind::Exhausted => 0,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(host.runtime().new_int(remaining))
}

/// `__iter__`, `__next__` and (for the ones that know it) `__length_hint__` of the builtin
/// iterator types.
pub fn register_iterators(runtime: &mut Runtime) {
    let types = runtime.types;
    let sized = [
        types.list_iterator,
        types.tuple_iterator,
        types.str_iterator,
        types.bytes_iterator,
        types.bytearray_iterator,
        types.memory_iterator,
        types.list_reverseiterator,
        types.range_iterator,
        types.set_iterator,
        types.dict_keyiterator,
        types.dict_valueiterator,
        types.dict_itemiterator,
    ];
    let unsized_ = [
        types.enumerate,
        types.zip,
        types.map,
        types.filter,
        types.iterator,
        types.callable_iterator,
    ];
    let mut entries: Vec<(Value, &'static str, crate::object::NativeFunctionPointer)> = Vec::new();
    for class in sized.into_iter().chain(unsized_) {
        entries.push((class, "__iter__", iterator_iter));
        entries.push((class, "__next__", iterator_next));
    }
    for class in sized {
        entries.push((class, "__length_hint__", iterator_length_hint));
    }
    for (class, name, function) in entries {
        let Some(namespace) = crate::protocol::type_dict(class) else {
            continue;
        };
        let key = runtime.intern(name);
        if crate::types::dict::get_str_key(runtime, namespace, key).is_some() {
            continue;
        }
        let owner = crate::protocol::as_type(class)
            .and_then(|class| crate::protocol::str_value(class.name))
            .unwrap_or("iterator");
        let method = runtime.new_native_function(owner, name, function);
        crate::types::dict::set_str_key(runtime, namespace, key, method);
    }
}

/// `list.__reversed__`, `dict.__reversed__` and the dict views': a reverse iterator over the
/// builtin value.
fn reversed_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&this) = arguments.values.first() else {
        return Err(host
            .runtime()
            .type_error("descriptor '__reversed__' needs an argument"));
    };
    let value = plain(this);
    if !matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::List(_) | Payload::Dict(_) | Payload::DictView(..))
    ) {
        let runtime = host.runtime();
        let message = format!(
            "descriptor '__reversed__' does not apply to a '{}' object",
            type_name(runtime, this)
        );
        return Err(runtime.type_error(message));
    }
    crate::builtins::constructors::reversed(host, value)
}

fn view_receiver(
    host: &mut dyn Host,
    arguments: &Arguments,
    name: &str,
    count: usize,
) -> PyResult<Value> {
    match arguments.values.first() {
        Some(&this)
            if arguments.values.len() == count + 1
                && matches!(
                    this.as_object().map(|object| &object.payload),
                    Some(Payload::DictView(..))
                ) =>
        {
            Ok(this)
        }
        _ => Err(host
            .runtime()
            .type_error(format!("descriptor '{name}' requires a dict view"))),
    }
}

fn view_iter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = view_receiver(host, &arguments, "__iter__", 0)?;
    crate::protocol::iterate(host, this)
}

fn view_len(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = view_receiver(host, &arguments, "__len__", 0)?;
    let length = crate::protocol::length(host, this)?;
    Ok(host.runtime().new_int(length as i64))
}

fn view_contains(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = view_receiver(host, &arguments, "__contains__", 1)?;
    let found = crate::protocol::contains(host, this, arguments.values[1])?;
    Ok(Value::bool(found))
}

/// `function.__call__(self, *args, **kwargs)` (and of the other builtin callables).
fn call_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some((&this, rest)) = arguments.values.split_first() else {
        return Err(host
            .runtime()
            .type_error("descriptor '__call__' needs an argument"));
    };
    crate::protocol::call(host, this, rest, arguments.keyword_names)
}

/// `__reversed__` of list, dict and the dict views; `__hash__ = None` for the keys and items
/// views (set-like, so unhashable).
pub fn register_views(runtime: &mut Runtime) {
    let types = runtime.types;
    let key = runtime.intern("__reversed__");
    for class in [
        types.list,
        types.dict,
        types.dict_keys,
        types.dict_values,
        types.dict_items,
    ] {
        let Some(namespace) = crate::protocol::type_dict(class) else {
            continue;
        };
        if crate::types::dict::get_str_key(runtime, namespace, key).is_none() {
            let owner = crate::protocol::as_type(class)
                .and_then(|class| crate::protocol::str_value(class.name))
                .unwrap_or("dict");
            let method = runtime.new_native_function(owner, "__reversed__", reversed_method);
            crate::types::dict::set_str_key(runtime, namespace, key, method);
        }
    }
    for class in [types.dict_keys, types.dict_values, types.dict_items] {
        let Some(namespace) = crate::protocol::type_dict(class) else {
            continue;
        };
        let entries: [(&'static str, crate::object::NativeFunctionPointer); 3] = [
            ("__iter__", view_iter),
            ("__len__", view_len),
            ("__contains__", view_contains),
        ];
        for (name, function) in entries {
            let key = runtime.intern(name);
            if crate::types::dict::get_str_key(runtime, namespace, key).is_none() {
                let owner = crate::protocol::as_type(class)
                    .and_then(|class| crate::protocol::str_value(class.name))
                    .unwrap_or("dict");
                let method = runtime.new_native_function(owner, name, function);
                crate::types::dict::set_str_key(runtime, namespace, key, method);
            }
        }
    }
    for class in [types.dict_keys, types.dict_items] {
        let owner = if class == types.dict_keys {
            "dict_keys"
        } else {
            "dict_items"
        };
        crate::types::add_methods(
            runtime,
            class,
            owner,
            &[("isdisjoint", crate::types::dict_view::isdisjoint)],
        );
    }
    let call = runtime.names.__call__;
    for class in [types.function, types.builtin_function, types.method] {
        let Some(namespace) = crate::protocol::type_dict(class) else {
            continue;
        };
        if crate::types::dict::get_str_key(runtime, namespace, call).is_none() {
            let owner = crate::protocol::as_type(class)
                .and_then(|class| crate::protocol::str_value(class.name))
                .unwrap_or("function");
            let method = runtime.new_native_function(owner, "__call__", call_method);
            crate::types::dict::set_str_key(runtime, namespace, call, method);
        }
    }
    let hash = runtime.names.__hash__;
    for class in [types.dict_keys, types.dict_items] {
        if let Some(namespace) = crate::protocol::type_dict(class) {
            if crate::types::dict::get_str_key(runtime, namespace, hash).is_none() {
                crate::types::dict::set_str_key(runtime, namespace, hash, Value::NONE);
            }
        }
    }
}
