//! `compile`, `eval` and `exec`: source text to code objects (through the compiler crate) and
//! code objects run with chosen namespaces (through [`Host::run_code`]).
//!
//! A syntax error becomes a `SyntaxError` (or `IndentationError`) whose args are CPython's
//! `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`; `text` is the offending
//! line for errors the parser finds, and None for those found later (as CPython, which cannot
//! reread a source that is not a file).

use krait_compiler::{Mode, SyntaxError};

use crate::builtins::{expect_arguments, no_keywords};
use crate::object::Payload;
use crate::protocol::{str_value, type_name};
use crate::value::Value;
use crate::{Arguments, Host, PyErr, PyResult, Runtime};

/// The builtin functions of this module.
pub const FUNCTIONS: &[(&str, crate::object::NativeFunctionPointer)] =
    &[("compile", compile), ("eval", eval), ("exec", exec)];

/// The `SyntaxError` instance for a compiler error (`with_text`: the parser found it).
pub fn syntax_error(runtime: &mut Runtime, error: &SyntaxError, with_text: bool) -> PyErr {
    let class = match error.kind {
        krait_compiler::error::SyntaxErrorKind::Indentation => runtime.types.indentation_error,
        krait_compiler::error::SyntaxErrorKind::Tab => runtime.types.tab_error,
        krait_compiler::error::SyntaxErrorKind::Syntax => runtime.types.syntax_error,
        krait_compiler::error::SyntaxErrorKind::Recursion => {
            return runtime.new_error(runtime.types.recursion_error, &error.message);
        }
    };
    let number = |value: i64| Value::small_int(value).unwrap_or(Value::NONE);
    // CPython puts the offset of an unexpected indent after the indentation.
    let column = if error.column == 0 && error.message == "unexpected indent" {
        (error.source_line.len() - error.source_line.trim_start().len()) as u32
    } else if error.column == 0 && error.message == "too many levels of indentation" {
        1
    } else {
        error.column
    };
    let message = runtime.new_str(&error.message);
    let filename = runtime.new_str(&error.filename);
    let text = if with_text {
        runtime.new_str(&error.source_line)
    } else {
        Value::NONE
    };
    let end_column = if error.kind == krait_compiler::error::SyntaxErrorKind::Indentation
        && error.end_line == 0
    {
        -1
    } else {
        i64::from(error.end_column)
    };
    let end_line = if error.end_line == 0 {
        error.line
    } else {
        error.end_line
    };
    let details = runtime.new_tuple(vec![
        filename,
        number(i64::from(error.line)),
        number(i64::from(column)),
        text,
        number(i64::from(end_line)),
        number(end_column),
    ]);
    let exception = runtime.new_exception(class, vec![message, details]);
    PyErr { exception }
}

/// Compiles source text in `mode`, as `compile()` does.
fn compile_text(
    runtime: &mut Runtime,
    source: &str,
    filename: &str,
    mode: Mode,
) -> PyResult<Value> {
    if source.contains('\0') {
        let message = runtime.new_str("source code string cannot contain null bytes");
        let exception = runtime.new_exception(runtime.types.syntax_error, vec![message]);
        return Err(PyErr { exception });
    }
    // Parse first on its own: errors found by the parser carry the source line.
    let parsed = krait_compiler::parse::check(source, filename, mode);
    // The tokenizer of `exec` and `single` sources ends the last line with a newline.
    let with_newline = |error: &mut SyntaxError| {
        if !error.source_line.is_empty()
            && (mode != Mode::Eval || source_line_ends_line(source, error.line))
        {
            error.source_line.push('\n');
        }
    };
    if let Err(mut error) = parsed {
        with_newline(&mut error);
        return Err(syntax_error(runtime, &error, true));
    }
    match krait_compiler::compile(source, filename, mode) {
        Ok(code) => Ok(crate::loader::load_code(runtime, &code)),
        Err(mut error) => {
            let with_text =
                mode == Mode::Single && error.message.starts_with("multiple statements");
            if with_text {
                with_newline(&mut error);
            }
            Err(syntax_error(runtime, &error, with_text))
        }
    }
}

/// Whether line `line` (1-based) of `source` is followed by a newline.
fn source_line_ends_line(source: &str, line: u32) -> bool {
    source
        .split_inclusive('\n')
        .nth(line.saturating_sub(1) as usize)
        .is_some_and(|text| text.ends_with('\n'))
}

/// The text of a `str` or (UTF-8) `bytes` source, or `None`.
fn source_text(value: Value) -> Option<String> {
    match value.as_object().map(|object| &object.payload) {
        Some(Payload::Str(text)) => Some(text.text().to_string()),
        Some(Payload::Bytes(bytes)) => Some(String::from_utf8_lossy(bytes).into_owned()),
        Some(Payload::ByteArray(bytes)) => Some(String::from_utf8_lossy(bytes.get()).into_owned()),
        _ => str_value(value).map(str::to_owned),
    }
}

fn is_code(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Code(_))
    )
}

