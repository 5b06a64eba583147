//! Searching: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`, `endswith`,
//! `partition`, `rpartition`, `replace`, `removeprefix`, `removesuffix`.

use super::arguments::{adjust, method, needle, require_buffer, require_index, slice_index};
use super::{allocate, buffer, MAX_LENGTH};
use crate::object::Payload;
use crate::protocol::type_name;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The first position of `needle` in `haystack`.
pub(super) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    if haystack.len() < needle.len() {
        return None;
    }
    let last_start = haystack.len() - needle.len();
    let mut position = 0;
    while position <= last_start {
        let offset = haystack[position..=last_start]
            .iter()
            .position(|&byte| byte == first)?;
        position += offset;
        if &haystack[position + 1..position + needle.len()] == rest {
            return Some(position);
        }
        position += 1;
    }
    None
}

/// The last position of `needle` in `haystack`.
pub(super) fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if haystack.len() < needle.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(haystack.len());
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&start| &haystack[start..start + needle.len()] == needle)
}

/// Non-overlapping occurrences of `needle` in `haystack`, at most `limit`.
fn count_bytes(haystack: &[u8], needle: &[u8], limit: usize) -> usize {
    if needle.is_empty() {
        return (haystack.len() + 1).min(limit);
    }
    let mut count = 0;
    let mut position = 0;
    while count < limit {
        match find_bytes(&haystack[position..], needle) {
            Some(offset) => {
                count += 1;
                position += offset + needle.len();
            }
            None => break,
        }
    }
    count
}

/// The receiver, needle and bounds of a `find`-style call: `(sub[, start[, end]])`.
struct Search {
    call_data: &'static [u8],
    needle: Vec<u8>,
    start: i64,
    end: i64,
}

fn search_arguments(
    host: &mut dyn Host,
    arguments: &Arguments,
    name: &'static str,
) -> PyResult<Search> {
    let call = method(host, arguments, name)?;
    let values = call.parse_tuple(host, 1, 3)?;
    let sub = needle(host, values[0])?.into_owned();
    let start = slice_index(host, values.get(1))?;
    let end = slice_index(host, values.get(2))?;
    let data = call.data();
    let (start, end) = adjust(data.len(), start, end);
    Ok(Search {
        call_data: data,
        needle: sub,
        start,
        end,
    })
}

/// The index of the needle in `data[start:end]`, or -1.
fn find_in(search: &Search, forward: bool) -> i64 {
    let Search {
        call_data,
        needle,
        start,
        end,
    } = search;
    if end - start < needle.len() as i64 {
        return -1;
    }
    let window = &call_data[*start as usize..*end as usize];
    let found = if forward {
        find_bytes(window, needle)
    } else {
        rfind_bytes(window, needle)
    };
    found.map_or(-1, |offset| start + offset as i64)
}

fn find_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    forward: bool,
    raise: bool,
) -> PyResult<Value> {
    let search = search_arguments(host, &arguments, name)?;
    let position = find_in(&search, forward);
    if position < 0 && raise {
        return Err(host.runtime().value_error("subsection not found"));
    }
    Ok(host.runtime().new_int(position))
}

/// `bytes.find(sub[, start[, end]])`.
pub fn find(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    find_method(host, arguments, "find", true, false)
}

/// `bytes.rfind(sub[, start[, end]])`.
pub fn rfind(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    find_method(host, arguments, "rfind", false, false)
}

/// `bytes.index(sub[, start[, end]])`.
pub fn index(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    find_method(host, arguments, "index", true, true)
}

/// `bytes.rindex(sub[, start[, end]])`.
pub fn rindex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    find_method(host, arguments, "rindex", false, true)
}

/// `bytes.count(sub[, start[, end]])`.
pub fn count(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let search = search_arguments(host, &arguments, "count")?;
    let total = if search.end - search.start < search.needle.len() as i64 {
        0
    } else {
        count_bytes(
            &search.call_data[search.start as usize..search.end as usize],
            &search.needle,
            usize::MAX,
        )
    };
    Ok(host.runtime().new_int(total as i64))
}

/// CPython's `tailmatch`: whether `data[start:end]` starts (or ends) with `affix`.
fn tail_match(
    data: &[u8],
    affix: &[u8],
    start: Option<i64>,
    end: Option<i64>,
    at_end: bool,
) -> bool {
    let length = data.len() as i64;
    let affix_length = affix.len() as i64;
    let (mut start, end) = adjust(data.len(), start, end);
    if at_end {
        if end - start < affix_length || start > length {
            return false;
        }
        if end - affix_length > start {
            start = end - affix_length;
        }
    } else if start > length - affix_length {
        return false;
    }
    if end - start < affix_length {
        return false;
    }
    let start = start as usize;
    &data[start..start + affix.len()] == affix
}

