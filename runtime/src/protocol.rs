//! The abstract object protocol: what `a + b`, `a.x`, `f(x)`, `a[i]`, `for x in a`, `hash(a)`
//! and `repr(a)` mean for any pair of values.
//!
//! Each operation first tries fast paths for builtin types (matching on the payload), then the
//! dunder methods of user classes through the [`Host`](crate::Host). The interpreter calls
//! these functions; its own inline fast paths (int + int…) must agree with them.

pub mod attribute;
pub mod call;
pub mod compare;
pub mod hash;
pub mod iterate;
pub mod number;
pub mod represent;
pub mod subscript;
pub mod truth;

pub use attribute::{delete_attribute, get_attribute, load_method, set_attribute};
pub use call::{call, call_method, call_special, construct};
pub use compare::{compare, compare_bool, equal};
pub use hash::hash;
pub use iterate::{collect, iterate, next};
pub use number::{binary_op, unary_op};
pub use represent::{repr, repr_string, str_string, to_str};
pub use subscript::{contains, delete_item, get_item, set_item};
pub use truth::{is_true, length};

use crate::object::{Layout, Payload, TypeObject};
use crate::value::Value;
use crate::Runtime;

/// The class of any value.
#[inline]
pub fn type_of(runtime: &Runtime, value: Value) -> Value {
    let types = &runtime.types;
    if value.is_float() {
        return types.float;
    }
    if value.is_small_int() {
        return types.int;
    }
    let Some(object) = value.as_object() else {
        return match value {
            Value::TRUE | Value::FALSE => types.bool,
            Value::NOT_IMPLEMENTED => types.not_implemented_type,
            Value::ELLIPSIS => types.ellipsis,
            _ => types.none_type,
        };
    };
    match &object.payload {
        Payload::Instance(instance) => *instance.class.get(),
        Payload::Str(_) => types.str,
        Payload::BigInt(_) => types.int,
        Payload::Complex(..) => types.complex,
        Payload::Bytes(_) => types.bytes,
        Payload::ByteArray(_) => types.bytearray,
        Payload::MemoryView(_) => types.memoryview,
        Payload::List(_) => types.list,
        Payload::Tuple(_) => types.tuple,
        Payload::Dict(_) => types.dict,
        Payload::Set(_) => types.set,
        Payload::FrozenSet(_) => types.frozenset,
        Payload::DictView(_, kind) => match kind {
            crate::object::DictViewKind::Keys => types.dict_keys,
            crate::object::DictViewKind::Values => types.dict_values,
            crate::object::DictViewKind::Items => types.dict_items,
        },
        Payload::Range { .. } => types.range,
        Payload::Slice { .. } => types.slice,
        Payload::Function(_) => types.function,
        Payload::Code(_) => types.code,
        Payload::NativeFunction(_) => types.builtin_function,
        Payload::BoundMethod { .. } => types.method,
        Payload::StaticMethod(_) => types.staticmethod,
        Payload::ClassMethod(_) => types.classmethod,
        Payload::Property { .. } => types.property,
        Payload::Super { .. } => types.super_,
        Payload::Type(class) => *class.metaclass.get(),
        Payload::Module { .. } => types.module,
        Payload::Cell(_) => types.cell,
        Payload::Iterator(iterator) => iterate::iterator_type(runtime, iterator),
        Payload::Generator(generator) => match generator.kind {
            crate::object::GeneratorKind::Generator => types.generator,
            crate::object::GeneratorKind::Coroutine => types.coroutine,
            crate::object::GeneratorKind::AsyncGenerator => types.async_generator,
        },
        Payload::Awaitable(awaitable) => awaitable.class(types),
        Payload::TextStream(_) => types.text_io,
        Payload::GenericAlias { .. } => types.generic_alias,
        Payload::Union(_) => types.union_type,
        Payload::Traceback { frame: false, .. } => types.traceback,
        Payload::Traceback { frame: true, .. } => types.frame,
        Payload::Native(native) => native.class,
    }
}

/// The class object behind a value known to be a class.
#[inline]
pub fn as_type(value: Value) -> Option<&'static TypeObject> {
    match &value.as_object()?.payload {
        Payload::Type(class) => Some(class),
        _ => None,
    }
}

