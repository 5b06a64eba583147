//! Attribute access: `obj.name`, `obj.name = value`, `del obj.name`, and the method-call
//! shortcut used by `LoadMethod`.
//!
//! Lookup order for instances (CPython's `object.__getattribute__`): a data descriptor on the
//! class (a property), then the instance's own attributes (its shape slots), then a class
//! attribute with descriptor binding (functions become bound methods), then `__getattr__`.

use crate::object::Payload;
use crate::protocol::{
    as_type, call, class_name, lookup_in_type, str_value, type_dict, type_name, type_of,
};
use crate::types::dict::{get_str_key, set_str_key};
use crate::value::Value;
use crate::{Host, PyResult};

/// `obj.name` (`name` is an interned str).
pub fn get_attribute(host: &mut dyn Host, object: Value, name: Value) -> PyResult<Value> {
    if let Some(Payload::Instance(instance)) = object.as_object().map(|object| &object.payload) {
        let class = *instance.class.get();
        let runtime = host.runtime();
        let getattribute_name = runtime.names.__getattribute__;
        if let Some(method) = lookup_in_type(runtime, class, getattribute_name) {
            if !matches!(
                method.as_object().map(|object| &object.payload),
                Some(Payload::NativeFunction(_))
            ) {
                let result = call_bound(host, method, object, &[name]);
                let attribute_error = host.runtime().types.attribute_error;
                return match result {
                    Err(error)
                        if crate::protocol::is_instance(
                            host.runtime(),
                            error.exception,
                            attribute_error,
                        ) =>
                    {
                        let runtime = host.runtime();
                        let getattr_name = runtime.names.__getattr__;
                        match lookup_in_type(runtime, class, getattr_name) {
                            Some(getattr) => call_bound(host, getattr, object, &[name]),
                            None => Err(error),
                        }
                    }
                    other => other,
                };
            }
        }
    }
    let found = match find_attribute(host, object, name) {
        Ok(found) => found,
        // An AttributeError from a descriptor (a property's getter) also falls back to
        // `__getattr__`, as CPython's slot_tp_getattr_hook does.
        Err(error) => {
            let runtime = host.runtime();
            let class = type_of(runtime, object);
            let is_attribute_error = crate::protocol::is_instance(
                runtime,
                error.exception,
                runtime.types.attribute_error,
            );
            match lookup_in_type(runtime, class, runtime.names.__getattr__) {
                Some(getattr) if is_attribute_error => {
                    return call_bound(host, getattr, object, &[name])
                }
                _ => return Err(error),
            }
        }
    };
    match found {
        Some(value) => Ok(value),
        None => {
            let runtime = host.runtime();
            let class = type_of(runtime, object);
            if let Some(getattr) = lookup_in_type(runtime, class, runtime.names.__getattr__) {
                return call_bound(host, getattr, object, &[name]);
            }
            // A module-level `__getattr__` (PEP 562) answers for names the module lacks.
            if let Some(Payload::Module { dict, .. }) =
                object.as_object().map(|object| &object.payload)
            {
                if let Some(getattr) = get_str_key(runtime, *dict, runtime.names.__getattr__) {
                    return crate::protocol::call::call(host, getattr, &[name], &[]);
                }
            }
            Err(no_attribute(host, object, name))
        }
    }
}

