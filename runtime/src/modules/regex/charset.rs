//! Character classes and case folding as Python's `re` defines them.
//!
//! A str pattern's `\d`, `\w`, `\s` are Unicode classes (decimal digits, alphanumerics and
//! `_`, `str.isspace()` whitespace) unless the ASCII flag is set; a bytes pattern's are always
//! ASCII. With IGNORECASE two characters match when their simple lowercase or uppercase
//! mappings agree (ASCII-only mappings for bytes patterns and under the ASCII flag).

use crate::types::str::unicode_tables::{ALPHA, DECIMAL, DIGIT, NUMERIC};

/// A class escape: `\d`, `\w`, `\s`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassKind {
    /// `\d`.
    Digit,
    /// `\w`.
    Word,
    /// `\s`.
    Space,
}

/// One member of a set: a range of code points or a class escape (possibly negated).
#[derive(Clone, Debug)]
pub enum SetItem {
    /// An inclusive range (a single character is a range of one).
    Range(u32, u32),
    /// `\d`, `\w`, `\s` (`negated` for `\D`, `\W`, `\S`).
    Class {
        /// Which class.
        kind: ClassKind,
        /// Whether it is the complement.
        negated: bool,
    },
}

/// How characters are compared: which classes and case mappings apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Semantics {
    /// ASCII-only classes and case mappings (bytes patterns, the ASCII flag).
    pub ascii: bool,
    /// IGNORECASE.
    pub fold: bool,
}

/// A bracketed set `[...]` (or a class escape outside brackets).
#[derive(Clone, Debug)]
pub struct CharSet {
    /// The members.
    pub items: Vec<SetItem>,
    /// `[^...]`.
    pub negated: bool,
    /// How to compare.
    pub semantics: Semantics,
}

fn in_table(table: &[(u32, u32)], code: u32) -> bool {
    let index = table.partition_point(|&(_, end)| end < code);
    table
        .get(index)
        .is_some_and(|&(start, end)| (start..=end).contains(&code))
}

/// Whether `code` is in a class escape's class.
pub fn in_class(kind: ClassKind, code: u32, ascii: bool) -> bool {
    if code < 128 || ascii {
        if code >= 128 {
            return false;
        }
        let byte = code as u8;
        return match kind {
            ClassKind::Digit => byte.is_ascii_digit(),
            ClassKind::Word => byte.is_ascii_alphanumeric() || byte == b'_',
            ClassKind::Space => {
                matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
                    || (!ascii && (0x1c..=0x1f).contains(&byte))
            }
        };
    }
    match kind {
        ClassKind::Digit => in_table(DECIMAL, code),
        ClassKind::Word => {
            in_table(ALPHA, code)
                || in_table(DECIMAL, code)
                || in_table(DIGIT, code)
                || in_table(NUMERIC, code)
        }
        ClassKind::Space => char::from_u32(code).is_some_and(char::is_whitespace),
    }
}

/// Whether `code` is a word character (for `\b`).
pub fn is_word(code: u32, ascii: bool) -> bool {
    in_class(ClassKind::Word, code, ascii)
}

/// The simple lowercase mapping of `code`.
pub fn lower(code: u32, ascii: bool) -> u32 {
    if code < 128 {
        return (code as u8).to_ascii_lowercase() as u32;
    }
    if ascii {
        return code;
    }
    let Some(character) = char::from_u32(code) else {
        return code;
    };
    let mut mapped = character.to_lowercase();
    match (mapped.next(), mapped.next()) {
        (Some(single), None) => single as u32,
        _ => code,
    }
}

/// The simple uppercase mapping of `code`.
pub fn upper(code: u32, ascii: bool) -> u32 {
    if code < 128 {
        return (code as u8).to_ascii_uppercase() as u32;
    }
    if ascii {
        return code;
    }
    let Some(character) = char::from_u32(code) else {
        return code;
    };
    let mut mapped = character.to_uppercase();
    match (mapped.next(), mapped.next()) {
        (Some(single), None) => single as u32,
        _ => code,
    }
}

/// Whether two characters are equal under IGNORECASE.
pub fn equal_folded(left: u32, right: u32, ascii: bool) -> bool {
    left == right
        || lower(left, ascii) == lower(right, ascii)
        || upper(left, ascii) == upper(right, ascii)
}

impl CharSet {
    fn contains_exactly(&self, code: u32) -> bool {
        self.items.iter().any(|item| match *item {
            SetItem::Range(start, end) => (start..=end).contains(&code),
            SetItem::Class { kind, negated } => {
                in_class(kind, code, self.semantics.ascii) != negated
            }
        })
    }

    /// Whether the set matches `code`.
    pub fn matches(&self, code: u32) -> bool {
        let mut found = self.contains_exactly(code);
        if !found && self.semantics.fold {
            let ascii = self.semantics.ascii;
            let lowered = lower(code, ascii);
            let uppered = upper(code, ascii);
            found = (lowered != code && self.contains_exactly(lowered))
                || (uppered != code && self.contains_exactly(uppered))
                || self.items.iter().any(|item| match *item {
                    // A range holding another character with the same folding (such as the
                    // Kelvin sign for `k`): compare foldings over small ranges.
                    SetItem::Range(start, end) if end - start < 256 && start >= 128 => {
                        (start..=end).any(|candidate| equal_folded(candidate, code, ascii))
                    }
                    _ => false,
                });
        }
        found != self.negated
    }
}
