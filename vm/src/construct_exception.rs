//! `Class(arguments…)` for Python subclasses of the builtin exceptions, without the general
//! construction protocol.
//!
//! Exception-heavy code constructs an instance per `raise`: `raise NotFound(key)`. The general
//! path (`protocol::call::construct_instance`) looks up `__new__` and `__init__` along the MRO,
//! checks for abstract methods and exception groups, allocates, then calls `__init__` through
//! the general call path — about as much work again as the raise and the catch. What it does
//! for a class whose `__new__` is the builtin one is always the same, so it is decided once
//! per class (and namespace epoch, like `ConstructorCache` for plain classes): the instance is
//! allocated with `args` set to the arguments, as `BaseException.__new__` does, and a Python
//! `__init__` runs on them in place (`Vm::construct_plain`); a builtin `__init__` is not called
//! at all, exactly as in the general path.

use krait_runtime::object::{Layout, Payload};
use krait_runtime::Value;

use crate::call::FastConstruction;
use crate::Vm;

impl Vm {
    /// The `__init__` of `class` (a Python function, or a builtin one the general path does
    /// not call) when it is a Python class deriving from a builtin exception that the fast
    /// path may instantiate: metaclass `type`, no Python `__new__`, no builtin base other than
    /// exceptions, not an exception group, not abstract. Remembered per class for the
    /// namespace epoch.
    pub(crate) fn exception_class_init(&mut self, class: Value) -> Option<Value> {
        self.fast_construction_init(class, FastConstruction::Exception)
    }

    /// A new instance of the exception class `class` with `args` the stack's values from
    /// `arguments_start`, as `BaseException.__new__` makes it.
    pub(crate) fn new_exception_instance(&mut self, class: Value, arguments_start: usize) -> Value {
        let args = self
            .runtime
            .new_tuple(self.stack[arguments_start..].to_vec());
        let instance = self.runtime.new_instance(class, Layout::Exception);
        if let Some(data) = krait_runtime::runtime::exception_data(instance) {
            data.get().args = args;
        }
        instance
    }
}

/// Whether `value` is a builtin function (the general path calls only Python `__new__` and
/// `__init__` methods of exception classes).
pub(crate) fn is_native(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::NativeFunction(_))
    )
}