/// The AttributeError for a missing attribute, with CPython's message.
pub fn no_attribute(host: &mut dyn Host, object: Value, name: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let attribute = str_value(name).unwrap_or("?");
    let message = match object.as_object().map(|object| &object.payload) {
        Some(Payload::Module {
            name: module_name,
            dict,
        }) => {
            // A module still running its code (`__spec__._initializing`, set by the import
            // system) is most likely missing the name because of a circular import.
            let spec_name = runtime.names.__spec__;
            let spec = get_str_key(runtime, *dict, spec_name);
            let initializing_name = runtime.intern("_initializing");
            let initializing = spec.is_some_and(|spec| {
                matches!(find_attribute(host, spec, initializing_name), Ok(Some(value)) if value == Value::TRUE)
            });
            // A submodule still being imported is not an attribute of its package yet.
            let submodules_name = host.runtime().intern("_uninitialized_submodules");
            let loading_submodule =
                spec.is_some_and(|spec| match find_attribute(host, spec, submodules_name) {
                    Ok(Some(list)) => crate::types::list::items(list).is_some_and(|items| {
                        items.iter().any(|&item| str_value(item) == Some(attribute))
                    }),
                    _ => false,
                });
            let module_name = str_value(*module_name).unwrap_or("?");
            if initializing {
                format!("partially initialized module '{module_name}' has no attribute '{attribute}' (most likely due to a circular import)")
            } else if loading_submodule {
                format!("cannot access submodule '{attribute}' of module '{module_name}' (most likely due to a circular import)")
            } else {
                format!("module '{module_name}' has no attribute '{attribute}'")
            }
        }
        Some(Payload::Type(_)) => {
            format!(
                "type object '{}' has no attribute '{attribute}'",
                class_name(object)
            )
        }
        _ => format!(
            "'{}' object has no attribute '{attribute}'",
            type_name(host.runtime(), object)
        ),
    };
    let runtime = host.runtime();
    let error = runtime.attribute_error(message);
    // CPython records what was looked up where (`name`, `obj`) for tools and suggestions.
    let (name_key, object_key) = (runtime.intern("name"), runtime.intern("obj"));
    store_slot(runtime, error.exception, name_key, name);
    store_slot(runtime, error.exception, object_key, object);
    error
}

/// Finds an attribute without falling back to `__getattr__`; `None` when absent.
pub fn find_attribute(host: &mut dyn Host, object: Value, name: Value) -> PyResult<Option<Value>> {
    if let Some(heap_object) = object.as_object() {
        match &heap_object.payload {
            Payload::Type(_) => return class_attribute(host, object, name),
            Payload::Super {
                class,
                object: bound,
            } => {
                if let Some(found) = super_attribute(host, *class, *bound, name)? {
                    return Ok(Some(found));
                }
            }
            Payload::Module { dict, .. } => {
                let runtime = host.runtime();
                if let Some(found) = get_str_key(runtime, *dict, name) {
                    return Ok(Some(found));
                }
                if name == runtime.names.__dict__ {
                    return Ok(Some(*dict));
                }
            }
            _ => {}
        }
    }
    let runtime = host.runtime();
    let class = type_of(runtime, object);
    let class_attribute = lookup_in_type(runtime, class, name);
    if let Some(descriptor) = class_attribute {
        if is_data_descriptor(host, descriptor) {
            return bind(host, descriptor, object, class).map(Some);
        }
    }
    if let Some(own) = instance_attribute(host, object, name)? {
        return Ok(Some(own));
    }
    match class_attribute {
        Some(attribute) => bind(host, attribute, object, class).map(Some),
        None => Ok(None),
    }
}

