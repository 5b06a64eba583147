//! Case conversion (`upper`, `lower`, `capitalize`, `title`, `swapcase`, `casefold`) and the
//! case predicates (`isupper`, `islower`, `istitle`), with Unicode's full mappings.
//!
//! Rust's `char::to_uppercase`/`to_lowercase` are the full (SpecialCasing) mappings CPython
//! uses; title case and case folding come from [`super::unicode_tables`]. The one
//! context-dependent mapping, capital sigma lowering to final `ς` at the end of a word, is
//! taken from `str::to_lowercase`, which applies the same Final_Sigma rule as CPython.

use super::arguments::method;
use super::unicode_tables::{CASEFOLD, TITLE};
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// Whether a character is titlecase (general category Lt).
fn is_titlecase(character: char) -> bool {
    matches!(
        character as u32,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC
    )
}

/// Unicode's Cased property.
fn is_cased(character: char) -> bool {
    character.is_lowercase() || character.is_uppercase() || is_titlecase(character)
}

fn lookup(table: &'static [(u32, &'static str)], character: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(character as u32), |&(code, _)| code)
        .ok()
        .map(|index| table[index].1)
}

fn push_title(out: &mut String, character: char) {
    match lookup(TITLE, character) {
        Some(title) => out.push_str(title),
        None => out.extend(character.to_uppercase()),
    }
}

/// The lowercase forms (`σ` or `ς`) of each capital sigma in `text`, in order, decided by
/// the context of the whole string.
fn sigma_forms(text: &str) -> Vec<char> {
    if !text.contains('Σ') {
        return Vec::new();
    }
    let lowered = text.to_lowercase();
    let mut output = lowered.chars();
    let mut forms = Vec::new();
    for character in text.chars() {
        if character == 'Σ' {
            forms.push(output.next().unwrap_or('σ'));
        } else {
            for _ in character.to_lowercase() {
                output.next();
            }
        }
    }
    forms
}

/// Lowers one character, taking sigmas from `sigmas` in order.
fn push_lower(out: &mut String, character: char, sigmas: &mut std::vec::IntoIter<char>) {
    if character == 'Σ' {
        out.push(sigmas.next().unwrap_or('σ'));
    } else {
        out.extend(character.to_lowercase());
    }
}

/// Runs a no-argument conversion of the receiver; returns the receiver itself when unchanged.
///
/// ASCII text takes `ascii`, which converts bytes in place (ASCII case mappings are one byte to
/// one byte): no decoding, no counting of the result's characters, and for short text no
/// buffer beyond the one on the stack.
fn convert(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    transform: fn(&str) -> String,
    ascii: fn(&mut [u8]),
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    call.no_arguments(host, name)?;
    if call.text.is_ascii() {
        let original = call.str().as_bytes();
        let mut inline = [0u8; crate::str_object::INLINE_CAPACITY];
        let mut boxed = Vec::new();
        let bytes: &mut [u8] = if original.len() <= inline.len() {
            &mut inline[..original.len()]
        } else {
            boxed.extend_from_slice(original);
            &mut boxed
        };
        bytes.copy_from_slice(original);
        ascii(bytes);
        if bytes == original {
            return Ok(call.this);
        }
        // ASCII stays ASCII, so this always succeeds.
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Ok(host.runtime().new_str_with_char_count(text, text.len()));
        }
    }
    let result = transform(call.str());
    if result == call.str() {
        return Ok(call.this);
    }
    Ok(host.runtime().new_string(result))
}

fn to_capitalized(text: &str) -> String {
    let mut sigmas = sigma_forms(text).into_iter();
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars();
    if let Some(first) = characters.next() {
        push_title(&mut out, first);
        if first == 'Σ' {
            sigmas.next();
        }
    }
    for character in characters {
        push_lower(&mut out, character, &mut sigmas);
    }
    out
}

fn to_title(text: &str) -> String {
    let mut sigmas = sigma_forms(text).into_iter();
    let mut out = String::with_capacity(text.len());
    let mut previous_cased = false;
    for character in text.chars() {
        if previous_cased {
            push_lower(&mut out, character, &mut sigmas);
        } else {
            push_title(&mut out, character);
            if character == 'Σ' {
                sigmas.next();
            }
        }
        previous_cased = is_cased(character);
    }
    out
}

fn to_swapped(text: &str) -> String {
    let mut sigmas = sigma_forms(text).into_iter();
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        if character.is_uppercase() {
            push_lower(&mut out, character, &mut sigmas);
        } else if character.is_lowercase() {
            out.extend(character.to_uppercase());
        } else {
            out.push(character);
        }
    }
    out
}

fn to_casefolded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match lookup(CASEFOLD, character) {
            Some(folded) => out.push_str(folded),
            None => out.extend(character.to_lowercase()),
        }
    }
    out
}

fn ascii_capitalize(bytes: &mut [u8]) {
    if let Some((first, rest)) = bytes.split_first_mut() {
        first.make_ascii_uppercase();
        rest.make_ascii_lowercase();
    }
}

