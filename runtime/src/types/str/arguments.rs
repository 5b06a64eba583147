//! Receiver and argument checking for the str methods, with the messages CPython's calling
//! conventions produce (`METH_NOARGS`, `METH_O`, Argument Clinic, `PyArg_ParseTuple`).

use crate::object::{HeapObject, Payload, StrObject};
use crate::protocol::attribute::call_bound;
use crate::protocol::{lookup_in_type, str_value, type_name, type_of};
use crate::types::int::as_int;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// A str method call taken apart: the receiver and the remaining arguments.
pub(super) struct Call<'a> {
    /// The receiver, as a value.
    pub this: Value,
    /// The receiver's payload.
    pub text: &'static StrObject,
    /// Positional arguments after the receiver.
    pub positional: &'a [Value],
    /// Keyword names.
    pub keyword_names: &'a [Value],
    /// Keyword values, in the order of `keyword_names`.
    pub keyword_values: &'a [Value],
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// Checks the receiver of `str.name`: `arguments.values[0]` must be a str.
pub(super) fn method<'a>(
    host: &mut dyn Host,
    arguments: &Arguments<'a>,
    name: &str,
) -> PyResult<Call<'a>> {
    let positionals = arguments.positionals();
    let Some(this) = positionals
        .first()
        .map(|&value| crate::protocol::base_value(value).unwrap_or(value))
    else {
        let message = if name.starts_with("__") {
            format!("descriptor '{name}' of 'str' object needs an argument")
        } else {
            format!("unbound method str.{name}() needs an argument")
        };
        return Err(host.runtime().type_error(message));
    };
    let Some(text) = this.as_object().and_then(HeapObject::as_str) else {
        let runtime = host.runtime();
        let received = type_name(runtime, this);
        let message = if name.starts_with("__") {
            format!("descriptor '{name}' requires a 'str' object but received a '{received}'")
        } else {
            format!("descriptor '{name}' for 'str' objects doesn't apply to a '{received}' object")
        };
        return Err(runtime.type_error(message));
    };
    let keyword_start = arguments.values.len() - arguments.keyword_names.len();
    Ok(Call {
        this,
        text,
        positional: &positionals[1..],
        keyword_names: arguments.keyword_names,
        keyword_values: &arguments.values[keyword_start..],
    })
}

impl<'a> Call<'a> {
    /// The receiver's text.
    pub fn str(&self) -> &'static str {
        self.text.text()
    }

    fn no_keywords(&self, host: &mut dyn Host, name: &str) -> PyResult<()> {
        if self.keyword_names.is_empty() {
            return Ok(());
        }
        Err(host
            .runtime()
            .type_error(format!("str.{name}() takes no keyword arguments")))
    }

    /// A method taking no arguments (`METH_NOARGS`).
    pub fn no_arguments(&self, host: &mut dyn Host, name: &str) -> PyResult<()> {
        self.no_keywords(host, name)?;
        if !self.positional.is_empty() {
            let message = format!(
                "str.{name}() takes no arguments ({} given)",
                self.positional.len()
            );
            return Err(host.runtime().type_error(message));
        }
        Ok(())
    }

    /// A method taking exactly one argument (`METH_O`).
    pub fn one_argument(&self, host: &mut dyn Host, name: &str) -> PyResult<Value> {
        self.no_keywords(host, name)?;
        match self.positional {
            [only] => Ok(*only),
            _ => {
                let message = format!(
                    "str.{name}() takes exactly one argument ({} given)",
                    self.positional.len()
                );
                Err(host.runtime().type_error(message))
            }
        }
    }

    /// Positional-only arguments checked as Argument Clinic does (`center expected at least
    /// 1 argument, got 0`).
    pub fn positional(
        &self,
        host: &mut dyn Host,
        name: &str,
        minimum: usize,
        maximum: usize,
    ) -> PyResult<&'a [Value]> {
        self.no_keywords(host, name)?;
        let given = self.positional.len();
        let bound = if given < minimum {
            Some((if minimum == maximum { "" } else { "at least " }, minimum))
        } else if given > maximum {
            Some((if minimum == maximum { "" } else { "at most " }, maximum))
        } else {
            None
        };
        if let Some((qualifier, count)) = bound {
            let message = format!(
                "{name} expected {qualifier}{count} argument{}, got {given}",
                plural(count)
            );
            return Err(host.runtime().type_error(message));
        }
        Ok(self.positional)
    }

    /// Positional-only arguments checked as `PyArg_ParseTuple` does (`find() takes at least 1
    /// argument (0 given)`).
    pub fn parse_tuple(
        &self,
        host: &mut dyn Host,
        name: &str,
        minimum: usize,
        maximum: usize,
    ) -> PyResult<&'a [Value]> {
        self.no_keywords(host, name)?;
        let given = self.positional.len();
        let bound = if given < minimum {
            Some((
                if minimum == maximum {
                    "exactly"
                } else {
                    "at least"
                },
                minimum,
            ))
        } else if given > maximum {
            Some((
                if minimum == maximum {
                    "exactly"
                } else {
                    "at most"
                },
                maximum,
            ))
        } else {
            None
        };
        if let Some((qualifier, count)) = bound {
            let message = format!(
                "{name}() takes {qualifier} {count} argument{} ({given} given)",
                plural(count)
            );
            return Err(host.runtime().type_error(message));
        }
        Ok(self.positional)
    }

    /// Optional positional-or-keyword parameters, checked as Argument Clinic does.
    pub fn keywords(
        &self,
        host: &mut dyn Host,
        name: &str,
        parameters: &[&str],
    ) -> PyResult<Vec<Option<Value>>> {
        crate::builtins::optional_parameters(
            host,
            name,
            self.positional,
            self.keyword_names,
            self.keyword_values,
            parameters,
        )
    }

    /// The arguments of a slot wrapper (`__add__`…): exactly `count` positionals.
    pub fn slot(&self, host: &mut dyn Host, name: &str, count: usize) -> PyResult<&'a [Value]> {
        if !self.keyword_names.is_empty() {
            return Err(host
                .runtime()
                .type_error(format!("wrapper {name}() takes no keyword arguments")));
        }
        if self.positional.len() != count {
            let message = format!(
                "expected {count} argument{}, got {}",
                plural(count),
                self.positional.len()
            );
            return Err(host.runtime().type_error(message));
        }
        Ok(self.positional)
    }
}