/// An attribute stored on the object itself (instance slots, function attributes) or one of
/// the builtin objects' fixed attributes (`__name__` of a function, `args` of an exception…).
fn instance_attribute(host: &mut dyn Host, object: Value, name: Value) -> PyResult<Option<Value>> {
    let runtime = host.runtime();
    let names = runtime.names;
    let Some(heap_object) = object.as_object() else {
        if name == names.__class__ {
            return Ok(Some(type_of(runtime, object)));
        }
        return crate::types::int::attribute(runtime, object, name);
    };
    if name == names.__class__ {
        return Ok(Some(type_of(runtime, object)));
    }
    match &heap_object.payload {
        Payload::Instance(instance) => {
            let dict = instance.dict();
            if !dict.is_null() {
                if let Some(value) = get_str_key(runtime, dict, name) {
                    return Ok(Some(value));
                }
            } else if let Some(slot) = instance.shape.get().slot_of(name) {
                let value = instance.slots.get()[slot];
                if !value.is_null() {
                    return Ok(Some(value));
                }
            }
            if instance.exception().is_some() {
                if name == names.__dict__ {
                    return Ok(Some(instance_dict(runtime, object)));
                }
                return crate::types::exception::attribute(runtime, object, name);
            }
            if name == names.__dict__ {
                let class = *instance.class.get();
                let slotted = as_type(class).is_some_and(|class| class.slot_names.is_some());
                return Ok((!slotted).then(|| instance_dict(runtime, object)));
            }
            Ok(None)
        }
        Payload::Function(_)
        | Payload::NativeFunction(_)
        | Payload::BoundMethod { .. }
        | Payload::ClassMethod(_)
        | Payload::StaticMethod(_) => crate::types::function::attribute(runtime, object, name),
        Payload::BigInt(_) | Payload::Complex(..) => {
            crate::types::int::attribute(runtime, object, name)
        }
        Payload::Range { start, stop, step } => Ok(if name == names.start {
            Some(runtime.new_int(*start))
        } else if name == names.stop {
            Some(runtime.new_int(*stop))
        } else if name == names.step {
            Some(runtime.new_int(*step))
        } else {
            None
        }),
        Payload::Slice { start, stop, step } => Ok(if name == names.start {
            Some(*start)
        } else if name == names.stop {
            Some(*stop)
        } else if name == names.step {
            Some(*step)
        } else {
            None
        }),
        Payload::Generator(generator) => Ok(if name == names.__name__ {
            Some(generator.name)
        } else if name == names.__qualname__ {
            Some(generator.qualname)
        } else {
            crate::types::coroutine::generator_attribute(runtime, generator, name)
        }),
        Payload::Code(code) => Ok(crate::types::function::code_attribute(runtime, code, name)),
        Payload::Property { .. } => Ok(crate::types::property::attribute(
            host,
            object,
            str_value(name).unwrap_or(""),
        )),
        Payload::MemoryView(_) => crate::types::memoryview::attribute(host, object, name),
        Payload::GenericAlias { .. } | Payload::Union(_) => {
            crate::types::generic_alias::attribute(host, object, name)
        }
        Payload::Traceback { .. } => Ok(crate::types::traceback::attribute(runtime, object, name)),
        Payload::Super { class, object } => {
            let (class, bound) = (*class, *object);
            Ok(match str_value(name) {
                Some("__thisclass__") => Some(class),
                Some("__self__") => Some(if bound.is_null() { Value::NONE } else { bound }),
                Some("__self_class__") => Some(if bound.is_null() {
                    Value::NONE
                } else if as_type(bound).is_some() && crate::protocol::is_subclass(bound, class) {
                    bound
                } else {
                    type_of(runtime, bound)
                }),
                _ => None,
            })
        }
        Payload::Cell(cell) if str_value(name) == Some("cell_contents") => {
            let contents = cell.get();
            if contents.is_null() {
                return Err(runtime.value_error("Cell is empty"));
            }
            Ok(Some(contents))
        }
        Payload::TextStream(stream) => Ok(if name == names.name {
            Some(runtime.new_str(stream.name()))
        } else {
            None
        }),
        _ => Ok(None),
    }
}

/// An instance's `__dict__`: on first use, its attributes move from the shape slots into a new
/// dict that is its attribute storage from then on (the architecture's dict fallback).
pub fn instance_dict(runtime: &mut crate::Runtime, object: Value) -> Value {
    let Some(Payload::Instance(instance)) = object.as_object().map(|object| &object.payload) else {
        return Value::NONE;
    };
    let existing = instance.dict();
    if !existing.is_null() {
        return existing;
    }
    let dict = runtime.new_dict();
    let shape = instance.shape.get().clone();
    for (slot, &name) in shape.names().iter().enumerate() {
        let value = instance.slots.get()[slot];
        if !value.is_null() {
            set_str_key(runtime, dict, name, value);
        }
    }
    instance.set_dict(dict);
    *instance.shape.get() = runtime.root_shape.clone();
    instance.slots.get().clear();
    dict
}