fn affix_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    at_end: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let values = call.parse_tuple(host, 1, 3)?;
    let start = slice_index(host, values.get(1))?;
    let end = slice_index(host, values.get(2))?;
    let affixes: Vec<Value> = match values[0].as_object().map(|object| &object.payload) {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => {
            if buffer(values[0]).is_none() {
                let runtime = host.runtime();
                let message = format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {}",
                    type_name(runtime, values[0])
                );
                return Err(runtime.type_error(message));
            }
            vec![values[0]]
        }
    };
    for affix in affixes {
        let affix = require_buffer(host, affix)?;
        if tail_match(call.data(), &affix, start, end, at_end) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// `bytes.startswith(prefix[, start[, end]])`.
pub fn startswith(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    affix_method(host, arguments, "startswith", false)
}

/// `bytes.endswith(suffix[, start[, end]])`.
pub fn endswith(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    affix_method(host, arguments, "endswith", true)
}

fn partition_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    forward: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let separator = call.one_argument(host)?;
    let separator = require_buffer(host, separator)?.into_owned();
    if separator.is_empty() {
        return Err(host.runtime().value_error("empty separator"));
    }
    let data = call.data();
    let found = if forward {
        find_bytes(data, &separator)
    } else {
        rfind_bytes(data, &separator)
    };
    let parts = match found {
        Some(position) => {
            let (before, after) = (
                data[..position].to_vec(),
                data[position + separator.len()..].to_vec(),
            );
            [
                call.result(host, before),
                call.result(host, separator),
                call.result(host, after),
            ]
        }
        None => {
            let whole = call.unchanged(host);
            let (empty_a, empty_b) = (call.result(host, Vec::new()), call.result(host, Vec::new()));
            if forward {
                [whole, empty_a, empty_b]
            } else {
                [empty_a, empty_b, whole]
            }
        }
    };
    Ok(host.runtime().new_tuple(parts.to_vec()))
}

/// `bytes.partition(sep)`.
pub fn partition(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    partition_method(host, arguments, "partition", true)
}

/// `bytes.rpartition(sep)`.
pub fn rpartition(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    partition_method(host, arguments, "rpartition", false)
}

/// How many replacements `replace` makes: 0 when the result is `data` unchanged.
fn replacement_count(data: &[u8], old: &[u8], new: &[u8], limit: usize) -> usize {
    if limit == 0 || (old.is_empty() && new.is_empty()) {
        0
    } else if old.is_empty() {
        limit.min(data.len() + 1)
    } else {
        count_bytes(data, old, limit)
    }
}

/// `data` with the first `count` occurrences of `old` replaced by `new` (`out` is empty and
/// has room for the result), as CPython's `stringlib_replace`.
fn replace_into(out: &mut Vec<u8>, data: &[u8], old: &[u8], new: &[u8], count: usize) {
    if old.is_empty() {
        // Insert `new` before every byte and at the end, `count` times in all.
        out.extend_from_slice(new);
        for &byte in &data[..count - 1] {
            out.push(byte);
            out.extend_from_slice(new);
        }
        out.extend_from_slice(&data[count - 1..]);
        return;
    }
    let mut position = 0;
    for _ in 0..count {
        let Some(offset) = find_bytes(&data[position..], old) else {
            break;
        };
        out.extend_from_slice(&data[position..position + offset]);
        out.extend_from_slice(new);
        position += offset + old.len();
    }
    out.extend_from_slice(&data[position..]);
}

/// `bytes.replace(old, new, count=-1)`.
pub fn replace(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "replace")?;
    let values = call.positional(host, 2, 3)?;
    let old = require_buffer(host, values[0])?.into_owned();
    let new = require_buffer(host, values[1])?.into_owned();
    let limit = match values.get(2) {
        Some(&count) => require_index(host, count, "Python int too large to convert to C ssize_t")?,
        None => -1,
    };
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize
    };
    let data = call.data();
    let count = replacement_count(data, &old, &new, limit);
    if count == 0 {
        return Ok(call.unchanged(host));
    }
    let total = count
        .checked_mul(new.len())
        .and_then(|inserted| {
            (data.len() - if old.is_empty() { 0 } else { count * old.len() }).checked_add(inserted)
        })
        .filter(|&total| total <= MAX_LENGTH);
    let Some(total) = total else {
        return Err(host.runtime().overflow_error("replace bytes is too long"));
    };
    let mut out = allocate(host, total)?;
    replace_into(&mut out, call.data(), &old, &new, count);
    Ok(call.result(host, out))
}

fn remove_affix(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &'static str,
    suffix: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let affix = call.one_argument(host)?;
    let affix = require_buffer(host, affix)?.into_owned();
    let data = call.data();
    let remaining = if suffix {
        data.strip_suffix(affix.as_slice())
    } else {
        data.strip_prefix(affix.as_slice())
    };
    match remaining {
        Some(rest) if !affix.is_empty() => {
            let rest = rest.to_vec();
            Ok(call.result(host, rest))
        }
        _ => Ok(call.unchanged(host)),
    }
}

/// `bytes.removeprefix(prefix)`.
pub fn removeprefix(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    remove_affix(host, arguments, "removeprefix", false)
}

/// `bytes.removesuffix(suffix)`.
pub fn removesuffix(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    remove_affix(host, arguments, "removesuffix", true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_counts() {
        assert_eq!(find_bytes(b"abracadabra", b"bra"), Some(1));
        assert_eq!(rfind_bytes(b"abracadabra", b"bra"), Some(8));
        assert_eq!(find_bytes(b"ab", b"abc"), None);
        assert_eq!(count_bytes(b"aaaa", b"aa", usize::MAX), 2);
        assert_eq!(count_bytes(b"abc", b"", usize::MAX), 4);
    }

    fn replaced(data: &[u8], old: &[u8], new: &[u8], limit: usize) -> Option<Vec<u8>> {
        let count = replacement_count(data, old, new, limit);
        if count == 0 {
            return None;
        }
        let mut out = Vec::new();
        replace_into(&mut out, data, old, new, count);
        Some(out)
    }

    #[test]
    fn replaces_like_cpython() {
        assert_eq!(
            replaced(b"Python", b"", b".", usize::MAX).as_deref(),
            Some(&b".P.y.t.h.o.n."[..])
        );
        assert_eq!(
            replaced(b"", b"", b"A", usize::MAX).as_deref(),
            Some(&b"A"[..])
        );
        assert_eq!(
            replaced(b"aaa", b"a", b"bb", 1).as_deref(),
            Some(&b"bbaa"[..])
        );
        assert_eq!(replaced(b"abc", b"x", b"y", usize::MAX), None);
    }
}
