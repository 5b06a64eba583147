//! A human-readable listing of code objects, in the style of CPython's `dis` (`krait --dis`).
//!
//! Every instruction is shown with its source line (when it changes), its index, its name, its
//! argument and what the argument means — the constant, the variable name, the jump target,
//! the operator — so a listing can be read without the tables beside it. Nested code objects
//! (functions, classes, comprehensions) follow their parent.

use std::collections::HashSet;
use std::fmt::Write;

use crate::code::{flags, CodeObject, Constant};
use crate::opcode::{ArgumentKind, BinaryOperator, Comparison, Opcode};

/// Width of the opcode name column (CPython's `_OPNAME_WIDTH`).
const NAME_WIDTH: usize = 20;
/// Width of the argument column (CPython's `_OPARG_WIDTH`).
const ARGUMENT_WIDTH: usize = 5;

/// Disassembles `code` and every code object nested in it, parent first.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    crate::stack::grow(|| {
        disassemble_one(code, out);
        for constant in &code.constants {
            if let Constant::Code(nested) = constant {
                out.push('\n');
                disassemble_into(nested, out);
            }
        }
    });
}

/// Disassembles `code` alone, without the code objects nested in it (`krait explain` shows
/// each function's bytecode beside its source).
pub fn disassemble_single(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_one(code, &mut out);
    out
}

fn disassemble_one(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {} at \"{}\", line {}>:",
        code.name, code.filename, code.first_line
    );
    let targets: HashSet<u32> = code
        .instructions
        .iter()
        .filter(|instruction| instruction.opcode.argument_kind() == ArgumentKind::Target)
        .map(|instruction| instruction.arg)
        .chain(code.exception_table.iter().map(|entry| entry.target))
        .collect();
    let mut last_line = None;
    for (index, instruction) in code.instructions.iter().enumerate() {
        let line = code.line_of(index);
        let line_column = if Some(line) != last_line && line != 0 {
            if last_line.is_some() {
                out.push('\n');
            }
            last_line = Some(line);
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let marker = if targets.contains(&(index as u32)) {
            ">>"
        } else {
            "  "
        };
        let _ = write!(out, "{line_column} {marker}{index:>6} ");
        let kind = instruction.opcode.argument_kind();
        if kind == ArgumentKind::Unused {
            let _ = writeln!(out, "{}", instruction.opcode.name());
            continue;
        }
        let _ = write!(
            out,
            "{:<NAME_WIDTH$} {:>ARGUMENT_WIDTH$}",
            instruction.opcode.name(),
            instruction.arg
        );
        let meaning = argument_meaning(code, instruction.opcode, instruction.arg);
        if meaning.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, " ({meaning})");
        }
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for entry in &code.exception_table {
            let lasti = if entry.push_lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{lasti}",
                entry.start,
                entry.end.saturating_sub(1),
                entry.target,
                entry.depth
            );
        }
    }
}

/// What an instruction's argument refers to, for the parenthesized column.
fn argument_meaning(code: &CodeObject, opcode: Opcode, arg: u32) -> String {
    let index = arg as usize;
    let missing = || "?".to_string();
    match opcode.argument_kind() {
        ArgumentKind::Unused | ArgumentKind::Count => match opcode {
            Opcode::UnpackEx => format!("{} before, {} after", arg & 0xff, arg >> 8),
            _ => String::new(),
        },
        ArgumentKind::Constant => code
            .constants
            .get(index)
            .map_or_else(missing, constant_repr),
        ArgumentKind::Local => code
            .varnames
            .get(index)
            .map_or_else(missing, |name| name.to_string()),
        ArgumentKind::Cell => code
            .cell_name(index)
            .map_or_else(missing, |name| name.to_string()),
        ArgumentKind::Name => code
            .names
            .get(index)
            .map_or_else(missing, |name| name.to_string()),
        ArgumentKind::Target => format!("to {arg}"),
        ArgumentKind::BinaryOperator => BinaryOperator::from_arg(arg)
            .map_or_else(missing, |operator| operator.symbol().to_string()),
        ArgumentKind::Comparison => Comparison::from_arg(arg)
            .map_or_else(missing, |comparison| comparison.symbol().to_string()),
        ArgumentKind::Invert => match (opcode, arg) {
            (Opcode::IsOp, 0) => "is".to_string(),
            (Opcode::IsOp, _) => "is not".to_string(),
            (_, 0) => "in".to_string(),
            _ => "not in".to_string(),
        },
        ArgumentKind::Flags => flags_meaning(opcode, arg),
    }
}

