//! The format string syntax of `str.format` and `str.format_map`, as CPython's
//! `Objects/stringlib/unicode_format.h`: literal text with `{{`/`}}` escapes, and replacement
//! fields `{name.attribute[key]!conversion:spec}` where the spec may itself hold fields.

use std::borrow::Cow;

use crate::protocol::{get_attribute, get_item, str_value};
use crate::value::Value;
use crate::{Host, PyResult};

/// Where named fields are looked up.
#[derive(Clone, Copy, Debug)]
pub enum Keywords<'a> {
    /// No keyword arguments: every name is a KeyError.
    None,
    /// The keyword arguments of a call: names (strs) and their values.
    Pairs {
        /// The keyword names.
        names: &'a [Value],
        /// Their values.
        values: &'a [Value],
    },
    /// Any mapping (`format_map`), indexed with `mapping[name]`.
    Mapping(Value),
}

/// The arguments fields refer to.
#[derive(Clone, Copy, Debug)]
pub struct FieldArguments<'a> {
    /// Positional arguments, or `None` for `format_map` (which has none).
    pub positional: Option<&'a [Value]>,
    /// Named arguments.
    pub keywords: Keywords<'a>,
}

/// Whether fields are numbered automatically (`{}`) or by hand (`{0}`); mixing is an error.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Undecided,
    Automatic,
    Manual,
}

struct AutoNumber {
    numbering: Numbering,
    next: usize,
}

/// A parsed replacement field.
struct Field<'a> {
    name: &'a str,
    conversion: Option<char>,
    spec: &'a str,
    spec_has_fields: bool,
}

/// `template.format(...)`: the formatted text.
pub fn format_template(
    host: &mut dyn Host,
    template: &str,
    arguments: &FieldArguments,
) -> PyResult<String> {
    let mut numbering = AutoNumber {
        numbering: Numbering::Undecided,
        next: 0,
    };
    build_string(host, template, arguments, 2, &mut numbering)
}

fn build_string(
    host: &mut dyn Host,
    template: &str,
    arguments: &FieldArguments,
    depth: i32,
    numbering: &mut AutoNumber,
) -> PyResult<String> {
    if depth <= 0 {
        return Err(host.runtime().value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(template.len());
    let mut position = 0;
    while position < template.len() {
        let (literal, field) = match next_markup(template, &mut position) {
            Ok(markup) => markup,
            Err(message) => return Err(host.runtime().value_error(message)),
        };
        out.push_str(literal);
        if let Some(field) = field {
            render_field(host, &field, arguments, depth, numbering, &mut out)?;
        }
    }
    Ok(out)
}

/// The next literal text and the field after it (CPython's `MarkupIterator_next`).
fn next_markup<'a>(
    template: &'a str,
    position: &mut usize,
) -> Result<(&'a str, Option<Field<'a>>), &'static str> {
    let bytes = template.as_bytes();
    let start = *position;
    let mut brace = None;
    while *position < bytes.len() {
        let byte = bytes[*position];
        *position += 1;
        if byte == b'{' || byte == b'}' {
            brace = Some(byte);
            break;
        }
    }
    let Some(brace) = brace else {
        return Ok((&template[start..], None));
    };
    let at_end = *position >= bytes.len();
    if brace == b'}' && (at_end || bytes[*position] != b'}') {
        return Err("Single '}' encountered in format string");
    }
    if at_end {
        return Err("Single '{' encountered in format string");
    }
    if bytes[*position] == brace {
        // An escaped brace: the literal keeps one of the two.
        *position += 1;
        return Ok((&template[start..*position - 1], None));
    }
    let literal = &template[start..*position - 1];
    let field = parse_field(template, position)?;
    Ok((literal, Some(field)))
}

