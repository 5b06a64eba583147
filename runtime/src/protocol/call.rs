//! Calling any callable: Python functions (through the host), builtins, bound methods,
//! classes (construction) and instances with `__call__`.

use crate::object::{Layout, Payload};
use crate::protocol::attribute::call_bound;
use crate::protocol::{as_type, class_name, instance_layout, lookup_in_type, type_name, type_of};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// `callable(*arguments)`, where `arguments` ends with the values of the keywords named in
/// `keyword_names`.
pub fn call(
    host: &mut dyn Host,
    callable: Value,
    arguments: &[Value],
    keyword_names: &[Value],
) -> PyResult<Value> {
    let Some(object) = callable.as_object() else {
        return Err(not_callable(host, callable));
    };
    match &object.payload {
        Payload::Function(_) => host.call_function(callable, arguments, keyword_names),
        Payload::NativeFunction(native) => {
            if native.receiver.is_null() {
                (native.function)(
                    host,
                    Arguments {
                        values: arguments,
                        keyword_names,
                    },
                )
            } else {
                with_receiver(native.receiver, arguments, |all| {
                    (native.function)(
                        host,
                        Arguments {
                            values: all,
                            keyword_names,
                        },
                    )
                })
            }
        }
        Payload::BoundMethod { function, receiver } => with_receiver(*receiver, arguments, |all| {
            call(host, *function, all, keyword_names)
        }),
        Payload::Type(_) => construct(host, callable, arguments, keyword_names),
        Payload::StaticMethod(function) => call(host, *function, arguments, keyword_names),
        Payload::GenericAlias { origin, .. } => call(host, *origin, arguments, keyword_names),
        _ => {
            let runtime = host.runtime();
            let class = type_of(runtime, callable);
            let name = runtime.names.__call__;
            match lookup_in_type(runtime, class, name) {
                Some(method) if crate::protocol::is_user_class(class) => {
                    let mut all = Vec::with_capacity(arguments.len() + 1);
                    all.push(callable);
                    all.extend_from_slice(arguments);
                    call(host, method, &all, keyword_names)
                }
                _ => Err(not_callable(host, callable)),
            }
        }
    }
}

/// Runs `body` with `receiver` followed by `arguments`: in a buffer on the native stack when
/// they are few (a method call then allocates nothing), else in a vector. The values are the
/// caller's, rooted wherever the caller keeps them.
#[inline]
pub(crate) fn with_receiver<R>(
    receiver: Value,
    arguments: &[Value],
    body: impl FnOnce(&[Value]) -> R,
) -> R {
    const SMALL: usize = 8;
    if arguments.len() < SMALL {
        let mut buffer = [Value::NULL; SMALL];
        buffer[0] = receiver;
        for (slot, &value) in buffer[1..].iter_mut().zip(arguments) {
            *slot = value;
        }
        body(&buffer[..=arguments.len()])
    } else {
        let mut all = Vec::with_capacity(arguments.len() + 1);
        all.push(receiver);
        all.extend_from_slice(arguments);
        body(&all)
    }
}

fn not_callable(host: &mut dyn Host, value: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let message = format!("'{}' object is not callable", type_name(runtime, value));
    runtime.type_error(message)
}

/// Calls `object.name(*arguments)`.
pub fn call_method(
    host: &mut dyn Host,
    object: Value,
    name: Value,
    arguments: &[Value],
) -> PyResult<Value> {
    let (function, receiver) = crate::protocol::load_method(host, object, name)?;
    if function.is_null() {
        call(host, receiver, arguments, &[])
    } else {
        call_bound(host, function, receiver, arguments)
    }
}

/// Calls the dunder `name` looked up on the class of `object` (not on the instance, as the
/// language specifies for special methods); `None` if the class does not define it.
pub fn call_special(
    host: &mut dyn Host,
    object: Value,
    name: Value,
    arguments: &[Value],
) -> PyResult<Option<Value>> {
    let runtime = host.runtime();
    let class = type_of(runtime, object);
    match lookup_in_type(runtime, class, name) {
        Some(method) => call_bound(host, method, object, arguments).map(Some),
        None => Ok(None),
    }
}

