//! `BaseException` and its subclasses: `args`, `__str__`/`__repr__` as CPython formats them,
//! `__cause__`/`__context__`/`__traceback__`, and `with_traceback`.

use crate::object::Payload;
use crate::protocol::{repr_string, str_string, type_name};
use crate::runtime::exception_data;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// The BaseException methods.
pub const METHODS: crate::types::MethodTable = &[
    ("__init__", init),
    ("__str__", str_method),
    ("__repr__", repr_method),
    ("with_traceback", with_traceback),
    ("add_note", add_note),
];

/// The args tuple's items.
pub fn args(value: Value) -> Vec<Value> {
    let Some(data) = exception_data(value) else { return Vec::new() };
    crate::types::tuple::items(data.get().args).map(<[Value]>::to_vec).unwrap_or_default()
}

/// Fixed attributes of exceptions.
pub fn attribute(runtime: &mut Runtime, value: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(data) = exception_data(value) else { return Ok(None) };
    let names = runtime.names;
    let data = data.get();
    let or_none = |value: Value| if value.is_null() { Value::NONE } else { value };
    Ok(if name == names.args {
        Some(if data.args.is_null() { runtime.new_tuple(Vec::new()) } else { data.args })
    } else if name == names.__cause__ {
        Some(or_none(data.cause))
    } else if name == names.__context__ {
        Some(or_none(data.context))
    } else if name == names.__suppress_context__ {
        Some(Value::bool(data.suppress_context))
    } else if name == names.__traceback__ {
        Some(Value::NONE)
    } else if name == names.value && crate::protocol::is_instance(runtime, value, runtime.types.stop_iteration) {
        let items = args(value);
        Some(items.first().copied().unwrap_or(Value::NONE))
    } else if name == names.code && crate::protocol::is_instance(runtime, value, runtime.types.system_exit) {
        let items = args(value);
        Some(match items.len() {
            0 => Value::NONE,
            1 => items[0],
            _ => data.args,
        })
    } else if name == names.msg || name == names.filename || name == names.lineno || name == names.offset || name == names.text {
        if crate::protocol::is_instance(runtime, value, runtime.types.syntax_error) {
            let items = args(value);
            if name == names.msg {
                Some(items.first().copied().unwrap_or(Value::NONE))
            } else {
                Some(Value::NONE)
            }
        } else {
            None
        }
    } else if name == names.name && (crate::protocol::is_instance(runtime, value, runtime.types.name_error) || crate::protocol::is_instance(runtime, value, runtime.types.import_error)) {
        Some(Value::NONE)
    } else {
        None
    })
}

/// `str(exception)`: '' with no args, str(arg) with one, repr(args) with more; KeyError uses
/// repr of its single argument.
pub fn str_of(host: &mut dyn Host, value: Value) -> PyResult<String> {
    let items = args(value);
    match items.len() {
        0 => Ok(String::new()),
        1 => {
            let runtime = host.runtime();
            if crate::protocol::is_instance(runtime, value, runtime.types.key_error) {
                repr_string(host, items[0])
            } else {
                str_string(host, items[0])
            }
        }
        _ => {
            let Some(data) = exception_data(value) else { return Ok(String::new()) };
            repr_string(host, data.get().args)
        }
    }
}

/// `repr(exception)`: `ValueError('msg')`, `KeyError(1, 2)`.
pub fn repr_of(host: &mut dyn Host, value: Value) -> PyResult<String> {
    let runtime = host.runtime();
    let name = type_name(runtime, value);
    let items = args(value);
    if items.len() == 1 {
        return Ok(format!("{name}({})", repr_string(host, items[0])?));
    }
    let Some(data) = exception_data(value) else { return Ok(format!("{name}()")) };
    let tuple = data.get().args;
    if tuple.is_null() || items.is_empty() {
        return Ok(format!("{name}()"));
    }
    Ok(format!("{name}{}", repr_string(host, tuple)?))
}

fn init(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&exception) = arguments.values.first() else { return Ok(Value::NONE) };
    let runtime = host.runtime();
    if !arguments.keyword_names.is_empty() {
        let message = format!("{}() takes no keyword arguments", type_name(runtime, exception));
        return Err(runtime.type_error(message));
    }
    let args = runtime.new_tuple(arguments.values[1..].to_vec());
    if let Some(data) = exception_data(exception) {
        data.get().args = args;
    }
    Ok(Value::NONE)
}

fn str_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&exception) = arguments.values.first() else { return Ok(Value::NONE) };
    let text = str_of(host, exception)?;
    Ok(host.runtime().new_string(text))
}

fn repr_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&exception) = arguments.values.first() else { return Ok(Value::NONE) };
    let text = repr_of(host, exception)?;
    Ok(host.runtime().new_string(text))
}

fn with_traceback(_host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    Ok(arguments.values.first().copied().unwrap_or(Value::NONE))
}

fn add_note(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// Whether a value is an exception instance.
pub fn is_exception(value: Value) -> bool {
    matches!(value.as_object().map(|object| &object.payload), Some(Payload::Instance(instance)) if instance.exception.is_some())
}
