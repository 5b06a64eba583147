//! The format-spec mini-language, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
//! and how int, float and str values render under it (CPython's `Python/formatter_unicode.c`).
//!
//! Everything here is pure: errors come back as [`FormatError`] and the caller turns them into
//! Python exceptions, so the rules can be unit-tested without a runtime.

use crate::types::format::float::{double_to_string, FloatFlags};
use crate::types::int::IntValue;

/// The longest output (in characters) a width or precision may ask for; beyond it formatting
/// raises MemoryError instead of trying to allocate.
pub const MAX_FORMATTED_LENGTH: usize = 1 << 26;

/// Why formatting failed, as the Python exception to raise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// `ValueError(message)`.
    Value(String),
    /// `OverflowError(message)`.
    Overflow(String),
    /// `MemoryError()`: the result would be unreasonably long.
    Memory,
}

/// Which thousands separator a spec asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// No separator.
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (every four for `b`, `o`, `x`, `X`).
    Underscore,
}

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The padding character.
    pub fill: char,
    /// `<`, `>`, `^` or `=`.
    pub align: char,
    /// `+`, `-` or ` `, if given.
    pub sign: Option<char>,
    /// `z`: turn negative zero into zero.
    pub no_negative_zero: bool,
    /// `#`: the alternate form.
    pub alternate: bool,
    /// The minimum width, if given.
    pub width: Option<usize>,
    /// The thousands separator.
    pub grouping: Grouping,
    /// The precision, if given.
    pub precision: Option<usize>,
    /// The presentation type, or `None` for no type (floats only; other types default it).
    pub kind: Option<char>,
}

fn is_alignment(character: char) -> bool {
    matches!(character, '<' | '>' | '=' | '^')
}

/// How CPython names a presentation character in messages: `'d'`, or `'\x0'` when it is not
/// printable ASCII.
fn describe_code(code: char) -> String {
    if (code as u32) > 32 && (code as u32) < 128 {
        format!("'{code}'")
    } else {
        format!("'\\x{:x}'", code as u32)
    }
}

/// `ValueError: Unknown format code 'd' for object of type 'float'`.
pub fn unknown_code(code: char, type_name: &str) -> FormatError {
    FormatError::Value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        describe_code(code)
    ))
}

/// Reads a decimal integer (any Unicode decimal digits, as CPython); `None` if there is none.
fn read_integer(characters: &[char], position: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut accumulator: i64 = 0;
    let start = *position;
    while let Some(digit) = characters
        .get(*position)
        .and_then(|&character| crate::types::str::decimal_value(character))
    {
        let digit = i64::from(digit);
        if accumulator > (i64::MAX - digit) / 10 {
            return Err(FormatError::Value(
                "Too many decimal digits in format string".into(),
            ));
        }
        accumulator = accumulator * 10 + digit;
        *position += 1;
    }
    Ok((*position > start).then_some(accumulator as usize))
}

