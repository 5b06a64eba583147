//! String formatting: `format(value, spec)`, `str % args` and `str.format`, with CPython 3.11's
//! output and error messages.
//!
//! - [`spec`]: the format-spec mini-language and how int, float and str render under it (pure);
//! - [`float`]: float to text as CPython's `PyOS_double_to_string`;
//! - [`printf`]: printf-style `str % args`;
//! - [`template`]: the format string syntax of `str.format` and `str.format_map`.

pub mod float;
pub mod printf;
pub mod spec;
pub mod template;

pub use template::{format_template, FieldArguments, Keywords};

use crate::object::Payload;
use crate::protocol::attribute::call_bound;
use crate::protocol::{lookup_in_type, str_value, type_name, type_of};
use crate::types::format::spec::FormatError;
use crate::types::int::as_int;
use crate::value::Value;
use crate::{Arguments, Host, PyErr, PyResult};

/// `text % arguments` (`text` is a str).
pub fn percent(host: &mut dyn Host, text: Value, arguments: Value) -> PyResult<Value> {
    printf::format(host, text, arguments)
}

/// `format(value, spec)`: a user class's `__format__` if it defines one, else the builtin
/// formatting of [`format_builtin`].
pub fn format_value(host: &mut dyn Host, value: Value, spec: &str) -> PyResult<Value> {
    if let Some(Payload::Instance(_)) = value.as_object().map(|object| &object.payload) {
        let runtime = host.runtime();
        let class = type_of(runtime, value);
        let name = runtime.names.__format__;
        if let Some(method) = lookup_in_type(runtime, class, name) {
            if !matches!(
                method.as_object().map(|object| &object.payload),
                Some(Payload::NativeFunction(_))
            ) {
                let spec = runtime.new_str(spec);
                let result = call_bound(host, method, value, &[spec])?;
                if str_value(result).is_none() {
                    let runtime = host.runtime();
                    let message = format!(
                        "__format__ must return a str, not {}",
                        type_name(runtime, result)
                    );
                    return Err(runtime.type_error(message));
                }
                return Ok(result);
            }
        }
    }
    format_builtin(host, value, spec)
}

/// The builtin `__format__` of `value`'s type: the mini-language for int, bool, float and str;
/// `str(value)` for an empty spec otherwise (`object.__format__`).
pub fn format_builtin(host: &mut dyn Host, value: Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return crate::protocol::to_str(host, value);
    }
    let result = if let Some(text) = str_value(value) {
        spec::format_str(text, spec, "str")
    } else if let Some(int) = as_int(value) {
        // Decimal presentations obey the int-to-str digit limit; the others do not.
        if !spec.ends_with(['b', 'c', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', '%']) {
            crate::types::int::check_str_digits(host.runtime(), &int)?;
        }
        let name = type_name(host.runtime(), value);
        spec::format_int(&int, spec, &name)
    } else if let Some(float) = value.as_float() {
        spec::format_float(float, spec, "float")
    } else if let Some((real, imaginary)) = crate::types::complex::parts(value) {
        spec::format_complex(real, imaginary, spec)
    } else {
        let runtime = host.runtime();
        let message = format!(
            "unsupported format string passed to {}.__format__",
            type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    };
    match result {
        Ok(text) => Ok(host.runtime().new_string(text)),
        Err(error) => Err(raise(host, error)),
    }
}

/// `__format__(self, spec)` for builtin types (int, float, str, object): the builtin formatting,
/// never a user override, so that `super().__format__(spec)` terminates.
pub fn dunder_format(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    let Some(&receiver) = positionals.first() else {
        return Err(host
            .runtime()
            .type_error("descriptor '__format__' needs an argument"));
    };
    if !arguments.keyword_names.is_empty() {
        return Err(host
            .runtime()
            .type_error("__format__() takes no keyword arguments"));
    }
    if positionals.len() != 2 {
        let message = format!(
            "__format__() takes exactly one argument ({} given)",
            positionals.len() - 1
        );
        return Err(host.runtime().type_error(message));
    }
    let Some(spec) = str_value(positionals[1]) else {
        let runtime = host.runtime();
        let message = format!(
            "__format__() argument must be str, not {}",
            type_name(runtime, positionals[1])
        );
        return Err(runtime.type_error(message));
    };
    format_builtin(host, receiver, spec)
}

/// The Python exception for a formatting failure.
pub fn raise(host: &mut dyn Host, error: FormatError) -> PyErr {
    let runtime = host.runtime();
    match error {
        FormatError::Value(message) => runtime.value_error(message),
        FormatError::Overflow(message) => runtime.overflow_error(message),
        FormatError::Memory => PyErr {
            exception: runtime.new_exception(runtime.types.memory_error, vec![]),
        },
    }
}

/// `ascii()` of a repr: escapes every non-ASCII character.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        let code = character as u32;
        match code {
            0..=0x7f => out.push(character),
            0x80..=0xff => out.push_str(&format!("\\x{code:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{code:04x}")),
            _ => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    out
}
