//! Searching: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`, `endswith`,
//! `partition`, `rpartition`, `replace`, `removeprefix`, `removesuffix`.
//!
//! Python's `start`/`end` arguments and results are character indices; [`CharIndex`]
//! converts them to and from byte offsets into the UTF-8 text.

use super::arguments::{
    index_argument, memory_error, method, require_str, slice_index, MAX_RESULT_BYTES,
};
use crate::object::{Payload, StrObject};
use crate::protocol::type_name;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Character indices of a str, mapped to byte offsets.
pub(super) struct CharIndex<'a> {
    object: &'a StrObject,
    text: &'a str,
    ascii: bool,
    /// The length in characters.
    pub length: i64,
}

impl<'a> CharIndex<'a> {
    /// The index of a str payload.
    pub fn new(object: &'a StrObject) -> CharIndex<'a> {
        CharIndex {
            object,
            text: object.text(),
            ascii: object.is_ascii(),
            length: object.char_count() as i64,
        }
    }

    /// The byte offset of a character index (clamped to the text).
    pub fn byte(&self, index: i64) -> usize {
        let index = index.clamp(0, self.length) as usize;
        if self.ascii {
            index
        } else {
            self.object.byte_offset(index)
        }
    }

    /// The character index of a byte offset (on a character boundary).
    pub fn character(&self, byte: usize) -> i64 {
        if self.ascii {
            byte as i64
        } else {
            self.object.char_index_of_byte(byte) as i64
        }
    }

    /// The text between two character indices.
    pub fn slice(&self, start: i64, end: i64) -> &'a str {
        let start = self.byte(start);
        &self.text[start..self.byte(end).max(start)]
    }

    /// CPython's `ADJUST_INDICES`: negative indices count from the end; `end` is clamped to
    /// the length, `start` only from below (so it may exceed `end`).
    pub fn adjust(&self, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
        let length = self.length;
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
}

fn character_count(text: &str) -> i64 {
    text.chars().count() as i64
}

/// The receiver, needle and bounds of a `find`-style call: `(sub[, start[, end]])`.
struct Search {
    text: &'static StrObject,
    needle: &'static str,
    start: Option<i64>,
    end: Option<i64>,
}

fn search_arguments(host: &mut dyn Host, arguments: &Arguments, name: &str) -> PyResult<Search> {
    let call = method(host, arguments, name)?;
    let values = call.parse_tuple(host, name, 1, 3)?;
    let needle = require_str(host, values[0], |received| {
        format!("must be str, not {received}")
    })?;
    let start = slice_index(host, values.get(1))?;
    let end = slice_index(host, values.get(2))?;
    Ok(Search {
        text: call.text,
        needle,
        start,
        end,
    })
}

/// The character index of `needle` in `text[start:end]`, searching forwards or backwards.
fn find_in(
    text: &StrObject,
    needle: &str,
    start: Option<i64>,
    end: Option<i64>,
    forward: bool,
) -> i64 {
    let index = CharIndex::new(text);
    let (start, end) = index.adjust(start, end);
    if end - start < character_count(needle) {
        return -1;
    }
    if needle.is_empty() {
        return if forward { start } else { end };
    }
    let (low, high) = (index.byte(start), index.byte(end));
    let haystack = &text.text()[low..high];
    let found = if forward {
        haystack.find(needle)
    } else {
        haystack.rfind(needle)
    };
    match found {
        Some(offset) => index.character(low + offset),
        None => -1,
    }
}

fn find_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    forward: bool,
    raise: bool,
) -> PyResult<Value> {
    let search = search_arguments(host, &arguments, name)?;
    let position = find_in(
        search.text,
        search.needle,
        search.start,
        search.end,
        forward,
    );
    if position < 0 && raise {
        return Err(host.runtime().value_error("substring not found"));
    }
    Ok(host.runtime().new_int(position))
}

/// `str.find(sub[, start[, end]])`.
pub fn find(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    find_method(host, arguments, "find", true, false)
}

/// `str.rfind(sub[, start[, end]])`.
pub fn rfind(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    find_method(host, arguments, "rfind", false, false)
}

/// `str.index(sub[, start[, end]])`.
pub fn index(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    find_method(host, arguments, "index", true, true)
}

/// `str.rindex(sub[, start[, end]])`.
pub fn rindex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    find_method(host, arguments, "rindex", false, true)
}

/// `str.count(sub[, start[, end]])`: non-overlapping occurrences.
pub fn count(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Search {
        text,
        needle,
        start,
        end,
    } = search_arguments(host, &arguments, "count")?;
    let index = CharIndex::new(text);
    let (start, end) = index.adjust(start, end);
    let total = if end - start < character_count(needle) {
        0
    } else if needle.is_empty() {
        end - start + 1
    } else {
        index.slice(start, end).matches(needle).count() as i64
    };
    Ok(host.runtime().new_int(total))
}

/// Whether `text[start:end]` starts (or ends) with `affix` (CPython's `tailmatch`).
fn tail_match(
    text: &StrObject,
    affix: &str,
    start: Option<i64>,
    end: Option<i64>,
    at_end: bool,
) -> bool {
    let index = CharIndex::new(text);
    let (start, end) = index.adjust(start, end);
    let length = character_count(affix);
    if end - length < start {
        return false;
    }
    if affix.is_empty() {
        return true;
    }
    if at_end {
        index.slice(end - length, end) == affix
    } else {
        index.slice(start, start + length) == affix
    }
}

