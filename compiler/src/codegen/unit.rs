//! The code object being built: its instructions, tables, labels and protected regions.
//!
//! Jumps are emitted to [`Label`]s and resolved to instruction indices when the unit is
//! assembled. Exception handling is zero-cost: instead of setup instructions, the unit keeps a
//! stack of active handlers and records, for every instruction, the innermost one; assembling
//! turns runs of instructions with the same handler into exception-table rows.
//!
//! The unit also follows the operand stack depth as instructions are emitted. Structured code
//! makes that exact: a label reached by a jump takes the depth the jump had, a handler starts at
//! its recorded depth plus the exception. Code that cannot be reached (after a `return`,
//! `break` or `raise`, until a label that something jumps to) is not emitted at all, which is
//! CPython's dead-code elimination for free.

use std::collections::HashMap;
use std::rc::Rc;

use ruff_python_ast::Stmt;
use ruff_text_size::TextRange;

use crate::code::{Constant, Instruction, Location};
use crate::opcode::{ArgumentKind, Opcode};
use crate::symtable::{ScopeId, ScopeKind};

use super::constants::ConstantKey;

/// A position in the instruction stream, bound once, targeted by jumps and handlers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Label(pub u32);

/// An exception handler: where it starts and the stack depth it expects (before the exception
/// is pushed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Handler {
    pub label: Label,
    pub depth: u32,
}

#[derive(Clone, Copy, Debug, Default)]
struct LabelState {
    /// The instruction index, once bound.
    target: Option<u32>,
    /// The stack depth on arrival, once something jumps (or falls, or unwinds) to it.
    depth: Option<u32>,
}

/// A control-flow construct the compiler is inside of, for `break`, `continue` and `return`
/// to unwind (CPython's `fblockinfo`).
#[derive(Clone, Debug)]
pub(super) enum FrameBlock<'ast> {
    /// The body of a `while` loop.
    WhileLoop { head: Label, exit: Label },
    /// The body of a `for` loop; its iterator is on the stack.
    ForLoop { head: Label, exit: Label },
    /// The body of a `try` with `except` clauses.
    TryExcept,
    /// The body of a `try` with a `finally` clause, which unwinding runs inline.
    FinallyTry { body: &'ast [Stmt] },
    /// A `finally` body run for an exception: `[previous exception, exception]` on the stack.
    FinallyEnd,
    /// The body of a `with` or `async with` (whose range locates the `__exit__` call): the
    /// bound `__exit__` is on the stack.
    With { range: TextRange, is_async: bool },
    /// The `except*` clauses: `break`, `continue` and `return` cannot leave them.
    ExceptionGroupHandler,
    /// The body of an `except` clause: the previously handled exception is on the stack, and
    /// the `as` name is deleted on the way out.
    HandlerCleanup { name: Option<&'ast str> },
    /// The `except` clauses' matching code.
    ExceptionHandler,
    /// A value saved on the stack while a `finally` body runs for a `return`.
    PopValue,
}

/// A code object under construction.
pub(super) struct CodeUnit<'ast> {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub first_line: u32,
    /// Class whose private names are mangled here.
    pub private: Option<String>,
    pub argument_count: u32,
    pub positional_only_count: u32,
    pub keyword_only_count: u32,
    pub flags: u32,
    pub docstring: Option<Rc<str>>,
    /// Where the instructions being emitted come from.
    pub location: Location,
    /// Enclosing control-flow constructs, innermost last.
    pub blocks: Vec<FrameBlock<'ast>>,
    pub(super) instructions: Vec<Instruction>,
    pub(super) locations: Vec<Location>,
    pub(super) handlers: Vec<Option<Handler>>,
    pub(super) constants: Vec<Constant>,
    constant_index: HashMap<ConstantKey, u32>,
    pub(super) names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    pub(super) varnames: Vec<Rc<str>>,
    varname_index: HashMap<Rc<str>, u32>,
    pub(super) cellvars: Vec<Rc<str>>,
    pub(super) freevars: Vec<Rc<str>>,
    labels: Vec<LabelState>,
    handler_stack: Vec<Handler>,
    depth: u32,
    reachable: bool,
    /// Set when two paths reach a label with different stack depths (a compiler bug).
    pub(super) inconsistent_depth: bool,
}

impl<'ast> CodeUnit<'ast> {
    pub fn new(
        scope: ScopeId,
        kind: ScopeKind,
        name: &str,
        qualname: &str,
        first_line: u32,
    ) -> Self {
        CodeUnit {
            scope,
            kind,
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            first_line,
            private: None,
            argument_count: 0,
            positional_only_count: 0,
            keyword_only_count: 0,
            flags: 0,
            docstring: None,
            location: Location {
                line: first_line,
                column: 0,
                end_line: first_line,
                end_column: 0,
            },
            blocks: Vec::new(),
            instructions: Vec::new(),
            locations: Vec::new(),
            handlers: Vec::new(),
            constants: Vec::new(),
            constant_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            varname_index: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            labels: Vec::new(),
            handler_stack: Vec::new(),
            depth: 0,
            reachable: true,
            inconsistent_depth: false,
        }
    }

