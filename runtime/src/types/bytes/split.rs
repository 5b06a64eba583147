//! Splitting and joining: `split`, `rsplit`, `splitlines`, `strip`, `lstrip`, `rstrip`, `join`.

use super::arguments::{index, method, not_integer, require_buffer, require_index};
use super::search::{find_bytes, rfind_bytes};
use super::{allocate, buffer};
use crate::protocol::type_name;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Python's `bytes.isspace` for one byte (`Py_ISSPACE`).
pub(super) fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The pieces of `data` split on runs of whitespace, at most `limit` splits, as CPython's
/// `split_whitespace` (or `rsplit_whitespace` when `reverse`).
fn split_whitespace(data: &[u8], limit: usize, reverse: bool) -> Vec<&[u8]> {
    let mut pieces = Vec::new();
    if reverse {
        let mut i = data.len();
        let mut remaining = limit;
        while remaining > 0 {
            while i > 0 && is_space(data[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            let end = i;
            i -= 1;
            while i > 0 && !is_space(data[i - 1]) {
                i -= 1;
            }
            pieces.push(&data[i..end]);
            remaining -= 1;
        }
        if i > 0 {
            while i > 0 && is_space(data[i - 1]) {
                i -= 1;
            }
            if i > 0 {
                pieces.push(&data[..i]);
            }
        }
        pieces.reverse();
        return pieces;
    }
    let mut i = 0;
    let mut remaining = limit;
    while remaining > 0 {
        while i < data.len() && is_space(data[i]) {
            i += 1;
        }
        if i == data.len() {
            break;
        }
        let start = i;
        i += 1;
        while i < data.len() && !is_space(data[i]) {
            i += 1;
        }
        pieces.push(&data[start..i]);
        remaining -= 1;
    }
    if i < data.len() {
        while i < data.len() && is_space(data[i]) {
            i += 1;
        }
        if i != data.len() {
            pieces.push(&data[i..]);
        }
    }
    pieces
}

/// The pieces of `data` split on `separator` (non-empty), at most `limit` splits.
fn split_on<'a>(data: &'a [u8], separator: &[u8], limit: usize, reverse: bool) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    if reverse {
        let mut end = data.len();
        for _ in 0..limit {
            let Some(position) = rfind_bytes(&data[..end], separator) else {
                break;
            };
            pieces.push(&data[position + separator.len()..end]);
            end = position;
        }
        pieces.push(&data[..end]);
        pieces.reverse();
        return pieces;
    }
    let mut start = 0;
    for _ in 0..limit {
        let Some(offset) = find_bytes(&data[start..], separator) else {
            break;
        };
        pieces.push(&data[start..start + offset]);
        start += offset + separator.len();
    }
    pieces.push(&data[start..]);
    pieces
}

fn split_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    reverse: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let values = call.keywords(host, &["sep", "maxsplit"])?;
    let separator = match values[0] {
        Some(value) if !value.is_none() => Some(require_buffer(host, value)?.into_owned()),
        _ => None,
    };
    let limit = match values[1] {
        Some(value) => require_index(host, value, "Python int too large to convert to C ssize_t")?,
        None => -1,
    };
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize
    };
    if separator.as_ref().is_some_and(Vec::is_empty) {
        return Err(host.runtime().value_error("empty separator"));
    }
    let data = call.data();
    let pieces: Vec<Vec<u8>> = match &separator {
        None => split_whitespace(data, limit, reverse),
        Some(separator) => split_on(data, separator, limit, reverse),
    }
    .into_iter()
    .map(<[u8]>::to_vec)
    .collect();
    let items = pieces
        .into_iter()
        .map(|piece| call.result(host, piece))
        .collect();
    Ok(host.runtime().new_list(items))
}

/// `bytes.split(sep=None, maxsplit=-1)`.
pub fn split(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    split_method(host, arguments, "split", false)
}

/// `bytes.rsplit(sep=None, maxsplit=-1)`.
pub fn rsplit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    split_method(host, arguments, "rsplit", true)
}

