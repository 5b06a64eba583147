//! The native modules krait provides: `sys`, `math`, `time`, `gc`, `importlib`, and the Rust
//! cores of library modules (`_random`, …) whose Python halves live in `lib/`.
//!
//! A module is created on its first import and registered in `sys.modules`.

pub mod binascii;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod importlib;
pub mod io;
pub mod json;
pub mod math;
pub mod native;
pub mod posix;
pub mod random;
pub mod regex;
pub mod select;
pub mod socket;
pub mod struct_;
pub mod sys;
pub mod thread;
pub mod time;
pub mod weakref;
pub mod zlib;

use crate::object::NativeFunctionPointer;
use crate::value::Value;
use crate::Runtime;

/// The native modules krait provides.
pub const NAMES: &[&str] = &[
    "sys",
    "math",
    "time",
    "gc",
    "importlib",
    "_json",
    "_heapq",
    "_random",
    "posix",
    "_io",
    "_thread",
];

/// Creates the native module `name`, if krait has one.
pub fn create(runtime: &mut Runtime, name: &str) -> Option<Value> {
    let module = match name {
        "sys" => sys::create(runtime),
        "math" => math::create(runtime),
        "time" => time::create(runtime),
        "gc" => gc::create(runtime),
        "importlib" => importlib::create(runtime),
        "_json" => json::create(runtime),
        "_heapq" => heapq::create(runtime),
        "_random" => random::create(runtime),
        "posix" => posix::create(runtime),
        "_io" => io::create(runtime),
        "_regex" => regex::create(runtime),
        "_hashlib" => hashlib::create(runtime),
        "_binascii" => binascii::create(runtime),
        "_zlib" => zlib::create(runtime),
        "_struct" => struct_::create(runtime),
        "_weakref" => weakref::create(runtime),
        "_thread" => thread::create(runtime),
        "_socket" => socket::create(runtime),
        "_select" => select::create(runtime),
        _ => return None,
    };
    runtime.register_module(name, module);
    Some(module)
}

/// Adds functions to a module's namespace.
pub fn add_functions(
    runtime: &mut Runtime,
    module: Value,
    owner: &'static str,
    functions: &[(&'static str, NativeFunctionPointer)],
) {
    for &(name, function) in functions {
        let value = runtime.new_native_function(owner, name, function);
        set(runtime, module, name, value);
    }
}

/// Sets an attribute in a module's namespace.
pub fn set(runtime: &mut Runtime, module: Value, name: &str, value: Value) {
    if let Some(crate::object::Payload::Module { dict, .. }) =
        module.as_object().map(|object| &object.payload)
    {
        let key = runtime.intern(name);
        crate::types::dict::set_str_key(runtime, *dict, key, value);
    }
}

/// The argument at `index`, or None when it was not given (optional parameters).
pub(crate) fn argument(arguments: &crate::Arguments, index: usize) -> crate::Value {
    arguments
        .values
        .get(index)
        .copied()
        .unwrap_or(crate::Value::NONE)
}

/// An int argument as an i64, with CPython's message for anything else.
pub(crate) fn int_argument(
    host: &mut dyn crate::Host,
    value: crate::Value,
) -> crate::PyResult<i64> {
    match crate::types::int::as_int(value).and_then(|int| int.to_i64()) {
        Some(int) => Ok(int),
        None => {
            let runtime = host.runtime();
            let message = format!(
                "'{}' object cannot be interpreted as an integer",
                crate::protocol::type_name(runtime, value)
            );
            Err(runtime.type_error(message))
        }
    }
}
