//! Turning a finished [`CodeUnit`] into a [`CodeObject`]: resolving jump labels, building the
//! exception table from per-instruction handlers, and computing the maximum stack depth.
//!
//! The maximum depth is computed by a flow analysis over the final instructions (each opcode's
//! stack effect from the opcode table, both paths of a branch, handlers entered with the
//! exception pushed), independently of the depth the code generator tracked while emitting, so
//! a mistake in either shows up as a disagreement in the tests.

use std::rc::Rc;

use crate::code::{flags, CodeObject, ExceptionEntry, Instruction};
use crate::opcode::{ArgumentKind, Opcode};

use super::unit::CodeUnit;

/// Why a unit could not be assembled: always a compiler bug, reported instead of panicking.
#[derive(Debug)]
pub(super) struct AssemblyError(pub String);

/// Assembles a finished unit. `cell_parameters` maps each cell variable to its parameter slot.
pub(super) fn assemble(
    unit: CodeUnit<'_>,
    filename: &Rc<str>,
) -> Result<CodeObject, AssemblyError> {
    let targets = unit.label_targets();
    let resolve = |label: u32| -> Result<u32, AssemblyError> {
        targets
            .get(label as usize)
            .copied()
            .flatten()
            .ok_or_else(|| AssemblyError(format!("jump to unbound label {label}")))
    };
    let mut instructions = unit.instructions;
    for instruction in &mut instructions {
        if instruction.opcode.argument_kind() == ArgumentKind::Target {
            instruction.arg = resolve(instruction.arg)?;
        }
    }
    let mut exception_table: Vec<ExceptionEntry> = Vec::new();
    for (index, handler) in unit.handlers.iter().enumerate() {
        let Some(handler) = handler else {
            continue;
        };
        let target = resolve(handler.label.0)?;
        let index = index as u32;
        match exception_table.last_mut() {
            Some(last)
                if last.end == index && last.target == target && last.depth == handler.depth =>
            {
                last.end = index + 1;
            }
            _ => exception_table.push(ExceptionEntry {
                start: index,
                end: index + 1,
                target,
                depth: handler.depth,
                push_lasti: false,
            }),
        }
    }
    let max_stack_depth = max_stack_depth(&instructions, &exception_table)
        .map_err(|message| AssemblyError(format!("{message} in {}", unit.qualname)))?;

    let cell_parameters = unit
        .cellvars
        .iter()
        .map(|cell| {
            let parameter_count =
                parameter_count(unit.argument_count, unit.keyword_only_count, unit.flags);
            unit.varnames
                .iter()
                .take(parameter_count as usize)
                .position(|name| name == cell)
                .map(|index| index as u32)
        })
        .collect();

    Ok(CodeObject {
        name: unit.name,
        qualname: unit.qualname,
        filename: filename.clone(),
        first_line: unit.first_line,
        argument_count: unit.argument_count,
        positional_only_count: unit.positional_only_count,
        keyword_only_count: unit.keyword_only_count,
        flags: unit.flags,
        varnames: unit.varnames,
        cellvars: unit.cellvars,
        freevars: unit.freevars,
        cell_parameters,
        names: unit.names,
        constants: unit.constants,
        instructions,
        locations: unit.locations,
        exception_table,
        max_stack_depth,
        docstring: unit.docstring,
    })
}

/// Number of parameter slots at the start of `varnames`.
fn parameter_count(argument_count: u32, keyword_only_count: u32, code_flags: u32) -> u32 {
    argument_count
        + keyword_only_count
        + u32::from(code_flags & flags::VARARGS != 0)
        + u32::from(code_flags & flags::VARKEYWORDS != 0)
}

/// The operand stack depth before each reachable instruction (`None` for unreachable ones),
/// by a flow analysis; an error if two paths disagree or the stack would underflow.
pub fn stack_depths(
    instructions: &[Instruction],
    exception_table: &[ExceptionEntry],
) -> Result<Vec<Option<u32>>, String> {
    let mut depths: Vec<Option<u32>> = vec![None; instructions.len()];
    let mut work: Vec<(usize, u32)> = Vec::new();
    if !instructions.is_empty() {
        depths[0] = Some(0);
        work.push((0, 0));
    }
    let record = |depths: &mut Vec<Option<u32>>,
                  work: &mut Vec<(usize, u32)>,
                  index: usize,
                  depth: u32|
     -> Result<(), String> {
        match depths.get(index) {
            None => Err(format!("jump out of the code to {index}")),
            Some(Some(known)) if *known != depth => Err(format!(
                "stack depth {depth} disagrees with {known} at instruction {index}"
            )),
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
        for entry in exception_table {
            if entry.start as usize <= index && index < entry.end as usize {
                record(
                    &mut depths,
                    &mut work,
                    entry.target as usize,
                    entry.depth + 1,
                )?;
                break;
            }
        }
        let (pops, pushes) = instruction.opcode.stack_effect(instruction.arg);
        if pops > depth {
            return Err(format!(
                "stack underflow at instruction {index} ({})",
                instruction.opcode.name()
            ));
        }
        if instruction.opcode.argument_kind() == ArgumentKind::Target {
            let (branch_pops, branch_pushes) = instruction
                .opcode
                .branch_stack_effect()
                .unwrap_or((pops, pushes));
            let target_depth = depth.saturating_sub(branch_pops) + branch_pushes;
            record(
                &mut depths,
                &mut work,
                instruction.arg as usize,
                target_depth,
            )?;
        }
        let falls_through = !matches!(
            instruction.opcode,
            Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
        );
        if falls_through {
            let next = index + 1;
            if next >= instructions.len() {
                return Err(format!(
                    "execution falls off the end after instruction {index}"
                ));
            }
            record(&mut depths, &mut work, next, depth - pops + pushes)?;
        }
    }
    Ok(depths)
}

/// The deepest the operand stack gets.
fn max_stack_depth(
    instructions: &[Instruction],
    exception_table: &[ExceptionEntry],
) -> Result<u32, String> {
    let depths = stack_depths(instructions, exception_table)?;
    let mut maximum = 0;
    for (instruction, depth) in instructions.iter().zip(depths) {
        let Some(depth) = depth else {
            continue;
        };
        let (pops, pushes) = instruction.opcode.stack_effect(instruction.arg);
        maximum = maximum.max(depth).max(depth - pops + pushes);
    }
    Ok(maximum)
}
