//! Bytecode generation: from the AST and its symbol table to a tree of [`CodeObject`]s.
//!
//! One [`Compiler`] walks the module; each function, class body, lambda and comprehension is
//! compiled into its own [`unit::CodeUnit`] (the compiler keeps the enclosing ones on a stack)
//! and becomes a `Constant::Code` of its parent. The instruction sequences follow CPython 3.11's
//! compiler closely (see the opcode table for what each instruction does), so that behaviour —
//! evaluation order, exception handling, unwinding through `finally` — is CPython's.
//!
//! The submodules split the work by construct: statements, expressions, calls, functions and
//! classes, comprehensions, exception handling and unwinding, assignment targets, names,
//! f-strings, constants, and the final assembly.

mod assemble;
mod calls;
mod comprehensions;
mod constants;
mod exceptions;
mod expressions;
mod fstrings;
mod functions;
mod names;
mod statements;
mod targets;
mod unit;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use ruff_python_ast::{Expr, ModModule, Stmt};
use ruff_text_size::TextRange;

use crate::code::{CodeObject, Constant, Location};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::opcode::Opcode;
use crate::parse;
use crate::source::LineIndex;
use crate::symtable::{Scope, ScopeKind, SymbolTable};

use unit::CodeUnit;

pub use assemble::stack_depths;

/// Compiles a module's source into its code object (see [`crate::compile_module`]).
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    crate::stack::with_room_for(source.len(), || compile_source(source, filename))
}

fn compile_source(source: &str, filename: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    let parsed = parse::parse_module(source, filename)?;
    let module = parsed.into_syntax();
    let index = LineIndex::new(source);
    let symbols = SymbolTable::build(&module, &index, filename)?;
    let mut compiler = Compiler::new(&index, filename, &symbols);
    compiler.module(&module)
}

/// The result of compiling part of a program.
type CompileResult<T = ()> = Result<T, SyntaxError>;

/// The state of one compilation; see the module documentation.
struct Compiler<'ast> {
    index: &'ast LineIndex<'ast>,
    filename: Rc<str>,
    symbols: &'ast SymbolTable,
    /// The code object being compiled.
    unit: CodeUnit<'ast>,
    /// The enclosing code objects, outermost first.
    outer: Vec<CodeUnit<'ast>>,
    /// The module's statements (to check where `from __future__` imports are).
    module_body: Option<&'ast [Stmt]>,
}

impl<'ast> Compiler<'ast> {
    fn new(index: &'ast LineIndex<'ast>, filename: &str, symbols: &'ast SymbolTable) -> Self {
        let root = symbols.root();
        Compiler {
            index,
            filename: Rc::from(filename),
            symbols,
            unit: CodeUnit::new(root, ScopeKind::Module, "<module>", "<module>", 1),
            outer: Vec::new(),
            module_body: None,
        }
    }

    /// Compiles the module body.
    fn module(&mut self, module: &'ast ModModule) -> CompileResult<Rc<CodeObject>> {
        let body = &module.body[..];
        self.module_body = Some(body);
        if let Some(docstring) = docstring(body) {
            if let Some(Stmt::Expr(first)) = body.first() {
                self.set_location(first.range);
            }
            self.unit.load_constant(Constant::Str(Rc::from(docstring)));
            self.store_name_directly("__doc__");
        }
        self.statements(body)?;
        self.return_none();
        let unit = std::mem::replace(
            &mut self.unit,
            CodeUnit::new(self.symbols.root(), ScopeKind::Module, "", "", 1),
        );
        self.assemble(unit).map(Rc::new)
    }

    /// The symbol-table scope of the unit being compiled.
    fn scope(&self) -> &'ast Scope {
        self.symbols.scope(self.unit.scope)
    }

    /// A `SyntaxError` underlining `range`.
    fn error(&self, range: TextRange, message: impl Into<String>) -> SyntaxError {
        self.index.error_range(
            SyntaxErrorKind::Syntax,
            &self.filename,
            range.start().to_u32(),
            range.end().to_u32(),
            message,
        )
    }

    /// A `SyntaxError` with a single caret at the start of `range`.
    fn error_at(&self, range: TextRange, message: impl Into<String>) -> SyntaxError {
        self.index.error(
            SyntaxErrorKind::Syntax,
            &self.filename,
            range.start().to_u32(),
            message,
        )
    }

    /// The [`Location`] of a source range.
    fn location(&self, range: TextRange) -> Location {
        let (line, column) = self.index.position(range.start().to_u32());
        let (end_line, end_column) = self.index.position(range.end().to_u32());
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// Attributes the following instructions to `range`.
    fn set_location(&mut self, range: TextRange) {
        self.unit.location = self.location(range);
    }

    fn emit(&mut self, opcode: Opcode, arg: u32) {
        self.unit.emit(opcode, arg);
    }

    /// `LoadConst None; ReturnValue` if the end of the code can be reached.
    fn return_none(&mut self) {
        if self.unit.is_reachable() {
            self.unit.load_constant(Constant::None);
            self.emit(Opcode::ReturnValue, 0);
        }
    }

    /// Assembles a finished unit, reporting a compiler bug as a `SyntaxError` rather than
    /// panicking.
    fn assemble(&self, unit: CodeUnit<'ast>) -> CompileResult<CodeObject> {
        let line = unit.first_line;
        let inconsistent = unit.inconsistent_depth;
        let qualname = unit.qualname.clone();
        let code = assemble::assemble(unit, &self.filename).map_err(|error| SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            message: format!("internal compiler error: {}", error.0),
            filename: self.filename.to_string(),
            line,
            column: 1,
            end_line: 0,
            end_column: 0,
            source_line: self.index.line_text(line).to_string(),
        })?;
        if inconsistent {
            return Err(SyntaxError {
                kind: SyntaxErrorKind::Syntax,
                message: format!("internal compiler error: inconsistent stack depth in {qualname}"),
                filename: self.filename.to_string(),
                line,
                column: 1,
                end_line: 0,
                end_column: 0,
                source_line: self.index.line_text(line).to_string(),
            });
        }
        Ok(code)
    }
}

/// The docstring of a body: its first statement, if that is a plain string literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(statement) => match statement.value.as_ref() {
            Expr::StringLiteral(literal) => Some(literal.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}