/// The flag bits of `MakeFunction`, `FormatValue` and `CallFunctionEx`, spelled out.
fn flags_meaning(opcode: Opcode, arg: u32) -> String {
    let mut parts: Vec<&str> = Vec::new();
    match opcode {
        Opcode::MakeFunction => {
            for (bit, name) in [
                (1, "defaults"),
                (2, "kwdefaults"),
                (4, "annotations"),
                (8, "closure"),
            ] {
                if arg & bit != 0 {
                    parts.push(name);
                }
            }
        }
        Opcode::FormatValue => {
            match arg & 3 {
                1 => parts.push("str"),
                2 => parts.push("repr"),
                3 => parts.push("ascii"),
                _ => {}
            }
            if arg & 4 != 0 {
                parts.push("with format");
            }
        }
        Opcode::CallFunctionEx if arg & 1 != 0 => parts.push("with kwargs"),
        _ => {}
    }
    parts.join(", ")
}

/// Python's `repr` of a constant.
pub fn constant_repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Int(value) => value.to_string(),
        Constant::BigInt(value) => value.to_string(),
        Constant::Float(value) => float_repr(*value),
        Constant::Imaginary(value) => {
            let text = float_repr(*value);
            let text = text.strip_suffix(".0").unwrap_or(&text);
            format!("{text}j")
        }
        Constant::Str(text) => string_repr(text),
        Constant::Bytes(bytes) => bytes_repr(bytes),
        Constant::Tuple(items) => match items.len() {
            1 => format!("({},)", constant_repr(&items[0])),
            _ => {
                let inner: Vec<String> = items.iter().map(constant_repr).collect();
                format!("({})", inner.join(", "))
            }
        },
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Code(code) => format!(
            "<code object {} at \"{}\", line {}>",
            code.name, code.filename, code.first_line
        ),
    }
}

/// Python's `repr` of a float: the shortest digits that round-trip, in positional notation for
/// exponents from -4 to 15 and scientific (`1e+16`) outside.
pub fn float_repr(value: f64) -> String {
    if value.is_nan() {
        return "nan".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "-1.2345e-7".
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa
        .chars()
        .filter(|character| *character != '.')
        .collect();
    if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        let text = if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{text}")
    } else {
        let fraction = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        let exponent_sign = if exponent < 0 { "-" } else { "+" };
        format!("{sign}{fraction}e{exponent_sign}{:02}", exponent.abs())
    }
}

/// Python's `repr` of a `str`.
pub fn string_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            character if character == quote => {
                out.push('\\');
                out.push(character);
            }
            character if is_printable(character) => out.push(character),
            character => {
                let code = character as u32;
                if code < 0x100 {
                    let _ = write!(out, "\\x{code:02x}");
                } else if code < 0x10000 {
                    let _ = write!(out, "\\u{code:04x}");
                } else {
                    let _ = write!(out, "\\U{code:08x}");
                }
            }
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable` for one character: not a control, format,
/// separator (other than the ASCII space) or unassigned character.
fn is_printable(character: char) -> bool {
    let code = character as u32;
    if character == ' ' {
        return true;
    }
    if character.is_control() || character.is_whitespace() {
        return false;
    }
    // Soft hyphen, zero-width and bidirectional formatting characters, surrogates, private use.
    !matches!(code, 0xad | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff | 0xe000..=0xf8ff | 0xfff9..=0xfffb)
}

/// Python's `repr` of a `bytes`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in bytes {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            byte if byte == quote => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7e => out.push(byte as char),
            byte => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// The names of a code object's flags, for listings.
pub fn flag_names(code_flags: u32) -> Vec<&'static str> {
    [
        (flags::OPTIMIZED, "OPTIMIZED"),
        (flags::NEW_LOCALS, "NEWLOCALS"),
        (flags::VARARGS, "VARARGS"),
        (flags::VARKEYWORDS, "VARKEYWORDS"),
        (flags::NESTED, "NESTED"),
        (flags::GENERATOR, "GENERATOR"),
        (flags::COROUTINE, "COROUTINE"),
        (flags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ]
    .into_iter()
    .filter(|(bit, _)| code_flags & bit != 0)
    .map(|(_, name)| name)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python() {
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(1.5e300), "1.5e+300");
        assert_eq!(float_repr(123456789012345680.0), "1.2345678901234568e+17");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NAN), "nan");
    }

    #[test]
    fn strings_and_bytes_print_like_python() {
        assert_eq!(string_repr("a'b"), "\"a'b\"");
        assert_eq!(string_repr("a'b\""), "'a\\'b\"'");
        assert_eq!(string_repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(string_repr("\u{0}é\u{7f}"), "'\\x00é\\x7f'");
        assert_eq!(bytes_repr(b"a\x00'"), "b\"a\\x00'\"");
        assert_eq!(
            constant_repr(&Constant::Tuple(std::rc::Rc::from(vec![Constant::Int(1)]))),
            "(1,)"
        );
        assert_eq!(constant_repr(&Constant::Imaginary(2.0)), "2j");
    }
}
