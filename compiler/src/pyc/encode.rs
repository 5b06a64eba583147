//! Writing a code object tree as a cache body.
//!
//! ```text
//! body      := count string* code
//! string    := length utf8-bytes                   (the table; referred to by index)
//! code      := name qualname filename first_line argument_count positional_only_count
//!              keyword_only_count flags
//!              count name*                         (varnames)
//!              count name*                         (cellvars)
//!              count name*                         (freevars)
//!              count cell_parameter*               (0 = none, k + 1 = varnames[k])
//!              count name*                         (names)
//!              count constant*
//!              count (opcode-byte argument)*       (instructions)
//!              count location*                     (one per instruction)
//!              count (start end target depth push_lasti-byte)*
//!              max_stack_depth docstring           (docstring: 0 = none, k + 1 = string k)
//! location  := zigzag(line - previous line) column zigzag(end_line - line) end_column
//! constant  := tag payload                         (tags in `tag`)
//! ```
//!
//! Every number is an unsigned LEB128 varint; signed ones are zigzag-encoded first. Strings
//! (names, file names, `str` constants) are stored once in the table.

use std::collections::HashMap;

use crate::code::{CodeObject, Constant};
use crate::pyc::{EncodeError, MAX_NESTING};

/// Constant tags.
pub(super) mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const INT: u8 = 3;
    pub const BIG_INT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const IMAGINARY: u8 = 6;
    pub const STR: u8 = 7;
    pub const BYTES: u8 = 8;
    pub const TUPLE: u8 = 9;
    pub const ELLIPSIS: u8 = 10;
    pub const CODE: u8 = 11;
}

/// Appends the body for `code` to `out`.
pub(super) fn body(code: &CodeObject, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    let mut strings = Strings::default();
    let mut encoded = Vec::with_capacity(4096);
    Encoder {
        strings: &mut strings,
        out: &mut encoded,
    }
    .code(code, 0)?;
    write_varint(out, strings.list.len() as u64);
    for text in &strings.list {
        write_varint(out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
    }
    out.extend_from_slice(&encoded);
    Ok(())
}

/// The string table being built: each distinct string once, in first-use order.
#[derive(Default)]
struct Strings<'a> {
    list: Vec<&'a str>,
    index: HashMap<&'a str, u64>,
}

struct Encoder<'a, 'b> {
    strings: &'b mut Strings<'a>,
    out: &'b mut Vec<u8>,
}

impl<'a> Encoder<'a, '_> {
    fn number(&mut self, value: u64) {
        write_varint(self.out, value);
    }

    /// The table index of `text`, adding it on first use.
    fn intern(&mut self, text: &'a str) -> u64 {
        let next = self.strings.list.len() as u64;
        let index = *self.strings.index.entry(text).or_insert(next);
        if index == next {
            self.strings.list.push(text);
        }
        index
    }

    fn string(&mut self, text: &'a str) {
        let index = self.intern(text);
        self.number(index);
    }

    fn strings(&mut self, texts: &'a [std::rc::Rc<str>]) {
        self.number(texts.len() as u64);
        for text in texts {
            self.string(text);
        }
    }

    fn code(&mut self, code: &'a CodeObject, depth: usize) -> Result<(), EncodeError> {
        if depth > MAX_NESTING {
            return Err(EncodeError::TooDeep);
        }
        self.string(&code.name);
        self.string(&code.qualname);
        self.string(&code.filename);
        for field in [
            code.first_line,
            code.argument_count,
            code.positional_only_count,
            code.keyword_only_count,
            code.flags,
        ] {
            self.number(u64::from(field));
        }
        self.strings(&code.varnames);
        self.strings(&code.cellvars);
        self.strings(&code.freevars);
        self.number(code.cell_parameters.len() as u64);
        for parameter in &code.cell_parameters {
            self.number(parameter.map_or(0, |index| u64::from(index) + 1));
        }
        self.strings(&code.names);
        self.number(code.constants.len() as u64);
        for constant in &code.constants {
            crate::stack::grow(|| self.constant(constant, depth + 1))?;
        }
        self.number(code.instructions.len() as u64);
        for instruction in &code.instructions {
            self.out.push(instruction.opcode.to_byte());
            self.number(u64::from(instruction.arg));
        }
        self.number(code.locations.len() as u64);
        let mut previous_line = i64::from(code.first_line);
        for location in &code.locations {
            let line = i64::from(location.line);
            self.number(zigzag(line - previous_line));
            self.number(u64::from(location.column));
            self.number(zigzag(i64::from(location.end_line) - line));
            self.number(u64::from(location.end_column));
            previous_line = line;
        }
        self.number(code.exception_table.len() as u64);
        for entry in &code.exception_table {
            for field in [entry.start, entry.end, entry.target, entry.depth] {
                self.number(u64::from(field));
            }
            self.out.push(u8::from(entry.push_lasti));
        }
        self.number(u64::from(code.max_stack_depth));
        match &code.docstring {
            None => self.number(0),
            Some(text) => {
                let index = self.intern(text);
                self.number(index + 1);
            }
        }
        Ok(())
    }

    fn constant(&mut self, constant: &'a Constant, depth: usize) -> Result<(), EncodeError> {
        if depth > MAX_NESTING {
            return Err(EncodeError::TooDeep);
        }
        match constant {
            Constant::None => self.out.push(tag::NONE),
            Constant::Bool(false) => self.out.push(tag::FALSE),
            Constant::Bool(true) => self.out.push(tag::TRUE),
            Constant::Int(value) => {
                self.out.push(tag::INT);
                self.number(zigzag(*value));
            }
            Constant::BigInt(value) => {
                self.out.push(tag::BIG_INT);
                let (sign, magnitude) = value.to_bytes_le();
                self.out.push(u8::from(sign == num_bigint::Sign::Minus));
                self.number(magnitude.len() as u64);
                self.out.extend_from_slice(&magnitude);
            }
            Constant::Float(value) => {
                self.out.push(tag::FLOAT);
                self.out.extend_from_slice(&value.to_bits().to_le_bytes());
            }
            Constant::Imaginary(value) => {
                self.out.push(tag::IMAGINARY);
                self.out.extend_from_slice(&value.to_bits().to_le_bytes());
            }
            Constant::Str(text) => {
                self.out.push(tag::STR);
                self.string(text);
            }
            Constant::Bytes(bytes) => {
                self.out.push(tag::BYTES);
                self.number(bytes.len() as u64);
                self.out.extend_from_slice(bytes);
            }
            Constant::Tuple(items) => {
                self.out.push(tag::TUPLE);
                self.number(items.len() as u64);
                for item in items.iter() {
                    crate::stack::grow(|| self.constant(item, depth + 1))?;
                }
            }
            Constant::Ellipsis => self.out.push(tag::ELLIPSIS),
            Constant::Code(code) => {
                self.out.push(tag::CODE);
                crate::stack::grow(|| self.code(code, depth + 1))?;
            }
        }
        Ok(())
    }
}

/// Appends `value` as an unsigned LEB128 varint.
pub(super) fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Maps signed to unsigned so that small magnitudes stay small: 0, -1, 1, -2… to 0, 1, 2, 3…
pub(super) fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}
