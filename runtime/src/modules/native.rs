//! Classes whose instances carry Rust state: how native modules define them.
//!
//! A native module that needs an object with private state (a Mersenne Twister, a compiled
//! regular expression, an open file) makes a class with [`new_class`] and its instances with
//! [`new_object`]; its functions get the state back with [`data`]. The state is a Rust value
//! that holds no Python values, so the collector need not look inside it (see
//! [`crate::object::NativeObject`]). The user-facing classes are usually Python code in `lib/`
//! that keeps such an object in an attribute and calls the module's functions.

use crate::object::{Layout, Mutable, NativeObject, Payload};
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Creates a class named `name` in `module_name` whose methods are `methods` (each receives
/// the instance as its first argument) and stores it in the module as `name`.
pub fn new_class(
    runtime: &mut Runtime,
    module: Value,
    module_name: &'static str,
    name: &'static str,
    methods: crate::types::MethodTable,
) -> Value {
    let class = runtime.new_type_object(name, Layout::Builtin);
    let object = runtime.types.object;
    let metaclass = runtime.types.type_;
    let module_value = runtime.intern(module_name);
    if let Some(Payload::Type(type_object)) = class.as_object().map(|object| &object.payload) {
        type_object.bases.get().push(object);
        *type_object.mro.get() = vec![class, object];
        *type_object.metaclass.get() = metaclass;
        *type_object.module.get() = module_value;
    }
    crate::types::add_methods(runtime, class, module_name, methods);
    super::set(runtime, module, name, class);
    class
}

/// A new instance of a native class holding `data`.
pub fn new_object<T: 'static>(runtime: &mut Runtime, class: Value, data: T) -> Value {
    runtime
        .heap
        .allocate(Payload::Native(Box::new(NativeObject {
            class,
            data: Mutable::new(Box::new(data)),
        })))
}

/// The state of `value` when it is a native object holding a `T`.
///
/// The reference follows the rule of [`Mutable`]: use it without calling into Python code.
pub fn data<T: 'static>(value: Value) -> Option<&'static mut T> {
    match &value.as_object()?.payload {
        Payload::Native(native) => native.data.get().downcast_mut::<T>(),
        _ => None,
    }
}

/// The state of a method's receiver (`arguments.values[0]`), or a TypeError naming the class
/// the method belongs to.
pub fn receiver<T: 'static>(
    host: &mut dyn Host,
    arguments: &Arguments,
    class_name: &str,
) -> PyResult<&'static mut T> {
    if let Some(state) = arguments.values.first().and_then(|&value| data::<T>(value)) {
        return Ok(state);
    }
    let message = format!("descriptor requires a '{class_name}' object");
    Err(host.runtime().type_error(message))
}
