//! `type`: class creation (`class` statements through `__build_class__`, and
//! `type(name, bases, namespace)`), the C3 method resolution order, and the type methods.

use crate::object::{Layout, Mutable, Payload, TypeObject};
use crate::protocol::{
    as_type, call, class_name, lookup_in_type, str_value, type_dict, type_name, type_of,
};
use crate::types::dict::{get_str_key, pairs, set_str_key};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The type methods.
pub const METHODS: crate::types::MethodTable = &[
    ("mro", mro_method),
    ("__subclasses__", subclasses),
    ("__call__", call_method),
    ("__init__", init_method),
];

/// The type static methods.
pub const STATIC_METHODS: crate::types::MethodTable = &[("__new__", new_method)];

/// `type.__new__(metaclass, name, bases, namespace)`: creates a class (what a metaclass's
/// `super().__new__(…)` reaches).
fn new_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    if positionals.len() == 2 && crate::protocol::as_type(positionals[0]).is_some() {
        return Ok(type_of(host.runtime(), positionals[1]));
    }
    if positionals.len() != 4 {
        return Err(host
            .runtime()
            .type_error("type.__new__() takes exactly 3 arguments"));
    }
    let bases = crate::types::tuple::items(positionals[2])
        .map(<[Value]>::to_vec)
        .unwrap_or_default();
    let keywords: Vec<(Value, Value)> = arguments.keywords().collect();
    new_class(
        host,
        positionals[0],
        positionals[1],
        &bases,
        positionals[3],
        &keywords,
    )
}

