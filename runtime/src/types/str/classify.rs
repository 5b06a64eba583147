//! The character-class predicates (`isdigit`, `isalpha`, `isspace`, `isidentifier`, …) with
//! CPython's Unicode definitions, from [`super::unicode_tables`].

use super::arguments::method;
use super::unicode_tables::{
    ALPHA, DECIMAL, DIGIT, IDENTIFIER_CONTINUE, IDENTIFIER_START, NUMERIC,
};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Whether `character` lies in one of `table`'s inclusive ranges.
pub fn in_table(table: &[(u32, u32)], character: char) -> bool {
    let code = character as u32;
    table
        .binary_search_by(|&(start, end)| {
            if end < code {
                std::cmp::Ordering::Less
            } else if start > code {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's whitespace (`str.isspace`, `str.split()`, `str.strip()`): Unicode White_Space
/// plus the ASCII information separators `\x1c`–`\x1f`.
pub fn is_space(character: char) -> bool {
    character.is_whitespace() || ('\x1c'..='\x1f').contains(&character)
}

/// The value of a Unicode decimal digit (category Nd), as `int()` and format specs read them.
pub fn decimal_value(character: char) -> Option<u32> {
    if character.is_ascii() {
        return character.to_digit(10);
    }
    let code = character as u32;
    let index = DECIMAL.partition_point(|&(_, end)| end < code);
    match DECIMAL.get(index) {
        // Every Nd range is a run of whole decades starting at a zero.
        Some(&(start, end)) if (start..=end).contains(&code) => Some((code - start) % 10),
        _ => None,
    }
}

fn is_alpha(character: char) -> bool {
    if character.is_ascii() {
        character.is_ascii_alphabetic()
    } else {
        in_table(ALPHA, character)
    }
}

fn is_decimal(character: char) -> bool {
    decimal_value(character).is_some()
}

fn is_digit(character: char) -> bool {
    if character.is_ascii() {
        character.is_ascii_digit()
    } else {
        in_table(DIGIT, character)
    }
}

fn is_numeric(character: char) -> bool {
    if character.is_ascii() {
        character.is_ascii_digit()
    } else {
        in_table(NUMERIC, character)
    }
}

/// Whether `text` is a valid identifier (`str.isidentifier`).
pub fn is_identifier(text: &str) -> bool {
    let mut characters = text.chars();
    let Some(first) = characters.next() else {
        return false;
    };
    let starts = if first.is_ascii() {
        first == '_' || first.is_ascii_alphabetic()
    } else {
        in_table(IDENTIFIER_START, first)
    };
    starts
        && characters.all(|character| {
            if character.is_ascii() {
                character == '_' || character.is_ascii_alphanumeric()
            } else {
                in_table(IDENTIFIER_CONTINUE, character)
            }
        })
}

/// A predicate over every character of a non-empty string.
fn all_characters(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    test: fn(char) -> bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    call.no_arguments(host, name)?;
    let text = call.str();
    Ok(Value::bool(!text.is_empty() && text.chars().all(test)))
}

/// `str.isdigit()`.
pub fn isdigit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    all_characters(host, arguments, "isdigit", is_digit)
}

/// `str.isdecimal()`.
pub fn isdecimal(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    all_characters(host, arguments, "isdecimal", is_decimal)
}

/// `str.isnumeric()`.
pub fn isnumeric(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    all_characters(host, arguments, "isnumeric", is_numeric)
}

/// `str.isalpha()`.
pub fn isalpha(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    all_characters(host, arguments, "isalpha", is_alpha)
}

/// `str.isalnum()`: alphabetic, decimal, digit or numeric.
pub fn isalnum(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    all_characters(host, arguments, "isalnum", |character| {
        is_alpha(character) || is_decimal(character) || is_digit(character) || is_numeric(character)
    })
}

/// `str.isspace()`.
pub fn isspace(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    all_characters(host, arguments, "isspace", is_space)
}

/// `str.isidentifier()`.
pub fn isidentifier(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "isidentifier")?;
    call.no_arguments(host, "isidentifier")?;
    Ok(Value::bool(is_identifier(call.str())))
}

/// `str.isprintable()` (true for the empty string).
pub fn isprintable(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "isprintable")?;
    call.no_arguments(host, "isprintable")?;
    Ok(Value::bool(call.str().chars().all(super::is_printable)))
}

/// `str.isascii()` (true for the empty string).
pub fn isascii(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let call = method(host, &arguments, "isascii")?;
    call.no_arguments(host, "isascii")?;
    Ok(Value::bool(call.text.is_ascii()))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from CPython 3.11.
    #[test]
    fn classifies_like_cpython() {
        assert_eq!(decimal_value('٣'), Some(3)); // ARABIC-INDIC DIGIT THREE
        assert_eq!(decimal_value('𝟗'), Some(9)); // MATHEMATICAL BOLD DIGIT NINE
        assert_eq!(decimal_value('²'), None);
        assert!(is_digit('²') && !is_decimal('²'));
        assert!(is_numeric('½') && !is_digit('½'));
        assert!(is_numeric('三') && !is_digit('三'));
        assert!(is_alpha('é') && !is_alpha('\u{0903}'));
        assert!(is_space('\x1c') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(
            is_identifier("été_1")
                && !is_identifier("1a")
                && !is_identifier("")
                && is_identifier("_")
        );
        assert!(!super::super::is_printable('\u{a0}') && super::super::is_printable('é'));
    }
}
