//! krait's compiler: Python source to krait bytecode.
//!
//! The stages, each visible from the command line:
//! 1. tokens and AST, from `ruff_python_parser` (`--emit-tokens`, `--emit-ast`);
//! 2. scopes: which names are locals, cells, free or global variables ([`symtable`]);
//! 3. bytecode: a tree of [`CodeObject`]s ([`codegen`], shown by `--dis` via [`disassemble`]).
//!
//! This crate depends on nothing else of krait's: its output is plain data.

#![deny(missing_docs)]

pub mod caret;
pub mod code;
pub mod codegen;
pub mod disassemble;
pub mod dump;
pub mod error;
pub mod interactive;
pub mod opcode;
pub mod parse;
pub mod pyc;
pub mod source;
mod stack;
pub mod symtable;

pub use code::{CodeObject, Constant, ExceptionEntry, Instruction, Location};
pub use error::SyntaxError;
pub use opcode::{BinaryOperator, Comparison, Opcode};

use std::rc::Rc;

pub use codegen::Mode;

/// Compiles a module's source into its code object.
///
/// `filename` is recorded in every code object for tracebacks.
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    codegen::compile_module(source, filename)
}

/// Compiles a source as Python's `compile(source, filename, mode)` does: a module (`exec`), an
/// expression whose code returns its value (`eval`), or one interactive statement (`single`).
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, SyntaxError> {
    codegen::compile(source, filename, mode)
}
