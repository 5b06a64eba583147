//! The `builtins` namespace: builtin functions ([`functions`], and [`evaluation`] for
//! `compile`/`eval`/`exec`) and the constructors of the builtin classes ([`constructors`]).

pub mod constructors;
pub mod evaluation;
pub mod functions;

use crate::Runtime;

/// Fills the builtins namespace with the builtin functions.
pub fn register(runtime: &mut Runtime) {
    let builtins = runtime.builtins;
    for &(name, function) in functions::FUNCTIONS.iter().chain(evaluation::FUNCTIONS) {
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