/// `type.__call__(class, *arguments)`: what a metaclass's `super().__call__(…)` reaches.
fn call_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&class) = arguments.values.first() else {
        return Err(host
            .runtime()
            .type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    crate::protocol::call::construct_instance(
        host,
        class,
        &arguments.values[1..],
        arguments.keyword_names,
    )
}

/// `type.__init__`: nothing to do once `__new__` made the class.
fn init_method(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// Computes the C3 linearization of a class with `bases`; CPython's error when impossible.
pub fn c3_mro(host: &mut dyn Host, class: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut sequences: Vec<Vec<Value>> = bases
        .iter()
        .map(|&base| {
            as_type(base)
                .map(|base| base.mro.get().clone())
                .unwrap_or_default()
        })
        .collect();
    sequences.push(bases.to_vec());
    let mut result = vec![class];
    loop {
        sequences.retain(|sequence| !sequence.is_empty());
        if sequences.is_empty() {
            return Ok(result);
        }
        let candidate = sequences.iter().map(|sequence| sequence[0]).find(|&head| {
            !sequences
                .iter()
                .any(|sequence| sequence[1..].contains(&head))
        });
        let Some(candidate) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for sequence in &sequences {
                let name = class_name(sequence[0]);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let message = format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            );
            return Err(host.runtime().type_error(message));
        };
        result.push(candidate);
        for sequence in &mut sequences {
            if sequence[0] == candidate {
                sequence.remove(0);
            }
        }
    }
}

/// Creates a class: `metaclass(name, bases, namespace, **keywords)` for the builtin `type`
/// metaclass; the keywords go to the parent's `__init_subclass__`.
pub fn new_class(
    host: &mut dyn Host,
    metaclass: Value,
    name: Value,
    bases: &[Value],
    namespace: Value,
    keywords: &[(Value, Value)],
) -> PyResult<Value> {
    let runtime = host.runtime();
    let object = runtime.types.object;
    let bases: Vec<Value> = if bases.is_empty() {
        vec![object]
    } else {
        bases.to_vec()
    };
    for &base in &bases {
        if as_type(base).is_none() {
            return Err(runtime.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        let final_types = [
            runtime.types.bool,
            runtime.types.range,
            runtime.types.slice,
            runtime.types.function,
            runtime.types.none_type,
        ];
        if final_types.contains(&base) {
            let message = format!("type '{}' is not an acceptable base type", class_name(base));
            return Err(runtime.type_error(message));
        }
    }
    let layout = if bases
        .iter()
        .any(|&base| crate::protocol::instance_layout(base) == Layout::Exception)
    {
        Layout::Exception
    } else {
        Layout::Object
    };
    let dict = runtime.new_dict();
    if let Some(table) = crate::types::dict::table(dict) {
        table.get().watch();
    }
    for (key, value) in pairs(namespace) {
        let key = runtime.intern_value(key);
        set_str_key(runtime, dict, key, value);
    }
    let names = runtime.names;
    let module =
        get_str_key(runtime, dict, names.__module__).unwrap_or_else(|| runtime.intern("__main__"));
    let qualname = get_str_key(runtime, dict, names.__qualname__).unwrap_or(name);
    crate::types::dict::remove_str_key(runtime, dict, names.__qualname__);
    // Every class has its own `__doc__`, None without a docstring (not object's).
    let doc_name = runtime.intern("__doc__");
    if get_str_key(runtime, dict, doc_name).is_none() {
        set_str_key(runtime, dict, doc_name, Value::NONE);
    }
    // A class that defines __eq__ but not __hash__ is unhashable.
    if get_str_key(runtime, dict, names.__eq__).is_some()
        && get_str_key(runtime, dict, names.__hash__).is_none()
    {
        set_str_key(runtime, dict, names.__hash__, Value::NONE);
    }
    // __init_subclass__ and __class_getitem__ are implicit classmethods.
    for implicit in [names.__init_subclass__, names.__class_getitem__] {
        if let Some(function) = get_str_key(runtime, dict, implicit) {
            if matches!(
                function.as_object().map(|object| &object.payload),
                Some(Payload::Function(_))
            ) {
                let wrapped = runtime.heap.allocate(Payload::ClassMethod(function));
                set_str_key(runtime, dict, implicit, wrapped);
            }
        }
    }
    if let Some(function) = get_str_key(runtime, dict, names.__new__) {
        if matches!(
            function.as_object().map(|object| &object.payload),
            Some(Payload::Function(_))
        ) {
            let wrapped = runtime.heap.allocate(Payload::StaticMethod(function));
            set_str_key(runtime, dict, names.__new__, wrapped);
        }
    }
    let slot_names = slot_names(host, dict, &bases)?;
    let runtime = host.runtime();
    let name = runtime.intern_value(name);
    let class = runtime.heap.allocate(Payload::Type(Box::new(TypeObject {
        name,
        qualname: Mutable::new(qualname),
        module: Mutable::new(module),
        bases: Mutable::new(bases.clone()),
        mro: Mutable::new(Vec::new()),
        dict,
        layout,
        version: std::cell::Cell::new(0),
        metaclass: Mutable::new(metaclass),
        user_defined: true,
        slot_names,
        instance_slots: std::cell::Cell::new(0),
    })));
    let mark = runtime.root_mark();
    runtime.push_root(class);
    let result = (|| {
        let mro = c3_mro(host, class, &bases)?;
        if let Some(class_object) = as_type(class) {
            *class_object.mro.get() = mro;
        }
        // __set_name__ on attributes, then __init_subclass__ of the parent.
        let runtime = host.runtime();
        let set_name = runtime.names.__set_name__;
        for (key, value) in pairs(dict) {
            if matches!(
                value.as_object().map(|object| &object.payload),
                Some(Payload::Instance(_))
            ) {
                let runtime = host.runtime();
                let value_class = type_of(runtime, value);
                if let Some(method) = lookup_in_type(runtime, value_class, set_name) {
                    crate::protocol::attribute::call_bound(host, method, value, &[class, key])?;
                }
            }
        }
        init_subclass(host, class, keywords)?;
        Ok(class)
    })();
    host.runtime().pop_roots(mark);
    result
}

/// `super(class, class).__init_subclass__(**keywords)`: the first definition after the class
/// in its MRO (`object`'s accepts no keywords).
fn init_subclass(host: &mut dyn Host, class: Value, keywords: &[(Value, Value)]) -> PyResult<()> {
    let runtime = host.runtime();
    let name = runtime.names.__init_subclass__;
    let parents: Vec<Value> = as_type(class)
        .map(|class| class.mro.get().iter().skip(1).copied().collect())
        .unwrap_or_default();
    let Some(method) = parents
        .iter()
        .find_map(|&parent| type_dict(parent).and_then(|dict| get_str_key(runtime, dict, name)))
    else {
        return Ok(());
    };
    let function = match method.as_object().map(|object| &object.payload) {
        Some(Payload::ClassMethod(function)) => *function,
        _ => method,
    };
    let mut values = vec![class];
    values.extend(keywords.iter().map(|&(_, value)| value));
    let names: Vec<Value> = keywords.iter().map(|&(name, _)| name).collect();
    call(host, function, &values, &names)?;
    Ok(())
}

/// PEP 560: a base that is not a class but has `__mro_entries__` (such as `list[int]`) is
/// replaced by the classes that method returns.
fn resolve_mro_entries(host: &mut dyn Host, original: &[Value]) -> PyResult<Vec<Value>> {
    let mut bases = Vec::with_capacity(original.len());
    let mark = host.runtime().root_mark();
    let mut original_tuple = Value::NULL;
    let result = (|| {
        for &base in original {
            if as_type(base).is_some() || !base.is_object() {
                bases.push(base);
                continue;
            }
            // Looked up on the base itself, as CPython does: a function can carry it too
            // (typing's NamedTuple and TypedDict).
            let name = host.runtime().intern("__mro_entries__");
            let Some(method) = crate::protocol::attribute::find_attribute(host, base, name)? else {
                bases.push(base);
                continue;
            };
            host.runtime().push_root(method);
            if original_tuple.is_null() {
                original_tuple = host.runtime().new_tuple(original.to_vec());
                host.runtime().push_root(original_tuple);
            }
            let entries = crate::protocol::call(host, method, &[original_tuple], &[])?;
            host.runtime().push_root(entries);
            match crate::types::tuple::items(entries) {
                Some(items) => bases.extend_from_slice(items),
                None => {
                    return Err(host
                        .runtime()
                        .type_error("__mro_entries__ must return a tuple"))
                }
            }
        }
        Ok(())
    })();
    host.runtime().pop_roots(mark);
    result.map(|()| bases)
}

/// `builtins.__build_class__(function, name, *bases, metaclass=…, **keywords)`.
pub fn build_class(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    if positionals.len() < 2 {
        return Err(host
            .runtime()
            .type_error("__build_class__: not enough arguments"));
    }
    let (function, name) = (positionals[0], positionals[1]);
    let original_bases = positionals[2..].to_vec();
    let bases = resolve_mro_entries(host, &original_bases)?;
    let bases_changed = bases != original_bases;
    let runtime = host.runtime();
    let mut metaclass = Value::NULL;
    let mut keyword_names = Vec::new();
    let mut keyword_values = Vec::new();
    for (keyword, value) in arguments.keywords() {
        if str_value(keyword) == Some("metaclass") {
            metaclass = value;
        } else {
            keyword_names.push(keyword);
            keyword_values.push(value);
        }
    }
    if metaclass.is_null() {
        metaclass = bases
            .first()
            .map(|&base| type_of(runtime, base))
            .unwrap_or(runtime.types.type_);
        for &base in &bases {
            let base_meta = type_of(runtime, base);
            if crate::protocol::is_subclass(base_meta, metaclass) {
                metaclass = base_meta;
            }
        }
    }
    // __prepare__
    let names = runtime.names;
    let namespace = match lookup_in_type(runtime, metaclass, names.__prepare__) {
        Some(prepare) if metaclass != runtime.types.type_ => {
            let function = match prepare.as_object().map(|object| &object.payload) {
                Some(Payload::ClassMethod(inner)) => *inner,
                _ => prepare,
            };
            let bases_tuple = runtime.new_tuple(bases.clone());
            let mut all = vec![metaclass, name, bases_tuple];
            all.extend(keyword_values.iter().copied());
            call(host, function, &all, &keyword_names)?
        }
        _ => runtime.new_dict(),
    };
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    runtime.push_root(namespace);
    let result = (|| {
        let cell = host.run_class_body(function, namespace)?;
        let runtime = host.runtime();
        if bases_changed {
            let original = runtime.new_tuple(original_bases.clone());
            let key = runtime.intern("__orig_bases__");
            crate::protocol::set_item(host, namespace, key, original)?;
        }
        let runtime = host.runtime();
        let class = if metaclass == runtime.types.type_ {
            let keywords: Vec<(Value, Value)> = keyword_names
                .iter()
                .copied()
                .zip(keyword_values.iter().copied())
                .collect();
            new_class(host, metaclass, name, &bases, namespace, &keywords)?
        } else {
            let bases_tuple = runtime.new_tuple(bases.clone());
            let mut all = vec![name, bases_tuple, namespace];
            all.extend(keyword_values.iter().copied());
            call(host, metaclass, &all, &keyword_names)?
        };
        if let Some(Payload::Cell(cell)) = cell.as_object().map(|object| &object.payload) {
            cell.set(class);
        }
        Ok(class)
    })();
    host.runtime().pop_roots(mark);
    result
}

/// `type(x)` and `type(name, bases, namespace)`.
pub fn type_call(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    match positionals.len() {
        1 => Ok(type_of(host.runtime(), positionals[0])),
        3 => {
            let bases = crate::types::tuple::items(positionals[1])
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            let metaclass = host.runtime().types.type_;
            new_class(host, metaclass, positionals[0], &bases, positionals[2], &[])
        }
        _ => Err(host.runtime().type_error("type() takes 1 or 3 arguments")),
    }
}

fn mro_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let class = arguments.values.first().copied().unwrap_or(Value::NONE);
    let mro = as_type(class)
        .map(|class| class.mro.get().clone())
        .unwrap_or_default();
    Ok(host.runtime().new_list(mro))
}

/// `type.__subclasses__(C)`: the classes on the heap that list `C` among their `__bases__`.
fn subclasses(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&class) = arguments.values.first() else {
        return Err(host
            .runtime()
            .type_error("descriptor '__subclasses__' of 'type' object needs an argument"));
    };
    let runtime = host.runtime();
    let mut found = Vec::new();
    runtime.heap.for_each_object(&mut |value| {
        if let Some(Payload::Type(object)) = value.as_object().map(|object| &object.payload) {
            if object.bases.get().contains(&class) {
                found.push(value);
            }
        }
    });
    Ok(runtime.new_list(found))
}

/// The namespace of a class (for `vars(C)`).
pub fn namespace(class: Value) -> Option<Value> {
    type_dict(class)
}

/// The error for a missing metaclass feature.
pub fn not_a_type(host: &mut dyn Host, value: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let message = format!("'{}' object is not a type", type_name(runtime, value));
    runtime.type_error(message)
}

/// The attribute names a class's instances are restricted to by `__slots__`: `None` unless the
/// class and every base (but `object`) declare slots without `__dict__`.
fn slot_names(
    host: &mut dyn Host,
    namespace: Value,
    bases: &[Value],
) -> PyResult<Option<Box<[Value]>>> {
    let runtime = host.runtime();
    let slots_name = runtime.names.__slots__;
    let Some(declared) = get_str_key(runtime, namespace, slots_name) else {
        return Ok(None);
    };
    let mut names: Vec<Value> = Vec::new();
    for &base in bases {
        let Some(base_object) = as_type(base) else {
            continue;
        };
        if base == runtime.types.object
            || (!base_object.user_defined && base_object.layout == Layout::Builtin)
        {
            continue;
        }
        match &base_object.slot_names {
            Some(inherited) => names.extend(inherited.iter().copied()),
            None => return Ok(None),
        }
    }
    let declared: Vec<Value> = if str_value(declared).is_some() {
        vec![declared]
    } else {
        crate::protocol::collect(host, declared)?
    };
    let runtime = host.runtime();
    for name in declared {
        match str_value(name) {
            Some("__dict__") => return Ok(None),
            Some(_) => names.push(runtime.intern_value(name)),
            None => {
                let message = format!(
                    "__slots__ items must be strings, not '{}'",
                    type_name(runtime, name)
                );
                return Err(runtime.type_error(message));
            }
        }
    }
    Ok(Some(names.into_boxed_slice()))
}