/// A str argument; otherwise TypeError with `message(type name)`.
pub(super) fn require_str(
    host: &mut dyn Host,
    value: Value,
    message: impl FnOnce(&str) -> String,
) -> PyResult<&'static str> {
    match str_value(value) {
        Some(text) => Ok(text),
        None => {
            let runtime = host.runtime();
            let name = type_name(runtime, value);
            Err(runtime.type_error(message(&name)))
        }
    }
}

/// Calls `value.__index__()` for instances of user classes; `None` when there is none.
fn user_index(host: &mut dyn Host, value: Value) -> PyResult<Option<Value>> {
    if !matches!(
        value.as_object().map(|object| &object.payload),
        Some(Payload::Instance(_))
    ) {
        return Ok(None);
    }
    let runtime = host.runtime();
    let class = type_of(runtime, value);
    let name = runtime.names.__index__;
    let Some(method) = lookup_in_type(runtime, class, name) else {
        return Ok(None);
    };
    let result = call_bound(host, method, value, &[])?;
    if as_int(result).is_none() {
        let runtime = host.runtime();
        let message = format!(
            "__index__ returned non-int (type {})",
            type_name(runtime, result)
        );
        return Err(runtime.type_error(message));
    }
    Ok(Some(result))
}

/// An integer argument (`Py_ssize_t` with `__index__`).
pub(super) fn index_argument(host: &mut dyn Host, value: Value) -> PyResult<i64> {
    let int = match as_int(value) {
        Some(_) => value,
        None => match user_index(host, value)? {
            Some(result) => result,
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(runtime, value)
                );
                return Err(runtime.type_error(message));
            }
        },
    };
    match as_int(int).and_then(|int| int.to_i64()) {
        Some(int) => Ok(int),
        None => Err(host
            .runtime()
            .overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// An integer argument that must fit a C `int`.
pub(super) fn int_argument(host: &mut dyn Host, value: Value) -> PyResult<i64> {
    let too_large = |host: &mut dyn Host| {
        host.runtime()
            .overflow_error("Python int too large to convert to C int")
    };
    match index_argument(host, value) {
        Ok(int) if i32::try_from(int).is_ok() => Ok(int),
        Ok(_) => Err(too_large(host)),
        Err(error) => {
            let runtime = host.runtime();
            if crate::protocol::is_instance(runtime, error.exception, runtime.types.overflow_error)
            {
                return Err(too_large(host));
            }
            Err(error)
        }
    }
}

/// A `start`/`end` argument: None for absent; big ints clamp (`_PyEval_SliceIndex`).
pub(super) fn slice_index(host: &mut dyn Host, value: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(&value) = value else { return Ok(None) };
    if value.is_none() {
        return Ok(None);
    }
    let int = match as_int(value) {
        Some(_) => value,
        None => match user_index(host, value)? {
            Some(result) => result,
            None => {
                let message = "slice indices must be integers or None or have an __index__ method";
                return Err(host.runtime().type_error(message));
            }
        },
    };
    Ok(as_int(int).map(|int| {
        int.to_i64().unwrap_or(if int.is_negative() {
            i64::MIN
        } else {
            i64::MAX
        })
    }))
}

/// MemoryError, for results too long to build.
pub(super) fn memory_error(host: &mut dyn Host) -> crate::PyErr {
    let runtime = host.runtime();
    crate::PyErr {
        exception: runtime.new_exception(runtime.types.memory_error, vec![]),
    }
}

/// The longest str (in bytes) the methods build; longer results raise MemoryError.
pub(super) const MAX_RESULT_BYTES: usize = 1 << 32;
