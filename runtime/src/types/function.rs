//! Function objects' fixed attributes (`__name__`, `__qualname__`, `__doc__`, …), and those of
//! code objects (`co_name`, `co_varnames`, …).

use crate::object::Payload;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// A fixed attribute of a function, builtin function or bound method.
pub fn attribute(runtime: &mut Runtime, value: Value, name: Value) -> PyResult<Option<Value>> {
    let names = runtime.names;
    let Some(object) = value.as_object() else {
        return Ok(None);
    };
    Ok(match &object.payload {
        Payload::Function(function) => {
            if name == names.__name__ {
                Some(*function.name.get())
            } else if name == names.__qualname__ {
                Some(*function.qualname.get())
            } else if name == names.__module__ {
                Some(function.module)
            } else if name == names.__doc__ {
                // An assigned `__doc__` lives in the function's dict.
                let dict = *function.dict.get();
                let assigned = (!dict.is_null())
                    .then(|| crate::types::dict::get_str_key(runtime, dict, name))
                    .flatten();
                Some(assigned.unwrap_or(function.doc))
            } else if name == names.__get__ {
                Some(runtime.heap.allocate(Payload::NativeFunction(
                    crate::object::NativeFunctionObject {
                        name: "__get__",
                        function: function_get,
                        receiver: value,
                        owner: "function",
                    },
                )))
            } else if name == names.__defaults__ {
                let defaults = *function.defaults.get();
                Some(if defaults.is_null() {
                    Value::NONE
                } else {
                    defaults
                })
            } else if name == names.__kwdefaults__ {
                let defaults = *function.keyword_defaults.get();
                Some(if defaults.is_null() {
                    Value::NONE
                } else {
                    defaults
                })
            } else if name == names.__code__ {
                Some(function.code)
            } else if name == names.__annotations__ {
                if function.annotations.get().is_null() {
                    *function.annotations.get() = runtime.new_dict();
                }
                Some(*function.annotations.get())
            } else if crate::protocol::str_value(name) == Some("__globals__") {
                Some(function.globals)
            } else if crate::protocol::str_value(name) == Some("__closure__") {
                // The cells of the free variables (a tuple), None without any.
                let closure = function.closure;
                let empty =
                    crate::types::tuple::items(closure).is_none_or(|cells| cells.is_empty());
                Some(if closure.is_null() || empty {
                    Value::NONE
                } else {
                    closure
                })
            } else if name == names.__dict__ {
                if function.dict.get().is_null() {
                    *function.dict.get() = runtime.new_dict();
                }
                Some(*function.dict.get())
            } else {
                let dict = *function.dict.get();
                if dict.is_null() {
                    None
                } else {
                    crate::types::dict::get_str_key(runtime, dict, name)
                }
            }
        }
        Payload::NativeFunction(native) => {
            if name == names.__name__ || name == names.__qualname__ {
                Some(runtime.intern(native.name))
            } else if name == names.__self__ {
                Some(if native.receiver.is_null() {
                    Value::NONE
                } else {
                    native.receiver
                })
            } else if name == names.__doc__ {
                Some(Value::NONE)
            } else if name == names.__module__ {
                Some(if native.owner == "builtins" {
                    runtime.intern("builtins")
                } else {
                    Value::NONE
                })
            } else {
                None
            }
        }
        Payload::ClassMethod(inner) | Payload::StaticMethod(inner) => {
            let inner = *inner;
            let text = crate::protocol::str_value(name);
            if name == names.__func__ || text == Some("__wrapped__") {
                Some(inner)
            } else if text == Some("__isabstractmethod__") {
                Some(Value::bool(is_abstract(runtime, inner)))
            } else if name == names.__name__
                || name == names.__qualname__
                || name == names.__doc__
                || name == names.__module__
            {
                return attribute(runtime, inner, name);
            } else {
                None
            }
        }
        Payload::BoundMethod { function, receiver } => {
            if name == names.__self__ {
                Some(*receiver)
            } else if name == names.__func__ {
                Some(*function)
            } else {
                let function = *function;
                return attribute(runtime, function, name);
            }
        }
        _ => None,
    })
}

