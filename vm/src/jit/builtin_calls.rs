//! Builtin function calls compiled code makes itself (see `jit/src/translate/builtin_calls.rs`):
//! the builtins' values, which the call sites compare the callable with, and fast paths that
//! answer for the arguments where the builtin cannot run Python code or raise. Anything
//! else misses, and compiled code makes the call through the `call` helper as before, so the
//! builtin's semantics (its errors, `__len__` of other objects) stay written once.

use std::ffi::c_void;

use krait_runtime::object::Payload;
use krait_runtime::Value;

/// A fast path's answer when it does not apply.
const MISS: u64 = krait_runtime::profile::EXIT_MARKER;

/// The builtins, as the `builtins` namespace holds them now, and the fast paths' addresses.
pub(super) fn table(
    runtime: &mut krait_runtime::Runtime,
) -> krait_jit::builtin_functions::BuiltinFunctions {
    let mut builtin = |text: &str| {
        let name = runtime.intern(text);
        let builtins = runtime.builtins;
        krait_runtime::types::dict::get_str_key(runtime, builtins, name).unwrap_or(Value::NULL)
    };
    krait_jit::builtin_functions::BuiltinFunctions {
        len: builtin("len"),
        length: length as *const () as usize,
        isinstance: builtin("isinstance"),
        instance_check: instance_check as *const () as usize,
    }
}

/// `len(value)` where `value` is an exact builtin container whose length is a field (objects
/// of subclasses are instances, not these payloads): the boxed int, else `MISS`.
extern "C" fn length(
    _vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    value: u64,
    _b: u64,
) -> u64 {
    let Some(object) = Value::from_bits(value).as_object() else {
        return MISS;
    };
    let count = match &object.payload {
        Payload::Str(text) => text.char_count(),
        Payload::List(items) => items.get().len(),
        Payload::Tuple(items) => items.len(),
        Payload::Dict(table) | Payload::Set(table) | Payload::FrozenSet(table) => table.get().len(),
        Payload::Bytes(bytes) => bytes.len(),
        Payload::ByteArray(bytes) => bytes.get().len(),
        _ => return MISS,
    };
    i64::try_from(count)
        .ok()
        .and_then(Value::small_int)
        .map_or(MISS, Value::bits)
}

/// `isinstance(subject, class)` where the builtin consults no hook (the order of
/// `builtins::functions::class_check`): `subject`'s exact class is `class`, or `class` is a
/// class whose metaclass is exactly `type` (no `__instancecheck__` to call) — the bool; `MISS`
/// for anything else (a tuple or union of classes, another metaclass, not a class at all).
extern "C" fn instance_check(
    vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    subject: u64,
    class: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given; the runtime is
    // only read.
    let runtime = unsafe { &(*(vm as *const crate::Vm)).runtime };
    let (subject, class) = (Value::from_bits(subject), Value::from_bits(class));
    if krait_runtime::protocol::type_of(runtime, subject) == class {
        return Value::TRUE.bits();
    }
    if krait_runtime::protocol::type_of(runtime, class) != runtime.types.type_ {
        return MISS;
    }
    Value::bool(krait_runtime::protocol::is_instance(
        runtime, subject, class,
    ))
    .bits()
}
