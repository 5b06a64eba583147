//! Padding: `center`, `ljust`, `rjust`, `zfill`, and `expandtabs`.

use super::arguments::{index_argument, int_argument, memory_error, method, MAX_RESULT_BYTES};
use crate::protocol::{str_value, type_name};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Where `justify` puts the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Center,
}

/// `text` padded with `fill` to `width` characters (`text` has `length` characters).
fn pad(text: &str, length: usize, width: usize, fill: char, side: Side) -> String {
    let margin = width - length;
    let left = match side {
        Side::Left => 0,
        Side::Right => margin,
        // CPython's rounding: the odd character goes left when both are odd.
        Side::Center => margin / 2 + (margin & width & 1),
    };
    let mut out = String::with_capacity(text.len() + margin * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, margin - left));
    out
}

fn justify(host: &mut dyn Host, arguments: Arguments, name: &str, side: Side) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let values = call.positional(host, name, 1, 2)?;
    let width = index_argument(host, values[0])?;
    let fill = match values.get(1) {
        None => ' ',
        Some(&value) => {
            let Some(fill) = str_value(value) else {
                let runtime = host.runtime();
                let message = format!(
                    "The fill character must be a unicode character, not {}",
                    type_name(runtime, value)
                );
                return Err(runtime.type_error(message));
            };
            let mut characters = fill.chars();
            match (characters.next(), characters.next()) {
                (Some(fill), None) => fill,
                _ => {
                    return Err(host
                        .runtime()
                        .type_error("The fill character must be exactly one character long"))
                }
            }
        }
    };
    let length = call.text.char_count();
    if width <= length as i64 {
        return Ok(call.this);
    }
    let width = width as usize;
    if (width - length).saturating_mul(fill.len_utf8()) > MAX_RESULT_BYTES {
        return Err(memory_error(host));
    }
    let result = pad(call.str(), length, width, fill, side);
    Ok(host.runtime().new_string(result))
}

/// `str.center(width, fillchar=' ')`.
pub fn center(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    justify(host, arguments, "center", Side::Center)
}

/// `str.ljust(width, fillchar=' ')`.
pub fn ljust(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    justify(host, arguments, "ljust", Side::Left)
}

/// `str.rjust(width, fillchar=' ')`.
pub fn rjust(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    justify(host, arguments, "rjust", Side::Right)
}

/// `text` zero-filled on the left to `width`, after any leading sign.
fn zero_fill(text: &str, length: usize, width: usize) -> String {
    let mut out = pad(text, length, width, '0', Side::Right);
    let fill = width - length;
    if let Some(sign @ ('+' | '-')) = text.chars().next() {
        out.replace_range(fill..fill + 1, "0");
        out.replace_range(0..1, &sign.to_string());
    }
    out
}

/// `str.zfill(width)`.
pub fn zfill(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "zfill")?;
    let width = call.one_argument(host, "zfill")?;
    let width = index_argument(host, width)?;
    let length = call.text.char_count();
    if width <= length as i64 {
        return Ok(call.this);
    }
    if width as usize - length > MAX_RESULT_BYTES {
        return Err(memory_error(host));
    }
    let result = zero_fill(call.str(), length, width as usize);
    Ok(host.runtime().new_string(result))
}

/// `text` with tabs expanded to the next multiple of `tab_size` columns; `None` when the
/// result would be too long.
fn expand_tabs(text: &str, tab_size: i64) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut column: usize = 0;
    for character in text.chars() {
        if character == '\t' {
            if tab_size > 0 {
                let tab_size = tab_size as usize;
                let spaces = tab_size - column % tab_size;
                if out.len().saturating_add(spaces) > MAX_RESULT_BYTES {
                    return None;
                }
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
        } else {
            out.push(character);
            column += 1;
            if character == '\n' || character == '\r' {
                column = 0;
            }
        }
    }
    Some(out)
}

/// `str.expandtabs(tabsize=8)`.
pub fn expandtabs(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "expandtabs")?;
    let values = call.keywords(host, "expandtabs", &["tabsize"])?;
    let tab_size = match values[0] {
        Some(value) => int_argument(host, value)?,
        None => 8,
    };
    if !call.str().contains('\t') {
        return Ok(call.this);
    }
    match expand_tabs(call.str(), tab_size) {
        Some(result) => Ok(host.runtime().new_string(result)),
        None => Err(memory_error(host)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from CPython 3.11.
    #[test]
    fn pads_like_cpython() {
        assert_eq!(pad("abc", 3, 6, '*', Side::Center), "*abc**"); // 'abc'.center(6, '*')
        assert_eq!(pad("abc", 3, 7, '*', Side::Center), "**abc**");
        assert_eq!(pad("ab", 2, 5, '*', Side::Center), "**ab*"); // 'ab'.center(5, '*')
        assert_eq!(pad("é", 1, 4, 'ü', Side::Left), "éüüü");
        assert_eq!(zero_fill("-42", 3, 6), "-00042");
        assert_eq!(zero_fill("+x", 2, 4), "+00x");
        assert_eq!(zero_fill("ab", 2, 4), "00ab");
        assert_eq!(
            expand_tabs("a\tbc\td\n\te", 4).as_deref(),
            Some("a   bc  d\n    e")
        );
        assert_eq!(expand_tabs("a\tb", 0).as_deref(), Some("ab"));
    }
}
