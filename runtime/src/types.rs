//! The builtin types: one module per type, each with its methods table.
//!
//! A type module offers the operations the protocol layer dispatches to (indexing, hashing,
//! comparison, …) and a `METHODS` table of `(name, function)` that [`register_methods`] puts
//! into the type's namespace at start-up.

pub mod bytes;
pub mod complex;
pub mod coroutine;
pub mod dict;
pub mod dict_view;
pub mod dunders;
pub mod exception;
pub mod exception_group;
pub mod float;
pub mod format;
pub mod function;
pub mod generator;
pub mod generic_alias;
pub mod int;
pub mod list;
pub mod memoryview;
pub mod object;
pub mod property;
pub mod range;
pub mod sequence;
pub mod set;
pub mod str;
pub mod stream;
pub mod traceback;
pub mod tuple;
pub mod type_;
pub mod unicode_error;

use crate::object::{HeapObject, NativeFunctionPointer};
use crate::value::Value;
use crate::Runtime;

/// A type's methods: `(name, implementation)`.
pub type MethodTable = &'static [(&'static str, NativeFunctionPointer)];

/// Puts every builtin type's methods into its namespace.
pub fn register_methods(runtime: &mut Runtime) {
    let types = runtime.types;
    let tables: [(Value, &'static str, MethodTable); 28] = [
        (types.slice, "slice", sequence::SLICE_METHODS),
        (
            types.generic_alias,
            "GenericAlias",
            generic_alias::ALIAS_METHODS,
        ),
        (types.object, "object", object::METHODS),
        (types.type_, "type", type_::METHODS),
        (types.int, "int", int::METHODS),
        (types.float, "float", float::METHODS),
        (types.str, "str", str::METHODS),
        (types.list, "list", list::METHODS),
        (types.tuple, "tuple", tuple::METHODS),
        (types.dict, "dict", dict::METHODS),
        (types.set, "set", set::METHODS),
        (types.frozenset, "frozenset", set::FROZENSET_METHODS),
        (types.range, "range", range::METHODS),
        (types.base_exception, "BaseException", exception::METHODS),
        (types.generator, "generator", generator::METHODS),
        (types.property, "property", property::METHODS),
        (types.text_io, "TextIOWrapper", stream::METHODS),
        (types.bytes, "bytes", bytes::METHODS),
        (types.bytearray, "bytearray", bytes::BYTEARRAY_METHODS),
        (types.memoryview, "memoryview", memoryview::METHODS),
        (types.complex, "complex", complex::METHODS),
        (types.coroutine, "coroutine", coroutine::COROUTINE_METHODS),
        (
            types.async_generator,
            "async_generator",
            coroutine::ASYNC_GENERATOR_METHODS,
        ),
        (
            types.coroutine_wrapper,
            "coroutine_wrapper",
            coroutine::AWAITABLE_METHODS,
        ),
        (
            types.async_generator_asend,
            "async_generator_asend",
            coroutine::AWAITABLE_METHODS,
        ),
        (
            types.async_generator_athrow,
            "async_generator_athrow",
            coroutine::AWAITABLE_METHODS,
        ),
        (
            types.anext_awaitable,
            "anext_awaitable",
            coroutine::AWAITABLE_METHODS,
        ),
        (
            types.base_exception_group,
            "BaseExceptionGroup",
            exception_group::METHODS,
        ),
    ];
    for (class, owner, table) in tables {
        add_methods(runtime, class, owner, table);
    }
    exception_group::finish_types(runtime);
    generic_alias::finish_types(runtime);
    dunders::register(runtime);
    dunders::register_iterators(runtime);
    dunders::register_views(runtime);
    const CLASS_GETITEM: MethodTable = &[("__class_getitem__", generic_alias::class_getitem)];
    let wrapped: [(Value, &'static str, MethodTable, bool); 17] = [
        (types.list, "list", CLASS_GETITEM, true),
        (types.dict, "dict", CLASS_GETITEM, true),
        (types.tuple, "tuple", CLASS_GETITEM, true),
        (types.set, "set", CLASS_GETITEM, true),
        (types.frozenset, "frozenset", CLASS_GETITEM, true),
        (types.enumerate, "enumerate", CLASS_GETITEM, true),
        (
            types.base_exception_group,
            "BaseExceptionGroup",
            CLASS_GETITEM,
            true,
        ),
        (types.object, "object", object::CLASS_METHODS, true),
        (types.dict, "dict", dict::CLASS_METHODS, true),
        (types.bytes, "bytes", bytes::CLASS_METHODS, true),
        (types.bytearray, "bytearray", bytes::CLASS_METHODS, true),
        (types.bytes, "bytes", bytes::STATIC_METHODS, false),
        (types.bytearray, "bytearray", bytes::STATIC_METHODS, false),
        (types.int, "int", int::CLASS_METHODS, true),
        (types.float, "float", float::CLASS_METHODS, true),
        (types.str, "str", str::STATIC_METHODS, false),
        (types.type_, "type", type_::STATIC_METHODS, false),
    ];
    for (class, owner, table, is_class_method) in wrapped {
        let Some(namespace) = crate::protocol::type_dict(class) else {
            continue;
        };
        for &(name, function) in table {
            let key = runtime.intern(name);
            let native = runtime.new_native_function(owner, name, function);
            let payload = if is_class_method {
                crate::object::Payload::ClassMethod(native)
            } else {
                crate::object::Payload::StaticMethod(native)
            };
            let method = runtime.heap.allocate(payload);
            dict::set_str_key(runtime, namespace, key, method);
        }
    }
}

/// Adds native methods to a class's namespace.
pub fn add_methods(runtime: &mut Runtime, class: Value, owner: &'static str, table: MethodTable) {
    let Some(namespace) = crate::protocol::type_dict(class) else {
        return;
    };
    for &(name, function) in table {
        let key = runtime.intern(name);
        let method = runtime.new_native_function(owner, name, function);
        dict::set_str_key(runtime, namespace, key, method);
    }
}

/// Binary operators on builtin containers and strings: concatenation, repetition, `%`
/// formatting, set algebra and dict union; `None` when they do not apply.
pub fn builtin_binary(
    host: &mut dyn crate::Host,
    left: Value,
    right: Value,
    operator: krait_compiler::BinaryOperator,
) -> crate::PyResult<Option<Value>> {
    use crate::object::Payload;
    use krait_compiler::BinaryOperator as Op;
    let Some(left_object) = left.as_object() else {
        // int * sequence
        if operator.plain() == Op::Multiply
            && int::as_int(left).is_some()
            && matches!(
                right.as_object().map(|object| &object.payload),
                Some(
                    Payload::Str(_)
                        | Payload::List(_)
                        | Payload::Tuple(_)
                        | Payload::Bytes(_)
                        | Payload::ByteArray(_)
                )
            )
        {
            return builtin_binary(host, right, left, operator);
        }
        // `None | int`
        if operator.plain() == Op::Or && left.is_none() {
            return generic_alias::union(host, left, right);
        }
        return Ok(None);
    };
    let plain = operator.plain();
    // `n * sequence` where `n` has `__index__`.
    if plain == Op::Multiply
        && matches!(left_object.payload, Payload::Instance(_))
        && int::as_int(left).is_none()
        && matches!(
            right.as_object().map(|object| &object.payload),
            Some(
                Payload::Str(_)
                    | Payload::List(_)
                    | Payload::Tuple(_)
                    | Payload::Bytes(_)
                    | Payload::ByteArray(_)
            )
        )
    {
        let count = crate::protocol::number::through_index(host, left)?;
        if int::as_int(count).is_some() {
            return builtin_binary(host, right, count, operator);
        }
    }
    if let Some(result) = dict_view::binary(host, left, right, operator)? {
        return Ok(Some(result));
    }
    if plain == Op::Or {
        if let Some(union) = generic_alias::union(host, left, right)? {
            return Ok(Some(union));
        }
    }
    match (&left_object.payload, plain) {
        (Payload::Str(a), Op::Add) => match crate::protocol::base_value(right)
            .unwrap_or(right)
            .as_object()
            .and_then(HeapObject::as_str)
        {
            Some(b) => {
                let right_is_exact = right.as_object().and_then(HeapObject::as_str).is_some();
                Ok(Some(str::concatenate(
                    host.runtime(),
                    (left, a),
                    (right, b),
                    right_is_exact,
                )))
            }
            None if !matches!(
                right.as_object().map(|object| &object.payload),
                Some(Payload::Instance(_))
            ) =>
            {
                let runtime = host.runtime();
                let message = format!(
                    "can only concatenate str (not \"{}\") to str",
                    crate::protocol::type_name(runtime, right)
                );
                Err(runtime.type_error(message))
            }
            None => Ok(None),
        },
        (Payload::Str(a), Op::Multiply) => match repeat_count(host, right)? {
            Some(count) => {
                // A length past isize::MAX is CPython's OverflowError (its sizes are signed).
                let Some(total) = a
                    .byte_len()
                    .checked_mul(count)
                    .filter(|&total| total <= isize::MAX as usize)
                else {
                    return Err(host.runtime().overflow_error("repeated string is too long"));
                };
                // Check that the memory exists first (`repeat` would abort the process).
                let mut probe = String::new();
                if probe.try_reserve_exact(total).is_err() {
                    return Err(host.runtime().memory_error());
                }
                drop(probe);
                let repeated = a.text().repeat(count);
                Ok(Some(host.runtime().new_string(repeated)))
            }
            None => sequence_multiply_error(host, right),
        },
        (Payload::Str(_), Op::Remainder) => format::percent(host, left, right).map(Some),
        (Payload::List(a), Op::Add) => {
            if operator.is_in_place() {
                let items = crate::protocol::collect(host, right)?;
                let list_items = a.get();
                let before = list_items.capacity();
                list_items.extend(items);
                let grown = list_items.capacity().saturating_sub(before);
                host.runtime()
                    .heap
                    .account(grown * std::mem::size_of::<Value>());
                return Ok(Some(left));
            }
            match right.as_object().map(|object| &object.payload) {
                Some(Payload::List(b)) => {
                    let mut joined = a.get().clone();
                    joined.extend_from_slice(b.get());
                    Ok(Some(host.runtime().new_list(joined)))
                }
                Some(Payload::Instance(_)) => Ok(None),
                _ => {
                    let runtime = host.runtime();
                    let message = format!(
                        "can only concatenate list (not \"{}\") to list",
                        crate::protocol::type_name(runtime, right)
                    );
                    Err(runtime.type_error(message))
                }
            }
        }
        (Payload::List(a), Op::Multiply) => match repeat_count(host, right)? {
            Some(count) => {
                let Some(repeated) = repeat_values(a.get(), count) else {
                    return Err(host.runtime().memory_error());
                };
                if operator.is_in_place() {
                    *a.get() = repeated;
                    return Ok(Some(left));
                }
                Ok(Some(host.runtime().new_list(repeated)))
            }
            None => sequence_multiply_error(host, right),
        },
        (Payload::Tuple(a), Op::Add) => match right.as_object().map(|object| &object.payload) {
            Some(Payload::Tuple(b)) => {
                let mut joined = a.to_vec();
                joined.extend_from_slice(b);
                Ok(Some(host.runtime().new_tuple(joined)))
            }
            Some(Payload::Instance(_)) => Ok(None),
            _ => {
                let runtime = host.runtime();
                let message = format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    crate::protocol::type_name(runtime, right)
                );
                Err(runtime.type_error(message))
            }
        },
        (Payload::Tuple(a), Op::Multiply) => match repeat_count(host, right)? {
            Some(count) => {
                let Some(repeated) = repeat_values(a, count) else {
                    return Err(host.runtime().memory_error());
                };
                Ok(Some(host.runtime().new_tuple(repeated)))
            }
            None => sequence_multiply_error(host, right),
        },
        (Payload::Bytes(_) | Payload::ByteArray(_), _) => {
            bytes::binary(host, left, right, operator)
        }
        (Payload::Set(_) | Payload::FrozenSet(_), Op::Or | Op::And | Op::Subtract | Op::Xor) => {
            set::binary(host, left, right, operator)
        }
        (Payload::Dict(_), Op::Or) => {
            if !matches!(
                right.as_object().map(|object| &object.payload),
                Some(Payload::Dict(_))
            ) {
                return Ok(None);
            }
            let target = if operator.is_in_place() {
                left
            } else {
                let copy = dict::table(left)
                    .map(|table| table.get().clone())
                    .unwrap_or_default();
                host.runtime()
                    .heap
                    .allocate(Payload::Dict(Box::new(crate::object::Mutable::new(copy))))
            };
            for (key, value) in dict::pairs(right) {
                dict::set_value(host, target, key, value)?;
            }
            Ok(Some(target))
        }
        _ => Ok(None),
    }
}

/// The count of a sequence repetition (`seq * count`): negative counts are 0; `None` when
/// `count` is not an int.
pub(crate) fn repeat_count(
    host: &mut dyn crate::Host,
    count: Value,
) -> crate::PyResult<Option<usize>> {
    let count = crate::protocol::number::through_index(host, count)?;
    match int::as_int(count) {
        Some(int) => match int.to_i64() {
            Some(count) => Ok(Some(count.max(0) as usize)),
            None => {
                if int.is_negative() {
                    Ok(Some(0))
                } else {
                    Err(host
                        .runtime()
                        .overflow_error("cannot fit 'int' into an index-sized integer"))
                }
            }
        },
        None => Ok(None),
    }
}

/// The error for `seq * count` when `count` is not an int (`None` lets user dunders try).
pub(crate) fn sequence_multiply_error(
    host: &mut dyn crate::Host,
    count: Value,
) -> crate::PyResult<Option<Value>> {
    if matches!(
        count.as_object().map(|object| &object.payload),
        Some(crate::object::Payload::Instance(_))
    ) {
        return Ok(None);
    }
    if count.is_float() || count.is_object() {
        let runtime = host.runtime();
        let message = format!(
            "can't multiply sequence by non-int of type '{}'",
            crate::protocol::type_name(runtime, count)
        );
        return Err(runtime.type_error(message));
    }
    Ok(None)
}

/// `items * count` by doubling copies; `None` when the memory cannot be had.
fn repeat_values(items: &[Value], count: usize) -> Option<Vec<Value>> {
    let total = items.len().checked_mul(count)?;
    let mut repeated = Vec::new();
    repeated.try_reserve_exact(total).ok()?;
    if total == 0 {
        return Some(repeated);
    }
    repeated.extend_from_slice(items);
    while repeated.len() < total {
        let more = repeated.len().min(total - repeated.len());
        repeated.extend_from_within(..more);
    }
    Some(repeated)
}
