//! `try`/`except`/`finally`, `with`, and unwinding: what `return`, `break` and `continue` must
//! run on their way out of those (CPython 3.11's `compiler_try_except`, `compiler_try_finally`,
//! `compiler_with` and `compiler_unwind_fblock`).
//!
//! Protected code is covered by an exception-table entry to its handler; a handler starts with
//! the operand stack cut to the depth it was given and the exception pushed. `PushExcInfo`
//! makes the exception the one being handled (saving the previous one below it) and
//! `PopExcept` restores the previous one, so every path out of a handler — normal, `return`,
//! `break`, or a new exception, caught by a cleanup handler — pops exactly what it pushed.

use ruff_python_ast::{ExceptHandler, StmtTry, StmtWith};

use crate::code::Constant;
use crate::opcode::Opcode;

use super::names::Access;
use super::unit::FrameBlock;
use super::{CompileResult, Compiler};

impl<'ast> Compiler<'ast> {
    pub(super) fn try_statement(&mut self, node: &'ast StmtTry) -> CompileResult {
        if node.finalbody.is_empty() {
            self.try_except_any(node)
        } else {
            self.try_finally(node)
        }
    }

    /// `try`/`except` or `try`/`except*`.
    fn try_except_any(&mut self, node: &'ast StmtTry) -> CompileResult {
        if node.is_star {
            self.try_star_except(node)
        } else {
            self.try_except(node)
        }
    }