impl FormatSpec {
    /// Parses a non-empty spec for a value of type `type_name`, whose default presentation type
    /// and alignment are given.
    pub fn parse(
        spec: &str,
        type_name: &str,
        default_kind: Option<char>,
        default_align: char,
    ) -> Result<FormatSpec, FormatError> {
        let characters: Vec<char> = spec.chars().collect();
        let mut parsed = FormatSpec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_negative_zero: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            kind: default_kind,
        };
        let mut position = 0;
        let mut fill_given = false;
        let mut align_given = false;
        if characters.len() >= 2 && is_alignment(characters[1]) {
            parsed.fill = characters[0];
            parsed.align = characters[1];
            fill_given = true;
            align_given = true;
            position = 2;
        } else if characters.first().copied().is_some_and(is_alignment) {
            parsed.align = characters[0];
            align_given = true;
            position = 1;
        }
        let peek = |position: usize| characters.get(position).copied();
        if let Some(sign @ ('+' | '-' | ' ')) = peek(position) {
            parsed.sign = Some(sign);
            position += 1;
        }
        if peek(position) == Some('z') {
            parsed.no_negative_zero = true;
            position += 1;
        }
        if peek(position) == Some('#') {
            parsed.alternate = true;
            position += 1;
        }
        if !fill_given && peek(position) == Some('0') {
            parsed.fill = '0';
            if !align_given && default_align == '>' {
                parsed.align = '=';
            }
            position += 1;
        }
        parsed.width = read_integer(&characters, &mut position)?;
        if peek(position) == Some(',') {
            parsed.grouping = Grouping::Comma;
            position += 1;
        }
        if peek(position) == Some('_') {
            if parsed.grouping != Grouping::None {
                return Err(FormatError::Value(
                    "Cannot specify both ',' and '_'.".into(),
                ));
            }
            parsed.grouping = Grouping::Underscore;
            position += 1;
        }
        if peek(position) == Some(',') && parsed.grouping == Grouping::Underscore {
            return Err(FormatError::Value(
                "Cannot specify both ',' and '_'.".into(),
            ));
        }
        if peek(position) == Some('.') {
            position += 1;
            match read_integer(&characters, &mut position)? {
                Some(precision) => parsed.precision = Some(precision),
                None => {
                    return Err(FormatError::Value(
                        "Format specifier missing precision".into(),
                    ))
                }
            }
        }
        match characters.len() - position {
            0 => {}
            1 => parsed.kind = Some(characters[position]),
            _ => {
                return Err(FormatError::Value(format!(
                    "Invalid format specifier '{spec}' for object of type '{type_name}'"
                )))
            }
        }
        if parsed.grouping != Grouping::None {
            match parsed.kind {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if parsed.grouping == Grouping::Underscore => {}
                Some(kind) => {
                    let separator = if parsed.grouping == Grouping::Comma {
                        ','
                    } else {
                        '_'
                    };
                    return Err(FormatError::Value(format!(
                        "Cannot specify '{separator}' with {}.",
                        describe_code(kind)
                    )));
                }
            }
        }
        Ok(parsed)
    }

    /// MemoryError when the width asks for an unreasonably long result.
    fn check_width(&self) -> Result<(), FormatError> {
        match self.width {
            Some(width) if width > MAX_FORMATTED_LENGTH => Err(FormatError::Memory),
            _ => Ok(()),
        }
    }

    /// The separator character and group size for digits in `base`.
    fn separator(&self, base: u32) -> Option<(char, usize)> {
        match self.grouping {
            Grouping::None => None,
            Grouping::Comma => Some((',', 3)),
            Grouping::Underscore => Some(('_', if base == 10 { 3 } else { 4 })),
        }
    }
}

/// A number taken apart for layout: `[sign][prefix][digits][.][remainder]`.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
}

/// Groups `digits` (ASCII) from the right, padding with zeros up to `min_width` characters
/// (CPython's `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &str, min_width: i64, separator: Option<(char, usize)>) -> String {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut pieces: Vec<String> = Vec::new();
    let piece = |remaining: i64, length: i64| {
        let zeros = (length - remaining).max(0) as usize;
        let taken = remaining.min(length).max(0);
        let end = remaining as usize;
        let mut text = "0".repeat(zeros);
        text.push_str(&digits[end - taken as usize..end]);
        (text, taken)
    };
    let mut finished = false;
    if let Some((_, size)) = separator {
        loop {
            let length = (size as i64).min(remaining.max(min_width).max(1));
            let (text, taken) = piece(remaining, length);
            pieces.push(text);
            remaining -= taken;
            min_width -= length;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !finished {
        let length = remaining.max(min_width).max(1);
        let (text, _) = piece(remaining, length);
        pieces.push(text);
    }
    pieces.reverse();
    let separator = separator
        .map(|(character, _)| character.to_string())
        .unwrap_or_default();
    pieces.join(&separator)
}

/// Lays a number out with sign, padding and grouping (CPython's `calc_number_widths` and
/// `fill_number`).
fn layout_number(
    spec: &FormatSpec,
    parts: &NumberParts,
    separator: Option<(char, usize)>,
) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => parts.negative.then_some('-'),
    };
    let non_digits = sign.is_some() as i64
        + parts.prefix.chars().count() as i64
        + parts.has_decimal as i64
        + parts.remainder.chars().count() as i64;
    let width = spec.width.map_or(-1, |width| width as i64);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - non_digits
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, separator)
    };
    let padding = (width - non_digits - grouped.chars().count() as i64).max(0) as usize;
    let (left, inner, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(grouped.len() + parts.remainder.len() + padding + 8);
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.extend(sign);
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(spec.fill, inner));
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(spec.fill, right));
    out
}

