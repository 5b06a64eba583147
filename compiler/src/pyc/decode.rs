//! Reading a cache body back into a code object tree, and checking that what was read is
//! something the VM can run (the format is in `encode.rs`).
//!
//! Nothing here trusts the input: every read is bounds-checked, every count is bounded by the
//! bytes left (each element takes at least one byte, so no count makes a loop or an allocation
//! larger than the file), recursion is bounded by [`MAX_NESTING`] and runs on a growable stack,
//! and no arithmetic on decoded numbers can overflow.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};

use super::encode::tag;
use crate::code::{flags, CodeObject, Constant, ExceptionEntry, Instruction, Location};
use crate::opcode::{ArgumentKind, BinaryOperator, Comparison, Opcode};
use crate::pyc::{DecodeError, MAX_NESTING};

/// The largest argument accepted for count and flag operands: far beyond real code, and small
/// enough that no stack effect computed from it can overflow.
const MAX_COUNT_ARGUMENT: u32 = 1 << 24;

/// The largest `max_stack_depth` accepted.
const MAX_STACK_DEPTH: u32 = 1 << 28;

/// Decodes a body; see [`crate::pyc::decode_body`].
pub(super) fn body(bytes: &[u8], filename: Option<&str>) -> Result<Rc<CodeObject>, DecodeError> {
    let mut reader = Reader {
        bytes,
        position: 0,
        strings: Vec::new(),
        filename: filename.map(Rc::from),
    };
    let count = reader.count()?;
    let mut strings = Vec::with_capacity(count.min(reader.remaining()));
    for _ in 0..count {
        let length = reader.count()?;
        let text = reader.take(length)?;
        let text = std::str::from_utf8(text).map_err(|_| corrupt("a string is not UTF-8"))?;
        strings.push(Rc::from(text));
    }
    reader.strings = strings;
    let code = reader.code(0)?;
    if reader.position != bytes.len() {
        return Err(corrupt("bytes after the code"));
    }
    Ok(code)
}

fn corrupt(what: &str) -> DecodeError {
    DecodeError::Corrupt(what.to_owned())
}

struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
    strings: Vec<Rc<str>>,
    filename: Option<Rc<str>>,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.position
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        let byte = *self
            .bytes
            .get(self.position)
            .ok_or_else(|| corrupt("unexpected end"))?;
        self.position += 1;
        Ok(byte)
    }

    fn take(&mut self, length: usize) -> Result<&'a [u8], DecodeError> {
        if length > self.remaining() {
            return Err(corrupt("unexpected end"));
        }
        let slice = &self.bytes[self.position..self.position + length];
        self.position += length;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(corrupt("number too large"));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(corrupt("number too large"))
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        u32::try_from(self.varint()?).map_err(|_| corrupt("number too large"))
    }

    fn signed(&mut self) -> Result<i64, DecodeError> {
        let value = self.varint()?;
        Ok(((value >> 1) as i64) ^ -((value & 1) as i64))
    }

    /// A count of elements; each takes at least one byte, so a count beyond the bytes left is
    /// corrupt.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let count = self.varint()?;
        match usize::try_from(count) {
            Ok(count) if count <= self.remaining() => Ok(count),
            _ => Err(corrupt("count beyond the end")),
        }
    }

    fn string(&mut self) -> Result<Rc<str>, DecodeError> {
        let index = self.varint()?;
        usize::try_from(index)
            .ok()
            .and_then(|index| self.strings.get(index))
            .cloned()
            .ok_or_else(|| corrupt("string index out of range"))
    }

    fn strings(&mut self) -> Result<Vec<Rc<str>>, DecodeError> {
        let count = self.count()?;
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            out.push(self.string()?);
        }
        Ok(out)
    }

    fn float(&mut self) -> Result<f64, DecodeError> {
        let mut word = [0; 8];
        word.copy_from_slice(self.take(8)?);
        Ok(f64::from_bits(u64::from_le_bytes(word)))
    }

    fn code(&mut self, depth: usize) -> Result<Rc<CodeObject>, DecodeError> {
        if depth > MAX_NESTING {
            return Err(corrupt("nesting too deep"));
        }
        let name = self.string()?;
        let qualname = self.string()?;
        let recorded_filename = self.string()?;
        let filename = self.filename.clone().unwrap_or(recorded_filename);
        let first_line = self.u32()?;
        let argument_count = self.u32()?;
        let positional_only_count = self.u32()?;
        let keyword_only_count = self.u32()?;
        let code_flags = self.u32()?;
        let varnames = self.strings()?;
        let cellvars = self.strings()?;
        let freevars = self.strings()?;
        let count = self.count()?;
        let mut cell_parameters = Vec::with_capacity(count);
        for _ in 0..count {
            cell_parameters.push(match self.u32()? {
                0 => None,
                index => Some(index - 1),
            });
        }
        let names = self.strings()?;
        let count = self.count()?;
        let mut constants = Vec::with_capacity(count);
        for _ in 0..count {
            constants.push(crate::stack::grow(|| self.constant(depth + 1))?);
        }
        let count = self.count()?;
        let mut instructions = Vec::with_capacity(count);
        for _ in 0..count {
            let opcode =
                Opcode::from_byte(self.byte()?).ok_or_else(|| corrupt("unknown opcode"))?;
            let arg = self.u32()?;
            instructions.push(Instruction { opcode, arg });
        }
        let count = self.count()?;
        let mut locations = Vec::with_capacity(count);
        let mut previous_line = i64::from(first_line);
        for _ in 0..count {
            let line = previous_line
                .checked_add(self.signed()?)
                .ok_or_else(|| corrupt("bad line"))?;
            let column = self.u32()?;
            let end_line = line
                .checked_add(self.signed()?)
                .ok_or_else(|| corrupt("bad line"))?;
            let end_column = self.u32()?;
            let line_u32 = u32::try_from(line).map_err(|_| corrupt("bad line"))?;
            let end_line = u32::try_from(end_line).map_err(|_| corrupt("bad line"))?;
            locations.push(Location {
                line: line_u32,
                column,
                end_line,
                end_column,
            });
            previous_line = line;
        }
        let count = self.count()?;
        let mut exception_table = Vec::with_capacity(count);
        for _ in 0..count {
            let start = self.u32()?;
            let end = self.u32()?;
            let target = self.u32()?;
            let depth = self.u32()?;
            let push_lasti = match self.byte()? {
                0 => false,
                1 => true,
                _ => return Err(corrupt("bad exception table entry")),
            };
            exception_table.push(ExceptionEntry {
                start,
                end,
                target,
                depth,
                push_lasti,
            });
        }
        let max_stack_depth = self.u32()?;
        let docstring = match self.varint()? {
            0 => None,
            index => Some(
                usize::try_from(index - 1)
                    .ok()
                    .and_then(|index| self.strings.get(index))
                    .cloned()
                    .ok_or_else(|| corrupt("string index out of range"))?,
            ),
        };
        let code = CodeObject {
            name,
            qualname,
            filename,
            first_line,
            argument_count,
            positional_only_count,
            keyword_only_count,
            flags: code_flags,
            varnames,
            cellvars,
            freevars,
            cell_parameters,
            names,
            constants,
            instructions,
            locations,
            exception_table,
            max_stack_depth,
            docstring,
        };
        verify(&code)?;
        Ok(Rc::new(code))
    }

    fn constant(&mut self, depth: usize) -> Result<Constant, DecodeError> {
        if depth > MAX_NESTING {
            return Err(corrupt("nesting too deep"));
        }
        Ok(match self.byte()? {
            tag::NONE => Constant::None,
            tag::FALSE => Constant::Bool(false),
            tag::TRUE => Constant::Bool(true),
            tag::INT => Constant::Int(self.signed()?),
            tag::BIG_INT => {
                let sign = match self.byte()? {
                    0 => Sign::Plus,
                    1 => Sign::Minus,
                    _ => return Err(corrupt("bad integer sign")),
                };
                let length = self.count()?;
                Constant::BigInt(BigInt::from_bytes_le(sign, self.take(length)?))
            }
            tag::FLOAT => Constant::Float(self.float()?),
            tag::IMAGINARY => Constant::Imaginary(self.float()?),
            tag::STR => Constant::Str(self.string()?),
            tag::BYTES => {
                let length = self.count()?;
                Constant::Bytes(Rc::from(self.take(length)?))
            }
            tag::TUPLE => {
                let count = self.count()?;
                let mut items = Vec::with_capacity(count);
                for _ in 0..count {
                    items.push(crate::stack::grow(|| self.constant(depth + 1))?);
                }
                Constant::Tuple(Rc::from(items))
            }
            tag::ELLIPSIS => Constant::Ellipsis,
            tag::CODE => Constant::Code(crate::stack::grow(|| self.code(depth + 1))?),
            _ => return Err(corrupt("unknown constant tag")),
        })
    }
}

