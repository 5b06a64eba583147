//! Padding: `center`, `ljust`, `rjust`, `zfill`, and `expandtabs`.

use super::arguments::{index, method, not_integer, require_index};
use super::{allocate, bytes_of, MAX_LENGTH};
use crate::protocol::type_name;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Where `justify` puts the bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Center,
}

/// How many fill bytes go on the left when padding `length` bytes to `width`.
fn left_margin(length: usize, width: usize, side: Side) -> usize {
    let margin = width - length;
    match side {
        Side::Left => 0,
        Side::Right => margin,
        // CPython's rounding: the odd byte goes left when both are odd.
        Side::Center => margin / 2 + (margin & width & 1),
    }
}

fn justify(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    side: Side,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let values = call.positional(host, 1, 2)?;
    let width = require_index(
        host,
        values[0],
        "Python int too large to convert to C ssize_t",
    )?;
    let fill = match values.get(1) {
        None => b' ',
        Some(&value) => match bytes_of(value) {
            Some((&[fill], _)) => fill,
            _ => {
                let runtime = host.runtime();
                let message = format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    type_name(runtime, value)
                );
                return Err(runtime.type_error(message));
            }
        },
    };
    let length = call.data().len();
    if width <= length as i64 {
        return Ok(call.unchanged(host));
    }
    let width = width as usize;
    if width > MAX_LENGTH {
        return Err(host.runtime().memory_error());
    }
    let mut out = allocate(host, width)?;
    let left = left_margin(length, width, side);
    out.resize(left, fill);
    out.extend_from_slice(call.data());
    out.resize(width, fill);
    Ok(call.result(host, out))
}

/// `bytes.center(width, fillchar=b' ')`.
pub fn center(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    justify(host, arguments, "center", Side::Center)
}

/// `bytes.ljust(width, fillchar=b' ')`.
pub fn ljust(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    justify(host, arguments, "ljust", Side::Left)
}

/// `bytes.rjust(width, fillchar=b' ')`.
pub fn rjust(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    justify(host, arguments, "rjust", Side::Right)
}

/// `bytes.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "zfill")?;
    let width = call.one_argument(host)?;
    let width = require_index(host, width, "Python int too large to convert to C ssize_t")?;
    let length = call.data().len();
    if width <= length as i64 {
        return Ok(call.unchanged(host));
    }
    let width = width as usize;
    if width > MAX_LENGTH {
        return Err(host.runtime().memory_error());
    }
    let mut out = allocate(host, width)?;
    let data = call.data();
    out.resize(width - length, b'0');
    out.extend_from_slice(data);
    if let Some(&sign @ (b'+' | b'-')) = data.first() {
        out[0] = sign;
        out[width - length] = b'0';
    }
    Ok(call.result(host, out))
}

/// `bytes.expandtabs(tabsize=8)`.
pub fn expandtabs(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "expandtabs")?;
    let values = call.keywords(host, &["tabsize"])?;
    let tab_size = match values[0] {
        None => 8,
        Some(value) => match index(host, value)? {
            Some(Ok(size)) if i32::try_from(size).is_ok() => size,
            Some(_) => {
                return Err(host
                    .runtime()
                    .overflow_error("Python int too large to convert to C int"))
            }
            None => return Err(not_integer(host, value)),
        },
    };
    let data = call.data();
    let mut total: usize = 0;
    let mut column: usize = 0;
    for &byte in data {
        if byte == b'\t' {
            if tab_size > 0 {
                let spaces = tab_size as usize - column % tab_size as usize;
                column = column.saturating_add(spaces);
                total = total.saturating_add(spaces);
            }
        } else {
            total = total.saturating_add(1);
            column = if byte == b'\n' || byte == b'\r' {
                0
            } else {
                column + 1
            };
        }
    }
    if total > MAX_LENGTH {
        return Err(host.runtime().overflow_error("result too long"));
    }
    let mut out = allocate(host, total)?;
    let mut column: usize = 0;
    for &byte in call.data() {
        if byte == b'\t' {
            if tab_size > 0 {
                let spaces = tab_size as usize - column % tab_size as usize;
                out.resize(out.len() + spaces, b' ');
                column += spaces;
            }
        } else {
            out.push(byte);
            column = if byte == b'\n' || byte == b'\r' {
                0
            } else {
                column + 1
            };
        }
    }
    Ok(call.result(host, out))
}