/// Pads `text` (of `length` characters) to the spec's width with its fill and alignment.
fn pad(spec: &FormatSpec, text: &str, length: usize) -> String {
    let padding = spec.width.unwrap_or(0).saturating_sub(length);
    let left = match spec.align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + padding);
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(spec.fill, padding - left));
    out
}

/// `format(text, spec)` for a str with a non-empty spec.
pub fn format_str(text: &str, spec: &str, type_name: &str) -> Result<String, FormatError> {
    let spec = FormatSpec::parse(spec, type_name, Some('s'), '<')?;
    if spec.kind != Some('s') {
        return Err(unknown_code(spec.kind.unwrap_or('\0'), type_name));
    }
    if let Some(sign) = spec.sign {
        let what = if sign == ' ' { "Space" } else { "Sign" };
        return Err(FormatError::Value(format!(
            "{what} not allowed in string format specifier"
        )));
    }
    if spec.no_negative_zero {
        return Err(FormatError::Value(
            "Negative zero coercion (z) not allowed in string format specifier".into(),
        ));
    }
    if spec.alternate {
        return Err(FormatError::Value(
            "Alternate form (#) not allowed in string format specifier".into(),
        ));
    }
    if spec.align == '=' {
        return Err(FormatError::Value(
            "'=' alignment not allowed in string format specifier".into(),
        ));
    }
    spec.check_width()?;
    let (text, length) = match spec.precision {
        Some(precision) => match text.char_indices().nth(precision) {
            Some((end, _)) => (&text[..end], precision),
            None => (text, text.chars().count()),
        },
        None => (text, text.chars().count()),
    };
    Ok(pad(&spec, text, length))
}

/// The digits of `|value|` in `base` (lowercase).
fn magnitude_digits(value: &IntValue, base: u32) -> String {
    match value {
        IntValue::Small(small) => {
            let magnitude = small.unsigned_abs();
            match base {
                2 => format!("{magnitude:b}"),
                8 => format!("{magnitude:o}"),
                16 => format!("{magnitude:x}"),
                _ => magnitude.to_string(),
            }
        }
        IntValue::Big(big) => big.magnitude().to_str_radix(base),
    }
}

/// `format(value, spec)` for an int (or bool) with a non-empty spec.
pub fn format_int(value: &IntValue, spec: &str, type_name: &str) -> Result<String, FormatError> {
    let spec = FormatSpec::parse(spec, type_name, Some('d'), '>')?;
    let kind = spec.kind.unwrap_or('d');
    match kind {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let Some(float) = value.to_f64() else {
                return Err(FormatError::Overflow(
                    "int too large to convert to float".into(),
                ));
            };
            return format_float_with(float, &spec);
        }
        other => return Err(unknown_code(other, type_name)),
    }
    if spec.precision.is_some() {
        return Err(FormatError::Value(
            "Precision not allowed in integer format specifier".into(),
        ));
    }
    if spec.no_negative_zero {
        return Err(FormatError::Value(
            "Negative zero coercion (z) not allowed in integer format specifier".into(),
        ));
    }
    spec.check_width()?;
    if kind == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::Value(
                "Sign not allowed with integer format specifier 'c'".into(),
            ));
        }
        if spec.alternate {
            return Err(FormatError::Value(
                "Alternate form (#) not allowed with integer format specifier 'c'".into(),
            ));
        }
        let Some(code) = value.to_i64() else {
            return Err(FormatError::Overflow(
                "Python int too large to convert to C long".into(),
            ));
        };
        let Some(character) = u32::try_from(code).ok().and_then(char::from_u32) else {
            return Err(FormatError::Overflow(
                "%c arg not in range(0x110000)".into(),
            ));
        };
        let text = character.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &text,
        };
        return Ok(layout_number(&spec, &parts, None));
    }
    let (base, prefix) = match kind {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = magnitude_digits(value, base);
    if kind == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: value.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    let separator = if kind == 'n' {
        None
    } else {
        spec.separator(base)
    };
    Ok(layout_number(&spec, &parts, separator))
}