fn affix_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    at_end: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let values = call.parse_tuple(host, name, 1, 3)?;
    let start = slice_index(host, values.get(1))?;
    let end = slice_index(host, values.get(2))?;
    if let Some(affix) = crate::protocol::str_value(values[0]) {
        return Ok(Value::bool(tail_match(
            call.text, affix, start, end, at_end,
        )));
    }
    let Some(Payload::Tuple(items)) = values[0].as_object().map(|object| &object.payload) else {
        let runtime = host.runtime();
        let message = format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_name(runtime, values[0])
        );
        return Err(runtime.type_error(message));
    };
    for &item in items.iter() {
        let affix = require_str(host, item, |received| {
            format!("tuple for {name} must only contain str, not {received}")
        })?;
        if tail_match(call.text, affix, start, end, at_end) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// `str.startswith(prefix[, start[, end]])`; `prefix` may be a tuple of strs.
pub fn startswith(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    affix_method(host, arguments, "startswith", false)
}

/// `str.endswith(suffix[, start[, end]])`; `suffix` may be a tuple of strs.
pub fn endswith(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    affix_method(host, arguments, "endswith", true)
}

fn partition_method(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    from_right: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let separator_value = call.one_argument(host, name)?;
    let separator = require_str(host, separator_value, |received| {
        format!("must be str, not {received}")
    })?;
    if separator.is_empty() {
        return Err(host.runtime().value_error("empty separator"));
    }
    let text = call.str();
    let found = if from_right {
        text.rfind(separator)
    } else {
        text.find(separator)
    };
    let runtime = host.runtime();
    let empty = runtime.new_str("");
    let parts = match found {
        Some(offset) => {
            let before = runtime.new_str(&text[..offset]);
            let after = runtime.new_str(&text[offset + separator.len()..]);
            vec![before, separator_value, after]
        }
        None if from_right => vec![empty, empty, call.this],
        None => vec![call.this, empty, empty],
    };
    Ok(runtime.new_tuple(parts))
}

/// `str.partition(sep)`.
pub fn partition(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    partition_method(host, arguments, "partition", false)
}

/// `str.rpartition(sep)`.
pub fn rpartition(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    partition_method(host, arguments, "rpartition", true)
}

/// `str.replace(old, new[, count])`.
pub fn replace(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "replace")?;
    let values = call.positional(host, "replace", 2, 3)?;
    let old = require_str(host, values[0], |received| {
        format!("replace() argument 1 must be str, not {received}")
    })?;
    let new = require_str(host, values[1], |received| {
        format!("replace() argument 2 must be str, not {received}")
    })?;
    let limit = match values.get(2) {
        Some(&count) => index_argument(host, count)?,
        None => -1,
    };
    let text = call.str();
    let available = if old.is_empty() {
        call.text.char_count() + 1
    } else {
        text.matches(old).count()
    };
    let replacements = if limit < 0 {
        available
    } else {
        available.min(limit as usize)
    };
    if replacements == 0 {
        return Ok(call.this);
    }
    let grown = replacements.saturating_mul(new.len());
    if grown > MAX_RESULT_BYTES || text.len().saturating_add(grown) > MAX_RESULT_BYTES {
        return Err(memory_error(host));
    }
    let result = text.replacen(old, new, replacements);
    Ok(host.runtime().new_string(result))
}

fn remove_affix(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    at_end: bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    let affix = call.one_argument(host, name)?;
    let affix = require_str(host, affix, |received| {
        format!("{name}() argument must be str, not {received}")
    })?;
    let text = call.str();
    let stripped = if at_end {
        text.strip_suffix(affix)
    } else {
        text.strip_prefix(affix)
    };
    match stripped {
        Some(rest) if !affix.is_empty() => Ok(host.runtime().new_str(rest)),
        _ => Ok(call.this),
    }
}

/// `str.removeprefix(prefix)`.
pub fn removeprefix(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    remove_affix(host, arguments, "removeprefix", false)
}

/// `str.removesuffix(suffix)`.
pub fn removesuffix(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    remove_affix(host, arguments, "removesuffix", true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::make_str;

    // Expected values from CPython 3.11.
    #[test]
    fn searches_by_character() {
        let text = make_str("héllo wörld héllo");
        assert_eq!(find_in(&text, "llo", None, None, true), 2); // 'héllo wörld héllo'.find('llo')
        assert_eq!(find_in(&text, "llo", Some(3), None, true), 14);
        assert_eq!(find_in(&text, "llo", None, None, false), 14);
        assert_eq!(find_in(&text, "llo", None, Some(-3), false), 2);
        assert_eq!(find_in(&text, "", Some(5), None, true), 5);
        assert_eq!(find_in(&text, "", None, None, false), 17);
        assert_eq!(find_in(&text, "", Some(20), None, true), -1);
        assert!(tail_match(&text, "wö", Some(6), None, false));
        assert!(tail_match(&text, "wö", None, Some(8), true));
        assert!(!tail_match(&text, "", Some(18), None, false));
        let index = CharIndex::new(&text);
        assert_eq!(index.adjust(Some(-100), Some(100)), (0, 17));
        assert_eq!(index.slice(1, 4), "éll");
    }
}
