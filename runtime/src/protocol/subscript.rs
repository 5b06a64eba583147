//! Subscription and membership: `a[i]`, `a[i] = v`, `del a[i]`, `x in a`.

use crate::object::Payload;
use crate::protocol::attribute::call_bound;
use crate::protocol::{equal, is_true, iterate, lookup_in_type, next, type_name, type_of};
use crate::value::Value;
use crate::{Host, PyResult};

/// `container[key]`.
pub fn get_item(host: &mut dyn Host, container: Value, key: Value) -> PyResult<Value> {
    let runtime = host.runtime();
    let names = runtime.names;
    let builtin = crate::protocol::delegate(runtime, container, &[names.__getitem__]);
    if builtin != container {
        // A dict subclass may define `__missing__`.
        if matches!(
            builtin.as_object().map(|object| &object.payload),
            Some(Payload::Dict(_))
        ) {
            if let Some(value) = crate::types::dict::get_value(host, builtin, key)? {
                return Ok(value);
            }
            let runtime = host.runtime();
            let class = type_of(runtime, container);
            if let Some(missing) = lookup_in_type(runtime, class, names.__missing__) {
                return call_bound(host, missing, container, &[key]);
            }
            return Err(host.runtime().key_error(key));
        }
        return get_item(host, builtin, key);
    }
    if let Some(object) = container.as_object() {
        match &object.payload {
            Payload::List(_) => return crate::types::list::get_item(host, container, key),
            Payload::Tuple(_) => return crate::types::tuple::get_item(host, container, key),
            Payload::Str(_) => return crate::types::str::get_item(host, container, key),
            Payload::Dict(_) => return crate::types::dict::get_item(host, container, key),
            Payload::Range { .. } => return crate::types::range::get_item(host, container, key),
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                return crate::types::bytes::get_item(host, container, key)
            }
            Payload::MemoryView(_) => {
                return crate::types::memoryview::get_item(host, container, key)
            }
            Payload::GenericAlias { .. } | Payload::Union(_) => {
                return crate::types::generic_alias::subscript(host, container, key)
            }
            Payload::Type(_) => {
                let runtime = host.runtime();
                if container == runtime.types.type_ {
                    // `type[int]`: CPython special-cases `type`, which has no
                    // `__class_getitem__` of its own.
                    return Ok(crate::types::generic_alias::new_alias(
                        runtime, container, key,
                    ));
                }
                let name = runtime.names.__class_getitem__;
                if let Some(method) = lookup_in_type(runtime, container, name) {
                    let function = match method.as_object().map(|object| &object.payload) {
                        Some(Payload::ClassMethod(inner)) => *inner,
                        _ => method,
                    };
                    return crate::protocol::call(host, function, &[container, key], &[]);
                }
            }
            _ => {}
        }
    }
    let runtime = host.runtime();
    let class = type_of(runtime, container);
    let name = runtime.names.__getitem__;
    if let Some(method) = lookup_in_type(runtime, class, name) {
        return call_bound(host, method, container, &[key]);
    }
    let runtime = host.runtime();
    let message = if matches!(
        container.as_object().map(|object| &object.payload),
        Some(Payload::Type(_))
    ) {
        format!(
            "type '{}' is not subscriptable",
            crate::protocol::class_name(container)
        )
    } else {
        format!(
            "'{}' object is not subscriptable",
            type_name(runtime, container)
        )
    };
    Err(runtime.type_error(message))
}

/// `container[key] = value`.
pub fn set_item(host: &mut dyn Host, container: Value, key: Value, value: Value) -> PyResult<()> {
    let runtime = host.runtime();
    let setitem_name = runtime.names.__setitem__;
    let container = crate::protocol::delegate(runtime, container, &[setitem_name]);
    if let Some(object) = container.as_object() {
        match &object.payload {
            Payload::List(_) => return crate::types::list::set_item(host, container, key, value),
            Payload::Dict(_) => return crate::types::dict::set_item(host, container, key, value),
            Payload::ByteArray(_) => {
                return crate::types::bytes::set_item(host, container, key, value)
            }
            Payload::MemoryView(_) => {
                return crate::types::memoryview::set_item(host, container, key, value)
            }
            _ => {}
        }
    }
    let runtime = host.runtime();
    let class = type_of(runtime, container);
    let name = runtime.names.__setitem__;
    if let Some(method) = lookup_in_type(runtime, class, name) {
        call_bound(host, method, container, &[key, value])?;
        return Ok(());
    }
    let runtime = host.runtime();
    let message = format!(
        "'{}' object does not support item assignment",
        type_name(runtime, container)
    );
    Err(runtime.type_error(message))
}

