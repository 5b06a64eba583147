//! Splitting and joining: `split`, `rsplit`, `splitlines`, `strip`, `lstrip`, `rstrip`, `join`.

use super::arguments::{index_argument, int_argument, method, require_str};
use super::is_space;
use crate::object::{Payload, StrObject};
use crate::protocol::{str_value, type_name};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Splits on runs of whitespace, at most `limit` times, from the left or the right
/// (CPython's `split_whitespace` and `rsplit_whitespace`).
#[cfg(test)]
fn split_whitespace(text: &str, limit: usize, from_right: bool) -> Vec<&str> {
    let mut parts = Vec::new();
    split_whitespace_into(text, limit, from_right, &mut |part| parts.push(part));
    if from_right {
        parts.reverse();
    }
    parts
}

/// [`split_whitespace`] handing each part to `emit` (from the right: last part first).
fn split_whitespace_into<'a>(
    text: &'a str,
    limit: usize,
    from_right: bool,
    emit: &mut dyn FnMut(&'a str),
) {
    if !text.is_ascii() {
        let mut parts = split_unicode_whitespace(text, limit, from_right);
        if from_right {
            parts.reverse();
        }
        parts.into_iter().for_each(emit);
        return;
    }
    // ASCII text, by byte.
    let bytes = text.as_bytes();
    let space = |position: usize| is_space(bytes[position] as char);
    let mut remaining = limit;
    if !from_right {
        let mut position = 0;
        while remaining > 0 {
            while position < bytes.len() && space(position) {
                position += 1;
            }
            if position == bytes.len() {
                break;
            }
            let start = position;
            while position < bytes.len() && !space(position) {
                position += 1;
            }
            emit(&text[start..position]);
            remaining -= 1;
        }
        while position < bytes.len() && space(position) {
            position += 1;
        }
        if position < bytes.len() {
            emit(&text[position..]);
        }
    } else {
        let mut end = bytes.len();
        while remaining > 0 {
            while end > 0 && space(end - 1) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            let mut start = end;
            while start > 0 && !space(start - 1) {
                start -= 1;
            }
            emit(&text[start..end]);
            end = start;
            remaining -= 1;
        }
        while end > 0 && space(end - 1) {
            end -= 1;
        }
        if end > 0 {
            emit(&text[..end]);
        }
    }
}

/// [`split_whitespace`] for text with non-ASCII characters (some of which are whitespace).
fn split_unicode_whitespace(text: &str, limit: usize, from_right: bool) -> Vec<&str> {
    let characters: Vec<(usize, char)> = text.char_indices().collect();
    let offset = |position: usize| {
        characters
            .get(position)
            .map_or(text.len(), |&(offset, _)| offset)
    };
    let space = |position: usize| is_space(characters[position].1);
    let mut parts = Vec::new();
    let mut remaining = limit;
    if !from_right {
        let mut position = 0;
        while remaining > 0 {
            while position < characters.len() && space(position) {
                position += 1;
            }
            if position == characters.len() {
                break;
            }
            let start = position;
            while position < characters.len() && !space(position) {
                position += 1;
            }
            parts.push(&text[offset(start)..offset(position)]);
            remaining -= 1;
        }
        while position < characters.len() && space(position) {
            position += 1;
        }
        if position < characters.len() {
            parts.push(&text[offset(position)..]);
        }
    } else {
        let mut end = characters.len();
        while remaining > 0 {
            while end > 0 && space(end - 1) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            let mut start = end;
            while start > 0 && !space(start - 1) {
                start -= 1;
            }
            parts.push(&text[offset(start)..offset(end)]);
            end = start;
            remaining -= 1;
        }
        while end > 0 && space(end - 1) {
            end -= 1;
        }
        if end > 0 {
            parts.push(&text[..offset(end)]);
        }
        parts.reverse();
    }
    parts
}

