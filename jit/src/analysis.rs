//! What the translator needs to know about a code object before it emits anything: the operand
//! stack depth at each instruction, which instructions start basic blocks, which are reachable
//! in normal control flow, and where compiled code can be entered.
//!
//! Normal control flow is followed, and so are the exception table's edges: an instruction
//! covered by a handler that comes after it may raise into that handler, which compiled code
//! runs itself (`translate::handlers`). A handler before the instruction it covers would make
//! a loop of the exception edge; that instruction raises out of compiled code instead, and the
//! interpreter unwinds. Where following the exception edges meets bytecode the translator
//! cannot follow, the analysis is made again without them (every exception then leaves).

use krait_compiler::{CodeObject, Opcode};
use krait_runtime::profile::HANDLER_TAKEN;

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
    /// Per instruction: the exception-table entry (its index) whose handler compiled code
    /// runs when the instruction raises, or `None` when an exception there leaves compiled
    /// code.
    pub handler: Vec<Option<usize>>,
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

/// Analyses `code`; `Err` explains bytecode the translator cannot follow. `feedback` is the
/// profile's: handlers are compiled only in code where the interpreter has jumped to one
/// (`HANDLER_TAKEN`), so that the many `try` blocks that never see an exception cost no
/// compile time; then all of them, so that code raising into one handler after another is
/// not recompiled for each.
pub fn analyse(code: &CodeObject, feedback: &[u8]) -> Result<Analysis, String> {
    let taken = |target: usize| {
        feedback
            .get(target)
            .is_some_and(|bits| bits & HANDLER_TAKEN != 0)
    };
    if !code
        .exception_table
        .iter()
        .any(|entry| taken(entry.target as usize))
    {
        return analyse_with(code, &|_| false);
    }
    analyse_with(code, &|_| true).or_else(|_| analyse_with(code, &|_| false))
}

/// The exception-table entry that handles an exception at `index` in compiled code: the
/// innermost covering entry, when its handler comes after the instruction and is one to
/// compile.
fn local_handler(
    code: &CodeObject,
    index: usize,
    compile: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let position = code
        .exception_table
        .iter()
        .position(|entry| entry.start as usize <= index && index < entry.end as usize)?;
    let target = code.exception_table[position].target as usize;
    (target > index && compile(target)).then_some(position)
}

fn analyse_with(code: &CodeObject, handlers: &dyn Fn(usize) -> bool) -> Result<Analysis, String> {
    let instructions = &code.instructions;
    let count = instructions.len();
    let mut depth: Vec<Option<u32>> = vec![None; count];
    let mut block_start = vec![false; count];
    let mut loop_header = vec![false; count];
    let mut resume_point = vec![false; count];
    let mut handler = vec![None; count];
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
        {
            if let Some(position) = local_handler(code, index, handlers) {
                let entry = code.exception_table[position];
                let target = entry.target as usize;
                if target >= count || entry.depth > stack {
                    return Err(format!("bad exception table entry at {index}"));
                }
                handler[index] = Some(position);
                block_start[target] = true;
                work.push((target, entry.depth + u32::from(entry.push_lasti) + 1));
            }
        }
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
        handler,
    })
}