/// `instance.__dict__ = value`: a dict becomes the instance's attribute storage (its slot
/// attributes dropped, as `instance_dict` leaves them), anything else is a TypeError.
fn replace_instance_dict(
    runtime: &mut crate::Runtime,
    object: Value,
    value: Value,
) -> PyResult<()> {
    let is_dict = value
        .as_object()
        .is_some_and(|dict| matches!(dict.payload, Payload::Dict(_)))
        || crate::protocol::is_subclass(type_of(runtime, value), runtime.types.dict);
    if !is_dict {
        let message = format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            class_name(type_of(runtime, value))
        );
        return Err(runtime.type_error(message));
    }
    if let Some(Payload::Instance(instance)) = object.as_object().map(|object| &object.payload) {
        instance.set_dict(value);
        *instance.shape.get() = runtime.root_shape.clone();
        instance.slots.get().clear();
    }
    Ok(())
}

/// Attribute lookup on a class object: its MRO (with class-level binding), then its
/// metaclass, then the fixed attributes every class has.
fn class_attribute(host: &mut dyn Host, class: Value, name: Value) -> PyResult<Option<Value>> {
    let runtime = host.runtime();
    if let Some(found) = lookup_in_type(runtime, class, name) {
        return match found.as_object().map(|object| &object.payload) {
            Some(Payload::StaticMethod(function)) => Ok(Some(*function)),
            Some(Payload::ClassMethod(function)) => {
                let function = *function;
                Ok(Some(runtime.heap.allocate(Payload::BoundMethod {
                    function,
                    receiver: class,
                })))
            }
            Some(Payload::Instance(_)) => {
                let found_class = type_of(runtime, found);
                let getter = runtime.names.__get__;
                match lookup_in_type(runtime, found_class, getter) {
                    Some(get) => call_bound(host, get, found, &[Value::NONE, class]).map(Some),
                    None => Ok(Some(found)),
                }
            }
            _ => Ok(Some(found)),
        };
    }
    let names = runtime.names;
    let Some(class_object) = as_type(class) else {
        return Ok(None);
    };
    let fixed = if name == names.__name__ {
        Some(class_object.name)
    } else if name == names.__qualname__ {
        Some(*class_object.qualname.get())
    } else if name == names.__module__ {
        Some(*class_object.module.get())
    } else if name == names.__mro__ {
        let mro = class_object.mro.get().clone();
        Some(runtime.new_tuple(mro))
    } else if name == names.__bases__ {
        let bases = class_object.bases.get().clone();
        Some(runtime.new_tuple(bases))
    } else if name == names.__base__ {
        Some(
            class_object
                .bases
                .get()
                .first()
                .copied()
                .unwrap_or(Value::NONE),
        )
    } else if name == names.__dict__ {
        Some(class_object.dict)
    } else if name == names.__doc__ {
        Some(Value::NONE)
    } else if name == names.__class__ {
        Some(*class_object.metaclass.get())
    } else {
        None
    };
    if fixed.is_some() {
        return Ok(fixed);
    }
    let metaclass = *class_object.metaclass.get();
    match lookup_in_type(runtime, metaclass, name) {
        Some(found) => bind(host, found, class, metaclass).map(Some),
        None => Ok(None),
    }
}

/// Whether a class attribute takes precedence over instance attributes (a property, or an
/// object whose class defines `__set__` or `__delete__`).
fn is_data_descriptor(host: &mut dyn Host, attribute: Value) -> bool {
    match attribute.as_object().map(|object| &object.payload) {
        Some(Payload::Property { .. }) => true,
        Some(Payload::Instance(_)) => {
            let runtime = host.runtime();
            let class = type_of(runtime, attribute);
            let (set, delete) = (runtime.names.__set__, runtime.names.__delete__);
            lookup_in_type(runtime, class, set).is_some()
                || lookup_in_type(runtime, class, delete).is_some()
        }
        _ => false,
    }
}