    /// Emits an instruction (nothing if the current position cannot be reached).
    pub fn emit(&mut self, opcode: Opcode, arg: u32) {
        if !self.reachable {
            return;
        }
        let (pops, pushes) = opcode.stack_effect(arg);
        if opcode.argument_kind() == ArgumentKind::Target {
            let (branch_pops, branch_pushes) =
                opcode.branch_stack_effect().unwrap_or((pops, pushes));
            let depth = self.depth.saturating_sub(branch_pops) + branch_pushes;
            self.arrive(Label(arg), depth);
        }
        let handler = self.handler_stack.last().copied();
        if let Some(handler) = handler {
            self.arrive(handler.label, handler.depth + 1);
        }
        self.instructions.push(Instruction { opcode, arg });
        self.locations.push(self.location);
        self.handlers.push(handler);
        if pops > self.depth {
            self.inconsistent_depth = true;
        }
        self.depth = self.depth.saturating_sub(pops) + pushes;
        if matches!(
            opcode,
            Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
        ) {
            self.reachable = false;
        }
    }

    /// Emits a jump-family instruction to `label`.
    pub fn emit_jump(&mut self, opcode: Opcode, label: Label) {
        self.emit(opcode, label.0);
    }

    /// Records that control arrives at `label` with `depth` values on the stack.
    fn arrive(&mut self, label: Label, depth: u32) {
        let Some(state) = self.labels.get_mut(label.0 as usize) else {
            self.inconsistent_depth = true;
            return;
        };
        match state.depth {
            Some(known) if known != depth => self.inconsistent_depth = true,
            Some(_) => {}
            None => state.depth = Some(depth),
        }
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(LabelState::default());
        Label(self.labels.len() as u32 - 1)
    }

    /// Places `label` at the next instruction. Code after it is reachable if anything arrives
    /// at the label or the previous instruction falls through.
    pub fn bind(&mut self, label: Label) {
        let position = self.instructions.len() as u32;
        let reachable = self.reachable;
        let depth = self.depth;
        let Some(state) = self.labels.get_mut(label.0 as usize) else {
            self.inconsistent_depth = true;
            return;
        };
        state.target = Some(position);
        match state.depth {
            Some(arrival) => {
                if reachable && arrival != depth {
                    self.inconsistent_depth = true;
                }
                self.depth = arrival;
                self.reachable = true;
            }
            None => {
                if reachable {
                    state.depth = Some(depth);
                }
            }
        }
    }

    /// The current operand stack depth.
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// Whether the next instruction can be reached.
    pub fn is_reachable(&self) -> bool {
        self.reachable
    }

    /// Protects the following instructions with a handler at `label` that expects `depth`
    /// values below the exception.
    pub fn push_handler(&mut self, label: Label, depth: u32) {
        self.handler_stack.push(Handler { label, depth });
    }

    /// Ends the innermost protected region (CPython's `POP_BLOCK`).
    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    /// The active handlers, to restore them after code that unwinds them (whose following code is
    /// unreachable until a label with the enclosing handlers).
    pub fn handler_stack(&self) -> Vec<Handler> {
        self.handler_stack.clone()
    }

    pub fn set_handler_stack(&mut self, handlers: Vec<Handler>) {
        self.handler_stack = handlers;
    }

    /// The index of a constant, added if new (equal constants share an index; `0`, `0.0`,
    /// `-0.0` and `False` are all different).
    pub fn constant(&mut self, constant: Constant) -> u32 {
        let key = ConstantKey::of(&constant);
        if let Some(&index) = self.constant_index.get(&key) {
            return index;
        }
        let index = self.constants.len() as u32;
        self.constants.push(constant);
        self.constant_index.insert(key, index);
        index
    }

    /// Emits `LoadConst constant`.
    pub fn load_constant(&mut self, constant: Constant) {
        let index = self.constant(constant);
        self.emit(Opcode::LoadConst, index);
    }

    /// The index of a name in `names`, added if new.
    pub fn name(&mut self, name: &str) -> u32 {
        if let Some(&index) = self.name_index.get(name) {
            return index;
        }
        let name: Rc<str> = Rc::from(name);
        let index = self.names.len() as u32;
        self.names.push(name.clone());
        self.name_index.insert(name, index);
        index
    }

    /// The index of a local variable, added if new.
    pub fn varname(&mut self, name: &str) -> u32 {
        if let Some(&index) = self.varname_index.get(name) {
            return index;
        }
        let name: Rc<str> = Rc::from(name);
        let index = self.varnames.len() as u32;
        self.varnames.push(name.clone());
        self.varname_index.insert(name, index);
        index
    }

    /// The `LoadDeref` index of a cell or free variable.
    pub fn cell_index(&self, name: &str) -> Option<u32> {
        if let Some(index) = self.cellvars.iter().position(|cell| &**cell == name) {
            return Some(index as u32);
        }
        self.freevars
            .iter()
            .position(|free| &**free == name)
            .map(|index| (self.cellvars.len() + index) as u32)
    }

    /// The labels' resolved targets, for assembly.
    pub(super) fn label_targets(&self) -> Vec<Option<u32>> {
        self.labels.iter().map(|state| state.target).collect()
    }
}
