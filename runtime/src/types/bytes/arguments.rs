//! Receiver and argument checking for the bytes and bytearray methods, with the messages of
//! CPython's calling conventions (`METH_NOARGS`, `METH_O`, Argument Clinic, `PyArg_ParseTuple`).

use std::borrow::Cow;

use super::{buffer, bytes_of, new_of, Kind};
use crate::object::Payload;
use crate::protocol::type_name;
use crate::types::int::{as_int, IntValue};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// A method call taken apart: the receiver and the remaining arguments.
pub(super) struct Call<'a> {
    /// The receiver (the bytes or bytearray value itself, not a subclass instance).
    pub this: Value,
    /// Which type the receiver is (and the results are).
    pub kind: Kind,
    /// The method name, for messages.
    pub name: &'static str,
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

/// Checks the receiver of a bytes or bytearray method.
pub(super) fn method<'a>(
    host: &mut dyn Host,
    arguments: &Arguments<'a>,
    name: &'static str,
) -> PyResult<Call<'a>> {
    let positionals = arguments.positionals();
    let Some(&first) = positionals.first() else {
        let message = format!("unbound method bytes.{name}() needs an argument");
        return Err(host.runtime().type_error(message));
    };
    let this = crate::protocol::base_value(first).unwrap_or(first);
    let Some((_, kind)) = bytes_of(this) else {
        let runtime = host.runtime();
        let message = format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            type_name(runtime, first)
        );
        return Err(runtime.type_error(message));
    };
    let keyword_start = arguments.values.len() - arguments.keyword_names.len();
    Ok(Call {
        this,
        kind,
        name,
        positional: &positionals[1..],
        keyword_names: arguments.keyword_names,
        keyword_values: &arguments.values[keyword_start..],
    })
}

impl<'a> Call<'a> {
    /// The receiver's bytes, borrowed now: call it after converting the arguments, and drop the
    /// borrow before running Python code.
    pub fn data(&self) -> &'static [u8] {
        bytes_of(self.this).map_or(&[], |(bytes, _)| bytes)
    }

    /// A new result of the receiver's type.
    pub fn result(&self, host: &mut dyn Host, data: Vec<u8>) -> Value {
        new_of(host.runtime(), self.kind, data)
    }

    /// The receiver itself for bytes (immutable, so sharing is safe), a copy for bytearray.
    pub fn unchanged(&self, host: &mut dyn Host) -> Value {
        match self.kind {
            Kind::Bytes => self.this,
            Kind::ByteArray => {
                let data = self.data().to_vec();
                self.result(host, data)
            }
        }
    }

    fn no_keywords(&self, host: &mut dyn Host) -> PyResult<()> {
        if self.keyword_names.is_empty() {
            return Ok(());
        }
        let message = format!(
            "{}.{}() takes no keyword arguments",
            self.kind.name(),
            self.name
        );
        Err(host.runtime().type_error(message))
    }

    /// A method taking no arguments (`METH_NOARGS`).
    pub fn no_arguments(&self, host: &mut dyn Host) -> PyResult<()> {
        self.no_keywords(host)?;
        if !self.positional.is_empty() {
            let message = format!(
                "{}.{}() takes no arguments ({} given)",
                self.kind.name(),
                self.name,
                self.positional.len()
            );
            return Err(host.runtime().type_error(message));
        }
        Ok(())
    }

    /// A method taking exactly one argument (`METH_O`).
    pub fn one_argument(&self, host: &mut dyn Host) -> PyResult<Value> {
        self.no_keywords(host)?;
        match self.positional {
            [only] => Ok(*only),
            _ => {
                let message = format!(
                    "{}.{}() takes exactly one argument ({} given)",
                    self.kind.name(),
                    self.name,
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
        minimum: usize,
        maximum: usize,
    ) -> PyResult<&'a [Value]> {
        self.no_keywords(host)?;
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
                "{} expected {qualifier}{count} argument{}, got {given}",
                self.name,
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
        minimum: usize,
        maximum: usize,
    ) -> PyResult<&'a [Value]> {
        self.no_keywords(host)?;
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
                "{}() takes {qualifier} {count} argument{} ({given} given)",
                self.name,
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
        parameters: &[&str],
    ) -> PyResult<Vec<Option<Value>>> {
        crate::builtins::optional_parameters(
            host,
            self.name,
            self.positional,
            self.keyword_names,
            self.keyword_values,
            parameters,
        )
    }
}