/// `function.__get__(instance, owner=None)`: a bound method, or the function itself when
/// `instance` is None.
fn function_get(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let values = arguments.positionals();
    if values.len() < 2 || values.len() > 3 || !arguments.keyword_names.is_empty() {
        let message = format!(
            "expected 1 or 2 arguments, got {}",
            arguments.values.len().saturating_sub(1)
        );
        return Err(host.runtime().type_error(message));
    }
    let (function, instance) = (values[0], values[1]);
    let owner = values.get(2).copied().unwrap_or(Value::NONE);
    if instance.is_none() {
        if owner.is_none() {
            return Err(host.runtime().type_error("__get__(None, None) is invalid"));
        }
        return Ok(function);
    }
    Ok(host.runtime().heap.allocate(Payload::BoundMethod {
        function,
        receiver: instance,
    }))
}

/// Whether a callable is marked abstract (`__isabstractmethod__` set on a function, or on the
/// function a classmethod, staticmethod or property wraps).
pub fn is_abstract(runtime: &mut Runtime, value: Value) -> bool {
    match value.as_object().map(|object| &object.payload) {
        Some(Payload::Function(function)) => {
            let dict = *function.dict.get();
            if dict.is_null() {
                return false;
            }
            let key = runtime.intern("__isabstractmethod__");
            crate::types::dict::get_str_key(runtime, dict, key).is_some_and(|flag| {
                !(flag.is_null()
                    || flag.is_none()
                    || flag == Value::FALSE
                    || flag.as_small_int() == Some(0))
            })
        }
        Some(Payload::ClassMethod(inner) | Payload::StaticMethod(inner)) => {
            is_abstract(runtime, *inner)
        }
        Some(Payload::Property {
            getter,
            setter,
            deleter,
            ..
        }) => {
            let parts = [*getter, *setter, *deleter];
            parts.into_iter().any(|part| is_abstract(runtime, part))
        }
        _ => false,
    }
}

/// A fixed attribute of a code object (`co_name`, `co_filename`, `co_consts`, …).
pub fn code_attribute(
    runtime: &mut Runtime,
    code: &crate::object::CodeData,
    name: Value,
) -> Option<Value> {
    let compiled = &code.code;
    let strings = |runtime: &mut Runtime, items: &[std::rc::Rc<str>]| {
        let values = items.iter().map(|item| runtime.new_str(item)).collect();
        runtime.new_tuple(values)
    };
    let number = |runtime: &mut Runtime, value: u32| runtime.new_int(i64::from(value));
    Some(match crate::protocol::str_value(name)? {
        "co_name" => runtime.new_str(&compiled.name),
        "co_qualname" => runtime.new_str(&compiled.qualname),
        "co_filename" => runtime.new_str(&compiled.filename),
        "co_firstlineno" => number(runtime, compiled.first_line),
        "co_argcount" => number(runtime, compiled.argument_count),
        "co_posonlyargcount" => number(runtime, compiled.positional_only_count),
        "co_kwonlyargcount" => number(runtime, compiled.keyword_only_count),
        "co_nlocals" => runtime.new_int(compiled.varnames.len() as i64),
        "co_flags" => number(runtime, compiled.flags),
        "co_stacksize" => number(runtime, compiled.max_stack_depth),
        "co_varnames" => strings(runtime, &compiled.varnames),
        "co_cellvars" => strings(runtime, &compiled.cellvars),
        "co_freevars" => strings(runtime, &compiled.freevars),
        "co_names" => strings(runtime, &compiled.names),
        "co_consts" => runtime.new_tuple(code.constants.to_vec()),
        _ => return None,
    })
}
