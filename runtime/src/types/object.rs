//! `object`: the root class's methods, which user classes inherit (`__init__`, `__repr__`,
//! `__eq__`, …) and reach through `super()`.

use crate::protocol::{repr_string, type_name};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The object methods.
pub const METHODS: crate::types::MethodTable = &[
    ("__init__", init),
    ("__new__", new),
    ("__repr__", repr),
    ("__str__", str),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__hash__", hash),
    ("__setattr__", setattr),
    ("__getattribute__", getattribute),
    ("__delattr__", delattr),
    ("__format__", crate::types::format::dunder_format),
    ("__dir__", dir),
    ("__lt__", not_implemented),
    ("__le__", not_implemented),
    ("__gt__", not_implemented),
    ("__ge__", not_implemented),
];

/// The object class methods.
pub const CLASS_METHODS: crate::types::MethodTable = &[
    ("__init_subclass__", init_subclass),
    ("__subclasshook__", not_implemented),
];

/// `object.__lt__` and the other orderings, and `object.__subclasshook__`: no answer.
fn not_implemented(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::NOT_IMPLEMENTED)
}

/// `object.__dir__(self)`: the default `dir()` listing, unsorted.
fn dir(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "__dir__", 1, 1)?;
    let names = crate::builtins::introspection::default_names(host, arguments.values[0])?;
    let runtime = host.runtime();
    let items: Vec<Value> = names.iter().map(|name| runtime.new_str(name)).collect();
    Ok(runtime.new_list(items))
}

fn init(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn new(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&class) = arguments.values.first() else {
        return Err(host
            .runtime()
            .type_error("object.__new__(): not enough arguments"));
    };
    if crate::protocol::as_type(class).is_none() {
        let runtime = host.runtime();
        let message = format!(
            "object.__new__(X): X is not a type object ({})",
            type_name(runtime, class)
        );
        return Err(runtime.type_error(message));
    }
    let count = arguments.keyword_names.len();
    let (values, keyword_names) = (&arguments.values[1..], arguments.keyword_names);
    let _ = count;
    crate::protocol::call::allocate_instance(host, class, values, keyword_names)
}

fn repr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&object) = arguments.values.first() else {
        return Ok(Value::NONE);
    };
    // The default repr, not a user override: go straight to the builtin formatting.
    let text = if matches!(
        object.as_object().map(|o| &o.payload),
        Some(crate::object::Payload::Instance(_))
    ) {
        let runtime = host.runtime();
        let class = crate::protocol::type_of(runtime, object);
        let class_object = crate::protocol::as_type(class);
        let module = class_object
            .and_then(|class| crate::protocol::str_value(*class.module.get()))
            .unwrap_or("__main__");
        let qualname = class_object
            .and_then(|class| crate::protocol::str_value(*class.qualname.get()))
            .unwrap_or("?");
        let address = object.bits() & ((1 << 48) - 1);
        if crate::runtime::exception_data(object).is_some() {
            crate::types::exception::repr_of(host, object)?
        } else {
            format!("<{module}.{qualname} object at {address:#x}>")
        }
    } else {
        repr_string(host, object)?
    };
    Ok(host.runtime().new_string(text))
}

fn str(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&object) = arguments.values.first() else {
        return Ok(Value::NONE);
    };
    crate::protocol::repr(host, object)
}

fn eq(_host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    match arguments.values {
        [a, b] if a == b => Ok(Value::TRUE),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn ne(_host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    match arguments.values {
        [a, b] if a == b => Ok(Value::FALSE),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn hash(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let object = arguments.values.first().copied().unwrap_or(Value::NONE);
    let hash = (object.bits() >> 4) as i64 & 0x0fff_ffff_ffff;
    Ok(host.runtime().new_int(hash))
}

fn setattr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let [object, name, value] = arguments.values else {
        return Err(host
            .runtime()
            .type_error("__setattr__ expected 2 arguments"));
    };
    let name = host.runtime().intern_value(*name);
    if let Some(crate::object::Payload::Type(class)) =
        object.as_object().map(|object| &object.payload)
    {
        // `type.__setattr__` (reached through `super()` in a metaclass's `__setattr__`).
        crate::types::dict::set_str_key(host.runtime(), class.dict, name, *value);
        class.version.set(class.version.get() + 1);
        return Ok(Value::NONE);
    }
    crate::protocol::attribute::store_slot(host.runtime(), *object, name, *value);
    Ok(Value::NONE)
}

fn getattribute(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let [object, name] = arguments.values else {
        return Err(host
            .runtime()
            .type_error("__getattribute__ expected 1 argument"));
    };
    let name = host.runtime().intern_value(*name);
    match crate::protocol::attribute::find_attribute(host, *object, name)? {
        Some(value) => Ok(value),
        None => Err(crate::protocol::attribute::no_attribute(
            host, *object, name,
        )),
    }
}

fn delattr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let [object, name] = arguments.values else {
        return Err(host.runtime().type_error("__delattr__ expected 1 argument"));
    };
    let name = host.runtime().intern_value(*name);
    crate::protocol::delete_attribute(host, *object, name)?;
    Ok(Value::NONE)
}

fn init_subclass(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    if !arguments.keyword_names.is_empty() {
        let class = arguments.values.first().copied().unwrap_or(Value::NONE);
        let name = if crate::protocol::as_type(class).is_some() {
            crate::protocol::class_name(class)
        } else {
            type_name(host.runtime(), class)
        };
        let message = format!("{name}.__init_subclass__() takes no keyword arguments");
        return Err(host.runtime().type_error(message));
    }
    Ok(Value::NONE)
}
