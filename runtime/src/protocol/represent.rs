//! `repr()` and `str()` of every value, with CPython's formats, user `__repr__`/`__str__`, and
//! protection against infinite recursion through self-containing containers (`[...]`).

use crate::object::{DictViewKind, Payload};
use crate::protocol::attribute::call_bound;
use crate::protocol::{class_name, lookup_in_type, str_value, type_name, type_of};
use crate::types::int::as_int;
use crate::value::Value;
use crate::{Host, PyResult};

thread_local! {
    /// Containers whose repr is being computed (CPython's `Py_ReprEnter`).
    static IN_PROGRESS: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `repr(value)` as a str value.
pub fn repr(host: &mut dyn Host, value: Value) -> PyResult<Value> {
    if let Some(Payload::Instance(_)) = value.as_object().map(|object| &object.payload) {
        if let Some(result) = user_method(host, value, true)? {
            return Ok(result);
        }
    }
    let text = repr_string(host, value)?;
    Ok(host.runtime().new_string(text))
}

/// `str(value)` as a str value.
pub fn to_str(host: &mut dyn Host, value: Value) -> PyResult<Value> {
    if let Some(small) = value.as_small_int() {
        // An inline int (at most 15 digits: far below the int_max_str_digits limit).
        let runtime = host.runtime();
        if let Some(digit) = (0..10).contains(&small).then(|| b'0' + small as u8) {
            if let Some(shared) = runtime.ascii_char(digit) {
                return Ok(shared);
            }
        }
        let text = crate::str_object::StrObject::decimal(small);
        return Ok(runtime.heap.allocate(Payload::Str(text)));
    }
    match value.as_object().map(|object| &object.payload) {
        Some(Payload::Str(_)) => Ok(value),
        Some(Payload::Instance(instance)) if !instance.base().is_null() => {
            let text = str_string(host, value)?;
            Ok(host.runtime().new_string(text))
        }
        Some(Payload::Instance(_)) => match user_method(host, value, false)? {
            Some(result) => Ok(result),
            None => {
                let text = str_string(host, value)?;
                Ok(host.runtime().new_string(text))
            }
        },
        _ => {
            let text = str_string(host, value)?;
            Ok(host.runtime().new_string(text))
        }
    }
}

/// Calls a user-defined `__repr__`/`__str__` (not the builtin ones); checks it returns a str.
/// The method `name` if a class defined by Python code provides it (even a builtin function
/// assigned in its body, like `__str__ = int.__repr__`); `None` when the builtin type's own
/// behaviour applies.
fn user_override(runtime: &mut crate::Runtime, class: Value, name: Value) -> Option<Value> {
    let class_object = crate::protocol::as_type(class)?;
    for &base in class_object.mro.get().iter() {
        let Some(dict) = crate::protocol::type_dict(base) else {
            continue;
        };
        if let Some(found) = crate::types::dict::get_str_key(runtime, dict, name) {
            let user_defined = crate::protocol::is_user_class(base);
            let is_native = matches!(
                found.as_object().map(|object| &object.payload),
                Some(Payload::NativeFunction(_))
            );
            return (user_defined || !is_native).then_some(found);
        }
    }
    None
}

fn user_method(host: &mut dyn Host, value: Value, is_repr: bool) -> PyResult<Option<Value>> {
    let runtime = host.runtime();
    let class = type_of(runtime, value);
    let names = runtime.names;
    let method_name = if is_repr {
        names.__repr__
    } else {
        names.__str__
    };
    let method = match user_override(runtime, class, method_name) {
        Some(method) => method,
        None if !is_repr => match user_override(runtime, class, names.__repr__) {
            Some(method) => method,
            None => return Ok(None),
        },
        None => return Ok(None),
    };
    let result = call_bound(host, method, value, &[])?;
    if str_value(result).is_none() {
        let runtime = host.runtime();
        let message = format!(
            "{} returned non-string (type {})",
            if is_repr { "__repr__" } else { "__str__" },
            type_name(runtime, result)
        );
        return Err(runtime.type_error(message));
    }
    Ok(Some(result))
}

/// `str(value)` as a Rust string.
pub fn str_string(host: &mut dyn Host, value: Value) -> PyResult<String> {
    match value.as_object().map(|object| &object.payload) {
        Some(Payload::Str(text)) => Ok(text.text().to_string()),
        Some(Payload::Instance(instance)) => {
            let base = instance.base();
            let class = *instance.class.get();
            let runtime = host.runtime();
            let str_name = runtime.names.__str__;
            // A str subclass without its own __str__ is its text.
            if matches!(
                base.as_object().map(|object| &object.payload),
                Some(Payload::Str(_))
            ) {
                let overridden = lookup_in_type(runtime, class, str_name).is_some_and(|method| {
                    !matches!(
                        method.as_object().map(|object| &object.payload),
                        Some(Payload::NativeFunction(_))
                    )
                });
                if !overridden {
                    return Ok(str_value(base).unwrap_or("").to_owned());
                }
            }
            if let Some(result) = user_method(host, value, false)? {
                return Ok(str_value(result).unwrap_or("").to_owned());
            }
            if instance.exception().is_some() {
                return crate::types::exception::str_of(host, value);
            }
            repr_string(host, value)
        }
        Some(Payload::Type(class)) if has_custom_metaclass(host, class) => {
            match user_method(host, value, false)? {
                Some(result) => Ok(str_value(result).unwrap_or("").to_owned()),
                None => repr_string(host, value),
            }
        }
        _ => repr_string(host, value),
    }
}

/// Whether a class's metaclass is a Python subclass of `type` (which may define `__repr__`).
fn has_custom_metaclass(host: &mut dyn Host, class: &crate::object::TypeObject) -> bool {
    let metaclass = *class.metaclass.get();
    metaclass != host.runtime().types.type_ && crate::protocol::is_user_class(metaclass)
}

/// `repr(value)` as a Rust string.
pub fn repr_string(host: &mut dyn Host, value: Value) -> PyResult<String> {
    if let Some(float) = value.as_float() {
        return Ok(crate::types::float::repr(float));
    }
    if let Some(int) = as_int(value) {
        if value.is_bool() {
            return Ok(if value == Value::TRUE {
                "True"
            } else {
                "False"
            }
            .into());
        }
        return crate::types::int::to_decimal_checked(host.runtime(), &int);
    }
    let Some(object) = value.as_object() else {
        return Ok(match value {
            Value::NONE => "None",
            Value::NOT_IMPLEMENTED => "NotImplemented",
            Value::ELLIPSIS => "Ellipsis",
            _ => "<NULL>",
        }
        .into());
    };
    if let Payload::Type(class) = &object.payload {
        if has_custom_metaclass(host, class) {
            if let Some(result) = user_method(host, value, true)? {
                return Ok(str_value(result).unwrap_or("").to_owned());
            }
        }
    }
    if let Payload::Native(native) = &object.payload {
        // A native class may define its own `__repr__` (`_thread.lock`).
        let name = host.runtime().names.__repr__;
        let method = crate::protocol::type_dict(native.class)
            .and_then(|dict| crate::types::dict::get_str_key(host.runtime(), dict, name));
        if let Some(method) = method {
            let result = call_bound(host, method, value, &[])?;
            if let Some(text) = str_value(result) {
                return Ok(text.to_owned());
            }
        }
    }
    let runtime = host.runtime();
    let address = value.bits() & ((1 << 48) - 1);
    Ok(match &object.payload {
        Payload::Str(text) => crate::types::str::repr(text.text()),
        Payload::BigInt(_) => unreachable_int(),
        Payload::Complex(real, imaginary) => complex_repr(*real, *imaginary),
        Payload::Bytes(bytes) => bytes_repr(bytes),
        Payload::ByteArray(bytes) => bytearray_repr("bytearray", bytes.get()),
        Payload::MemoryView(_) => crate::types::memoryview::repr(value),
        Payload::List(_)
        | Payload::Tuple(_)
        | Payload::Set(_)
        | Payload::FrozenSet(_)
        | Payload::Dict(_)
        | Payload::DictView(..) => {
            return container_repr(host, value);
        }
        Payload::Range { start, stop, step } => {
            if *step == 1 {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        Payload::GenericAlias { .. } | Payload::Union(_) => {
            return crate::types::generic_alias::repr(host, value);
        }
        Payload::Traceback { .. } => crate::types::traceback::repr(value),
        Payload::Slice { start, stop, step } => {
            let (start, stop, step) = (*start, *stop, *step);
            format!(
                "slice({}, {}, {})",
                repr_string(host, start)?,
                repr_string(host, stop)?,
                repr_string(host, step)?
            )
        }
        Payload::Function(function) => {
            format!(
                "<function {} at {address:#x}>",
                str_value(*function.qualname.get()).unwrap_or("?")
            )
        }
        Payload::Code(code) => format!(
            "<code object {} at {address:#x}, file \"{}\", line {}>",
            code.code.name, code.code.filename, code.code.first_line
        ),
        Payload::NativeFunction(native) => {
            if native.receiver.is_null() {
                if native.owner == "builtins" || crate::modules::NAMES.contains(&native.owner) {
                    format!("<built-in function {}>", native.name)
                } else {
                    format!("<method '{}' of '{}' objects>", native.name, native.owner)
                }
            } else {
                let receiver_type = type_name(runtime, native.receiver);
                let receiver_address = native.receiver.bits() & ((1 << 48) - 1);
                if matches!(
                    native.receiver.as_object().map(|o| &o.payload),
                    Some(Payload::Module { .. })
                ) {
                    format!("<built-in function {}>", native.name)
                } else {
                    format!(
                        "<built-in method {} of {receiver_type} object at {receiver_address:#x}>",
                        native.name
                    )
                }
            }
        }
        Payload::BoundMethod { function, receiver } => {
            let (function, receiver) = (*function, *receiver);
            let name = match function.as_object().map(|object| &object.payload) {
                Some(Payload::Function(inner)) => {
                    str_value(*inner.qualname.get()).unwrap_or("?").to_owned()
                }
                _ => "?".to_owned(),
            };
            format!(
                "<bound method {name} of {}>",
                repr_string_of_any(host, receiver)?
            )
        }
        Payload::StaticMethod(_) => format!("<staticmethod object at {address:#x}>"),
        Payload::ClassMethod(_) => format!("<classmethod object at {address:#x}>"),
        Payload::Property { .. } => format!("<property object at {address:#x}>"),
        Payload::Super { class, .. } => format!(
            "<super: <class '{}'>, <{} object>>",
            class_name(*class),
            class_name(*class)
        ),
        Payload::Type(class) => {
            let module = str_value(*class.module.get()).unwrap_or("builtins");
            let qualname = str_value(*class.qualname.get()).unwrap_or("?");
            if module == "builtins" {
                format!("<class '{qualname}'>")
            } else {
                format!("<class '{module}.{qualname}'>")
            }
        }
        Payload::Instance(instance) => {
            if instance.exception().is_some() {
                return crate::types::exception::repr_of(host, value);
            }
            let base = instance.base();
            if let Some(Payload::ByteArray(bytes)) = base.as_object().map(|object| &object.payload)
            {
                return Ok(bytearray_repr(&type_name(runtime, value), bytes.get()));
            }
            if !base.is_null() {
                return repr_string(host, base);
            }
            let class = *instance.class.get();
            let class_object = crate::protocol::as_type(class);
            let module = class_object
                .and_then(|class| str_value(*class.module.get()))
                .unwrap_or("__main__");
            let qualname = class_object
                .and_then(|class| str_value(*class.qualname.get()))
                .unwrap_or("?");
            if module == "builtins" {
                format!("<{qualname} object at {address:#x}>")
            } else {
                format!("<{module}.{qualname} object at {address:#x}>")
            }
        }
        Payload::Module { name, dict } => module_repr(runtime, *name, *dict),
        Payload::Cell(_) => format!("<cell at {address:#x}>"),
        Payload::Iterator(_) => format!("<{} object at {address:#x}>", type_name(runtime, value)),
        Payload::Generator(generator) => {
            let kind = match generator.kind {
                crate::object::GeneratorKind::Generator => "generator",
                crate::object::GeneratorKind::Coroutine => "coroutine",
                crate::object::GeneratorKind::AsyncGenerator => "async_generator",
            };
            format!(
                "<{kind} object {} at {address:#x}>",
                str_value(generator.qualname).unwrap_or("?")
            )
        }
        Payload::Awaitable(awaitable) => crate::types::coroutine::repr(awaitable, runtime, address),
        Payload::TextStream(stream) => format!(
            "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
            stream.name(),
            if *stream == crate::stream::TextStream::Stdin {
                "r"
            } else {
                "w"
            }
        ),
        Payload::Native(native) => {
            let class_object = crate::protocol::as_type(native.class);
            let module = class_object
                .and_then(|class| str_value(*class.module.get()))
                .unwrap_or("builtins");
            let qualname = class_object
                .and_then(|class| str_value(*class.qualname.get()))
                .unwrap_or("?");
            format!("<{module}.{qualname} object at {address:#x}>")
        }
    })
}

fn unreachable_int() -> String {
    // Big ints are handled by `as_int` above.
    String::from("0")
}

fn repr_string_of_any(host: &mut dyn Host, value: Value) -> PyResult<String> {
    let result = repr(host, value)?;
    Ok(str_value(result).unwrap_or("").to_owned())
}

/// `repr` of a complex number as CPython prints it.
pub fn complex_repr(real: f64, imaginary: f64) -> String {
    let format_part = |value: f64| {
        let text = crate::types::float::repr(value);
        text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
    };
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", format_part(imaginary))
    } else {
        let sign = if imaginary < 0.0 || (imaginary == 0.0 && imaginary.is_sign_negative()) {
            "-"
        } else {
            "+"
        };
        format!(
            "({}{sign}{}j)",
            format_part(real),
            format_part(imaginary.abs())
        )
    }
}

/// `repr` of bytes.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &byte in bytes {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if byte == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr` of a bytearray (or an instance of a subclass named `name`): CPython escapes `'`
/// even inside double quotes.
pub fn bytearray_repr(name: &str, bytes: &[u8]) -> String {
    let inner = bytes_repr(bytes);
    let quote = &inner[1..2];
    let body = &inner[2..inner.len() - 1];
    let body = if quote == "\"" {
        body.replace('\'', "\\'")
    } else {
        body.to_owned()
    };
    format!("{name}(b{quote}{body}{quote})")
}

/// Repr of lists, tuples, dicts, sets and dict views, guarding against self-reference and,
/// like CPython, against nesting deeper than the recursion limit.
fn container_repr(host: &mut dyn Host, value: Value) -> PyResult<String> {
    let depth = IN_PROGRESS.with(|in_progress| in_progress.borrow().len());
    if depth >= host.runtime().recursion_limit {
        let runtime = host.runtime();
        return Err(runtime.new_error(
            runtime.types.recursion_error,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    let recursive = IN_PROGRESS.with(|in_progress| in_progress.borrow().contains(&value));
    let Some(object) = value.as_object() else {
        return Ok(String::new());
    };
    if recursive {
        return Ok(match &object.payload {
            Payload::List(_) => "[...]",
            Payload::Dict(_) => "{...}",
            _ => "...",
        }
        .into());
    }
    IN_PROGRESS.with(|in_progress| in_progress.borrow_mut().push(value));
    let result = container_repr_inner(host, value);
    IN_PROGRESS.with(|in_progress| {
        in_progress.borrow_mut().pop();
    });
    result
}

fn join_reprs(host: &mut dyn Host, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for &item in items {
        parts.push(repr_string_of_any(host, item)?);
    }
    Ok(parts.join(", "))
}

fn container_repr_inner(host: &mut dyn Host, value: Value) -> PyResult<String> {
    let Some(object) = value.as_object() else {
        return Ok(String::new());
    };
    match &object.payload {
        Payload::List(items) => {
            let items = items.get().clone();
            Ok(format!("[{}]", join_reprs(host, &items)?))
        }
        Payload::Tuple(items) => {
            let items = items.to_vec();
            if items.len() == 1 {
                Ok(format!("({},)", repr_string_of_any(host, items[0])?))
            } else {
                Ok(format!("({})", join_reprs(host, &items)?))
            }
        }
        Payload::Set(dict) | Payload::FrozenSet(dict) => {
            let keys: Vec<Value> = dict.get().entries().map(|entry| entry.key).collect();
            let is_frozen = matches!(object.payload, Payload::FrozenSet(_));
            let runtime = host.runtime();
            let name = type_name(runtime, value);
            if keys.is_empty() {
                return Ok(format!("{name}()"));
            }
            let inner = format!("{{{}}}", join_reprs(host, &keys)?);
            Ok(if is_frozen || name != "set" {
                format!("{name}({inner})")
            } else {
                inner
            })
        }
        Payload::Dict(dict) => {
            let entries: Vec<(Value, Value)> = dict
                .get()
                .entries()
                .map(|entry| (entry.key, entry.value))
                .collect();
            let mut parts = Vec::with_capacity(entries.len());
            for (key, item) in entries {
                parts.push(format!(
                    "{}: {}",
                    repr_string_of_any(host, key)?,
                    repr_string_of_any(host, item)?
                ));
            }
            Ok(format!("{{{}}}", parts.join(", ")))
        }
        Payload::DictView(dict, kind) => {
            let Some(Payload::Dict(table)) = dict.as_object().map(|object| &object.payload) else {
                return Ok(String::new());
            };
            let entries: Vec<(Value, Value)> = table
                .get()
                .entries()
                .map(|entry| (entry.key, entry.value))
                .collect();
            let (name, parts) = match kind {
                DictViewKind::Keys => (
                    "dict_keys",
                    join_reprs(
                        host,
                        &entries.iter().map(|entry| entry.0).collect::<Vec<_>>(),
                    )?,
                ),
                DictViewKind::Values => (
                    "dict_values",
                    join_reprs(
                        host,
                        &entries.iter().map(|entry| entry.1).collect::<Vec<_>>(),
                    )?,
                ),
                DictViewKind::Items => {
                    let mut parts = Vec::new();
                    for (key, item) in entries {
                        parts.push(format!(
                            "({}, {})",
                            repr_string_of_any(host, key)?,
                            repr_string_of_any(host, item)?
                        ));
                    }
                    ("dict_items", parts.join(", "))
                }
            };
            Ok(format!("{name}([{parts}])"))
        }
        _ => Ok(String::new()),
    }
}

/// `<module 'a' from '/path/a.py'>` for a module with a file, `<module 'ns'>` for a namespace
/// package (a spec but no file), `<module 'sys' (built-in)>` otherwise.
fn module_repr(runtime: &mut crate::Runtime, name: Value, dict: Value) -> String {
    let name = crate::types::str::repr(str_value(name).unwrap_or("?"));
    let file_name = runtime.names.__file__;
    let spec_name = runtime.names.__spec__;
    match crate::types::dict::get_str_key(runtime, dict, file_name) {
        Some(file) if str_value(file).is_some() => {
            format!(
                "<module {name} from {}>",
                crate::types::str::repr(str_value(file).unwrap_or(""))
            )
        }
        Some(_)
            if crate::types::dict::get_str_key(runtime, dict, spec_name)
                .is_some_and(|spec| !spec.is_none()) =>
        {
            format!("<module {name}>")
        }
        _ => {
            // `module('m')` sets `__loader__ = None`; the builtin modules have no loader.
            let loader = runtime.intern("__loader__");
            match crate::types::dict::get_str_key(runtime, dict, loader) {
                Some(loader) if loader.is_none() => format!("<module {name}>"),
                _ => format!("<module {name} (built-in)>"),
            }
        }
    }
}
