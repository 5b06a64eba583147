//! Helpers shared by the code generator's tests.

use std::rc::Rc;

use crate::code::{CodeObject, Constant};
use crate::codegen::stack_depths;
use crate::disassemble::constant_repr;
use crate::opcode::{ArgumentKind, Opcode};

/// Compiles `source`, checks every code object's invariants, and returns the module code.
pub fn compile(source: &str) -> Rc<CodeObject> {
    match crate::compile_module(source, "<test>") {
        Ok(code) => {
            check_invariants(&code);
            code
        }
        Err(error) => panic!("compiling {source:?} failed:\n{error}"),
    }
}

/// The error message of compiling `source`, which must fail.
pub fn compile_error(source: &str) -> String {
    match crate::compile_module(source, "<test>") {
        Ok(_) => panic!("{source:?} compiled"),
        Err(error) => error.message,
    }
}

/// Checks the structural invariants the VM relies on, for `code` and every code object nested
/// in it.
pub fn check_invariants(code: &CodeObject) {
    let mut pending = vec![code];
    while let Some(code) = pending.pop() {
        check_one(code);
        for constant in &code.constants {
            if let Constant::Code(nested) = constant {
                pending.push(nested);
            }
        }
    }
}

fn check_one(code: &CodeObject) {
    let count = code.instructions.len();
    assert_eq!(
        code.locations.len(),
        count,
        "one location per instruction in {}",
        code.qualname
    );
    assert!(count > 0, "{} has no instructions", code.qualname);
    let last = code.instructions[count - 1].opcode;
    assert!(
        matches!(
            last,
            Opcode::ReturnValue | Opcode::Jump | Opcode::Reraise | Opcode::RaiseVarargs
        ),
        "{} ends with {last:?}",
        code.qualname
    );
    for instruction in &code.instructions {
        match instruction.opcode.argument_kind() {
            ArgumentKind::Target => assert!((instruction.arg as usize) < count),
            ArgumentKind::Constant => assert!((instruction.arg as usize) < code.constants.len()),
            ArgumentKind::Local => assert!((instruction.arg as usize) < code.varnames.len()),
            ArgumentKind::Name => assert!((instruction.arg as usize) < code.names.len()),
            ArgumentKind::Cell => assert!((instruction.arg as usize) < code.cell_count()),
            _ => {}
        }
    }
    for entry in &code.exception_table {
        assert!(entry.start < entry.end && (entry.end as usize) <= count);
        assert!((entry.target as usize) < count);
        assert!(!entry.push_lasti);
    }
    let depths = match stack_depths(&code.instructions, &code.exception_table) {
        Ok(depths) => depths,
        Err(message) => panic!(
            "{message} in {}:\n{}",
            code.qualname,
            crate::disassemble::disassemble(code)
        ),
    };
    let maximum = code
        .instructions
        .iter()
        .zip(&depths)
        .filter_map(|(instruction, depth)| {
            depth.map(|depth| {
                let (pops, pushes) = instruction.opcode.stack_effect(instruction.arg);
                depth.max(depth - pops + pushes)
            })
        })
        .max()
        .unwrap_or(0);
    assert_eq!(
        maximum, code.max_stack_depth,
        "max stack depth of {}",
        code.qualname
    );
    for (index, depth) in depths.iter().enumerate() {
        assert!(
            depth.is_some(),
            "instruction {index} of {} is unreachable:\n{}",
            code.qualname,
            crate::disassemble::disassemble(code)
        );
    }
}

/// The instructions of a code object, one `NAME meaning` (or `NAME arg`) per instruction,
/// joined with `; `. Jump targets show as `to N`.
pub fn ops(code: &CodeObject) -> String {
    code.instructions
        .iter()
        .map(|instruction| {
            let name = instruction.opcode.name();
            let arg = instruction.arg;
            let index = arg as usize;
            match instruction.opcode.argument_kind() {
                ArgumentKind::Unused => name.to_string(),
                ArgumentKind::Constant => match &code.constants[index] {
                    Constant::Code(nested) => format!("{name} <code {}>", nested.qualname),
                    constant => format!("{name} {}", constant_repr(constant)),
                },
                ArgumentKind::Local => format!("{name} {}", code.varnames[index]),
                ArgumentKind::Name => format!("{name} {}", code.names[index]),
                ArgumentKind::Cell => {
                    format!("{name} {}", code.cell_name(index).map_or("?", |name| name))
                }
                ArgumentKind::Target => format!("{name} to {arg}"),
                ArgumentKind::BinaryOperator => format!(
                    "{name} {}",
                    crate::opcode::BinaryOperator::from_arg(arg)
                        .map_or("?", |operator| operator.symbol())
                ),
                ArgumentKind::Comparison => format!(
                    "{name} {}",
                    crate::opcode::Comparison::from_arg(arg)
                        .map_or("?", |comparison| comparison.symbol())
                ),
                _ => format!("{name} {arg}"),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The nested code object with this qualified name, searched recursively.
pub fn nested(code: &CodeObject, qualname: &str) -> Rc<CodeObject> {
    fn find(code: &CodeObject, qualname: &str) -> Option<Rc<CodeObject>> {
        for constant in &code.constants {
            if let Constant::Code(nested) = constant {
                if &*nested.qualname == qualname {
                    return Some(nested.clone());
                }
                if let Some(found) = find(nested, qualname) {
                    return Some(found);
                }
            }
        }
        None
    }
    match find(code, qualname) {
        Some(found) => found,
        None => panic!(
            "no code object {qualname}:\n{}",
            crate::disassemble::disassemble(code)
        ),
    }
}