/// A class's namespace dict.
pub fn type_dict(class: Value) -> Option<Value> {
    as_type(class).map(|class| class.dict)
}

/// A class's `__name__` as a Rust string.
pub fn class_name(class: Value) -> String {
    as_type(class)
        .and_then(|class| str_value(class.name))
        .unwrap_or("?")
        .to_owned()
}

/// The name of a value's class, for error messages (`'int'`).
pub fn type_name(runtime: &Runtime, value: Value) -> String {
    class_name(type_of(runtime, value))
}

/// The text of a str value (or of an instance of a str subclass).
#[inline]
pub fn str_value(value: Value) -> Option<&'static str> {
    match &value.as_object()?.payload {
        Payload::Str(text) => Some(text.text()),
        Payload::Instance(instance) => {
            let base = instance.base();
            if base.is_null() {
                None
            } else {
                str_value(base)
            }
        }
        _ => None,
    }
}

/// The builtin value behind an instance of a user subclass of a builtin type.
#[inline]
pub fn base_value(value: Value) -> Option<Value> {
    match &value.as_object()?.payload {
        Payload::Instance(instance) => {
            let base = instance.base();
            (!base.is_null()).then_some(base)
        }
        _ => None,
    }
}

/// `value` itself, or the builtin value behind it when it is an instance of a subclass of a
/// builtin type whose class does not override any of `dunders` in Python code: the builtin
/// operation then applies to the builtin value directly.
#[inline]
pub fn delegate(runtime: &mut Runtime, value: Value, dunders: &[Value]) -> Value {
    // Anything but an instance of a Python class is its own value: decided inline.
    if !matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Instance(_))
    ) {
        return value;
    }
    delegate_instance(runtime, value, dunders)
}

/// `delegate` for an instance of a Python class.
#[inline(never)]
fn delegate_instance(runtime: &mut Runtime, value: Value, dunders: &[Value]) -> Value {
    let Some(base) = base_value(value) else {
        return value;
    };
    let class = type_of(runtime, value);
    for &dunder in dunders {
        if let Some(found) = lookup_in_type(runtime, class, dunder) {
            if !matches!(
                found.as_object().map(|object| &object.payload),
                Some(Payload::NativeFunction(_))
            ) {
                return value;
            }
        }
    }
    base
}

/// Looks `name` (an interned str) up along a class's MRO, without descriptor binding, through
/// the runtime's attribute cache (see `attribute_cache.rs`).
#[inline]
pub fn lookup_in_type(runtime: &mut Runtime, class: Value, name: Value) -> Option<Value> {
    if let Some(cached) = runtime.attribute_cache.get(class, name) {
        return cached;
    }
    let found = lookup_in_type_uncached(runtime, class, name);
    runtime.attribute_cache.put(class, name, found);
    found
}

fn lookup_in_type_uncached(runtime: &mut Runtime, class: Value, name: Value) -> Option<Value> {
    let class_object = as_type(class)?;
    for &base in class_object.mro.get().iter() {
        if let Some(dict) = type_dict(base) {
            if let Some(found) = crate::types::dict::get_str_key(runtime, dict, name) {
                return Some(found);
            }
        }
    }
    None
}

/// Whether `class` is `base` or derives from it.
pub fn is_subclass(class: Value, base: Value) -> bool {
    if class == base {
        return true;
    }
    as_type(class).is_some_and(|class| class.mro.get().contains(&base))
}

/// `isinstance(value, class)` for a single class.
pub fn is_instance(runtime: &Runtime, value: Value, class: Value) -> bool {
    is_subclass(type_of(runtime, value), class)
}

/// The layout a class's instances need (the first non-builtin-only base decides).
pub fn instance_layout(class: Value) -> Layout {
    let Some(class_object) = as_type(class) else {
        return Layout::Object;
    };
    for &base in class_object.mro.get().iter() {
        if let Some(base_object) = as_type(base) {
            if base_object.layout == Layout::Exception {
                return Layout::Exception;
            }
        }
    }
    Layout::Object
}

/// Whether a class was created by Python code (a `class` statement or `type(...)`).
pub fn is_user_class(class: Value) -> bool {
    as_type(class).is_some_and(|class| class.user_defined)
}
