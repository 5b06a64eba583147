//! `vars()` and `dir()`: what a program can learn about the names an object or a scope holds.
//!
//! Without an argument both describe the calling frame's local scope. With one, `vars` is the
//! object's `__dict__`, and `dir` is the object's `__dir__()` when its class defines one in
//! Python, else CPython's default listing: a module's namespace, a class's attributes along
//! its MRO, or an object's own attributes plus its class's — always sorted.

use crate::builtins::{expect_arguments, no_keywords};
use crate::object::Payload;
use crate::protocol::{as_type, str_value, type_of};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The introspection builtins.
pub const FUNCTIONS: &[(&str, crate::object::NativeFunctionPointer)] =
    &[("vars", vars), ("dir", dir)];

fn vars(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "vars")?;
    expect_arguments(host, &arguments, "vars", 0, 1)?;
    let Some(&value) = arguments.values.first() else {
        return Ok(host.frame_namespaces()?.1);
    };
    let name = host.runtime().names.__dict__;
    match crate::protocol::attribute::find_attribute(host, value, name)? {
        Some(dict) => Ok(dict),
        None => Err(host
            .runtime()
            .type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "dir")?;
    expect_arguments(host, &arguments, "dir", 0, 1)?;
    let Some(&value) = arguments.values.first() else {
        let locals = host.frame_namespaces()?.1;
        let keys = crate::protocol::collect(host, locals)?;
        return sorted_list(host, keys);
    };
    let runtime = host.runtime();
    let class = type_of(runtime, value);
    let dir_name = runtime.intern("__dir__");
    if let Some(method) = crate::protocol::lookup_in_type(runtime, class, dir_name) {
        if !matches!(
            method.as_object().map(|object| &object.payload),
            Some(Payload::NativeFunction(_))
        ) {
            let result = crate::protocol::attribute::call_bound(host, method, value, &[])?;
            let items = crate::protocol::collect(host, result)?;
            return sorted_list(host, items);
        }
    }
    let names = default_names(host, value)?;
    let runtime = host.runtime();
    let items: Vec<Value> = names.iter().map(|name| runtime.new_str(name)).collect();
    sorted_list(host, items)
}

/// `object.__dir__`, `type.__dir__` and `module.__dir__`: the names, unsorted.
pub fn default_names(host: &mut dyn Host, value: Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |name: &str, names: &mut Vec<String>| {
        if !names.iter().any(|existing| existing == name) {
            names.push(name.to_owned());
        }
    };
    let add_dict =
        |dict: Value, names: &mut Vec<String>, add: &mut dyn FnMut(&str, &mut Vec<String>)| {
            for (key, _) in crate::types::dict::pairs(dict) {
                if let Some(text) = str_value(key) {
                    add(text, names);
                }
            }
        };
    if let Some(Payload::Module { dict, .. }) = value.as_object().map(|object| &object.payload) {
        add_dict(*dict, &mut names, &mut add);
        return Ok(names);
    }
    if let Some(Payload::Instance(instance)) = value.as_object().map(|object| &object.payload) {
        for &name in instance.shape.get().names() {
            if let Some(text) = str_value(name) {
                add(text, &mut names);
            }
        }
        let dict = instance.dict();
        if !dict.is_null() {
            add_dict(dict, &mut names, &mut add);
        }
    }
    let runtime = host.runtime();
    let class = if as_type(value).is_some() {
        value
    } else {
        type_of(runtime, value)
    };
    add("__class__", &mut names);
    add("__doc__", &mut names);
    // Numbers' fixed attributes, which krait answers without class attributes.
    let types = runtime.types;
    let fixed: &[&str] = if crate::protocol::is_subclass(class, types.int) {
        &["denominator", "imag", "numerator", "real"]
    } else if crate::protocol::is_subclass(class, types.float)
        || crate::protocol::is_subclass(class, types.complex)
    {
        &["imag", "real"]
    } else {
        &[]
    };
    for name in fixed {
        add(name, &mut names);
    }
    if let Some(class_object) = as_type(class) {
        let mro = class_object.mro.get().clone();
        // A user class without `__slots__` deriving from plain `object` gives its instances
        // `__dict__` and `__weakref__`, which CPython lists as class attributes.
        let has_instance_dict = mro.iter().any(|&base| {
            as_type(base).is_some_and(|base| base.user_defined && base.slot_names.is_none())
        }) && mro
            .iter()
            .filter(|&&base| !crate::protocol::is_user_class(base))
            .all(|&base| base == runtime.types.object);
        if has_instance_dict {
            add("__dict__", &mut names);
            add("__weakref__", &mut names);
        }
        for base in mro {
            if let Some(dict) = crate::protocol::type_dict(base) {
                add_dict(dict, &mut names, &mut add);
            }
            // `__slots__` names are member descriptors of the class in CPython.
            if let Some(slots) = as_type(base).and_then(|base| base.slot_names.as_ref()) {
                for &slot in slots.iter() {
                    if let Some(text) = str_value(slot) {
                        add(text, &mut names);
                    }
                }
            }
        }
    }
    Ok(names)
}

/// A new list of `items`, sorted as `sorted()` would (so a `__dir__` returning non-strs
/// reports the same comparison errors).
fn sorted_list(host: &mut dyn Host, items: Vec<Value>) -> PyResult<Value> {
    let runtime = host.runtime();
    let list = runtime.new_list(items);
    let mark = runtime.root_mark();
    runtime.push_root(list);
    let sort = runtime.intern("sort");
    let result = crate::protocol::call_method(host, list, sort, &[]);
    host.runtime().pop_roots(mark);
    result.map(|_| list)
}