/// `del container[key]`.
pub fn delete_item(host: &mut dyn Host, container: Value, key: Value) -> PyResult<()> {
    let runtime = host.runtime();
    let delitem_name = runtime.names.__delitem__;
    let container = crate::protocol::delegate(runtime, container, &[delitem_name]);
    if let Some(object) = container.as_object() {
        match &object.payload {
            Payload::List(_) => return crate::types::list::delete_item(host, container, key),
            Payload::Dict(_) => return crate::types::dict::delete_item(host, container, key),
            Payload::ByteArray(_) => return crate::types::bytes::delete_item(host, container, key),
            Payload::MemoryView(_) => {
                return Err(host.runtime().type_error("cannot delete memory"))
            }
            _ => {}
        }
    }
    let runtime = host.runtime();
    let class = type_of(runtime, container);
    let name = runtime.names.__delitem__;
    if let Some(method) = lookup_in_type(runtime, class, name) {
        call_bound(host, method, container, &[key])?;
        return Ok(());
    }
    let runtime = host.runtime();
    let message = format!(
        "'{}' object doesn't support item deletion",
        type_name(runtime, container)
    );
    Err(runtime.type_error(message))
}

/// `item in container`.
pub fn contains(host: &mut dyn Host, container: Value, item: Value) -> PyResult<bool> {
    let runtime = host.runtime();
    let names = runtime.names;
    let container =
        crate::protocol::delegate(runtime, container, &[names.__contains__, names.__iter__]);
    if let Some(object) = container.as_object() {
        match &object.payload {
            Payload::Str(text) => {
                let Some(needle) = crate::protocol::str_value(item) else {
                    let runtime = host.runtime();
                    let message = format!(
                        "'in <string>' requires string as left operand, not {}",
                        type_name(runtime, item)
                    );
                    return Err(runtime.type_error(message));
                };
                // One ASCII byte never occurs inside a multi-byte character: a byte search.
                if let &[byte] = needle.as_bytes() {
                    return Ok(text.text().as_bytes().contains(&byte));
                }
                return Ok(text.text().contains(needle));
            }
            Payload::Dict(_) | Payload::Set(_) | Payload::FrozenSet(_) => {
                return crate::types::dict::contains_key(host, container, item);
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                return crate::types::bytes::contains(host, container, item)
            }
            Payload::MemoryView(_) => return contains_by_iteration(host, container, item),
            Payload::DictView(dict, kind) => {
                let dict = *dict;
                return match kind {
                    crate::object::DictViewKind::Keys => {
                        crate::types::dict::contains_key(host, dict, item)
                    }
                    _ => contains_by_iteration(host, container, item),
                };
            }
            Payload::Range { .. } => {
                // Exact ints arithmetically; anything else (bools, floats, strs, objects with
                // `__eq__`) by comparing with each element, as CPython does.
                return match crate::types::range::contains(container, item) {
                    Some(result) => Ok(result),
                    None => contains_by_iteration(host, container, item),
                };
            }
            Payload::List(items) => {
                let mut index = 0;
                loop {
                    let Some(candidate) = items.get().get(index).copied() else {
                        return Ok(false);
                    };
                    if equal(host, candidate, item)? {
                        return Ok(true);
                    }
                    index += 1;
                }
            }
            Payload::Tuple(items) => {
                for &candidate in items.iter() {
                    if equal(host, candidate, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            _ => {}
        }
    }
    let runtime = host.runtime();
    let class = type_of(runtime, container);
    let names = runtime.names;
    if let Some(method) = lookup_in_type(runtime, class, names.__contains__) {
        let result = call_bound(host, method, container, &[item])?;
        return is_true(host, result);
    }
    if lookup_in_type(runtime, class, names.__iter__).is_some()
        || lookup_in_type(runtime, class, names.__getitem__).is_some()
        || matches!(
            container.as_object().map(|object| &object.payload),
            Some(Payload::Iterator(_))
        )
        || crate::types::coroutine::is_generator_iterator(container)
    {
        return contains_by_iteration(host, container, item);
    }
    let runtime = host.runtime();
    let message = format!(
        "argument of type '{}' is not iterable",
        type_name(runtime, container)
    );
    Err(runtime.type_error(message))
}

fn contains_by_iteration(host: &mut dyn Host, container: Value, item: Value) -> PyResult<bool> {
    let iterator = iterate(host, container)?;
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    runtime.push_root(iterator);
    let result = (|| {
        while let Some(candidate) = next(host, iterator)? {
            if equal(host, candidate, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    host.runtime().pop_roots(mark);
    result
}