/// `bytes.splitlines(keepends=False)`: lines end at `\n`, `\r` or `\r\n`.
pub fn splitlines(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "splitlines")?;
    let values = call.keywords(host, &["keepends"])?;
    let keep_ends = match values[0] {
        None => false,
        Some(value) => match index(host, value)? {
            Some(int) => int != Ok(0),
            None => return Err(not_integer(host, value)),
        },
    };
    let data = call.data();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut position = 0;
    while position < data.len() {
        let end_of_line = match data[position] {
            b'\n' => 1,
            b'\r' if data.get(position + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if end_of_line == 0 {
            position += 1;
            continue;
        }
        let end = if keep_ends {
            position + end_of_line
        } else {
            position
        };
        lines.push(data[start..end].to_vec());
        position += end_of_line;
        start = position;
    }
    if start < data.len() {
        lines.push(data[start..].to_vec());
    }
    let items = lines
        .into_iter()
        .map(|line| call.result(host, line))
        .collect();
    Ok(host.runtime().new_list(items))
}

/// Which ends `strip` trims.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    Left,
    Right,
    Both,
}

fn strip_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    ends: Ends,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let values = call.positional(host, 0, 1)?;
    let characters = match values.first() {
        Some(&value) if !value.is_none() => Some(require_buffer(host, value)?.into_owned()),
        _ => None,
    };
    let strip = |byte: &u8| match &characters {
        None => is_space(*byte),
        Some(characters) => characters.contains(byte),
    };
    let data = call.data();
    let mut start = 0;
    let mut end = data.len();
    if ends != Ends::Right {
        while start < end && strip(&data[start]) {
            start += 1;
        }
    }
    if ends != Ends::Left {
        while end > start && strip(&data[end - 1]) {
            end -= 1;
        }
    }
    if start == 0 && end == data.len() {
        return Ok(call.unchanged(host));
    }
    let kept = data[start..end].to_vec();
    Ok(call.result(host, kept))
}

/// `bytes.strip(bytes=None)`.
pub fn strip(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    strip_method(host, arguments, "strip", Ends::Both)
}

/// `bytes.lstrip(bytes=None)`.
pub fn lstrip(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    strip_method(host, arguments, "lstrip", Ends::Left)
}

/// `bytes.rstrip(bytes=None)`.
pub fn rstrip(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    strip_method(host, arguments, "rstrip", Ends::Right)
}

/// `separator.join(iterable_of_bytes)`.
pub fn join(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "join")?;
    let iterable = call.one_argument(host)?;
    let iterator = match crate::protocol::iterate(host, iterable) {
        Ok(iterator) => iterator,
        Err(error) => {
            let runtime = host.runtime();
            if crate::protocol::is_instance(runtime, error.exception, runtime.types.type_error) {
                return Err(runtime.type_error("can only join an iterable"));
            }
            return Err(error);
        }
    };
    let items = crate::protocol::collect(host, iterator)?;
    let mut total = 0usize;
    for (position, &item) in items.iter().enumerate() {
        match buffer(item) {
            Some(bytes) => total = total.saturating_add(bytes.len()),
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "sequence item {position}: expected a bytes-like object, {} found",
                    type_name(runtime, item)
                );
                return Err(runtime.type_error(message));
            }
        }
    }
    let separator = call.data();
    total = total.saturating_add(
        separator
            .len()
            .saturating_mul(items.len().saturating_sub(1)),
    );
    let mut out = allocate(host, total)?;
    let separator = call.data();
    for (position, &item) in items.iter().enumerate() {
        if position > 0 {
            out.extend_from_slice(separator);
        }
        if let Some(bytes) = buffer(item) {
            out.extend_from_slice(&bytes);
        }
    }
    Ok(call.result(host, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_cpython() {
        assert_eq!(
            split_whitespace(b"  a b  c ", usize::MAX, false),
            vec![&b"a"[..], b"b", b"c"]
        );
        assert_eq!(
            split_whitespace(b"a b c", 1, false),
            vec![&b"a"[..], b"b c"]
        );
        assert_eq!(
            split_whitespace(b" a b ", usize::MAX, true),
            vec![&b"a"[..], b"b"]
        );
        assert_eq!(
            split_whitespace(b"a b c ", 1, true),
            vec![&b"a b"[..], b"c"]
        );
        assert_eq!(split_on(b"a,b,c", b",", 1, true), vec![&b"a,b"[..], b"c"]);
        assert_eq!(split_on(b"", b",", usize::MAX, false), vec![&b""[..]]);
    }
}
