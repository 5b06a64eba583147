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
mod folding;
mod fstrings;
mod functions;
mod names;
mod patterns;
mod statements;
mod targets;
mod unit;
mod unparse;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use ruff_python_ast::{Expr, ExprAttribute, ModModule, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::code::{CodeObject, Constant, Location};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::opcode::Opcode;
use crate::parse;
use crate::source::LineIndex;
use crate::symtable::{Scope, ScopeKind, SymbolTable};

use unit::CodeUnit;

pub use assemble::stack_depths;

/// What a source is compiled as: the modes of Python's `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module (statements).
    Exec,
    /// `eval`: one expression, whose value the code returns.
    Eval,
    /// `single`: one interactive statement; expression statements show their value.
    Single,
}

/// Compiles a module's source into its code object (see [`crate::compile_module`]).
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    compile(source, filename, Mode::Exec)
}

/// Compiles a source in one of `compile()`'s modes.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, SyntaxError> {
    crate::stack::with_room_for(source.len(), || compile_source(source, filename, mode))
}

fn compile_source(source: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, SyntaxError> {
    let module = match mode {
        Mode::Eval => parse::parse_expression(source, filename)?,
        Mode::Exec | Mode::Single => parse::parse_module(source, filename)?.into_syntax(),
    };
    let index = LineIndex::new(source);
    if mode == Mode::Single {
        // Statements after the first one's line (`a; b` is one interactive statement).
        if let [first, second, ..] = &module.body[..] {
            let end = first.range().end().to_u32();
            if index.line_of(second.range().start().to_u32()) > index.line_of(end) {
                return Err(index.error_range(
                    SyntaxErrorKind::Syntax,
                    filename,
                    end,
                    end,
                    "multiple statements found while compiling a single statement",
                ));
            }
        }
    }
    let symbols = SymbolTable::build(&module, &index, filename)?;
    let mut compiler = Compiler::new(&index, filename, &symbols);
    match mode {
        Mode::Eval => compiler.expression_body(&module),
        Mode::Exec => compiler.module(&module),
        Mode::Single => {
            compiler.interactive = true;
            compiler.module(&module)
        }
    }
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
    /// The range of the statement being compiled (for errors found while unwinding).
    statement: TextRange,
    /// The range of the pattern compiled last (where CPython reports some pattern errors).
    pattern_range: TextRange,
    /// Compiling for the interactive `single` mode: expression statements at module level show
    /// their value.
    interactive: bool,
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
            statement: TextRange::default(),
            pattern_range: TextRange::default(),
            interactive: false,
        }
    }

    /// Compiles the module body.
    fn module(&mut self, module: &'ast ModModule) -> CompileResult<Rc<CodeObject>> {
        let body = &module.body[..];
        self.module_body = Some(body);
        if functions::has_annotations(body) {
            if let Some(first) = body.first() {
                self.set_location(first.range());
            }
            self.emit(Opcode::SetupAnnotations, 0);
        }
        if let Some(docstring) = docstring(body).filter(|_| !self.interactive) {
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

    /// Compiles the expression of `eval` mode (the module's only statement) into code that
    /// returns its value.
    fn expression_body(&mut self, module: &'ast ModModule) -> CompileResult<Rc<CodeObject>> {
        if let Some(Stmt::Expr(statement)) = module.body.first() {
            self.set_location(statement.range);
            self.expression(&statement.value)?;
            self.emit(Opcode::ReturnValue, 0);
        } else {
            self.return_none();
        }
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

    /// A `SyntaxError` underlining the statement being compiled.
    fn error_at_location(&self, message: impl Into<String>) -> SyntaxError {
        self.error(self.statement, message)
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

    /// The location of an attribute access `value.name` (and of a method call on it, `range` being
    /// the call): when the expression spans lines, CPython moves the start to the attribute name,
    /// so a traceback points at the line of `.name` (`update_start_location_to_match_attr`).
    fn attribute_location(&self, attribute: &ExprAttribute, range: TextRange) -> Location {
        let mut location = self.location(range);
        let (attribute_end_line, attribute_end_column) =
            self.index.position(attribute.range.end().to_u32());
        if location.line != attribute_end_line {
            location.line = attribute_end_line;
            location.column = attribute_end_column.saturating_sub(attribute.attr.id.len() as u32);
            location.end_line = location.end_line.max(location.line);
            if location.line == location.end_line {
                location.end_column = location.end_column.max(location.column);
            }
        }
        location
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