/// Descriptor binding of a class attribute found for `object`.
fn bind(host: &mut dyn Host, attribute: Value, object: Value, class: Value) -> PyResult<Value> {
    let runtime = host.runtime();
    match attribute.as_object().map(|object| &object.payload) {
        Some(Payload::Function(_)) => Ok(runtime.heap.allocate(Payload::BoundMethod {
            function: attribute,
            receiver: object,
        })),
        Some(Payload::NativeFunction(native)) if native.receiver.is_null() => {
            Ok(runtime.heap.allocate(Payload::NativeFunction(
                crate::object::NativeFunctionObject {
                    name: native.name,
                    function: native.function,
                    receiver: object,
                    owner: native.owner,
                },
            )))
        }
        Some(Payload::StaticMethod(function)) => Ok(*function),
        Some(Payload::ClassMethod(function)) => {
            let function = *function;
            Ok(runtime.heap.allocate(Payload::BoundMethod {
                function,
                receiver: class,
            }))
        }
        Some(Payload::Property { getter, .. }) => {
            if getter.is_none() {
                let message = "property has no getter".to_string();
                return Err(runtime.attribute_error(message));
            }
            call(host, *getter, &[object], &[])
        }
        Some(Payload::Instance(_)) => {
            let descriptor_class = type_of(runtime, attribute);
            let getter = runtime.names.__get__;
            match lookup_in_type(runtime, descriptor_class, getter) {
                Some(get) => call_bound(host, get, attribute, &[object, class]),
                None => Ok(attribute),
            }
        }
        _ => Ok(attribute),
    }
}

/// Calls a function found on a class with `receiver` as its first argument.
pub fn call_bound(
    host: &mut dyn Host,
    function: Value,
    receiver: Value,
    arguments: &[Value],
) -> PyResult<Value> {
    match function.as_object().map(|object| &object.payload) {
        Some(Payload::StaticMethod(inner)) => call(host, *inner, arguments, &[]),
        Some(Payload::ClassMethod(inner)) => {
            let class = type_of(host.runtime(), receiver);
            crate::protocol::call::with_receiver(class, arguments, |all| {
                call(host, *inner, all, &[])
            })
        }
        _ => crate::protocol::call::with_receiver(receiver, arguments, |all| {
            call(host, function, all, &[])
        }),
    }
}

/// For `LoadMethod`: `(function, receiver)` when `object.name` is a plain method found on the
/// class (so no bound method is allocated), else `(NULL, object.name)`.
pub fn load_method(host: &mut dyn Host, object: Value, name: Value) -> PyResult<(Value, Value)> {
    let runtime = host.runtime();
    if let Some(Payload::Super {
        class,
        object: bound,
    }) = object.as_object().map(|object| &object.payload)
    {
        if let Some(method) = super_method(runtime, *class, *bound, name) {
            return Ok((method, *bound));
        }
    }
    let is_instance_like = match object.as_object().map(|object| &object.payload) {
        Some(Payload::Type(_)) | Some(Payload::Module { .. }) | Some(Payload::Super { .. }) => {
            false
        }
        Some(Payload::Instance(instance)) => {
            let dict = instance.dict();
            if dict.is_null() {
                instance.shape.get().slot_of(name).is_none()
            } else {
                get_str_key(runtime, dict, name).is_none()
            }
        }
        _ => true,
    };
    if is_instance_like {
        let class = type_of(runtime, object);
        if let Some(found) = lookup_in_type(runtime, class, name) {
            match found.as_object().map(|object| &object.payload) {
                Some(Payload::Function(_)) => return Ok((found, object)),
                Some(Payload::NativeFunction(native)) if native.receiver.is_null() => {
                    return Ok((found, object))
                }
                _ => {}
            }
        }
    }
    Ok((Value::NULL, get_attribute(host, object, name)?))
}

