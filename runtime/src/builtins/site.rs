//! The builtins CPython's `site` module adds for programs: `exit()` and `quit()` (which raise
//! `SystemExit`), and `breakpoint()` with its `PYTHONBREAKPOINT` hook.

use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The site builtins.
pub const FUNCTIONS: &[(&str, crate::object::NativeFunctionPointer)] =
    &[("exit", exit), ("quit", quit), ("breakpoint", breakpoint)];

/// `exit(code=None)`: raises `SystemExit(code)`.
fn exit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    raise_system_exit(host, arguments, "exit")
}

/// `quit(code=None)`: the same as `exit`.
fn quit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    raise_system_exit(host, arguments, "quit")
}

fn raise_system_exit(host: &mut dyn Host, arguments: Arguments, name: &str) -> PyResult<Value> {
    let values = crate::builtins::optional_parameters(
        host,
        name,
        arguments.positionals(),
        arguments.keyword_names,
        &arguments.values[arguments.positionals().len()..],
        &["code"],
    )?;
    let runtime = host.runtime();
    // CPython's `Quitter` raises `SystemExit(code)` with `code=None` by default.
    let code = values[0].unwrap_or(Value::NONE);
    let exception = runtime.new_exception(runtime.types.system_exit, vec![code]);
    Err(crate::PyErr { exception })
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` when the program set one, else the
/// hook `PYTHONBREAKPOINT` names (`module.callable`, or a builtin's name); `0` turns it off. krait has no `pdb`, so the default hook
/// `pdb.set_trace` is unimportable and, as CPython does for any unimportable hook, the call
/// warns and returns None.
fn breakpoint(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    // A program may install its own hook as `sys.breakpointhook`.
    let runtime = host.runtime();
    let sys_name = runtime.intern("sys");
    let hook_attribute = runtime.intern("breakpointhook");
    if let Some(sys) = crate::types::dict::get_str_key(runtime, runtime.modules, sys_name) {
        if let Some(hook) = crate::protocol::attribute::find_attribute(host, sys, hook_attribute)? {
            return crate::protocol::call(host, hook, arguments.values, arguments.keyword_names);
        }
    }
    default_hook(host, arguments)
}

/// CPython's `sys.__breakpointhook__`.
fn default_hook(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let setting = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    if setting == "0" {
        return Ok(Value::NONE);
    }
    let hook_name = if setting.is_empty() {
        "pdb.set_trace".to_owned()
    } else {
        setting
    };
    let (module_name, attribute) = match hook_name.rsplit_once('.') {
        Some((module, attribute)) => (module.to_owned(), attribute.to_owned()),
        None => ("builtins".to_owned(), hook_name.clone()),
    };
    let hook = match host.import_module(&module_name) {
        Ok(module) => {
            let name = host.runtime().intern(&attribute);
            crate::protocol::attribute::find_attribute(host, module, name)?
        }
        Err(_) => None,
    };
    let Some(hook) = hook else {
        let place = host
            .frame_records(0)?
            .first()
            .map(|record| {
                let file = crate::loader::code_data(record.code)
                    .map(|code| code.code.filename.to_string())
                    .unwrap_or_default();
                format!("{file}:{}", record.line)
            })
            .unwrap_or_default();
        let message = format!(
            "{place}: RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: \"{hook_name}\"\n"
        );
        let _ = host
            .runtime()
            .output
            .write(crate::stream::TextStream::Stderr, &message);
        return Ok(Value::NONE);
    };
    crate::protocol::call(host, hook, arguments.values, arguments.keyword_names)
}