/// `class(*arguments)`: a metaclass's own `__call__` when it has one, else
/// [`construct_instance`].
pub fn construct(
    host: &mut dyn Host,
    class: Value,
    arguments: &[Value],
    keyword_names: &[Value],
) -> PyResult<Value> {
    let runtime = host.runtime();
    let Some(class_object) = as_type(class) else {
        return Err(not_callable(host, class));
    };
    let metaclass = *class_object.metaclass.get();
    if metaclass != runtime.types.type_ {
        let call_name = runtime.names.__call__;
        if let Some(method) = lookup_in_type(runtime, metaclass, call_name) {
            if is_python_callable(method) {
                let mut all = vec![class];
                all.extend_from_slice(arguments);
                return call(host, method, &all, keyword_names);
            }
        }
    }
    construct_instance(host, class, arguments, keyword_names)
}

/// `type.__call__(class, *arguments)`: builtin constructors, or `__new__` then `__init__`.
pub fn construct_instance(
    host: &mut dyn Host,
    class: Value,
    arguments: &[Value],
    keyword_names: &[Value],
) -> PyResult<Value> {
    let runtime = host.runtime();
    let Some(class_object) = as_type(class) else {
        return Err(not_callable(host, class));
    };
    if !class_object.user_defined {
        return crate::builtins::constructors::construct_builtin(
            host,
            class,
            arguments,
            keyword_names,
        );
    }
    let names = runtime.names;
    // __new__
    let new = lookup_in_type(runtime, class, names.__new__);
    // As CPython's `object.__new__`: surplus arguments to a class that defines neither
    // `__new__` nor `__init__` are refused before anything else (an abstract class included).
    if !arguments.is_empty()
        && !new.is_some_and(is_python_callable)
        && !lookup_in_type(runtime, class, names.__init__).is_some_and(is_python_callable)
        && instance_layout(class) == Layout::Object
        && builtin_base(runtime, class).is_none()
    {
        let message = format!("{}() takes no arguments", class_name(class));
        return Err(runtime.type_error(message));
    }
    let instance = match new {
        Some(new) if is_python_callable(new) => {
            let mut all = vec![class];
            all.extend_from_slice(arguments);
            let new = match new.as_object().map(|object| &object.payload) {
                Some(Payload::StaticMethod(inner)) => *inner,
                _ => new,
            };
            let instance = call(host, new, &all, keyword_names)?;
            if !crate::protocol::is_instance(host.runtime(), instance, class) {
                return Ok(instance);
            }
            instance
        }
        _ => allocate_instance(host, class, arguments, keyword_names)?,
    };
    // __init__
    let runtime = host.runtime();
    let init = lookup_in_type(runtime, class, names.__init__);
    let has_base = crate::protocol::base_value(instance).is_some();
    match init {
        Some(init) if is_python_callable(init) || has_base => {
            runtime.push_root(instance);
            let result = with_receiver(instance, arguments, |all| {
                call(host, init, all, keyword_names)
            });
            let runtime = host.runtime();
            runtime.pop_roots(runtime.root_mark() - 1);
            let result = result?;
            if !result.is_none() {
                let message = format!(
                    "__init__() should return None, not '{}'",
                    type_name(runtime, result)
                );
                return Err(runtime.type_error(message));
            }
        }
        _ => {
            let layout = instance_layout(class);
            let overrides_new = new.is_some_and(is_python_callable);
            if layout == Layout::Exception && overrides_new {
                // `BaseException.__init__` runs after a Python `__new__`: args are all the
                // arguments.
                if !keyword_names.is_empty() {
                    let message = format!("{}() takes no keyword arguments", class_name(class));
                    return Err(runtime.type_error(message));
                }
                let args = runtime.new_tuple(arguments.to_vec());
                if let Some(data) = crate::runtime::exception_data(instance) {
                    data.get().args = args;
                }
            }
            if !arguments.is_empty() && layout == Layout::Object && !overrides_new {
                let message = format!("{}() takes no arguments", class_name(class));
                return Err(runtime.type_error(message));
            }
        }
    }
    Ok(instance)
}

