//! The `builtins` namespace: builtin functions ([`functions`]; [`evaluation`] for
//! `compile`/`eval`/`exec`; [`introspection`] for `vars`/`dir`; [`asynchronous`] for
//! `aiter`/`anext`; [`site`] for `exit`/`quit`/`breakpoint`) and the constructors of the
//! builtin classes ([`constructors`]).

pub mod asynchronous;
pub mod constructors;
pub mod evaluation;
pub mod functions;
pub mod introspection;
pub mod site;

use crate::Runtime;

/// Fills the builtins namespace with the builtin functions.
pub fn register(runtime: &mut Runtime) {
    let builtins = runtime.builtins;
    let tables = [
        functions::FUNCTIONS,
        evaluation::FUNCTIONS,
        introspection::FUNCTIONS,
        asynchronous::FUNCTIONS,
        site::FUNCTIONS,
    ];
    for &(name, function) in tables.into_iter().flatten() {
        let key = runtime.intern(name);
        let value = runtime.new_native_function("builtins", name, function);
        crate::types::dict::set_str_key(runtime, builtins, key, value);
    }
}

/// Checks a builtin's positional argument count; CPython's message when wrong.
pub fn expect_arguments(
    host: &mut dyn crate::Host,
    arguments: &crate::Arguments,
    name: &str,
    minimum: usize,
    maximum: usize,
) -> crate::PyResult<()> {
    let given = arguments.positionals().len();
    if given >= minimum && given <= maximum {
        return Ok(());
    }
    let plural = |count: usize| if count == 1 { "" } else { "s" };
    let message = if minimum == maximum {
        if minimum == 1 {
            format!("{name}() takes exactly one argument ({given} given)")
        } else {
            format!(
                "{name} expected {minimum} argument{}, got {given}",
                plural(minimum)
            )
        }
    } else if given < minimum {
        format!(
            "{name} expected at least {minimum} argument{}, got {given}",
            plural(minimum)
        )
    } else {
        format!(
            "{name} expected at most {maximum} argument{}, got {given}",
            plural(maximum)
        )
    };
    Err(host.runtime().type_error(message))
}

/// Rejects keyword arguments for builtins that take none.
pub fn no_keywords(
    host: &mut dyn crate::Host,
    arguments: &crate::Arguments,
    name: &str,
) -> crate::PyResult<()> {
    if arguments.keyword_names.is_empty() {
        Ok(())
    } else {
        Err(host
            .runtime()
            .type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Binds optional positional-or-keyword parameters as CPython's Argument Clinic does: at most
/// `parameters.len()` arguments, each given once, by position or by one of these names.
pub fn optional_parameters(
    host: &mut dyn crate::Host,
    name: &str,
    positional: &[crate::Value],
    keyword_names: &[crate::Value],
    keyword_values: &[crate::Value],
    parameters: &[&str],
) -> crate::PyResult<Vec<Option<crate::Value>>> {
    let given = positional.len() + keyword_names.len();
    if given > parameters.len() {
        let count = parameters.len();
        let plural = if count == 1 { "" } else { "s" };
        let message = format!("{name}() takes at most {count} argument{plural} ({given} given)");
        return Err(host.runtime().type_error(message));
    }
    let mut values: Vec<Option<crate::Value>> = parameters.iter().map(|_| None).collect();
    for (slot, &value) in values.iter_mut().zip(positional) {
        *slot = Some(value);
    }
    for (&keyword, &value) in keyword_names.iter().zip(keyword_values) {
        let keyword_text = crate::protocol::str_value(keyword).unwrap_or("");
        match parameters
            .iter()
            .position(|&parameter| parameter == keyword_text)
        {
            Some(position) if position < positional.len() => {
                let message = format!(
                    "argument for {name}() given by name ('{keyword_text}') and position ({})",
                    position + 1
                );
                return Err(host.runtime().type_error(message));
            }
            Some(position) => values[position] = Some(value),
            None => {
                let message =
                    format!("'{keyword_text}' is an invalid keyword argument for {name}()");
                return Err(host.runtime().type_error(message));
            }
        }
    }
    Ok(values)
}