/// Parses `name[!conversion][:spec]}` (CPython's `parse_field`).
fn parse_field<'a>(template: &'a str, position: &mut usize) -> Result<Field<'a>, &'static str> {
    let bytes = template.as_bytes();
    let name_start = *position;
    let mut last = 0u8;
    while *position < bytes.len() {
        last = bytes[*position];
        *position += 1;
        match last {
            b'{' => return Err("unexpected '{' in field name"),
            b'[' => {
                while *position < bytes.len() && bytes[*position] != b']' {
                    *position += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    let mut field = Field {
        name: "",
        conversion: None,
        spec: "",
        spec_has_fields: false,
    };
    match last {
        b'!' | b':' => {
            field.name = &template[name_start..*position - 1];
            if last == b'!' {
                let Some(conversion) = template[*position..].chars().next() else {
                    return Err("end of string while looking for conversion specifier");
                };
                field.conversion = Some(conversion);
                *position += conversion.len_utf8();
                if *position < bytes.len() {
                    let next = bytes[*position];
                    *position += 1;
                    if next == b'}' {
                        return Ok(field);
                    }
                    if next != b':' {
                        return Err("expected ':' after conversion specifier");
                    }
                }
            }
            let spec_start = *position;
            let mut depth = 1;
            while *position < bytes.len() {
                let byte = bytes[*position];
                *position += 1;
                if byte == b'{' {
                    field.spec_has_fields = true;
                    depth += 1;
                } else if byte == b'}' {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = &template[spec_start..*position - 1];
                        return Ok(field);
                    }
                }
            }
            Err("unmatched '{' in format spec")
        }
        b'}' => {
            field.name = &template[name_start..*position - 1];
            Ok(field)
        }
        _ => Err("expected '}' before end of string"),
    }
}

/// A field name part as an index: `Some` when it is all decimal digits.
fn parse_index(host: &mut dyn Host, text: &str) -> PyResult<Option<usize>> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut accumulator: i64 = 0;
    for character in text.chars() {
        let Some(digit) = crate::types::str::decimal_value(character) else {
            return Ok(None);
        };
        let digit = i64::from(digit);
        if accumulator > (i64::MAX - digit) / 10 {
            return Err(host
                .runtime()
                .value_error("Too many decimal digits in format string"));
        }
        accumulator = accumulator * 10 + digit;
    }
    Ok(Some(accumulator as usize))
}

/// The object a field name designates (CPython's `get_field_object`).
fn field_object(
    host: &mut dyn Host,
    name: &str,
    arguments: &FieldArguments,
    numbering: &mut AutoNumber,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut index = parse_index(host, first)?;
    let automatic = first.is_empty();
    if automatic || index.is_some() {
        if numbering.numbering == Numbering::Undecided {
            numbering.numbering = if automatic {
                Numbering::Automatic
            } else {
                Numbering::Manual
            };
        }
        let message = match (numbering.numbering, automatic) {
            (Numbering::Manual, true) => {
                Some("cannot switch from manual field specification to automatic field numbering")
            }
            (Numbering::Automatic, false) => {
                Some("cannot switch from automatic field numbering to manual field specification")
            }
            _ => None,
        };
        if let Some(message) = message {
            return Err(host.runtime().value_error(message));
        }
        if automatic {
            index = Some(numbering.next);
            numbering.next += 1;
        }
    }
    let mut object = match index {
        Some(index) => {
            let Some(positional) = arguments.positional else {
                return Err(host
                    .runtime()
                    .value_error("Format string contains positional fields"));
            };
            match positional.get(index) {
                Some(&value) => value,
                None => {
                    let message =
                        format!("Replacement index {index} out of range for positional args tuple");
                    return Err(host.runtime().index_error(message));
                }
            }
        }
        None => keyword(host, first, arguments.keywords)?,
    };
    while let Some(&selector) = rest.as_bytes().first() {
        rest = &rest[1..];
        match selector {
            b'.' => {
                let end = rest.find(['.', '[']).unwrap_or(rest.len());
                let attribute = &rest[..end];
                rest = &rest[end..];
                if attribute.is_empty() {
                    return Err(host
                        .runtime()
                        .value_error("Empty attribute in format string"));
                }
                let attribute = host.runtime().intern(attribute);
                object = get_attribute(host, object, attribute)?;
            }
            b'[' => {
                let Some(end) = rest.find(']') else {
                    return Err(host.runtime().value_error("Missing ']' in format string"));
                };
                let key_text = &rest[..end];
                rest = &rest[end + 1..];
                let index = parse_index(host, key_text)?;
                if key_text.is_empty() {
                    return Err(host
                        .runtime()
                        .value_error("Empty attribute in format string"));
                }
                let runtime = host.runtime();
                let key = match index {
                    Some(index) => runtime.new_int(index as i64),
                    None => runtime.new_str(key_text),
                };
                object = get_item(host, object, key)?;
            }
            _ => {
                return Err(host
                    .runtime()
                    .value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        }
    }
    Ok(object)
}

/// A named argument; KeyError when absent.
fn keyword(host: &mut dyn Host, name: &str, keywords: Keywords) -> PyResult<Value> {
    match keywords {
        Keywords::Mapping(mapping) => {
            let key = host.runtime().new_str(name);
            get_item(host, mapping, key)
        }
        Keywords::Pairs { names, values } => {
            match names
                .iter()
                .position(|&candidate| str_value(candidate) == Some(name))
            {
                Some(position) if position < values.len() => Ok(values[position]),
                _ => {
                    let key = host.runtime().new_str(name);
                    Err(host.runtime().key_error(key))
                }
            }
        }
        Keywords::None => {
            let key = host.runtime().new_str(name);
            Err(host.runtime().key_error(key))
        }
    }
}

/// Looks a field up, converts it, expands its spec and formats it onto `out`.
fn render_field(
    host: &mut dyn Host,
    field: &Field,
    arguments: &FieldArguments,
    depth: i32,
    numbering: &mut AutoNumber,
    out: &mut String,
) -> PyResult<()> {
    let mut object = field_object(host, field.name, arguments, numbering)?;
    if let Some(conversion) = field.conversion {
        object = match conversion {
            'r' => crate::protocol::repr(host, object)?,
            's' => crate::protocol::to_str(host, object)?,
            'a' => {
                let repr = crate::protocol::repr(host, object)?;
                let escaped = crate::types::format::ascii_escape(str_value(repr).unwrap_or(""));
                host.runtime().new_string(escaped)
            }
            other => {
                let shown = if (33..127).contains(&(other as u32)) {
                    other.to_string()
                } else {
                    format!("\\x{:x}", other as u32)
                };
                return Err(host
                    .runtime()
                    .value_error(format!("Unknown conversion specifier {shown}")));
            }
        };
    }
    let spec: Cow<str> = if field.spec_has_fields {
        // The object must survive the Python code that expanding the spec may run.
        let runtime = host.runtime();
        let mark = runtime.root_mark();
        runtime.push_root(object);
        let expanded = build_string(host, field.spec, arguments, depth - 1, numbering);
        host.runtime().pop_roots(mark);
        Cow::Owned(expanded?)
    } else {
        Cow::Borrowed(field.spec)
    };
    let formatted = crate::types::format::format_value(host, object, &spec)?;
    out.push_str(str_value(formatted).unwrap_or(""));
    Ok(())
}