/// `object.__new__(class, *arguments)`: a new instance of a Python class, carrying exception
/// data for exception classes and the builtin value for subclasses of builtin types (empty for
/// the mutable containers, whose `__init__` fills them; built from the arguments otherwise).
pub fn allocate_instance(
    host: &mut dyn Host,
    class: Value,
    arguments: &[Value],
    keyword_names: &[Value],
) -> PyResult<Value> {
    check_not_abstract(host, class)?;
    let layout = instance_layout(class);
    if layout == Layout::Exception
        && crate::protocol::is_subclass(class, host.runtime().types.base_exception_group)
    {
        let positional = &arguments[..arguments.len() - keyword_names.len()];
        crate::types::exception_group::check_new(host, class, positional)?;
    }
    let runtime = host.runtime();
    let instance = runtime.new_instance(class, layout);
    if layout == Layout::Exception {
        let positional = &arguments[..arguments.len() - keyword_names.len()];
        let args = runtime.new_tuple(positional.to_vec());
        if let Some(data) = crate::runtime::exception_data(instance) {
            data.get().args = args;
        }
        return Ok(instance);
    }
    let Some(builtin) = builtin_base(runtime, class) else {
        return Ok(instance);
    };
    let types = runtime.types;
    let starts_empty = [types.list, types.dict, types.set, types.bytearray].contains(&builtin);
    let mark = runtime.root_mark();
    runtime.push_root(instance);
    let base = if starts_empty {
        crate::builtins::constructors::construct_builtin(host, builtin, &[], &[])
    } else {
        crate::builtins::constructors::construct_builtin(host, builtin, arguments, keyword_names)
    };
    host.runtime().pop_roots(mark);
    if let Some(Payload::Instance(object)) = instance.as_object().map(|object| &object.payload) {
        object.set_base(base?);
    }
    Ok(instance)
}

/// Refuses to instantiate a class whose own `__abstractmethods__` is non-empty.
fn check_not_abstract(host: &mut dyn Host, class: Value) -> PyResult<()> {
    let runtime = host.runtime();
    let Some(dict) = crate::protocol::type_dict(class) else {
        return Ok(());
    };
    let key = runtime.names.__abstractmethods__;
    let Some(abstracts) = crate::types::dict::get_str_key(runtime, dict, key) else {
        return Ok(());
    };
    if !crate::protocol::is_true(host, abstracts)? {
        return Ok(());
    }
    let items = crate::protocol::iterate::collect(host, abstracts)?;
    let mut names: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        names.push(crate::protocol::str_string(host, item)?);
    }
    names.sort();
    let plural = if names.len() > 1 { "s" } else { "" };
    let message = format!(
        "Can't instantiate abstract class {} with abstract method{plural} {}",
        crate::protocol::class_name(class),
        names.join(", ")
    );
    Err(host.runtime().type_error(message))
}

/// The builtin type (other than object and exceptions) a user class derives from, if any.
fn builtin_base(runtime: &crate::Runtime, class: Value) -> Option<Value> {
    let class_object = as_type(class)?;
    class_object.mro.get().iter().copied().find(|&base| {
        base != runtime.types.object
            && base != runtime.types.type_
            && as_type(base)
                .is_some_and(|base| !base.user_defined && base.layout == Layout::Builtin)
    })
}

/// Whether a class attribute is Python code (as opposed to the builtin `object` methods).
fn is_python_callable(value: Value) -> bool {
    !matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::NativeFunction(_))
    )
}
