//! ASCII case mapping (`upper`, `lower`, `capitalize`, `title`, `swapcase`) and the
//! predicates (`isalpha`, `isdigit`, `isspace`, `istitle`, …). Bytes outside ASCII are neither
//! letters nor digits and never change case.

use super::arguments::method;
use super::split::is_space;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

fn map_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    map: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    call.no_arguments(host)?;
    let mapped = map(call.data());
    Ok(call.result(host, mapped))
}

fn title_case(data: &[u8]) -> Vec<u8> {
    let mut previous_cased = false;
    data.iter()
        .map(|&byte| {
            let mapped = if byte.is_ascii_lowercase() {
                if previous_cased {
                    byte
                } else {
                    byte.to_ascii_uppercase()
                }
            } else if byte.is_ascii_uppercase() {
                if previous_cased {
                    byte.to_ascii_lowercase()
                } else {
                    byte
                }
            } else {
                byte
            };
            previous_cased = byte.is_ascii_alphabetic();
            mapped
        })
        .collect()
}

fn capitalize_case(data: &[u8]) -> Vec<u8> {
    data.iter()
        .enumerate()
        .map(|(position, byte)| {
            if position == 0 {
                byte.to_ascii_uppercase()
            } else {
                byte.to_ascii_lowercase()
            }
        })
        .collect()
}

fn swap_case(data: &[u8]) -> Vec<u8> {
    data.iter()
        .map(|&byte| {
            if byte.is_ascii_uppercase() {
                byte.to_ascii_lowercase()
            } else {
                byte.to_ascii_uppercase()
            }
        })
        .collect()
}

/// `bytes.upper()`.
pub fn upper(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    map_method(host, arguments, "upper", <[u8]>::to_ascii_uppercase)
}

/// `bytes.lower()`.
pub fn lower(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    map_method(host, arguments, "lower", <[u8]>::to_ascii_lowercase)
}

/// `bytes.capitalize()`.
pub fn capitalize(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    map_method(host, arguments, "capitalize", capitalize_case)
}

/// `bytes.title()`.
pub fn title(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    map_method(host, arguments, "title", title_case)
}

/// `bytes.swapcase()`.
pub fn swapcase(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    map_method(host, arguments, "swapcase", swap_case)
}

fn predicate(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    test: fn(&[u8]) -> bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    call.no_arguments(host)?;
    Ok(Value::bool(test(call.data())))
}

fn all_nonempty(data: &[u8], test: fn(&u8) -> bool) -> bool {
    !data.is_empty() && data.iter().all(test)
}

fn is_title(data: &[u8]) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for &byte in data {
        if byte.is_ascii_uppercase() {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if byte.is_ascii_lowercase() {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `bytes.isalpha()`.
pub fn isalpha(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "isalpha", |data| {
        all_nonempty(data, u8::is_ascii_alphabetic)
    })
}

/// `bytes.isalnum()`.
pub fn isalnum(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "isalnum", |data| {
        all_nonempty(data, u8::is_ascii_alphanumeric)
    })
}

/// `bytes.isdigit()`.
pub fn isdigit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "isdigit", |data| {
        all_nonempty(data, u8::is_ascii_digit)
    })
}

/// `bytes.isspace()`.
pub fn isspace(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "isspace", |data| {
        all_nonempty(data, |&byte| is_space(byte))
    })
}

/// `bytes.islower()`: some lowercase letter and no uppercase one.
pub fn islower(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "islower", |data| {
        data.iter().any(u8::is_ascii_lowercase) && !data.iter().any(u8::is_ascii_uppercase)
    })
}

/// `bytes.isupper()`: some uppercase letter and no lowercase one.
pub fn isupper(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "isupper", |data| {
        data.iter().any(u8::is_ascii_uppercase) && !data.iter().any(u8::is_ascii_lowercase)
    })
}

/// `bytes.istitle()`.
pub fn istitle(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "istitle", is_title)
}

/// `bytes.isascii()` (true for empty bytes).
pub fn isascii(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "isascii", <[u8]>::is_ascii)
}
