//! `property`: the `getter`/`setter`/`deleter` decorators and `fget`/`fset`/`fdel`.

use crate::object::Payload;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The property methods.
pub const METHODS: crate::types::MethodTable = &[
    ("getter", getter),
    ("setter", setter),
    ("deleter", deleter),
    ("__get__", get),
];

fn parts(host: &mut dyn Host, arguments: &Arguments) -> PyResult<[Value; 4]> {
    match arguments
        .values
        .first()
        .and_then(|value| value.as_object())
        .map(|object| &object.payload)
    {
        Some(Payload::Property {
            getter,
            setter,
            deleter,
            doc,
        }) => Ok([*getter, *setter, *deleter, *doc]),
        _ => Err(host
            .runtime()
            .type_error("descriptor requires a 'property' object")),
    }
}

fn with_slot(host: &mut dyn Host, arguments: Arguments, slot: usize) -> PyResult<Value> {
    let mut slots = parts(host, &arguments)?;
    let Some(&function) = arguments.values.get(1) else {
        return Err(host.runtime().type_error("expected one argument"));
    };
    slots[slot] = function;
    Ok(host.runtime().heap.allocate(Payload::Property {
        getter: slots[0],
        setter: slots[1],
        deleter: slots[2],
        doc: slots[3],
    }))
}

fn getter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    with_slot(host, arguments, 0)
}

fn setter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    with_slot(host, arguments, 1)
}

fn deleter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    with_slot(host, arguments, 2)
}

fn get(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let slots = parts(host, &arguments)?;
    let instance = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    if instance.is_none() {
        return Ok(arguments.values[0]);
    }
    crate::protocol::call(host, slots[0], &[instance], &[])
}

/// `fget`, `fset`, `fdel` and `__doc__` of a property.
pub fn attribute(host: &mut dyn Host, property: Value, name: &str) -> Option<Value> {
    if name == "__isabstractmethod__" {
        let runtime = host.runtime();
        return Some(Value::bool(crate::types::function::is_abstract(
            runtime, property,
        )));
    }
    match property.as_object().map(|object| &object.payload) {
        Some(Payload::Property {
            getter,
            setter,
            deleter,
            doc,
        }) => match name {
            "fget" => Some(*getter),
            "fset" => Some(*setter),
            "fdel" => Some(*deleter),
            "__doc__" => Some(*doc),
            _ => None,
        },
        _ => None,
    }
}
