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

/// Creates a builtin exception: `OSError(errno, …)` becomes the subclass for its errno, and
/// the keyword arguments CPython accepts (`name=`, `obj=`, `path=`) become attributes.
pub fn construct(host: &mut dyn Host, class: Value, arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let types = runtime.types;
    if crate::protocol::is_subclass(class, types.base_exception_group) {
        return crate::types::exception_group::construct(host, class, arguments);
    }
    let positional = arguments.positionals().to_vec();
    crate::types::unicode_error::check_arguments(host, class, &positional)?;
    let runtime = host.runtime();
    let mut class = class;
    if class == types.os_error && positional.len() >= 2 {
        let errno = crate::types::int::as_int(positional[0]).and_then(|errno| errno.to_i64());
        class = match errno {
            Some(1 | 13) => types.permission_error,
            Some(2) => types.file_not_found_error,
            Some(3) => types.process_lookup_error,
            Some(4) => types.interrupted_error,
            Some(10) => types.child_process_error,
            // EAGAIN, EALREADY, EINPROGRESS: a non-blocking call that would block.
            Some(11 | 114 | 115) => types.blocking_io_error,
            Some(17) => types.file_exists_error,
            Some(20) => types.not_a_directory_error,
            Some(21) => types.is_a_directory_error,
            Some(32 | 108) => types.broken_pipe_error,
            Some(103) => types.connection_aborted_error,
            Some(104) => types.connection_reset_error,
            Some(110) => types.timeout_error,
            Some(111) => types.connection_refused_error,
            _ => class,
        };
    }
    let allowed: &[&str] = if crate::protocol::is_subclass(class, types.name_error) {
        &["name"]
    } else if crate::protocol::is_subclass(class, types.attribute_error) {
        &["name", "obj"]
    } else if crate::protocol::is_subclass(class, types.import_error) {
        &["name", "path"]
    } else {
        &[]
    };
    let mut attributes = Vec::new();
    for (keyword, value) in arguments.keywords() {
        let text = str_value_of(keyword);
        if !allowed.contains(&text.as_str()) {
            let message = if allowed.is_empty() {
                format!(
                    "{}() takes no keyword arguments",
                    crate::protocol::class_name(class)
                )
            } else {
                format!(
                    "'{text}' is an invalid keyword argument for {}()",
                    crate::protocol::class_name(class)
                )
            };
            return Err(runtime.type_error(message));
        }
        attributes.push((keyword, value));
    }
    // OSError(errno, strerror) keeps only those two in args when a filename is given.
    let exception = runtime.new_exception(class, positional.clone());
    if crate::protocol::is_subclass(class, types.os_error) && (2..=5).contains(&positional.len()) {
        let names = ["errno", "strerror", "filename", "winerror", "filename2"];
        for (index, &value) in positional.iter().enumerate() {
            if index == 3 {
                continue;
            }
            if index == 2 && positional.len() == 3 && class == types.blocking_io_error {
                // BlockingIOError(errno, strerror, characters_written).
                let name = runtime.intern("characters_written");
                crate::protocol::attribute::store_slot(runtime, exception, name, value);
                continue;
            }
            let name = runtime.intern(names[index]);
            crate::protocol::attribute::store_slot(runtime, exception, name, value);
        }
        if positional.len() > 2 {
            let args = runtime.new_tuple(positional[..2].to_vec());
            if let Some(data) = exception_data(exception) {
                data.get().args = args;
            }
        }
    }
    for (keyword, value) in attributes {
        let name = runtime.intern_value(keyword);
        crate::protocol::attribute::store_slot(runtime, exception, name, value);
    }
    Ok(exception)
}

fn str_value_of(value: Value) -> String {
    crate::protocol::str_value(value).unwrap_or("").to_owned()
}

/// The args tuple's items.
pub fn args(value: Value) -> Vec<Value> {
    let Some(data) = exception_data(value) else {
        return Vec::new();
    };
    crate::types::tuple::items(data.get().args)
        .map(<[Value]>::to_vec)
        .unwrap_or_default()
}