/// An integer argument as an i64: ints, bools and objects with `__index__`. `Err(negative)`
/// when it does not fit; `None` when the value is not an integer at all.
pub(super) fn index(host: &mut dyn Host, value: Value) -> PyResult<Option<Result<i64, bool>>> {
    let converted = match as_int(value) {
        Some(_) => value,
        None => {
            if !matches!(
                value.as_object().map(|object| &object.payload),
                Some(Payload::Instance(_))
            ) {
                return Ok(None);
            }
            let name = host.runtime().names.__index__;
            match crate::protocol::call_special(host, value, name, &[])? {
                Some(result) if as_int(result).is_some() => result,
                Some(result) => {
                    let runtime = host.runtime();
                    let message = format!(
                        "__index__ returned non-int (type {})",
                        type_name(runtime, result)
                    );
                    return Err(runtime.type_error(message));
                }
                None => return Ok(None),
            }
        }
    };
    Ok(as_int(converted).map(|int| match int {
        IntValue::Small(small) => Ok(small),
        IntValue::Big(big) => big_to_i64(big),
    }))
}

fn big_to_i64(big: &num_bigint::BigInt) -> Result<i64, bool> {
    num_traits::ToPrimitive::to_i64(big).ok_or(num_traits::Signed::is_negative(big))
}

/// The TypeError for a value that is not an integer.
pub(super) fn not_integer(host: &mut dyn Host, value: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let message = format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(runtime, value)
    );
    runtime.type_error(message)
}

/// An integer argument (`Py_ssize_t`); OverflowError with `overflow` when it does not fit.
pub(super) fn require_index(host: &mut dyn Host, value: Value, overflow: &str) -> PyResult<i64> {
    match index(host, value)? {
        Some(Ok(int)) => Ok(int),
        Some(Err(_)) => Err(host.runtime().overflow_error(overflow)),
        None => Err(not_integer(host, value)),
    }
}

/// A byte value (an integer in range(256)); ValueError with `range_message` outside the range.
pub(super) fn byte_value(host: &mut dyn Host, value: Value, range_message: &str) -> PyResult<u8> {
    match index(host, value)? {
        Some(Ok(int)) if (0..256).contains(&int) => Ok(int as u8),
        Some(_) => Err(host.runtime().value_error(range_message)),
        None => Err(not_integer(host, value)),
    }
}

/// A byte when `value` is an integer (ValueError outside range(256)); `None` otherwise.
pub(super) fn byte_or_none(host: &mut dyn Host, value: Value) -> PyResult<Option<u8>> {
    match index(host, value)? {
        Some(Ok(int)) if (0..256).contains(&int) => Ok(Some(int as u8)),
        Some(_) => Err(host.runtime().value_error("byte must be in range(0, 256)")),
        None => Ok(None),
    }
}

/// A bytes-like argument; TypeError `a bytes-like object is required, not 'str'` otherwise.
pub(super) fn require_buffer(host: &mut dyn Host, value: Value) -> PyResult<Cow<'static, [u8]>> {
    match buffer(value) {
        Some(bytes) => Ok(bytes),
        None => {
            let runtime = host.runtime();
            let message = format!(
                "a bytes-like object is required, not '{}'",
                type_name(runtime, value)
            );
            Err(runtime.type_error(message))
        }
    }
}

/// A `sub` argument of the search methods: an integer byte or a bytes-like object.
pub(super) fn needle(host: &mut dyn Host, value: Value) -> PyResult<Cow<'static, [u8]>> {
    if let Some(byte) = byte_or_none(host, value)? {
        return Ok(Cow::Owned(vec![byte]));
    }
    match buffer(value) {
        Some(bytes) => Ok(bytes),
        None => {
            let runtime = host.runtime();
            let message = format!(
                "argument should be integer or bytes-like object, not '{}'",
                type_name(runtime, value)
            );
            Err(runtime.type_error(message))
        }
    }
}

/// A `start`/`end` argument: None for absent; big ints clamp (`_PyEval_SliceIndex`).
pub(super) fn slice_index(host: &mut dyn Host, value: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(&value) = value else { return Ok(None) };
    if value.is_none() {
        return Ok(None);
    }
    match index(host, value)? {
        Some(Ok(int)) => Ok(Some(int)),
        Some(Err(negative)) => Ok(Some(if negative { i64::MIN } else { i64::MAX })),
        None => Err(host
            .runtime()
            .type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// CPython's `ADJUST_INDICES`: negative indices count from the end; `end` is clamped to the
/// length, `start` only from below (so it may exceed `end`).
pub(super) fn adjust(length: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let length = length as i64;
    let mut end = end.unwrap_or(i64::MAX);
    if end > length {
        end = length;
    } else if end < 0 {
        end = end.saturating_add(length).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = start.saturating_add(length).max(0);
    }
    (start, end)
}
