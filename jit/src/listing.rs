//! `--emit-asm` listings: a compiled function's final machine code, disassembled, with the
//! bytecode instruction and source line each stretch of code came from.
//!
//! Cranelift records, for each range of machine code, the source location the translator set
//! while emitting it — the bytecode index. The listing prints a `; line N: <source>` header
//! when the line changes and a `; @index OPCODE` header when the instruction changes.

use krait_runtime::object::CodeData;

/// The listing of `bytes` (loaded at `address`), given `(start, end, instruction)` regions.
pub fn listing(
    code: &CodeData,
    bytes: &[u8],
    address: usize,
    regions: &[(usize, usize, usize)],
) -> Result<String, String> {
    let disassembler = crate::target::disassembler()?;
    let instructions = disassembler
        .disasm_all(bytes, address as u64)
        .map_err(|error| error.to_string())?;
    let source = std::fs::read_to_string(&*code.code.filename).ok();
    let source_lines: Vec<&str> = source
        .as_deref()
        .map_or(Vec::new(), |text| text.lines().collect());
    let mut out = String::new();
    let mut last_instruction = usize::MAX;
    let mut last_line = u32::MAX;
    for machine in instructions.iter() {
        let offset = (machine.address() as usize).wrapping_sub(address);
        let region = regions
            .iter()
            .find(|(start, end, _)| (*start..*end).contains(&offset))
            .map(|(_, _, instruction)| *instruction)
            .filter(|instruction| *instruction < code.code.instructions.len());
        if let Some(index) = region {
            if index != last_instruction {
                let line = code
                    .code
                    .locations
                    .get(index)
                    .map_or(0, |location| location.line);
                if line != last_line && line != 0 {
                    let text = source_lines
                        .get(line as usize - 1)
                        .map_or("", |text| text.trim());
                    out.push_str(&format!("; line {line}: {text}\n"));
                    last_line = line;
                }
                let instruction = code.code.instructions[index];
                out.push_str(&format!(
                    ";   @{index} {} {}\n",
                    instruction.opcode.name(),
                    instruction.arg
                ));
                last_instruction = index;
            }
        }
        out.push_str(&format!(
            "  {:8x}:  {:<8} {}\n",
            offset,
            machine.mnemonic().unwrap_or("?"),
            machine.op_str().unwrap_or("")
        ));
    }
    Ok(out)
}