/// Fixed attributes of exceptions.
pub fn attribute(runtime: &mut Runtime, value: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(data) = exception_data(value) else {
        return Ok(None);
    };
    let names = runtime.names;
    let data = data.get();
    let or_none = |value: Value| if value.is_null() { Value::NONE } else { value };
    Ok(if name == names.args {
        Some(if data.args.is_null() {
            runtime.new_tuple(Vec::new())
        } else {
            data.args
        })
    } else if name == names.__cause__ {
        Some(or_none(data.cause))
    } else if name == names.__context__ {
        Some(or_none(data.context))
    } else if name == names.__suppress_context__ {
        Some(Value::bool(data.suppress_context))
    } else if name == names.__traceback__ {
        Some(crate::types::traceback::head(runtime, value))
    } else if name == names.value
        && crate::protocol::is_instance(runtime, value, runtime.types.stop_iteration)
    {
        let items = args(value);
        Some(items.first().copied().unwrap_or(Value::NONE))
    } else if name == names.code
        && crate::protocol::is_instance(runtime, value, runtime.types.system_exit)
    {
        let items = args(value);
        Some(match items.len() {
            0 => Value::NONE,
            1 => items[0],
            _ => data.args,
        })
    } else if crate::protocol::is_instance(runtime, value, runtime.types.syntax_error) {
        syntax_error_attribute(runtime, value, name)
    } else if crate::types::exception_group::is_group(runtime, value) {
        crate::types::exception_group::attribute(runtime, value, name)
    } else if let Some(field) = crate::types::unicode_error::attribute(runtime, value, name) {
        Some(field)
    } else if crate::protocol::is_instance(runtime, value, runtime.types.os_error) {
        let text = crate::protocol::str_value(name).unwrap_or("");
        matches!(
            text,
            "errno" | "strerror" | "filename" | "filename2" | "winerror"
        )
        .then_some(Value::NONE)
    } else if unset_keyword_attribute(runtime, value, name) {
        Some(Value::NONE)
    } else if name == names.msg
        && crate::protocol::is_instance(runtime, value, runtime.types.import_error)
    {
        Some(args(value).first().copied().unwrap_or(Value::NONE))
    } else {
        None
    })
}

/// Assigning one of the fields every exception has (`args`, `__cause__`, `__context__`,
/// `__suppress_context__`); `None` for other names.
pub fn set_attribute(
    host: &mut dyn Host,
    exception: Value,
    name: Value,
    value: Value,
) -> Option<PyResult<()>> {
    let data = exception_data(exception)?;
    let runtime = host.runtime();
    let names = runtime.names;
    let is_exception_or_none = value.is_none() || is_exception(value);
    if name == names.__cause__ || name == names.__context__ {
        let field = if name == names.__cause__ {
            "cause"
        } else {
            "context"
        };
        if !is_exception_or_none {
            return Some(Err(runtime.type_error(format!(
                "exception {field} must be None or derive from BaseException"
            ))));
        }
        let stored = if value.is_none() { Value::NULL } else { value };
        let data = data.get();
        if name == names.__cause__ {
            data.cause = stored;
            data.suppress_context = true;
        } else {
            data.context = stored;
        }
        return Some(Ok(()));
    }
    if name == names.__suppress_context__ {
        return Some(
            crate::protocol::is_true(host, value).map(|truth| data.get().suppress_context = truth),
        );
    }
    if name == names.__traceback__ {
        return Some(crate::types::traceback::assign(host, exception, value));
    }
    if name == names.args {
        return Some(crate::protocol::collect(host, value).map(|items| {
            let args = host.runtime().new_tuple(items);
            data.get().args = args;
        }));
    }
    None
}

/// `str(exception)`: '' with no args, str(arg) with one, repr(args) with more; KeyError uses
/// repr of its single argument.
pub fn str_of(host: &mut dyn Host, value: Value) -> PyResult<String> {
    if crate::types::exception_group::is_group(host.runtime(), value) {
        return crate::types::exception_group::str_of(host, value);
    }
    let items = args(value);
    let runtime = host.runtime();
    if crate::protocol::is_instance(runtime, value, runtime.types.os_error) && items.len() == 2 {
        let mut fields = [Value::NONE; 3];
        for (slot, name) in fields.iter_mut().zip(["errno", "strerror", "filename"]) {
            let name = host.runtime().intern(name);
            *slot = crate::protocol::get_attribute(host, value, name)?;
        }
        let [errno, strerror, filename] = fields;
        let mut text = format!(
            "[Errno {}] {}",
            str_string(host, errno)?,
            str_string(host, strerror)?
        );
        if !filename.is_none() {
            text.push_str(&format!(": {}", repr_string(host, filename)?));
            let name = host.runtime().intern("filename2");
            let filename2 = crate::protocol::get_attribute(host, value, name)?;
            if !filename2.is_none() {
                text.push_str(&format!(" -> {}", repr_string(host, filename2)?));
            }
        }
        return Ok(text);
    }
    if let Some(message) = crate::types::unicode_error::message(host, value)? {
        return Ok(message);
    }
    let runtime = host.runtime();
    if crate::protocol::is_instance(runtime, value, runtime.types.syntax_error) && items.len() == 2
    {
        let details = crate::types::tuple::items(items[1]).unwrap_or(&[]).to_vec();
        let message = str_string(host, items[0])?;
        let file = details
            .first()
            .and_then(|&file| crate::protocol::str_value(file))
            .map(|file| {
                std::path::Path::new(file)
                    .file_name()
                    .map_or(file.to_owned(), |name| name.to_string_lossy().into_owned())
            });
        let line = details
            .get(1)
            .and_then(|&line| crate::types::int::as_int(line))
            .and_then(|line| line.to_i64());
        return Ok(match (file, line) {
            (Some(file), Some(line)) => format!("{message} ({file}, line {line})"),
            (Some(file), None) => format!("{message} ({file})"),
            (None, Some(line)) => format!("{message} (line {line})"),
            (None, None) => message,
        });
    }
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
            let Some(data) = exception_data(value) else {
                return Ok(String::new());
            };
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
    let Some(data) = exception_data(value) else {
        return Ok(format!("{name}()"));
    };
    let tuple = data.get().args;
    if tuple.is_null() || items.is_empty() {
        return Ok(format!("{name}()"));
    }
    Ok(format!("{name}{}", repr_string(host, tuple)?))
}

