//! The `importlib` module: `import_module` (relative names resolved here, the import itself
//! done by the VM through [`Host::import_module`]) and `invalidate_caches`.

use crate::protocol::{str_value, type_name};
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("importlib");
    super::add_functions(
        runtime,
        module,
        "importlib",
        &[
            ("import_module", import_module),
            ("invalidate_caches", invalidate_caches),
        ],
    );
    module
}

/// `_resolve_name`: the absolute name of `name` relative to `package`, `level` dots up (level
/// 1 is the package itself); the message of the ImportError otherwise.
pub fn resolve_name(name: &str, package: &str, level: usize) -> Result<String, &'static str> {
    if package.is_empty() {
        return Err("attempted relative import with no known parent package");
    }
    let mut base = package;
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((parent, _)) => base = parent,
            None => return Err("attempted relative import beyond top-level package"),
        }
    }
    Ok(if name.is_empty() {
        base.to_owned()
    } else {
        format!("{base}.{name}")
    })
}

/// `import_module(name, package=None)`.
fn import_module(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positional = arguments.positionals();
    let mut name = positional.first().copied();
    let mut package = positional.get(1).copied();
    if positional.len() > 2 {
        let message = format!(
            "import_module() takes from 1 to 2 positional arguments but {} were given",
            positional.len()
        );
        return Err(host.runtime().type_error(message));
    }
    for (keyword, value) in arguments.keywords() {
        let slot = match str_value(keyword) {
            Some("name") => &mut name,
            Some("package") => &mut package,
            other => {
                let message = format!(
                    "import_module() got an unexpected keyword argument '{}'",
                    other.unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        };
        if slot.is_some() {
            let message = format!(
                "import_module() got multiple values for argument '{}'",
                str_value(keyword).unwrap_or("?")
            );
            return Err(host.runtime().type_error(message));
        }
        *slot = Some(value);
    }
    let runtime = host.runtime();
    let Some(name) = name else {
        return Err(
            runtime.type_error("import_module() missing 1 required positional argument: 'name'")
        );
    };
    let package = package.filter(|package| !package.is_none());
    let Some(name_text) = str_value(name) else {
        let message = format!("module name must be str, not {}", type_name(runtime, name));
        return Err(runtime.type_error(message));
    };
    let level = name_text.len() - name_text.trim_start_matches('.').len();
    let absolute = if level > 0 {
        let package_text = match package {
            // CPython tests `not package`: an empty string is no package either.
            Some(package) if str_value(package).is_some_and(|text| !text.is_empty()) => {
                str_value(package).unwrap_or("")
            }
            Some(package) if str_value(package).is_none() && protocol_truthy(package) => {
                return Err(runtime.type_error("__package__ not set to a string"));
            }
            _ => {
                let message = format!(
                    "the 'package' argument is required to perform a relative import for {}",
                    quoted(name_text)
                );
                return Err(runtime.type_error(message));
            }
        };
        match resolve_name(&name_text[level..], package_text, level) {
            Ok(absolute) => absolute,
            Err(message) => return Err(runtime.new_error(runtime.types.import_error, message)),
        }
    } else {
        if name_text.is_empty() {
            return Err(runtime.value_error("Empty module name"));
        }
        name_text.to_owned()
    };
    host.import_module(&absolute)
}

fn invalidate_caches(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// Whether a non-str `package` argument counts as given (CPython tests `not package`; None,
/// False and 0 are the falsy values seen in practice, both branches raise TypeError anyway).
fn protocol_truthy(value: Value) -> bool {
    !(value.is_none() || value == Value::FALSE || value.as_small_int() == Some(0))
}

/// `repr` of a module name in messages.
fn quoted(text: &str) -> String {
    if text.contains('\'') && !text.contains('"') {
        format!("\"{text}\"")
    } else {
        format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}
