//! The `sys` module.

use crate::object::{Layout, Payload};
use crate::stream::TextStream;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("sys");
    super::add_functions(
        runtime,
        module,
        "sys",
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("getsizeof", getsizeof),
            ("intern", intern),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("_getframe", getframe),
            ("getswitchinterval", getswitchinterval),
            ("setswitchinterval", setswitchinterval),
            ("excepthook", excepthook),
            ("__excepthook__", excepthook),
            ("set_asyncgen_hooks", set_asyncgen_hooks),
            ("get_asyncgen_hooks", get_asyncgen_hooks),
        ],
    );
    let float_info = [
        ("max", Value::float(f64::MAX)),
        ("max_exp", Value::small_int(1024).unwrap_or(Value::NONE)),
        ("max_10_exp", Value::small_int(308).unwrap_or(Value::NONE)),
        ("min", Value::float(f64::MIN_POSITIVE)),
        ("min_exp", Value::small_int(-1021).unwrap_or(Value::NONE)),
        ("min_10_exp", Value::small_int(-307).unwrap_or(Value::NONE)),
        ("dig", Value::small_int(15).unwrap_or(Value::NONE)),
        ("mant_dig", Value::small_int(53).unwrap_or(Value::NONE)),
        ("epsilon", Value::float(f64::EPSILON)),
        ("radix", Value::small_int(2).unwrap_or(Value::NONE)),
        ("rounds", Value::small_int(1).unwrap_or(Value::NONE)),
    ];
    let float_info = struct_sequence(runtime, "float_info", &float_info);
    super::set(runtime, module, "float_info", float_info);
    let int_info = [
        ("bits_per_digit", runtime.new_int(30)),
        ("sizeof_digit", runtime.new_int(4)),
        ("default_max_str_digits", runtime.new_int(4300)),
        ("str_digits_check_threshold", runtime.new_int(640)),
    ];
    let int_info = struct_sequence(runtime, "int_info", &int_info);
    super::set(runtime, module, "int_info", int_info);
    let algorithm = runtime.new_str("siphash13");
    let hash_info = [
        ("width", runtime.new_int(64)),
        ("modulus", runtime.new_int((1i64 << 61) - 1)),
        ("inf", runtime.new_int(314_159)),
        ("nan", runtime.new_int(0)),
        ("imag", runtime.new_int(1_000_003)),
        ("algorithm", algorithm),
        ("hash_bits", runtime.new_int(64)),
        ("seed_bits", runtime.new_int(128)),
        ("cutoff", runtime.new_int(0)),
    ];
    let hash_info = struct_sequence(runtime, "hash_info", &hash_info);
    super::set(runtime, module, "hash_info", hash_info);
    let argv: Vec<Value> = runtime
        .argv
        .clone()
        .iter()
        .map(|argument| runtime.new_str(argument))
        .collect();
    let argv = runtime.new_list(argv);
    super::set(runtime, module, "argv", argv);
    let modules = runtime.modules;
    super::set(runtime, module, "modules", modules);
    let path = runtime.new_list(Vec::new());
    super::set(runtime, module, "path", path);
    for (name, stream) in [
        ("stdout", TextStream::Stdout),
        ("stderr", TextStream::Stderr),
        ("stdin", TextStream::Stdin),
    ] {
        let value = runtime.heap.allocate(Payload::TextStream(stream));
        super::set(runtime, module, name, value);
        let dunder = format!("__{name}__");
        super::set(runtime, module, &dunder, value);
    }
    let maxsize = runtime.new_int(i64::MAX);
    super::set(runtime, module, "maxsize", maxsize);
    let version = runtime.new_str("3.11.7 (krait 0.1.0)");
    super::set(runtime, module, "version", version);
    let parts: Vec<Value> = [3i64, 11, 7]
        .iter()
        .map(|&part| runtime.new_int(part))
        .collect();
    let mut version_info = parts;
    let final_text = runtime.new_str("final");
    version_info.push(final_text);
    version_info.push(Value::small_int(0).unwrap_or(Value::NONE));
    let version_info = runtime.new_tuple(version_info);
    super::set(runtime, module, "version_info", version_info);
    let platform = runtime.new_str(if cfg!(target_os = "macos") {
        "darwin"
    } else {
        "linux"
    });
    super::set(runtime, module, "platform", platform);
    let byteorder = runtime.new_str("little");
    super::set(runtime, module, "byteorder", byteorder);
    let executable = runtime.new_str(
        &std::env::current_exe()
            .map(|path| path.display().to_string())
            .unwrap_or_default(),
    );
    super::set(runtime, module, "executable", executable);
    let implementation = runtime.new_module("krait");
    let name = runtime.new_str("krait");
    super::set(runtime, implementation, "name", name);
    super::set(runtime, module, "implementation", implementation);
    let builtin_names: Vec<Value> = ["builtins", "sys", "math", "time", "gc"]
        .iter()
        .map(|name| runtime.new_str(name))
        .collect();
    let builtin_names = runtime.new_tuple(builtin_names);
    super::set(runtime, module, "builtin_module_names", builtin_names);
    module
}

