//! What the translator needs to know about a code object before it emits anything: the operand
//! stack depth at each instruction, which instructions start basic blocks, which are reachable
//! in normal control flow, and where compiled code can be entered.
//!
//! Only normal control flow is followed: exception handlers are reached through the exception
//! table, and an exception in compiled code always leaves to the interpreter, which unwinds with
//! that table. Handler code therefore never needs compiling.

use krait_compiler::{CodeObject, Opcode};

/// The facts about one code object.
pub struct Analysis {
    /// The operand stack depth before each instruction, or `None` when no normal path from an
    /// entry reaches it.
    pub depth: Vec<Option<u32>>,
    /// Whether each instruction starts a basic block.
    pub block_start: Vec<bool>,
    /// Where compiled code can be entered: the first instruction, every reachable loop
    /// header (the target of a backward jump) and, in generator and coroutine code, every
    /// resume point (the instruction after a `yield`, with the sent value on the stack), in
    /// increasing order.
    pub entries: Vec<usize>,
    /// Whether each instruction is a loop header: the target of a backward jump. Every other
    /// block is reached only from instructions before it.
    pub loop_header: Vec<bool>,
}

/// Whether control can continue to the next instruction after `opcode`.
pub fn falls_through(opcode: Opcode) -> bool {
    !matches!(
        opcode,
        Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
    )
}

/// The jump target of a branching instruction.
pub fn jump_target(opcode: Opcode, arg: u32) -> Option<usize> {
    matches!(
        opcode,
        Opcode::Jump
            | Opcode::PopJumpIfFalse
            | Opcode::PopJumpIfTrue
            | Opcode::JumpIfFalseOrPop
            | Opcode::JumpIfTrueOrPop
            | Opcode::ForIter
            | Opcode::Send
    )
    .then_some(arg as usize)
}

/// Analyses `code`; `Err` explains bytecode the translator cannot follow.
pub fn analyse(code: &CodeObject) -> Result<Analysis, String> {
    let instructions = &code.instructions;
    let count = instructions.len();
    let mut depth: Vec<Option<u32>> = vec![None; count];
    let mut block_start = vec![false; count];
    let mut loop_header = vec![false; count];
    let mut resume_point = vec![false; count];
    let mut work = vec![(0usize, 0u32)];
    if count == 0 {
        return Err("empty code".into());
    }
    block_start[0] = true;
    while let Some((index, stack)) = work.pop() {
        let Some(instruction) = instructions.get(index) else {
            return Err(format!("control runs off the end at {index}"));
        };
        match depth[index] {
            Some(known) if known == stack => continue,
            Some(known) => {
                return Err(format!(
                    "inconsistent stack depth at {index}: {known} and {stack}"
                ))
            }
            None => depth[index] = Some(stack),
        }
        let (pops, pushes) = instruction.opcode.stack_effect(instruction.arg);
        let Some(base) = stack.checked_sub(pops) else {
            return Err(format!("stack underflow at {index}"));
        };
        if let Some(target) = jump_target(instruction.opcode, instruction.arg) {
            let (branch_pops, branch_pushes) = instruction
                .opcode
                .branch_stack_effect()
                .unwrap_or((pops, pushes));
            let Some(branch_base) = stack.checked_sub(branch_pops) else {
                return Err(format!("stack underflow at {index}"));
            };
            if target >= count {
                return Err(format!("jump out of range at {index}"));
            }
            block_start[target] = true;
            if target <= index {
                loop_header[target] = true;
            }
            work.push((target, branch_base + branch_pushes));
            if index + 1 < count {
                block_start[index + 1] = true;
            }
        }
        // A `yield` exits compiled code, which is entered again after it when the generator
        // resumes.
        if instruction.opcode == Opcode::YieldValue && index + 1 < count {
            block_start[index + 1] = true;
            resume_point[index + 1] = true;
        }
        if falls_through(instruction.opcode) {
            if index + 1 >= count {
                return Err(format!("control runs off the end at {index}"));
            }
            work.push((index + 1, base + pushes));
        } else if index + 1 < count {
            block_start[index + 1] = true;
        }
    }
    let entries = (0..count)
        .filter(|&index| {
            index == 0 || (depth[index].is_some() && (resume_point[index] || loop_header[index]))
        })
        .collect();
    Ok(Analysis {
        depth,
        block_start,
        entries,
        loop_header,
    })
}