/// Checks that one code object (not the ones nested in it) has the shape the compiler gives
/// its output and the VM relies on: one location per instruction, every argument in range, a
/// last instruction that does not fall off the end, exception handlers inside the code, and a
/// stack depth that is the same on every path, never negative and never above
/// `max_stack_depth`.
pub fn verify(code: &CodeObject) -> Result<(), DecodeError> {
    let count = code.instructions.len();
    if count == 0 {
        return Err(corrupt("no instructions"));
    }
    if code.locations.len() != count {
        return Err(corrupt("not one location per instruction"));
    }
    if code.cell_parameters.len() != code.cellvars.len()
        || code
            .cell_parameters
            .iter()
            .flatten()
            .any(|&index| index as usize >= code.varnames.len())
    {
        return Err(corrupt("bad cell parameters"));
    }
    let parameters = u64::from(code.argument_count)
        + u64::from(code.keyword_only_count)
        + u64::from(code.flags & flags::VARARGS != 0)
        + u64::from(code.flags & flags::VARKEYWORDS != 0);
    if parameters > code.varnames.len() as u64 || code.positional_only_count > code.argument_count {
        return Err(corrupt("bad parameter counts"));
    }
    if code.max_stack_depth > MAX_STACK_DEPTH {
        return Err(corrupt("stack too deep"));
    }
    for instruction in &code.instructions {
        let arg = instruction.arg;
        let index = arg as usize;
        let valid = match instruction.opcode.argument_kind() {
            // `Copy 0` and `Swap 0` would index past the top of the stack.
            ArgumentKind::Count if matches!(instruction.opcode, Opcode::Copy | Opcode::Swap) => {
                (1..=MAX_COUNT_ARGUMENT).contains(&arg)
            }
            ArgumentKind::Unused | ArgumentKind::Count | ArgumentKind::Flags => {
                arg <= MAX_COUNT_ARGUMENT
            }
            ArgumentKind::Constant => index < code.constants.len(),
            ArgumentKind::Local => index < code.varnames.len(),
            ArgumentKind::Cell => index < code.cell_count(),
            ArgumentKind::Name => index < code.names.len(),
            ArgumentKind::Target => index < count,
            ArgumentKind::BinaryOperator => BinaryOperator::from_arg(arg).is_some(),
            ArgumentKind::Comparison => Comparison::from_arg(arg).is_some(),
            ArgumentKind::Invert => arg <= 1,
        };
        if !valid {
            return Err(DecodeError::Corrupt(format!(
                "bad argument {arg} of {}",
                instruction.opcode.name()
            )));
        }
    }
    for entry in &code.exception_table {
        if entry.start >= entry.end
            || entry.end as usize > count
            || entry.target as usize >= count
            || entry.depth > code.max_stack_depth
        {
            return Err(corrupt("bad exception table entry"));
        }
    }
    check_stack(code)
}

/// The flow analysis of the compiler's `stack_depths`, in 64-bit arithmetic with every depth
/// bounded by `max_stack_depth`, so that hostile arguments cannot overflow it.
fn check_stack(code: &CodeObject) -> Result<(), DecodeError> {
    let instructions = &code.instructions;
    let limit = u64::from(code.max_stack_depth);
    let mut depths: Vec<Option<u64>> = vec![None; instructions.len()];
    let mut work: Vec<(usize, u64)> = vec![(0, 0)];
    depths[0] = Some(0);
    let record =
        |depths: &mut Vec<Option<u64>>, work: &mut Vec<(usize, u64)>, index: usize, depth: u64| {
            if depth > limit {
                return Err(corrupt("stack deeper than declared"));
            }
            match depths.get(index) {
                None => Err(corrupt("jump out of the code")),
                Some(Some(known)) if *known != depth => Err(corrupt("inconsistent stack depth")),
                Some(Some(_)) => Ok(()),
                Some(None) => {
                    depths[index] = Some(depth);
                    work.push((index, depth));
                    Ok(())
                }
            }
        };
    while let Some((index, depth)) = work.pop() {
        let instruction = instructions[index];
        if let Some(entry) = code.handler_for(index as u32) {
            let handler_depth = u64::from(entry.depth) + 1 + u64::from(entry.push_lasti);
            record(&mut depths, &mut work, entry.target as usize, handler_depth)?;
        }
        // Arguments are bounded above, so these fit in u32 without overflow.
        let (pops, pushes) = instruction.opcode.stack_effect(instruction.arg);
        let (pops, pushes) = (u64::from(pops), u64::from(pushes));
        if pops > depth {
            return Err(corrupt("stack underflow"));
        }
        if instruction.opcode.argument_kind() == ArgumentKind::Target {
            let (branch_pops, branch_pushes) = instruction
                .opcode
                .branch_stack_effect()
                .unwrap_or((pops as u32, pushes as u32));
            let (branch_pops, branch_pushes) = (u64::from(branch_pops), u64::from(branch_pushes));
            if branch_pops > depth {
                return Err(corrupt("stack underflow"));
            }
            record(
                &mut depths,
                &mut work,
                instruction.arg as usize,
                depth - branch_pops + branch_pushes,
            )?;
        }
        let falls_through = !matches!(
            instruction.opcode,
            Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
        );
        if falls_through {
            record(&mut depths, &mut work, index + 1, depth - pops + pushes)?;
        }
    }
    Ok(())
}