fn exit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let args = arguments.positionals().to_vec();
    let exception = runtime.new_exception(runtime.types.system_exit, args);
    Err(crate::PyErr { exception })
}

fn getrecursionlimit(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let limit = runtime.recursion_limit as i64;
    Ok(runtime.new_int(limit))
}

fn setrecursionlimit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let limit = arguments
        .values
        .first()
        .and_then(|&value| crate::types::int::as_int(value))
        .and_then(|int| int.to_i64());
    match limit {
        Some(limit) if limit >= 1 => {
            host.runtime().recursion_limit = limit.min(10_000_000) as usize;
            host.recursion_limit_changed();
            Ok(Value::NONE)
        }
        Some(_) => Err(host
            .runtime()
            .value_error("recursion limit must be greater or equal than 1")),
        None => Err(host
            .runtime()
            .type_error("'str' object cannot be interpreted as an integer")),
    }
}

/// `sys.getswitchinterval()`: how long a thread runs before a waiting one gets the GIL.
fn getswitchinterval(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::float(host.switch_interval()))
}

/// `sys.setswitchinterval(seconds)`.
fn setswitchinterval(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "setswitchinterval", 1, 1)?;
    let value = arguments.values[0];
    let seconds = match value.as_float() {
        Some(seconds) => seconds,
        None => match crate::types::int::as_int(value) {
            Some(int) => int.to_f64().unwrap_or(f64::INFINITY),
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "must be real number, not {}",
                    crate::protocol::type_name(runtime, value)
                );
                return Err(runtime.type_error(message));
            }
        },
    };
    if seconds <= 0.0 || seconds.is_nan() {
        return Err(host
            .runtime()
            .value_error("switch interval must be strictly positive"));
    }
    host.set_switch_interval(seconds);
    Ok(Value::NONE)
}

/// `sys.excepthook(type, value, traceback)`: prints the exception's report to standard
/// error, as for an uncaught exception (`threading.excepthook` uses it).
fn excepthook(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "excepthook", 3, 3)?;
    let exception = arguments.values[1];
    let report = if exception.is_none() {
        "NoneType: None\n".to_owned()
    } else {
        host.format_exception(exception)
    };
    crate::stream::write_or_raise(host, TextStream::Stderr, &report)?;
    Ok(Value::NONE)
}

fn exc_info(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let exception = host.handled_exception();
    let runtime = host.runtime();
    if exception.is_null() || exception.is_none() {
        return Ok(runtime.new_tuple_from(&[Value::NONE, Value::NONE, Value::NONE]));
    }
    let class = crate::protocol::type_of(runtime, exception);
    let traceback = crate::types::traceback::head(runtime, exception);
    Ok(runtime.new_tuple_from(&[class, exception, traceback]))
}

fn exception(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let exception = host.handled_exception();
    Ok(if exception.is_null() {
        Value::NONE
    } else {
        exception
    })
}

fn getsizeof(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let size = arguments
        .values
        .first()
        .and_then(|value| value.as_object())
        .map_or(24, |object| 16 + object.owned_bytes());
    Ok(host.runtime().new_int(size as i64))
}

fn intern(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = arguments.values.first().copied().unwrap_or(Value::NONE);
    Ok(host.runtime().intern_value(value))
}

