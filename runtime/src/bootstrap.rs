//! Start-up: creates every builtin class from the table in `types_table.rs`, fills their
//! namespaces with their methods, and fills the `builtins` namespace.

use crate::object::{Layout, Payload};
use crate::types_table::BuiltinTypes;
use crate::value::Value;
use crate::Runtime;

/// Creates the builtin classes and the builtins namespace.
pub fn create_builtin_types(runtime: &mut Runtime) {
    // `type` must exist before any class records its metaclass; make it first, with a NULL
    // metaclass that is patched below.
    for &(field, name, base_field) in BuiltinTypes::TABLE {
        let is_exception = field == "base_exception"
            || BuiltinTypes::TABLE
                .iter()
                .find(|(candidate, _, _)| *candidate == base_field)
                .is_some_and(|_| is_exception_field(base_field));
        let layout = if is_exception {
            Layout::Exception
        } else if field == "object" {
            Layout::Object
        } else {
            Layout::Builtin
        };
        let class = runtime.new_type_object(name, layout);
        if let Some(slot) = runtime.types.field_mut(field) {
            *slot = class;
        }
        let base = if field == "object" {
            None
        } else {
            let mut types = runtime.types;
            types.field_mut(base_field).map(|slot| *slot)
        };
        if let Some(Payload::Type(type_object)) = class.as_object().map(|object| &object.payload) {
            let mut mro = vec![class];
            if let Some(base) = base {
                type_object.bases.get().push(base);
                if let Some(Payload::Type(base_type)) =
                    base.as_object().map(|object| &object.payload)
                {
                    mro.extend(base_type.mro.get().iter().copied());
                }
            }
            *type_object.mro.get() = mro;
        }
        if is_exception || PUBLIC_CLASSES.contains(&name) {
            let builtins = runtime.builtins;
            let key = runtime.intern(name);
            crate::types::dict::set_str_key(runtime, builtins, key, class);
        }
    }
    // Now that `type` exists, make it every builtin class's metaclass.
    let metaclass = runtime.types.type_;
    let mut all = Vec::new();
    runtime.types.trace(&mut |class| all.push(class));
    for class in all {
        if let Some(Payload::Type(type_object)) = class.as_object().map(|object| &object.payload) {
            *type_object.metaclass.get() = metaclass;
        }
    }
    crate::types::register_methods(runtime);
    crate::builtins::register(runtime);
    let none = Value::NONE;
    let builtins = runtime.builtins;
    // CPython's aliases of OSError, kept for old code.
    let os_error = runtime.types.os_error;
    let builtins_name = runtime.new_str("builtins");
    for (name, value) in [
        ("IOError", os_error),
        ("EnvironmentError", os_error),
        ("__debug__", Value::TRUE),
        ("__name__", builtins_name),
        ("__package__", runtime.new_str("")),
        ("__doc__", runtime.new_str(BUILTINS_DOC)),
        ("__loader__", Value::NONE),
        ("__spec__", Value::NONE),
        ("None", none),
        ("True", Value::TRUE),
        ("False", Value::FALSE),
        ("Ellipsis", Value::ELLIPSIS),
        ("NotImplemented", Value::NOT_IMPLEMENTED),
    ] {
        let key = runtime.intern(name);
        crate::types::dict::set_str_key(runtime, builtins, key, value);
    }
    // `bool`, `NoneType`, … cannot be subclassed or instantiated generically; their layout
    // stays Builtin.
}

/// The builtin classes that are names in the `builtins` namespace (besides the exception
/// classes); the others (`function`, `NoneType`, iterator types, …) are reached only through
/// `type(…)` or the `types` module, as in CPython.
const PUBLIC_CLASSES: &[&str] = &[
    "object",
    "type",
    "int",
    "bool",
    "float",
    "complex",
    "str",
    "bytes",
    "bytearray",
    "memoryview",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "range",
    "slice",
    "staticmethod",
    "classmethod",
    "property",
    "super",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
];

/// `builtins.__doc__`, CPython's text.
const BUILTINS_DOC: &str = "Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in modules that provide\nobjects with the same name as a built-in value, but in\nwhich the built-in of that name is also needed.";

fn is_exception_field(field: &str) -> bool {
    let mut current = field;
    loop {
        if current == "base_exception" {
            return true;
        }
        match BuiltinTypes::TABLE
            .iter()
            .find(|(candidate, _, _)| *candidate == current)
        {
            Some((_, _, base)) if *base != current => current = base,
            _ => return false,
        }
    }
}