fn is_dict(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Dict(_))
    )
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let mut values = [Value::NULL; 6];
    for (slot, &value) in values.iter_mut().zip(arguments.positionals()) {
        *slot = value;
    }
    if arguments.positionals().len() > names.len() {
        let message = format!(
            "compile() takes at most 6 arguments ({} given)",
            arguments.positionals().len()
        );
        return Err(host.runtime().type_error(message));
    }
    for (keyword, value) in arguments.keywords() {
        let name = str_value(keyword).unwrap_or("");
        let Some(position) = names.iter().position(|&candidate| candidate == name) else {
            let message = format!("compile() got an unexpected keyword argument '{name}'");
            return Err(host.runtime().type_error(message));
        };
        if !values[position].is_null() {
            let message = format!(
                "argument for compile() given by name ('{name}') and position ({})",
                position + 1
            );
            return Err(host.runtime().type_error(message));
        }
        values[position] = value;
    }
    for (index, name) in names.iter().enumerate().take(3) {
        if values[index].is_null() {
            let message = format!(
                "compile() missing required argument '{name}' (pos {})",
                index + 1
            );
            return Err(host.runtime().type_error(message));
        }
    }
    let runtime = host.runtime();
    let mode = match str_value(values[2]) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some(_) => {
            return Err(runtime.value_error("compile() mode must be 'exec', 'eval' or 'single'"))
        }
        None => {
            let message = format!(
                "compile() argument 'mode' must be str, not {}",
                type_name(runtime, values[2])
            );
            return Err(runtime.type_error(message));
        }
    };
    let Some(filename) = source_text(values[1]) else {
        let message = format!(
            "compile() argument 'filename' must be str, not {}",
            type_name(runtime, values[1])
        );
        return Err(runtime.type_error(message));
    };
    let Some(source) = source_text(values[0]) else {
        return Err(runtime.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    compile_text(runtime, &source, &filename, mode)
}

/// The namespaces of `eval`/`exec`: explicit ones checked as CPython does, else the caller's.
fn namespaces(host: &mut dyn Host, values: &[Value], function: &str) -> PyResult<(Value, Value)> {
    let given_globals = values.get(1).copied().filter(|value| !value.is_none());
    let given_locals = values.get(2).copied().filter(|value| !value.is_none());
    if let Some(globals) = given_globals {
        if !is_dict(globals) {
            let runtime = host.runtime();
            let message = if function == "eval" {
                let mapping = runtime.names.__getitem__;
                let class = crate::protocol::type_of(runtime, globals);
                if crate::protocol::lookup_in_type(runtime, class, mapping).is_some() {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                }
            } else {
                format!(
                    "exec() globals must be a dict, not {}",
                    type_name(runtime, globals)
                )
            };
            return Err(runtime.type_error(message));
        }
    }
    if let Some(locals) = given_locals {
        let runtime = host.runtime();
        let class = crate::protocol::type_of(runtime, locals);
        let getitem = runtime.names.__getitem__;
        if !is_dict(locals) && crate::protocol::lookup_in_type(runtime, class, getitem).is_none() {
            let message = if function == "eval" {
                "locals must be a mapping".to_string()
            } else {
                format!(
                    "locals must be a mapping or None, not {}",
                    type_name(runtime, locals)
                )
            };
            return Err(runtime.type_error(message));
        }
    }
    let (frame_globals, frame_locals) = host.frame_namespaces()?;
    let globals = given_globals.unwrap_or(frame_globals);
    let locals = match (given_locals, given_globals) {
        (Some(locals), _) => locals,
        (None, Some(globals)) => globals,
        (None, None) => frame_locals,
    };
    let runtime = host.runtime();
    let builtins_name = runtime.names.__builtins__;
    if crate::types::dict::get_str_key(runtime, globals, builtins_name).is_none() {
        let builtins = runtime.builtins;
        crate::types::dict::set_str_key(runtime, globals, builtins_name, builtins);
    }
    Ok((globals, locals))
}

/// `eval(source, globals=None, locals=None)`.
fn eval(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_keywords(host, &arguments, "eval")?;
    expect_arguments(host, &arguments, "eval", 1, 3)?;
    let values = arguments.positionals();
    let code = if is_code(values[0]) {
        values[0]
    } else {
        let Some(source) = source_text(values[0]) else {
            return Err(host
                .runtime()
                .type_error("eval() arg 1 must be a string, bytes or code object"));
        };
        let source = source.trim_start_matches([' ', '\t']);
        let runtime = host.runtime();
        compile_text(runtime, source, "<string>", Mode::Eval)?
    };
    let mark = host.runtime().root_mark();
    host.runtime().push_root(code);
    let result = namespaces(host, values, "eval")
        .and_then(|(globals, locals)| host.run_code(code, globals, locals));
    host.runtime().pop_roots(mark);
    result
}

/// `exec(source, globals=None, locals=None)`.
fn exec(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    expect_arguments(host, &arguments, "exec", 1, 3)?;
    let values = arguments.positionals();
    let code = if is_code(values[0]) {
        values[0]
    } else {
        let Some(source) = source_text(values[0]) else {
            return Err(host
                .runtime()
                .type_error("exec() arg 1 must be a string, bytes or code object"));
        };
        let runtime = host.runtime();
        compile_text(runtime, &source, "<string>", Mode::Exec)?
    };
    let mark = host.runtime().root_mark();
    host.runtime().push_root(code);
    let result = namespaces(host, values, "exec")
        .and_then(|(globals, locals)| host.run_code(code, globals, locals));
    host.runtime().pop_roots(mark);
    result.map(|_| Value::NONE)
}