fn set_int_max_str_digits(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    let mut value = positionals.first().copied();
    for (keyword, given) in arguments.keywords() {
        if crate::protocol::str_value(keyword) == Some("maxdigits") && value.is_none() {
            value = Some(given);
        } else {
            let message = format!(
                "'{}' is an invalid keyword argument for set_int_max_str_digits()",
                crate::protocol::str_value(keyword).unwrap_or("?")
            );
            return Err(host.runtime().type_error(message));
        }
    }
    let Some(value) = value.filter(|_| positionals.len() + arguments.keyword_names.len() == 1)
    else {
        let message = format!(
            "set_int_max_str_digits() takes exactly one argument ({} given)",
            arguments.values.len()
        );
        return Err(host.runtime().type_error(message));
    };
    let Some(limit) = crate::types::int::as_int(value) else {
        let runtime = host.runtime();
        let message = format!(
            "'{}' object cannot be interpreted as an integer",
            crate::protocol::type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    };
    let threshold = crate::types::int::MAX_STR_DIGITS_THRESHOLD;
    match limit.to_i64() {
        Some(limit) if limit == 0 || limit >= threshold as i64 => {
            host.runtime().int_max_str_digits = limit as usize;
            Ok(Value::NONE)
        }
        Some(_) => Err(host
            .runtime()
            .value_error("maxdigits must be 0 or larger than 640")),
        None if limit.is_negative() => Err(host
            .runtime()
            .value_error("maxdigits must be 0 or larger than 640")),
        None => Err(host
            .runtime()
            .overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn get_int_max_str_digits(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let limit = runtime.int_max_str_digits as i64;
    Ok(runtime.new_int(limit))
}

/// A new class `sys.<name>` deriving from `tuple` (not registered anywhere).
fn tuple_class(runtime: &mut Runtime, name: &str) -> Value {
    let class = runtime.new_type_object(name, Layout::Object);
    if let Some(object) = crate::protocol::as_type(class) {
        *object.bases.get() = vec![runtime.types.tuple];
        *object.mro.get() = vec![class, runtime.types.tuple, runtime.types.object];
        *object.module.get() = runtime.intern("sys");
    }
    class
}

/// A named-tuple-like value (`sys.float_info`, …): a tuple of the field values whose fields
/// are also attributes.
fn struct_sequence(runtime: &mut Runtime, name: &str, fields: &[(&str, Value)]) -> Value {
    let class = tuple_class(runtime, name);
    let instance = runtime.new_instance(class, Layout::Object);
    let items = runtime.new_tuple(fields.iter().map(|&(_, value)| value).collect());
    if let Some(Payload::Instance(object)) = instance.as_object().map(|object| &object.payload) {
        object.set_base(items);
    }
    for &(field, value) in fields {
        let key = runtime.intern(field);
        crate::protocol::attribute::store_slot(runtime, instance, key, value);
    }
    instance
}

/// `sys._getframe(depth=0)`: a snapshot of the caller's frame (`f_globals`, `f_locals`,
/// `f_code`, `f_lineno`, `f_back`).
fn getframe(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mut depth = Value::NULL;
    if let Some(&value) = arguments.positionals().first() {
        depth = value;
    }
    for (keyword, value) in arguments.keywords() {
        if crate::protocol::str_value(keyword) == Some("depth") && depth.is_null() {
            depth = value;
        } else {
            return Err(host
                .runtime()
                .type_error("_getframe() got an unexpected keyword argument"));
        }
    }
    let depth = if depth.is_null() {
        0
    } else {
        match crate::types::int::as_int(depth).and_then(|int| int.to_i64()) {
            Some(depth) => depth.max(0) as usize,
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "'{}' object cannot be interpreted as an integer",
                    crate::protocol::type_name(runtime, depth)
                );
                return Err(runtime.type_error(message));
            }
        }
    };
    let records = host.frame_records(depth)?;
    let runtime = host.runtime();
    if records.is_empty() {
        return Err(runtime.value_error("call stack is not deep enough"));
    }
    let class = match runtime.frame_class {
        class if !class.is_null() => class,
        _ => {
            let class = runtime.new_type_object("frame", Layout::Object);
            if let Some(object) = crate::protocol::as_type(class) {
                *object.bases.get() = vec![runtime.types.object];
                *object.mro.get() = vec![class, runtime.types.object];
            }
            runtime.frame_class = class;
            class
        }
    };
    let mut back = Value::NONE;
    for record in records.iter().rev() {
        let frame = runtime.new_instance(class, Layout::Object);
        let line = runtime.new_int(i64::from(record.line));
        for (field, value) in [
            ("f_globals", record.globals),
            ("f_locals", record.locals),
            ("f_code", record.code),
            ("f_lineno", line),
            ("f_back", back),
        ] {
            let key = runtime.intern(field);
            crate::protocol::attribute::store_slot(runtime, frame, key, value);
        }
        back = frame;
    }
    Ok(back)
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: an omitted hook keeps its value.
/// Event loops (asyncio's `run_forever`) install theirs while they run.
fn set_asyncgen_hooks(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positional = arguments.positionals();
    if positional.len() > 2 {
        let message = format!(
            "set_asyncgen_hooks() takes at most 2 arguments ({} given)",
            positional.len()
        );
        return Err(host.runtime().type_error(message));
    }
    let mut hooks = [Value::NULL; 2];
    hooks[..positional.len()].copy_from_slice(positional);
    for (keyword, value) in arguments.keywords() {
        let index = match crate::protocol::str_value(keyword) {
            Some("firstiter") => 0,
            Some("finalizer") => 1,
            other => {
                let message = format!(
                    "set_asyncgen_hooks() got an unexpected keyword argument '{}'",
                    other.unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        };
        hooks[index] = value;
    }
    for (index, name) in ["firstiter", "finalizer"].into_iter().enumerate() {
        let hook = hooks[index];
        if hook.is_null() || hook.is_none() {
            continue;
        }
        let callable = crate::builtins::functions::callable(host, Arguments::positional(&[hook]))?;
        if callable != Value::TRUE {
            let runtime = host.runtime();
            let message = format!(
                "callable {name} expected, got {}",
                crate::protocol::type_name(runtime, hook)
            );
            return Err(runtime.type_error(message));
        }
    }
    let runtime = host.runtime();
    for (slot, hook) in runtime.asyncgen_hooks.iter_mut().zip(hooks) {
        if !hook.is_null() {
            *slot = hook;
        }
    }
    Ok(Value::NONE)
}

/// `sys.get_asyncgen_hooks()` → `asyncgen_hooks(firstiter=..., finalizer=...)`.
fn get_asyncgen_hooks(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let [first_iteration, finalizer] = runtime.asyncgen_hooks;
    Ok(struct_sequence(
        runtime,
        "asyncgen_hooks",
        &[("firstiter", first_iteration), ("finalizer", finalizer)],
    ))
}