/// `format(value, spec)` for a float with a non-empty spec.
pub fn format_float(value: f64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    let spec = FormatSpec::parse(spec, type_name, None, '>')?;
    match spec.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_with(value, &spec)
        }
        Some(other) => Err(unknown_code(other, type_name)),
    }
}

/// CPython's `format_float_internal`.
fn format_float_with(mut value: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec
        .precision
        .is_some_and(|precision| precision > i32::MAX as usize)
    {
        return Err(FormatError::Value("precision too big".into()));
    }
    if spec
        .precision
        .is_some_and(|precision| precision > MAX_FORMATTED_LENGTH)
    {
        return Err(FormatError::Memory);
    }
    spec.check_width()?;
    let mut flags = FloatFlags {
        alternate: spec.alternate,
        no_negative_zero: spec.no_negative_zero,
        add_dot_0: false,
    };
    let mut default_precision = 6;
    let mut kind = match spec.kind {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(kind) => kind,
    };
    let percent = kind == '%';
    if percent {
        kind = 'f';
        value *= 100.0;
    }
    let precision = match spec.precision {
        Some(precision) => {
            if kind == 'r' {
                kind = 'g';
            }
            precision
        }
        None => default_precision,
    };
    let mut text = double_to_string(value, kind, precision, flags);
    if percent {
        text.push('%');
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let digit_count = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    let has_decimal = unsigned.as_bytes().get(digit_count) == Some(&b'.');
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &unsigned[..digit_count],
        has_decimal,
        remainder: &unsigned[digit_count + has_decimal as usize..],
    };
    let separator = if spec.kind == Some('n') {
        None
    } else {
        spec.separator(10)
    };
    Ok(layout_number(spec, &parts, separator))
}

