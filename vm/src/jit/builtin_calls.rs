//! Builtin function calls compiled code makes itself (see `jit/src/translate/builtin_calls.rs`):
//! the builtin's value, which the call site compares the callable with, and fast paths that
//! answer for the argument types where the builtin cannot run Python code or raise. Anything
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
    let name = runtime.intern("len");
    let builtins = runtime.builtins;
    let len =
        krait_runtime::types::dict::get_str_key(runtime, builtins, name).unwrap_or(Value::NULL);
    krait_jit::builtin_functions::BuiltinFunctions {
        len,
        length: length as *const () as usize,
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