fn ascii_title(bytes: &mut [u8]) {
    let mut previous_cased = false;
    for byte in bytes {
        if previous_cased {
            byte.make_ascii_lowercase();
        } else {
            byte.make_ascii_uppercase();
        }
        previous_cased = byte.is_ascii_alphabetic();
    }
}

fn ascii_swapcase(bytes: &mut [u8]) {
    for byte in bytes {
        if byte.is_ascii_alphabetic() {
            *byte ^= 0x20;
        }
    }
}

/// `str.upper()`.
pub fn upper(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    convert(
        host,
        arguments,
        "upper",
        str::to_uppercase,
        <[u8]>::make_ascii_uppercase,
    )
}

/// `str.lower()`.
pub fn lower(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    convert(
        host,
        arguments,
        "lower",
        str::to_lowercase,
        <[u8]>::make_ascii_lowercase,
    )
}

/// `str.capitalize()`: the first character in title case, the rest lowered.
pub fn capitalize(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    convert(
        host,
        arguments,
        "capitalize",
        to_capitalized,
        ascii_capitalize,
    )
}

/// `str.title()`: title case after uncased characters, lower case after cased ones.
pub fn title(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    convert(host, arguments, "title", to_title, ascii_title)
}

/// `str.swapcase()`.
pub fn swapcase(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    convert(host, arguments, "swapcase", to_swapped, ascii_swapcase)
}

/// `str.casefold()`.
pub fn casefold(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    convert(
        host,
        arguments,
        "casefold",
        to_casefolded,
        <[u8]>::make_ascii_lowercase,
    )
}

fn predicate(
    host: &mut dyn Host,
    arguments: Arguments,
    name: &str,
    test: fn(&str) -> bool,
) -> PyResult<Value> {
    let call = method(host, &arguments, name)?;
    call.no_arguments(host, name)?;
    Ok(Value::bool(test(call.str())))
}

/// `str.isupper()`: some cased character, and none lowercase or titlecase.
pub fn isupper(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "isupper", |text| {
        let mut cased = false;
        for character in text.chars() {
            if character.is_lowercase() || is_titlecase(character) {
                return false;
            }
            cased |= character.is_uppercase();
        }
        cased
    })
}

/// `str.islower()`: some cased character, and none uppercase or titlecase.
pub fn islower(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "islower", |text| {
        let mut cased = false;
        for character in text.chars() {
            if character.is_uppercase() || is_titlecase(character) {
                return false;
            }
            cased |= character.is_lowercase();
        }
        cased
    })
}

/// `str.istitle()`: uppercase only after uncased characters, lowercase only after cased ones.
pub fn istitle(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    predicate(host, arguments, "istitle", |text| {
        let (mut cased, mut previous_cased) = (false, false);
        for character in text.chars() {
            if character.is_uppercase() || is_titlecase(character) {
                if previous_cased {
                    return false;
                }
                previous_cased = true;
                cased = true;
            } else if character.is_lowercase() {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from CPython 3.11.
    #[test]
    fn converts_like_cpython() {
        assert_eq!(to_title("hello wORLD o'neil 3rd"), "Hello World O'Neil 3Rd");
        assert_eq!(to_title("ǆemal ßa ﬁx"), "ǅemal Ssa Fix");
        assert_eq!(to_capitalized("hELLO ΣΑΣ"), "Hello σας");
        assert_eq!(to_capitalized("ß"), "Ss");
        assert_eq!(to_swapped("Hello ΣΑΣ ß"), "hELLO σας SS");
        assert_eq!(to_casefolded("Straße ΣΑΣ ﬁ"), "strasse σασ fi");
        assert_eq!(to_casefolded("ꭰ"), "Ꭰ");
        assert_eq!(to_title("ΣΑΣ"), "Σας");
    }

    /// The byte-wise ASCII conversions agree with the general ones on ASCII text.
    #[test]
    fn ascii_conversions_agree() {
        let samples = ["hello wORLD o'neil 3rd", "", "a", "A1b2-C3 d_E", "x'y z\tQ"];
        type Conversion = (fn(&str) -> String, fn(&mut [u8]));
        let pairs: [Conversion; 6] = [
            (str::to_uppercase, <[u8]>::make_ascii_uppercase),
            (str::to_lowercase, <[u8]>::make_ascii_lowercase),
            (to_capitalized, ascii_capitalize),
            (to_title, ascii_title),
            (to_swapped, ascii_swapcase),
            (to_casefolded, <[u8]>::make_ascii_lowercase),
        ];
        for sample in samples {
            for (general, ascii) in pairs {
                let mut bytes = sample.as_bytes().to_vec();
                ascii(&mut bytes);
                assert_eq!(
                    String::from_utf8(bytes).unwrap(),
                    general(sample),
                    "{sample}"
                );
            }
        }
    }
}