/// Splits at the line boundaries `str.splitlines` recognizes, keeping them if asked.
pub(super) fn split_lines(text: &str, keep_ends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut characters = text.char_indices().peekable();
    while let Some((offset, character)) = characters.next() {
        let mut end = offset + character.len_utf8();
        match character {
            '\r' => {
                if let Some(&(_, '\n')) = characters.peek() {
                    characters.next();
                    end += 1;
                }
            }
            '\n' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}'
            | '\u{2029}' => {}
            _ => continue,
        }
        lines.push(&text[start..if keep_ends { end } else { offset }]);
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// A list of the parts of a str; `ascii` says the str was ASCII, and so is every part (no
/// counting of characters).
fn new_list_of(host: &mut dyn Host, parts: &[&str], ascii: bool) -> Value {
    let runtime = host.runtime();
    let items = if ascii {
        parts
            .iter()
            .map(|part| runtime.new_str_with_char_count(part, part.len()))
            .collect()
    } else {
        parts.iter().map(|part| runtime.new_str(part)).collect()
    };
    runtime.new_list(items)
}

fn split_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    from_right: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let values = call.keywords(host, name, &["sep", "maxsplit"])?;
    let separator = match values[0] {
        None | Some(Value::NONE) => None,
        Some(value) => Some(require_str(host, value, |received| {
            format!("must be str or None, not {received}")
        })?),
    };
    let limit = match values[1] {
        Some(value) => index_argument(host, value)?,
        None => -1,
    };
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize
    };
    if separator == Some("") {
        return Err(host.runtime().value_error("empty separator"));
    }
    let text = call.str();
    // Parts of ASCII text are ASCII: no counting of their characters.
    let ascii = call.text.is_ascii();
    let runtime = host.runtime();
    let mut items = Vec::new();
    let mut emit = |part: &str| {
        items.push(if ascii {
            runtime.new_str_with_char_count(part, part.len())
        } else {
            runtime.new_str(part)
        })
    };
    match separator {
        None => split_whitespace_into(text, limit, from_right, &mut emit),
        Some(separator) => {
            let pieces = limit.saturating_add(1);
            match separator.as_bytes() {
                // One ASCII character: a char pattern searches with memchr.
                &[byte] if byte.is_ascii() => {
                    let separator = byte as char;
                    if from_right {
                        text.rsplitn(pieces, separator).for_each(emit);
                    } else {
                        text.splitn(pieces, separator).for_each(emit);
                    }
                }
                _ if from_right => text.rsplitn(pieces, separator).for_each(emit),
                _ => text.splitn(pieces, separator).for_each(emit),
            }
        }
    }
    if from_right {
        items.reverse();
    }
    Ok(runtime.new_list(items))
}

/// `str.split(sep=None, maxsplit=-1)`.
pub fn split(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    split_method(host, arguments, "split", false)
}

/// `str.rsplit(sep=None, maxsplit=-1)`.
pub fn rsplit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    split_method(host, arguments, "rsplit", true)
}

/// `str.splitlines(keepends=False)`.
pub fn splitlines(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "splitlines")?;
    let values = call.keywords(host, "splitlines", &["keepends"])?;
    let keep_ends = match values[0] {
        Some(value) => int_argument(host, value)? != 0,
        None => false,
    };
    let lines = split_lines(call.str(), keep_ends);
    Ok(new_list_of(host, &lines, call.text.is_ascii()))
}

fn strip_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let values = call.positional(host, name, 0, 1)?;
    let characters = match values.first() {
        None | Some(&Value::NONE) => None,
        Some(&value) => match str_value(value) {
            Some(characters) => Some(characters),
            None => {
                return Err(host
                    .runtime()
                    .type_error(format!("{name} arg must be None or str")))
            }
        },
    };
    let original = call.str();
    let mut text = original;
    match characters {
        Some(set) if set.is_ascii() && original.is_ascii() => {
            // By byte: only ASCII characters to strip, from ASCII text.
            let strip = |byte: &u8| set.as_bytes().contains(byte);
            let bytes = original.as_bytes();
            let start = if left {
                bytes
                    .iter()
                    .position(|byte| !strip(byte))
                    .unwrap_or(bytes.len())
            } else {
                0
            };
            let end = if right {
                bytes[start..]
                    .iter()
                    .rposition(|byte| !strip(byte))
                    .map_or(start, |last| start + last + 1)
            } else {
                bytes.len()
            };
            text = &original[start..end];
        }
        _ => {
            let strip = |character: char| match characters {
                None => is_space(character),
                Some(set) => set.contains(character),
            };
            if left {
                text = text.trim_start_matches(strip);
            }
            if right {
                text = text.trim_end_matches(strip);
            }
        }
    }
    if text.len() == original.len() {
        return Ok(call.this);
    }
    if call.text.is_ascii() {
        return Ok(host.runtime().new_str_with_char_count(text, text.len()));
    }
    Ok(host.runtime().new_str(text))
}