    /// ```text
    ///     <body>                      ; protected by H
    ///     Jump orelse
    /// H:  PushExcInfo                 ; [prev, exc]; protected by C from here
    ///     Copy 1; BuildList 0; Swap 2 ; [prev, orig, raised, exc]
    ///     <type>; CheckEgMatch        ; [prev, orig, raised, rest, match|None]   (per clause)
    ///     Copy 1; None; IsOp; PopJumpIfTrue no_match
    ///     StoreFast e | PopTop        ; [prev, orig, raised, rest]
    ///     <clause body>               ; protected by B
    ///     (e = None; del e); Jump next
    /// B:  (e = None; del e); ListAppend 2; Jump next    ; what the body raised
    /// no_match: PopTop
    /// next: …
    ///     ListAppend 1; PrepReraiseStar     ; [prev, group to raise | None]
    ///     Copy 1; None; IsOp 1; PopJumpIfTrue R
    ///     PopTop; PopExcept; Jump end       ; no longer protected by C
    /// R:  Swap 2; PopExcept; Reraise
    /// C:  Swap 2; PopExcept; Reraise
    /// orelse: <else body>
    /// end:
    /// ```
    fn try_star_except(&mut self, node: &'ast StmtTry) -> CompileResult {
        let depth = self.unit.depth();
        let handler = self.unit.new_label();
        let orelse = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.push_handler(handler, depth);
        self.unit.blocks.push(FrameBlock::TryExcept);
        self.statements(&node.body)?;
        self.unit.blocks.pop();
        self.unit.pop_handler();
        self.unit.emit_jump(Opcode::Jump, orelse);

        self.unit.bind(handler);
        self.set_location(node.range);
        let cleanup = self.unit.new_label();
        self.unit.push_handler(cleanup, depth + 1);
        self.emit(Opcode::PushExcInfo, 0);
        self.unit.blocks.push(FrameBlock::ExceptionGroupHandler);
        for (position, clause) in node.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(clause) = clause;
            self.set_location(clause.range);
            if position == 0 {
                self.emit(Opcode::Copy, 1);
                self.emit(Opcode::BuildList, 0);
                self.emit(Opcode::Swap, 2);
            }
            let Some(exception_type) = &clause.type_ else {
                return Err(self.error(clause.range, "expected one or more exception types"));
            };
            let no_match = self.unit.new_label();
            let next = self.unit.new_label();
            self.expression(exception_type)?;
            self.emit(Opcode::CheckEgMatch, 0);
            self.emit(Opcode::Copy, 1);
            self.unit.load_constant(Constant::None);
            self.emit(Opcode::IsOp, 0);
            self.unit.emit_jump(Opcode::PopJumpIfTrue, no_match);
            match &clause.name {
                Some(name) => self.name(&name.id, Access::Store, name.range)?,
                None => self.emit(Opcode::PopTop, 0),
            }
            let body_error = self.unit.new_label();
            self.unit.push_handler(body_error, depth + 4);
            self.statements(&clause.body)?;
            self.unit.pop_handler();
            self.set_location(clause.range);
            if let Some(name) = &clause.name {
                self.clear_exception_name(&name.id);
            }
            self.unit.emit_jump(Opcode::Jump, next);

            // The clause body raised: collect what it raised.
            self.unit.bind(body_error);
            if let Some(name) = &clause.name {
                self.clear_exception_name(&name.id);
            }
            self.emit(Opcode::ListAppend, 2);
            self.unit.emit_jump(Opcode::Jump, next);

            self.unit.bind(no_match);
            self.emit(Opcode::PopTop, 0);
            self.unit.bind(next);
        }
        self.unit.blocks.pop();
        self.set_location(node.range);
        self.emit(Opcode::ListAppend, 1);
        self.emit(Opcode::PrepReraiseStar, 0);
        let reraise = self.unit.new_label();
        self.emit(Opcode::Copy, 1);
        self.unit.load_constant(Constant::None);
        self.emit(Opcode::IsOp, 1);
        self.unit.emit_jump(Opcode::PopJumpIfTrue, reraise);
        self.unit.pop_handler();
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopExcept, 0);
        self.unit.emit_jump(Opcode::Jump, end);
        self.unit.bind(reraise);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
        self.cleanup_handler(cleanup);
        self.unit.bind(orelse);
        self.statements(&node.orelse)?;
        self.unit.bind(end);
        Ok(())
    }

    /// ```text
    ///     <body, or try/except>       ; protected by F
    ///     <finally body>; Jump end
    /// F:  PushExcInfo                 ; [prev, exc]; protected by C from here
    ///     <finally body>; Reraise
    /// C:  Swap 2; PopExcept; Reraise
    /// end:
    /// ```
    fn try_finally(&mut self, node: &'ast StmtTry) -> CompileResult {
        let depth = self.unit.depth();
        let handler = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.push_handler(handler, depth);
        self.unit.blocks.push(FrameBlock::FinallyTry {
            body: &node.finalbody,
        });
        if node.handlers.is_empty() {
            self.statements(&node.body)?;
        } else {
            self.try_except_any(node)?;
        }
        self.unit.blocks.pop();
        self.unit.pop_handler();
        self.statements(&node.finalbody)?;
        self.unit.emit_jump(Opcode::Jump, end);

        self.unit.bind(handler);
        self.set_location(node.range);
        let cleanup = self.unit.new_label();
        self.unit.push_handler(cleanup, depth + 1);
        self.emit(Opcode::PushExcInfo, 0);
        self.unit.blocks.push(FrameBlock::FinallyEnd);
        self.statements(&node.finalbody)?;
        self.unit.blocks.pop();
        self.set_location(node.range);
        self.emit(Opcode::Reraise, 0);
        self.unit.pop_handler();
        self.cleanup_handler(cleanup);
        self.unit.bind(end);
        Ok(())
    }

    /// ```text
    ///     <body>                      ; protected by H
    ///     <else body>; Jump end
    /// H:  PushExcInfo                 ; [prev, exc]; protected by C from here
    ///     <type>; CheckExcMatch; PopJumpIfFalse next    (per clause)
    ///     StoreFast e | PopTop        ; [prev]
    ///     <clause body>               ; `as e`: protected by a handler deleting e
    ///     PopExcept; (e = None; del e); Jump end
    /// next: … Reraise                 ; no clause matched
    /// C:  Swap 2; PopExcept; Reraise
    /// end:
    /// ```
    fn try_except(&mut self, node: &'ast StmtTry) -> CompileResult {
        let depth = self.unit.depth();
        let handler = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.push_handler(handler, depth);
        self.unit.blocks.push(FrameBlock::TryExcept);
        self.statements(&node.body)?;
        self.unit.blocks.pop();
        self.unit.pop_handler();
        self.statements(&node.orelse)?;
        self.unit.emit_jump(Opcode::Jump, end);

        self.unit.bind(handler);
        self.set_location(node.range);
        let cleanup = self.unit.new_label();
        self.unit.push_handler(cleanup, depth + 1);
        self.emit(Opcode::PushExcInfo, 0);
        self.unit.blocks.push(FrameBlock::ExceptionHandler);
        let count = node.handlers.len();
        for (position, clause) in node.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(clause) = clause;
            self.set_location(clause.range);
            if clause.type_.is_none() && position + 1 < count {
                return Err(self.error(clause.range, "default 'except:' must be last"));
            }
            let next = self.unit.new_label();
            if let Some(exception_type) = &clause.type_ {
                self.expression(exception_type)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.unit.emit_jump(Opcode::PopJumpIfFalse, next);
            }
            match &clause.name {
                Some(name) => {
                    self.name(&name.id, Access::Store, name.range)?;
                    let name_cleanup = self.unit.new_label();
                    self.unit.push_handler(name_cleanup, depth + 1);
                    self.unit.blocks.push(FrameBlock::HandlerCleanup {
                        name: Some(name.id.as_str()),
                    });
                    self.statements(&clause.body)?;
                    self.unit.blocks.pop();
                    self.unit.pop_handler();
                    self.unit.pop_handler();
                    self.set_location(clause.range);
                    self.emit(Opcode::PopExcept, 0);
                    self.clear_exception_name(&name.id);
                    self.unit.emit_jump(Opcode::Jump, end);
                    self.unit.push_handler(cleanup, depth + 1);

                    // The clause body raised: delete the name, then let C restore the state.
                    self.unit.bind(name_cleanup);
                    self.set_location(clause.range);
                    self.clear_exception_name(&name.id);
                    self.emit(Opcode::Reraise, 0);
                }
                None => {
                    self.emit(Opcode::PopTop, 0);
                    self.unit
                        .blocks
                        .push(FrameBlock::HandlerCleanup { name: None });
                    self.statements(&clause.body)?;
                    self.unit.blocks.pop();
                    self.unit.pop_handler();
                    self.set_location(clause.range);
                    self.emit(Opcode::PopExcept, 0);
                    self.unit.emit_jump(Opcode::Jump, end);
                    self.unit.push_handler(cleanup, depth + 1);
                }
            }
            self.unit.bind(next);
        }
        self.unit.blocks.pop();
        self.set_location(node.range);
        self.emit(Opcode::Reraise, 0);
        self.unit.pop_handler();
        self.cleanup_handler(cleanup);
        self.unit.bind(end);
        Ok(())
    }

    /// The handler that restores the previously handled exception when an exception escapes a
    /// handler: `[prev, exc]` → `Swap 2; PopExcept; Reraise`.
    fn cleanup_handler(&mut self, cleanup: super::unit::Label) {
        self.unit.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
    }

    /// `name = None; del name`: an `except … as name` variable does not outlive its clause.
    fn clear_exception_name(&mut self, name: &str) {
        let mangled = self.mangled(name);
        self.unit.load_constant(Constant::None);
        self.mangled_name(&mangled, Access::Store);
        self.mangled_name(&mangled, Access::Delete);
    }

    /// ```text
    ///     <manager>; BeforeWith       ; [exit, entered]
    ///     <store target> | PopTop     ; [exit]; protected by W from here
    ///     <body>
    ///     LoadConst None ×3; Call 3; PopTop; Jump end
    /// W:  PushExcInfo                 ; [exit, prev, exc]; protected by C
    ///     WithExceptStart             ; [exit, prev, exc, result]
    ///     PopJumpIfTrue suppress; Reraise
    /// C:  Swap 2; PopExcept; Reraise
    /// suppress: PopTop; PopExcept; PopTop
    /// end:
    /// ```
    /// Several items nest: `with a, b:` is `with a: with b:`.
    pub(super) fn with_statement(
        &mut self,
        node: &'ast StmtWith,
        position: usize,
    ) -> CompileResult {
        let Some(item) = node.items.get(position) else {
            return self.statements(&node.body);
        };
        let is_async = node.is_async;
        if is_async && !self.in_async_function() {
            return Err(self.error(node.range, "'async with' outside async function"));
        }
        let depth = self.unit.depth();
        self.expression(&item.context_expr)?;
        self.set_location(node.range);
        if is_async {
            self.emit(Opcode::BeforeAsyncWith, 0);
            self.await_top(1);
        } else {
            self.emit(Opcode::BeforeWith, 0);
        }
        let exit_handler = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.push_handler(exit_handler, depth + 1);
        self.unit.blocks.push(FrameBlock::With {
            range: node.range,
            is_async,
        });
        match &item.optional_vars {
            Some(target) => self.store_target(target)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        self.with_statement(node, position + 1)?;
        self.unit.blocks.pop();
        self.unit.pop_handler();
        self.set_location(node.range);
        self.call_exit_with_nones(is_async);
        self.unit.emit_jump(Opcode::Jump, end);

        self.unit.bind(exit_handler);
        self.set_location(item.range);
        let cleanup = self.unit.new_label();
        let suppress = self.unit.new_label();
        self.unit.push_handler(cleanup, depth + 2);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        if is_async {
            self.await_top(2);
        }
        self.unit.emit_jump(Opcode::PopJumpIfTrue, suppress);
        self.emit(Opcode::Reraise, 0);
        self.unit.pop_handler();
        self.cleanup_handler(cleanup);
        self.unit.bind(suppress);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.unit.bind(end);
        Ok(())
    }

    /// `exit(None, None, None)` for the bound `__exit__` (or `__aexit__`, awaited) on the
    /// stack, result discarded.
    fn call_exit_with_nones(&mut self, is_async: bool) {
        for _ in 0..3 {
            self.unit.load_constant(Constant::None);
        }
        self.emit(Opcode::Call, 3);
        if is_async {
            self.await_top(2);
        }
        self.emit(Opcode::PopTop, 0);
    }

    /// `await TOS` (`where_from`: the `GetAwaitable` argument naming `__aenter__`/`__aexit__`).
    pub(super) fn await_top(&mut self, where_from: u32) {
        self.emit(Opcode::GetAwaitable, where_from);
        self.unit.load_constant(Constant::None);
        self.yield_from_loop();
    }

    /// Whether the unit is an `async def` body (where `async for`/`async with` may appear).
    pub(super) fn in_async_function(&self) -> bool {
        self.unit.kind == crate::symtable::ScopeKind::Function && self.scope().is_coroutine
    }

    /// Unwinds the enclosing blocks (innermost first) for a `return` (all of them) or a
    /// `break`/`continue` (`stop_at_loop`: up to the innermost loop, which is returned). With
    /// `preserve_top`, the value on top of the stack (a return value) is kept above what is
    /// popped. The blocks are restored afterwards for the code that follows; the caller
    /// restores the handler stack.
    pub(super) fn unwind_blocks(
        &mut self,
        preserve_top: bool,
        stop_at_loop: bool,
    ) -> CompileResult<Option<FrameBlock<'ast>>> {
        for block in self.unit.blocks.iter().rev() {
            match block {
                FrameBlock::WhileLoop { .. } | FrameBlock::ForLoop { .. } if stop_at_loop => break,
                FrameBlock::ExceptionGroupHandler => {
                    return Err(self.error_at_location(
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    ));
                }
                _ => {}
            }
        }
        crate::stack::grow(|| self.unwind_blocks_inner(preserve_top, stop_at_loop))
    }

    fn unwind_blocks_inner(
        &mut self,
        preserve_top: bool,
        stop_at_loop: bool,
    ) -> CompileResult<Option<FrameBlock<'ast>>> {
        let Some(top) = self.unit.blocks.last().cloned() else {
            return Ok(None);
        };
        if stop_at_loop
            && matches!(
                top,
                FrameBlock::WhileLoop { .. } | FrameBlock::ForLoop { .. }
            )
        {
            return Ok(Some(top));
        }
        self.unit.blocks.pop();
        let result = self
            .unwind_block(&top, preserve_top)
            .and_then(|()| self.unwind_blocks(preserve_top, stop_at_loop));
        self.unit.blocks.push(top);
        result
    }

    /// The code that leaves one block early (CPython's `compiler_unwind_fblock`).
    pub(super) fn unwind_block(
        &mut self,
        block: &FrameBlock<'ast>,
        preserve_top: bool,
    ) -> CompileResult {
        match block {
            FrameBlock::WhileLoop { .. } | FrameBlock::ExceptionHandler => {}
            // `unwind_blocks` refuses to leave an `except*` clause before getting here.
            FrameBlock::ExceptionGroupHandler => {}
            FrameBlock::ForLoop { .. } => {
                if preserve_top {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FrameBlock::TryExcept => self.unit.pop_handler(),
            FrameBlock::FinallyTry { body } => {
                self.unit.pop_handler();
                if preserve_top {
                    self.unit.blocks.push(FrameBlock::PopValue);
                }
                let saved = self.unit.location;
                let result = self.statements(body);
                self.unit.location = saved;
                if preserve_top {
                    self.unit.blocks.pop();
                }
                result?;
            }
            FrameBlock::FinallyEnd => {
                if preserve_top {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_top {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit.pop_handler();
                self.emit(Opcode::PopExcept, 0);
            }
            FrameBlock::With { range, is_async } => {
                self.unit.pop_handler();
                let saved = self.unit.location;
                self.set_location(*range);
                if preserve_top {
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones(*is_async);
                self.unit.location = saved;
            }
            FrameBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.unit.pop_handler();
                }
                if preserve_top {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit.pop_handler();
                self.emit(Opcode::PopExcept, 0);
                if let Some(name) = name {
                    self.clear_exception_name(name);
                }
            }
            FrameBlock::PopValue => {
                if preserve_top {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }
}