/// `format(value, spec)` for a complex with a non-empty spec (CPython's
/// `format_complex_internal`): each part formatted as a float, the imaginary part always
/// signed; no type means `repr` style with parentheses unless the real part is omitted.
pub fn format_complex(real: f64, imaginary: f64, spec: &str) -> Result<String, FormatError> {
    let spec = FormatSpec::parse(spec, "complex", None, '>')?;
    if let Some(kind) = spec.kind.filter(|kind| !"eEfFgGn".contains(*kind)) {
        return Err(unknown_code(kind, "complex"));
    }
    if spec
        .precision
        .is_some_and(|precision| precision > i32::MAX as usize)
    {
        return Err(FormatError::Value("precision too big".into()));
    }
    if spec
        .precision
        .is_some_and(|precision| precision > MAX_FORMATTED_LENGTH)
    {
        return Err(FormatError::Memory);
    }
    spec.check_width()?;
    if spec.fill == '0' {
        return Err(FormatError::Value(
            "Zero padding is not allowed in complex format specifier".into(),
        ));
    }
    if spec.align == '=' {
        return Err(FormatError::Value(
            "'=' alignment flag is not allowed in complex format specifier".into(),
        ));
    }
    let flags = FloatFlags {
        alternate: spec.alternate,
        no_negative_zero: spec.no_negative_zero,
        add_dot_0: false,
    };
    let (mut kind, default_precision, skip_real, parentheses) = match spec.kind {
        None => {
            let skip = real == 0.0 && real.is_sign_positive();
            ('r', 0, skip, !skip)
        }
        Some('n') => ('g', 6, false, false),
        Some(kind) => (kind, 6, false, false),
    };
    let precision = match spec.precision {
        Some(precision) => {
            if kind == 'r' {
                kind = 'g';
            }
            precision
        }
        None => default_precision,
    };
    let separator = if spec.kind == Some('n') {
        None
    } else {
        spec.separator(10)
    };
    let part = |value: f64, sign: Option<char>| {
        let text = double_to_string(value, kind, precision, flags);
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let digit_count = unsigned.bytes().take_while(u8::is_ascii_digit).count();
        let has_decimal = unsigned.as_bytes().get(digit_count) == Some(&b'.');
        let parts = NumberParts {
            negative,
            prefix: "",
            digits: &unsigned[..digit_count],
            has_decimal,
            remainder: &unsigned[digit_count + has_decimal as usize..],
        };
        let unpadded = FormatSpec {
            fill: ' ',
            align: '<',
            sign,
            width: None,
            ..spec.clone()
        };
        layout_number(&unpadded, &parts, separator)
    };
    let mut text = String::new();
    if parentheses {
        text.push('(');
    }
    if !skip_real {
        text.push_str(&part(real, spec.sign));
    }
    text.push_str(&part(
        imaginary,
        if skip_real { spec.sign } else { Some('+') },
    ));
    text.push('j');
    if parentheses {
        text.push(')');
    }
    let length = text.chars().count();
    Ok(pad(&spec, &text, length))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(value: i64, spec: &str) -> String {
        format_int(&IntValue::Small(value), spec, "int")
            .unwrap_or_else(|error| format!("{error:?}"))
    }

    fn float(value: f64, spec: &str) -> String {
        format_float(value, spec, "float").unwrap_or_else(|error| format!("{error:?}"))
    }

    fn text(value: &str, spec: &str) -> String {
        format_str(value, spec, "str").unwrap_or_else(|error| format!("{error:?}"))
    }

    #[test]
    fn parses_every_field() {
        let spec = FormatSpec::parse("*^+z#012_.3f", "float", None, '>').ok();
        assert_eq!(
            spec,
            Some(FormatSpec {
                fill: '*',
                align: '^',
                sign: Some('+'),
                no_negative_zero: true,
                alternate: true,
                width: Some(12),
                grouping: Grouping::Underscore,
                precision: Some(3),
                kind: Some('f'),
            })
        );
    }

    #[test]
    fn rejects_bad_specs_with_cpython_messages() {
        let value = |message: &str| FormatError::Value(message.into());
        assert_eq!(
            FormatSpec::parse(",_", "int", Some('d'), '>'),
            Err(value("Cannot specify both ',' and '_'."))
        );
        assert_eq!(
            FormatSpec::parse("_,", "int", Some('d'), '>'),
            Err(value("Cannot specify both ',' and '_'."))
        );
        assert_eq!(
            FormatSpec::parse(".", "int", Some('d'), '>'),
            Err(value("Format specifier missing precision"))
        );
        assert_eq!(
            FormatSpec::parse("abc", "int", Some('d'), '>'),
            Err(value(
                "Invalid format specifier 'abc' for object of type 'int'"
            ))
        );
        assert_eq!(
            FormatSpec::parse("99999999999999999999", "int", Some('d'), '>'),
            Err(value("Too many decimal digits in format string"))
        );
        assert_eq!(int(1, "3000000000"), format!("{:?}", FormatError::Memory));
        assert_eq!(text("abc", ".3000000000"), "abc");
        assert_eq!(
            int(1, ",c"),
            format!("{:?}", value("Cannot specify ',' with 'c'."))
        );
        assert_eq!(
            int(1, "_n"),
            format!("{:?}", value("Cannot specify '_' with 'n'."))
        );
        assert_eq!(
            int(1, "\u{1234}"),
            format!(
                "{:?}",
                value("Unknown format code '\\x1234' for object of type 'int'")
            )
        );
        assert_eq!(
            int(1, ".2"),
            format!(
                "{:?}",
                value("Precision not allowed in integer format specifier")
            )
        );
        assert_eq!(
            int(-1, "c"),
            format!(
                "{:?}",
                FormatError::Overflow("%c arg not in range(0x110000)".into())
            )
        );
        assert_eq!(
            float(1.5, "d"),
            format!(
                "{:?}",
                value("Unknown format code 'd' for object of type 'float'")
            )
        );
        assert_eq!(
            float(1.5, ".3000000000"),
            format!("{:?}", value("precision too big"))
        );
        assert_eq!(
            text("a", ","),
            format!("{:?}", value("Cannot specify ',' with 's'."))
        );
        assert_eq!(
            text("a", "="),
            format!(
                "{:?}",
                value("'=' alignment not allowed in string format specifier")
            )
        );
        assert_eq!(
            text("a", " "),
            format!(
                "{:?}",
                value("Space not allowed in string format specifier")
            )
        );
    }

    // Expected values below come from CPython 3.11: python3 -c "print(repr(format(v, spec)))".
    #[test]
    fn formats_ints() {
        let cases: &[(i64, &str, &str)] = &[
            (1234567, ",", "1,234,567"),
            (1234567, "_", "1_234_567"),
            (-1234, "010,", "-0,001,234"),
            (1234, "010,", "00,001,234"),
            (255, "#x", "0xff"),
            (255, "#X", "0XFF"),
            (255, "#010b", "0b11111111"),
            (255, "#_b", "0b1111_1111"),
            (-255, "#_x", "-0xff"),
            (65535, "_x", "ffff"),
            (1048575, "_X", "F_FFFF"),
            (42, "+d", "+42"),
            (42, " d", " 42"),
            (-42, "=+8", "-     42"),
            (42, "*^9", "***42****"),
            (42, "<05", "42000"),
            (-42, "05", "-0042"),
            (97, "c", "a"),
            (97, "^5c", "  a  "),
            (1234, "n", "1234"),
            (8, "o", "10"),
            (8, "#o", "0o10"),
            (5, "%", "500.000000%"),
            (3, ".2f", "3.00"),
            (0, "x<4", "0xxx"),
            (123, "0=+8,", "+000,123"),
        ];
        for &(value, spec, expected) in cases {
            assert_eq!(int(value, spec), expected, "format({value}, {spec:?})");
        }
        let big = num_bigint::BigInt::from(10).pow(25);
        assert_eq!(
            format_int(&IntValue::Big(&big), ",", "int").ok().as_deref(),
            Some("10,000,000,000,000,000,000,000,000")
        );
    }

    #[test]
    fn formats_floats() {
        let cases: &[(f64, &str, &str)] = &[
            (1e16, "", "1e+16"),
            (1.0, " ", " 1.0"),
            (0.1, ".3", "0.1"),
            (1.0, ".3", "1.0"),
            (123.0, ".3", "1.23e+02"),
            (123.456, ".2f", "123.46"),
            (2.5, ".0f", "2"),
            (3.5, ".0f", "4"),
            (0.125, ".2f", "0.12"),
            (0.375, ".2f", "0.38"),
            (1.0, "#.0f", "1."),
            (1.0, "#.0e", "1.e+00"),
            (12345.678, "e", "1.234568e+04"),
            (12345.678, "E", "1.234568E+04"),
            (0.0001, "g", "0.0001"),
            (0.00001, "g", "1e-05"),
            (123456789.0, "g", "1.23457e+08"),
            (100.0, "g", "100"),
            (100.0, "#g", "100.000"),
            (1e-7, "", "1e-07"),
            (1234567.891, ",.2f", "1,234,567.89"),
            (1234567.891, "_", "1_234_567.891"),
            (-1234.5, "012,.1f", "-0,001,234.5"),
            (0.25, "%", "25.000000%"),
            (0.25, ".1%", "25.0%"),
            (-0.0, "", "-0.0"),
            (-0.0, "z", "0.0"),
            (-0.0001, "z.2f", "0.00"),
            (-0.0001, ".2f", "-0.00"),
            (f64::INFINITY, "", "inf"),
            (f64::NEG_INFINITY, "+", "-inf"),
            (f64::INFINITY, "010", "0000000inf"),
            (f64::NAN, "F", "NAN"),
            (f64::NAN, "+f", "+nan"),
            (1.5, "*^10", "***1.5****"),
            (1.5, "=+10", "+      1.5"),
            (1e22, "f", "10000000000000000000000.000000"),
            (1e22, "", "1e+22"),
            (123456789012345678.0, "", "1.2345678901234568e+17"),
            (0.1, ".20f", "0.10000000000000000555"),
            (5e-324, "g", "4.94066e-324"),
            (1.0, "n", "1"),
            (1234.5, "n", "1234.5"),
            (1e100, ".3", "1e+100"),
            (9.999, ".2", "1e+01"),
            (99.99, ".3", "1e+02"),
            (0.5, ".0", "0.5"),
            (1.5, "10.3e", " 1.500e+00"),
        ];
        for &(value, spec, expected) in cases {
            assert_eq!(float(value, spec), expected, "format({value}, {spec:?})");
        }
    }

    #[test]
    fn formats_strs() {
        assert_eq!(text("abc", "*^7"), "**abc**");
        assert_eq!(text("abc", ">5"), "  abc");
        assert_eq!(text("abcdef", ".2"), "ab");
        assert_eq!(text("héllo", "^9.3"), "   hél   ");
        assert_eq!(text("ab", "é<4"), "abéé");
        assert_eq!(text("abc", "05"), "abc00");
    }
}