/// `str.strip(chars=None)`.
pub fn strip(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    strip_method(host, arguments, "strip", true, true)
}

/// `str.lstrip(chars=None)`.
pub fn lstrip(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    strip_method(host, arguments, "lstrip", true, false)
}

/// `str.rstrip(chars=None)`.
pub fn rstrip(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    strip_method(host, arguments, "rstrip", false, true)
}

/// The str payload of a str or of an instance of a str subclass.
fn str_object(value: Value) -> Option<&'static StrObject> {
    crate::protocol::base_value(value)
        .unwrap_or(value)
        .as_object()
        .and_then(|object| object.as_str())
}

/// `str.join(iterable)`.
pub fn join(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "join")?;
    let iterable = call.one_argument(host, "join")?;
    let collected;
    // An exact list or tuple is read in place (nothing below runs Python code, so the list
    // cannot change while it is borrowed); anything else is iterated first.
    let items: &[Value] = match iterable.as_object().map(|object| &object.payload) {
        Some(Payload::Tuple(items)) => items,
        Some(Payload::List(items)) => items.get().as_slice(),
        _ => {
            collected = match crate::protocol::iterate(host, iterable) {
                Ok(iterator) => crate::protocol::collect(host, iterator)?,
                Err(error) => {
                    let runtime = host.runtime();
                    if crate::protocol::is_instance(
                        runtime,
                        error.exception,
                        runtime.types.type_error,
                    ) {
                        return Err(runtime.type_error("can only join an iterable"));
                    }
                    return Err(error);
                }
            };
            &collected
        }
    };
    if items.len() == 1
        && items[0]
            .as_object()
            .and_then(|object| object.as_str())
            .is_some()
    {
        return Ok(items[0]);
    }
    // One pass over the items: a large list's objects are not in the cache, and reading each
    // twice (sizes first, then text) costs more than the text buffer's doublings.
    let separator = call.text;
    let mut out = String::new();
    let mut char_count = 0usize;
    for (position, &item) in items.iter().enumerate() {
        let Some(piece) = str_object(item) else {
            let runtime = host.runtime();
            let message = format!(
                "sequence item {position}: expected str instance, {} found",
                type_name(runtime, item)
            );
            return Err(runtime.type_error(message));
        };
        let separator_bytes = if position > 0 {
            separator.byte_len()
        } else {
            0
        };
        if out.try_reserve(separator_bytes + piece.byte_len()).is_err() {
            return Err(host.runtime().memory_error());
        }
        if position > 0 {
            out.push_str(separator.text());
            char_count += separator.char_count();
        }
        out.push_str(piece.text());
        char_count += piece.char_count();
    }
    Ok(host.runtime().new_string_with_char_count(out, char_count))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from CPython 3.11.
    #[test]
    fn splits_like_cpython() {
        assert_eq!(
            split_whitespace("  a b\t\tc  ", usize::MAX, false),
            ["a", "b", "c"]
        );
        assert_eq!(
            split_whitespace("  a b\t\tc  ", 1, false),
            ["a", "b\t\tc  "]
        );
        assert_eq!(split_whitespace("  a b\t\tc  ", 1, true), ["  a b", "c"]);
        assert_eq!(
            split_whitespace("   ", usize::MAX, false),
            Vec::<&str>::new()
        );
        assert_eq!(split_whitespace("a\u{3000}é b", 0, false), ["a\u{3000}é b"]);
        assert_eq!(split_whitespace("  a ", 0, true), ["  a"]);
        assert_eq!(
            split_lines("a\nb\r\nc\rd\x0be\u{2028}", false),
            ["a", "b", "c", "d", "e"]
        );
        assert_eq!(split_lines("a\nb\r\n\n", true), ["a\n", "b\r\n", "\n"]);
        assert_eq!(split_lines("", false), Vec::<&str>::new());
    }
}