fn init(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&exception) = arguments.values.first() else {
        return Ok(Value::NONE);
    };
    let runtime = host.runtime();
    if !arguments.keyword_names.is_empty() {
        let message = format!(
            "{}() takes no keyword arguments",
            type_name(runtime, exception)
        );
        return Err(runtime.type_error(message));
    }
    let args = runtime.new_tuple(arguments.values[1..].to_vec());
    if let Some(data) = exception_data(exception) {
        data.get().args = args;
    }
    Ok(Value::NONE)
}

fn str_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&exception) = arguments.values.first() else {
        return Ok(Value::NONE);
    };
    let text = str_of(host, exception)?;
    Ok(host.runtime().new_string(text))
}

fn repr_method(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&exception) = arguments.values.first() else {
        return Ok(Value::NONE);
    };
    let text = repr_of(host, exception)?;
    Ok(host.runtime().new_string(text))
}

fn with_traceback(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "with_traceback", 2, 2)?;
    let (exception, traceback) = (arguments.values[0], arguments.values[1]);
    crate::types::traceback::assign(host, exception, traceback)?;
    Ok(exception)
}

fn add_note(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let (Some(&exception), Some(&note)) = (arguments.values.first(), arguments.values.get(1))
    else {
        return Err(host
            .runtime()
            .type_error("add_note() takes exactly one argument"));
    };
    if crate::protocol::str_value(note).is_none() {
        let runtime = host.runtime();
        let message = format!("note must be a str, not '{}'", type_name(runtime, note));
        return Err(runtime.type_error(message));
    }
    let notes_name = host.runtime().intern("__notes__");
    let notes = match crate::protocol::attribute::find_attribute(host, exception, notes_name)? {
        Some(notes) => notes,
        None => {
            let notes = host.runtime().new_list(Vec::new());
            crate::protocol::attribute::store_slot(host.runtime(), exception, notes_name, notes);
            notes
        }
    };
    match crate::types::list::items(notes) {
        Some(_) => {
            crate::types::list::push(host, notes, note);
            Ok(Value::NONE)
        }
        None => Err(host
            .runtime()
            .type_error("Cannot add note: __notes__ is not a list")),
    }
}

/// The notes added with `add_note`, as text (for traceback printing).
pub fn notes(host: &mut dyn Host, exception: Value) -> Vec<String> {
    let notes_name = host.runtime().intern("__notes__");
    let Ok(Some(notes)) = crate::protocol::attribute::find_attribute(host, exception, notes_name)
    else {
        return Vec::new();
    };
    let items = crate::types::list::items(notes)
        .map(|items| items.clone())
        .unwrap_or_default();
    items
        .into_iter()
        .filter_map(|note| crate::protocol::str_string(host, note).ok())
        .collect()
}

/// Whether a value is an exception instance.
pub fn is_exception(value: Value) -> bool {
    matches!(value.as_object().map(|object| &object.payload), Some(Payload::Instance(instance)) if instance.exception().is_some())
}

/// `msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset` of a SyntaxError,
/// from its args `(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`.
fn syntax_error_attribute(runtime: &mut Runtime, value: Value, name: Value) -> Option<Value> {
    let items = args(value);
    let details = items
        .get(1)
        .and_then(|&details| crate::types::tuple::items(details))
        .unwrap_or(&[]);
    let index = match crate::protocol::str_value(name)? {
        "msg" => return Some(items.first().copied().unwrap_or(Value::NONE)),
        "filename" => 0,
        "lineno" => 1,
        "offset" => 2,
        "text" => 3,
        "end_lineno" => 4,
        "end_offset" => 5,
        "print_file_and_line" => return Some(Value::NONE),
        _ => return None,
    };
    let _ = runtime;
    Some(details.get(index).copied().unwrap_or(Value::NONE))
}

/// Whether `name` is one of the keyword attributes CPython gives these exceptions (`name` of
/// NameError/ImportError/AttributeError, `obj` of AttributeError, `path` of ImportError),
/// which read as None until set.
fn unset_keyword_attribute(runtime: &Runtime, value: Value, name: Value) -> bool {
    let types = &runtime.types;
    let is = |class: Value| crate::protocol::is_instance(runtime, value, class);
    match crate::protocol::str_value(name) {
        Some("name") => is(types.name_error) || is(types.import_error) || is(types.attribute_error),
        Some("obj") => is(types.attribute_error),
        Some("path") => is(types.import_error),
        _ => false,
    }
}