/// `obj.name = value`.
pub fn set_attribute(
    host: &mut dyn Host,
    object: Value,
    name: Value,
    value: Value,
) -> PyResult<()> {
    let runtime = host.runtime();
    let Some(heap_object) = object.as_object() else {
        return Err(read_only(host, object, name));
    };
    match &heap_object.payload {
        Payload::Instance(instance) => {
            let class = *instance.class.get();
            let setattr_name = runtime.names.__setattr__;
            if let Some(setattr) = lookup_in_type(runtime, class, setattr_name) {
                if !matches!(
                    setattr.as_object().map(|object| &object.payload),
                    Some(Payload::NativeFunction(_))
                ) {
                    call_bound(host, setattr, object, &[name, value])?;
                    return Ok(());
                }
            }
            if name == runtime.names.__class__ {
                return assign_class(runtime, instance, class, value);
            }
            if let Some(descriptor) = lookup_in_type(runtime, class, name) {
                match descriptor.as_object().map(|object| &object.payload) {
                    Some(Payload::Property { setter, .. }) => {
                        if setter.is_none() {
                            let message = format!(
                                "property '{}' of '{}' object has no setter",
                                str_value(name).unwrap_or("?"),
                                class_name(class)
                            );
                            return Err(runtime.attribute_error(message));
                        }
                        call(host, *setter, &[object, value], &[])?;
                        return Ok(());
                    }
                    Some(Payload::Instance(_)) => {
                        let descriptor_class = type_of(runtime, descriptor);
                        let set = runtime.names.__set__;
                        if let Some(set) = lookup_in_type(runtime, descriptor_class, set) {
                            call_bound(host, set, descriptor, &[object, value])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
            // Plain `object()` instances have no attribute dict; `__slots__` restricts the rest.
            if !crate::protocol::is_user_class(class) && instance.exception().is_none() {
                return Err(no_attribute(host, object, name));
            }
            if let Some(allowed) = as_type(class).and_then(|class| class.slot_names.as_deref()) {
                if !allowed.contains(&name)
                    && !allowed
                        .iter()
                        .any(|&slot| str_value(slot) == str_value(name))
                {
                    return Err(no_attribute(host, object, name));
                }
            }
            if name == host.runtime().names.__dict__ {
                return replace_instance_dict(host.runtime(), object, value);
            }
            if instance.exception().is_some() {
                if let Some(result) =
                    crate::types::exception::set_attribute(host, object, name, value)
                {
                    return result;
                }
            }
            store_slot(host.runtime(), object, name, value);
            Ok(())
        }
        Payload::Type(class) => {
            let metaclass = *class.metaclass.get();
            if metaclass != runtime.types.type_ && crate::protocol::is_user_class(metaclass) {
                let setattr_name = runtime.names.__setattr__;
                if let Some(setattr) = lookup_in_type(runtime, metaclass, setattr_name) {
                    if !matches!(
                        setattr.as_object().map(|object| &object.payload),
                        Some(Payload::NativeFunction(_))
                    ) {
                        call_bound(host, setattr, object, &[name, value])?;
                        return Ok(());
                    }
                }
            }
            if !class.user_defined {
                let message = format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    str_value(name).unwrap_or("?"),
                    class_name(object)
                );
                return Err(runtime.type_error(message));
            }
            set_str_key(runtime, class.dict, name, value);
            class.version.set(class.version.get() + 1);
            Ok(())
        }
        Payload::Module { dict, .. } => {
            set_str_key(runtime, *dict, name, value);
            Ok(())
        }
        Payload::Function(function) => {
            let names = runtime.names;
            if name == names.__name__ {
                *function.name.get() = value;
            } else if name == names.__qualname__ {
                *function.qualname.get() = value;
            } else if name == names.__defaults__ {
                *function.defaults.get() = if value.is_none() { Value::NULL } else { value };
            } else if name == names.__annotations__ {
                if !value.is_none()
                    && !matches!(
                        value.as_object().map(|object| &object.payload),
                        Some(Payload::Dict(_))
                    )
                {
                    return Err(runtime.type_error("__annotations__ must be set to a dict object"));
                }
                *function.annotations.get() = if value.is_none() { Value::NULL } else { value };
            } else {
                if function.dict.get().is_null() {
                    *function.dict.get() = runtime.new_dict();
                }
                set_str_key(runtime, *function.dict.get(), name, value);
            }
            Ok(())
        }
        _ => Err(read_only(host, object, name)),
    }
}

/// Stores an attribute in an instance's slots, moving it to a new shape if needed.
pub fn store_slot(runtime: &mut crate::Runtime, object: Value, name: Value, value: Value) {
    let Some(Payload::Instance(instance)) = object.as_object().map(|object| &object.payload) else {
        return;
    };
    let name = runtime.intern_value(name);
    let dict = instance.dict();
    if !dict.is_null() {
        set_str_key(runtime, dict, name, value);
        return;
    }
    let shape = instance.shape.get();
    if let Some(slot) = shape.slot_of(name) {
        instance.slots.get()[slot] = value;
        return;
    }
    let next = shape.with_attribute(name);
    *instance.shape.get() = next;
    let before = instance.slots.get().capacity();
    instance.push_slot(value);
    let grown = instance.slots.get().capacity() - before;
    runtime.heap.account(grown * std::mem::size_of::<Value>());
}

fn read_only(host: &mut dyn Host, object: Value, name: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let attribute = str_value(name).unwrap_or("?");
    let class = type_of(runtime, object);
    let message = if lookup_in_type(runtime, class, name).is_some() {
        format!(
            "'{}' object attribute '{attribute}' is read-only",
            class_name(class)
        )
    } else {
        format!(
            "'{}' object has no attribute '{attribute}'",
            class_name(class)
        )
    };
    runtime.attribute_error(message)
}

/// `del obj.name`.
pub fn delete_attribute(host: &mut dyn Host, object: Value, name: Value) -> PyResult<()> {
    let runtime = host.runtime();
    match object.as_object().map(|object| &object.payload) {
        Some(Payload::Instance(instance)) => {
            let class = *instance.class.get();
            let delattr_name = runtime.names.__delattr__;
            if let Some(method) = lookup_in_type(runtime, class, delattr_name) {
                if !matches!(
                    method.as_object().map(|object| &object.payload),
                    Some(Payload::NativeFunction(_))
                ) {
                    call_bound(host, method, object, &[name])?;
                    return Ok(());
                }
            }
            let runtime = host.runtime();
            if let Some(descriptor) = lookup_in_type(runtime, class, name) {
                match descriptor.as_object().map(|object| &object.payload) {
                    Some(Payload::Property { deleter, .. }) => {
                        if deleter.is_none() {
                            let message = format!(
                                "property '{}' of '{}' object has no deleter",
                                str_value(name).unwrap_or("?"),
                                class_name(class)
                            );
                            return Err(runtime.attribute_error(message));
                        }
                        call(host, *deleter, &[object], &[])?;
                        return Ok(());
                    }
                    Some(Payload::Instance(_)) => {
                        // A data descriptor: `__delete__`, or an error when it only sets.
                        let descriptor_class = type_of(runtime, descriptor);
                        let names = runtime.names;
                        if let Some(delete) =
                            lookup_in_type(runtime, descriptor_class, names.__delete__)
                        {
                            call_bound(host, delete, descriptor, &[object])?;
                            return Ok(());
                        }
                        if lookup_in_type(runtime, descriptor_class, names.__set__).is_some() {
                            return Err(runtime.attribute_error("__delete__"));
                        }
                    }
                    _ => {}
                }
            }
            let dict = instance.dict();
            if !dict.is_null() {
                return match crate::types::dict::remove_str_key(runtime, dict, name) {
                    Some(_) => Ok(()),
                    None => Err(no_attribute(host, object, name)),
                };
            }
            let shape = instance.shape.get().clone();
            match shape.slot_of(name) {
                Some(slot) if !instance.slots.get()[slot].is_null() => {
                    let mut names = shape.names().to_vec();
                    let mut slots = instance.slots.get().clone();
                    names.remove(slot);
                    slots.remove(slot);
                    *instance.shape.get() =
                        crate::shape::Shape::from_names(&runtime.root_shape, &names);
                    *instance.slots.get() = slots;
                    Ok(())
                }
                _ => Err(no_attribute(host, object, name)),
            }
        }
        Some(Payload::Type(class)) => {
            if !class.user_defined {
                let message = format!(
                    "cannot delete '{}' attribute of immutable type '{}'",
                    str_value(name).unwrap_or("?"),
                    class_name(object)
                );
                return Err(runtime.type_error(message));
            }
            let dict = class.dict;
            if crate::types::dict::remove_str_key(runtime, dict, name).is_none() {
                return Err(no_attribute(host, object, name));
            }
            class.version.set(class.version.get() + 1);
            Ok(())
        }
        Some(Payload::Module { dict, .. }) => {
            if crate::types::dict::remove_str_key(runtime, *dict, name).is_none() {
                return Err(no_attribute(host, object, name));
            }
            Ok(())
        }
        _ => Err(no_attribute(host, object, name)),
    }
}

/// The namespace of a class, for callers that add to it.
pub fn class_namespace(class: Value) -> Option<Value> {
    type_dict(class)
}

/// `super(class, object).name`: the MRO of `object`'s class after `class`, bound to `object`.
/// `super().name` for a method call, when it needs no bound-method object: `super()` bound
/// to an instance, and `name` found after `class` in the MRO of the instance's class as a
/// Python function or a builtin method, which `super_attribute` would bind to the instance.
/// `None` sends the lookup the general way.
fn super_method(
    runtime: &mut crate::Runtime,
    class: Value,
    bound: Value,
    name: Value,
) -> Option<Value> {
    if bound.is_null() || as_type(bound).is_some() {
        return None;
    }
    let start = as_type(type_of(runtime, bound))?;
    let position = start.mro.get().iter().position(|&entry| entry == class)? + 1;
    let mut index = position;
    // By index: the MRO is read afresh after each namespace lookup.
    while let Some(&base) = start.mro.get().get(index) {
        index += 1;
        let Some(dict) = type_dict(base) else {
            continue;
        };
        if let Some(found) = get_str_key(runtime, dict, name) {
            return match found.as_object().map(|object| &object.payload) {
                Some(Payload::Function(_)) => Some(found),
                Some(Payload::NativeFunction(native)) if native.receiver.is_null() => Some(found),
                _ => None,
            };
        }
    }
    None
}

fn super_attribute(
    host: &mut dyn Host,
    class: Value,
    bound: Value,
    name: Value,
) -> PyResult<Option<Value>> {
    let runtime = host.runtime();
    let (start_class, is_class_bound) =
        if as_type(bound).is_some() && crate::protocol::is_subclass(bound, class) {
            (bound, true)
        } else {
            (type_of(runtime, bound), false)
        };
    let Some(start) = as_type(start_class) else {
        return Ok(None);
    };
    let mro = start.mro.get().clone();
    let position = mro
        .iter()
        .position(|&entry| entry == class)
        .map_or(mro.len(), |index| index + 1);
    for &base in &mro[position..] {
        let Some(dict) = type_dict(base) else {
            continue;
        };
        if let Some(found) = get_str_key(host.runtime(), dict, name) {
            if is_class_bound {
                return match found.as_object().map(|object| &object.payload) {
                    Some(Payload::ClassMethod(function)) => {
                        let function = *function;
                        Ok(Some(host.runtime().heap.allocate(Payload::BoundMethod {
                            function,
                            receiver: bound,
                        })))
                    }
                    Some(Payload::StaticMethod(function)) => Ok(Some(*function)),
                    _ => Ok(Some(found)),
                };
            }
            return bind(host, found, bound, start_class).map(Some);
        }
    }
    Ok(None)
}

/// `instance.__class__ = new_class`, as `object.__setattr__` does it: both classes must be
/// classes defined in Python with the same instance layout (the same `__slots__`).
fn assign_class(
    runtime: &mut crate::Runtime,
    instance: &crate::object::InstanceObject,
    class: Value,
    new_class: Value,
) -> PyResult<()> {
    let Some(target) = as_type(new_class) else {
        let message = format!(
            "__class__ must be set to a class, not '{}' object",
            type_name(runtime, new_class)
        );
        return Err(runtime.type_error(message));
    };
    let Some(current) = as_type(class) else {
        return Err(runtime.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    if !target.user_defined || !current.user_defined {
        return Err(runtime.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if target.slot_names != current.slot_names {
        let message = format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            str_value(target.name).unwrap_or("?"),
            str_value(current.name).unwrap_or("?")
        );
        return Err(runtime.type_error(message));
    }
    *instance.class.get() = new_class;
    Ok(())
}
