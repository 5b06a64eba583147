//! Statements: simple ones, `if`, loops, `break`/`continue`/`return`, `raise`, `assert` and
//! imports. Functions and classes are in `functions`, `try` and `with` in `exceptions`,
//! assignments in `targets`.

use std::rc::Rc;

use ruff_python_ast::{
    Expr, Stmt, StmtAnnAssign, StmtAssert, StmtFor, StmtIf, StmtImport, StmtImportFrom, StmtRaise,
    StmtReturn, StmtWhile,
};
use ruff_text_size::{Ranged, TextRange};

use crate::code::Constant;
use crate::opcode::Opcode;
use crate::symtable::{mangle, ScopeKind};

use super::constants::{constant_value, is_literal};
use super::names::Access;
use super::unit::FrameBlock;
use super::{CompileResult, Compiler};

/// The features `from __future__ import` accepts in Python 3.11.
const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl<'ast> Compiler<'ast> {
    pub(super) fn statements(&mut self, body: &'ast [Stmt]) -> CompileResult {
        body.iter()
            .try_for_each(|statement| self.statement(statement))
    }

    pub(super) fn statement(&mut self, statement: &'ast Stmt) -> CompileResult {
        crate::stack::grow(|| self.statement_inner(statement))
    }

    fn statement_inner(&mut self, statement: &'ast Stmt) -> CompileResult {
        self.set_location(statement.range());
        self.statement = statement.range();
        match statement {
            Stmt::FunctionDef(function) => self.function_definition(function),
            Stmt::ClassDef(class) => self.class_definition(class),
            Stmt::Return(node) => self.return_statement(node),
            Stmt::Delete(node) => node
                .targets
                .iter()
                .try_for_each(|target| self.delete_target(target)),
            Stmt::Assign(node) => {
                if self.parallel_assignment(&node.targets, &node.value)? {
                    return Ok(());
                }
                self.expression(&node.value)?;
                let count = node.targets.len();
                for (position, target) in node.targets.iter().enumerate() {
                    if position + 1 < count {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.store_target(target)?;
                }
                Ok(())
            }
            Stmt::AugAssign(node) => self.augmented_assignment(node),
            Stmt::AnnAssign(node) => self.annotated_assignment(node),
            Stmt::For(node) => self.for_loop(node),
            Stmt::While(node) => self.while_loop(node),
            Stmt::If(node) => self.if_statement(node),
            Stmt::With(node) => self.with_statement(node, 0),
            Stmt::Match(node) => self.match_statement(node),
            Stmt::Raise(node) => self.raise_statement(node),
            Stmt::Try(node) => self.try_statement(node),
            Stmt::Assert(node) => self.assert_statement(node),
            Stmt::Import(node) => self.import(node),
            Stmt::ImportFrom(node) => self.import_from(node),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(node) => {
                if self.interactive && self.outer.is_empty() {
                    self.expression(&node.value)?;
                    self.emit(Opcode::PrintExpr, 0);
                    return Ok(());
                }
                if is_literal(&node.value) {
                    return Ok(());
                }
                self.expression(&node.value)?;
                self.emit(Opcode::PopTop, 0);
                Ok(())
            }
            Stmt::Break(node) => self.break_statement(node.range),
            Stmt::Continue(node) => self.continue_statement(node.range),
            Stmt::TypeAlias(node) => Err(self.error(node.range, "invalid syntax")),
            Stmt::IpyEscapeCommand(node) => Err(self.error(node.range, "invalid syntax")),
        }
    }

    /// `a, b = b, a` (two or three names on each side, nothing starred) without building and
    /// unpacking a tuple: the values are pushed left to right and reordered with `Swap`, as
    /// CPython's optimizer does. Returns whether it applied.
    fn parallel_assignment(
        &mut self,
        targets: &'ast [Expr],
        value: &'ast Expr,
    ) -> CompileResult<bool> {
        let ([target], Expr::Tuple(values)) = (targets, value) else {
            return Ok(false);
        };
        let elements = match target {
            Expr::Tuple(tuple) => &tuple.elts,
            Expr::List(list) => &list.elts,
            _ => return Ok(false),
        };
        let count = elements.len();
        let starred = |items: &[Expr]| items.iter().any(|item| matches!(item, Expr::Starred(_)));
        if !(2..=3).contains(&count)
            || values.elts.len() != count
            || starred(elements)
            || starred(&values.elts)
        {
            return Ok(false);
        }
        for item in &values.elts {
            self.expression(item)?;
        }
        self.set_location(value.range());
        self.emit(Opcode::Swap, count as u32);
        for element in elements {
            self.store_target(element)?;
        }
        Ok(true)
    }

    /// `target: annotation [= value]` (CPython's `compiler_annassign`): the assignment, then in
    /// a module or class body the annotation of a simple name is stored in `__annotations__`;
    /// a bare annotated attribute or subscript still evaluates its object (and index).
    fn annotated_assignment(&mut self, node: &'ast StmtAnnAssign) -> CompileResult {
        if let Some(value) = &node.value {
            self.expression(value)?;
            self.store_target(&node.target)?;
        }
        let in_namespace = matches!(self.unit.kind, ScopeKind::Module | ScopeKind::Class);
        match node.target.as_ref() {
            Expr::Name(name) => {
                if name.id.as_str() == "__debug__" {
                    return Err(self.error(name.range, "cannot assign to __debug__"));
                }
                if node.simple && in_namespace {
                    self.set_location(node.range);
                    self.annotation_value(&node.annotation)?;
                    let annotations = self.unit.name("__annotations__");
                    self.emit(Opcode::LoadName, annotations);
                    let mangled = self.mangled(&name.id);
                    self.unit.load_constant(Constant::Str(Rc::from(mangled)));
                    self.emit(Opcode::StoreSubscr, 0);
                    return Ok(());
                }
            }
            Expr::Attribute(attribute) => {
                if node.value.is_none() {
                    self.evaluate_and_discard(&attribute.value)?;
                }
            }
            Expr::Subscript(subscript) => {
                if node.value.is_none() {
                    self.evaluate_and_discard(&subscript.value)?;
                    self.annotated_subscript(&subscript.slice)?;
                }
            }
            target => return Err(self.error(target.range(), "illegal target for annotation")),
        }
        if !node.simple && in_namespace && !self.symbols.future_annotations {
            self.evaluate_and_discard(&node.annotation)?;
        }
        Ok(())
    }

    /// The index of a bare annotated subscript, evaluated for its side effects
    /// (CPython's `check_ann_subscr`).
    fn annotated_subscript(&mut self, key: &'ast Expr) -> CompileResult {
        match key {
            Expr::Slice(slice) => {
                for bound in [&slice.lower, &slice.upper, &slice.step]
                    .into_iter()
                    .flatten()
                {
                    self.evaluate_and_discard(bound)?;
                }
                Ok(())
            }
            Expr::Tuple(tuple) => tuple
                .elts
                .iter()
                .try_for_each(|item| self.annotated_subscript(item)),
            _ => self.evaluate_and_discard(key),
        }
    }

    fn evaluate_and_discard(&mut self, expression: &'ast Expr) -> CompileResult {
        self.expression(expression)?;
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn if_statement(&mut self, node: &'ast StmtIf) -> CompileResult {
        let end = self.unit.new_label();
        let mut next = self.unit.new_label();
        self.jump_if(&node.test, false, next)?;
        self.statements(&node.body)?;
        for clause in &node.elif_else_clauses {
            self.unit.emit_jump(Opcode::Jump, end);
            self.unit.bind(next);
            next = self.unit.new_label();
            if let Some(test) = &clause.test {
                self.set_location(test.range());
                self.jump_if(test, false, next)?;
            }
            self.statements(&clause.body)?;
        }
        self.unit.bind(next);
        self.unit.bind(end);
        Ok(())
    }

    fn while_loop(&mut self, node: &'ast StmtWhile) -> CompileResult {
        let head = self.unit.new_label();
        let orelse = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.bind(head);
        self.jump_if(&node.test, false, orelse)?;
        self.unit
            .blocks
            .push(FrameBlock::WhileLoop { head, exit: end });
        self.statements(&node.body)?;
        self.unit.blocks.pop();
        self.set_location(node.range);
        self.unit.emit_jump(Opcode::Jump, head);
        self.unit.bind(orelse);
        self.statements(&node.orelse)?;
        self.unit.bind(end);
        Ok(())
    }

    fn for_loop(&mut self, node: &'ast StmtFor) -> CompileResult {
        if node.is_async {
            return self.async_for_loop(node);
        }
        let head = self.unit.new_label();
        let exhausted = self.unit.new_label();
        let end = self.unit.new_label();
        self.expression(&node.iter)?;
        self.set_location(node.range);
        self.emit(Opcode::GetIter, 0);
        self.unit.bind(head);
        self.unit.emit_jump(Opcode::ForIter, exhausted);
        self.unit
            .blocks
            .push(FrameBlock::ForLoop { head, exit: end });
        self.store_target(&node.target)?;
        self.statements(&node.body)?;
        self.unit.blocks.pop();
        self.set_location(node.range);
        self.unit.emit_jump(Opcode::Jump, head);
        self.unit.bind(exhausted);
        self.statements(&node.orelse)?;
        self.unit.bind(end);
        Ok(())
    }

    /// ```text
    ///     <iterable>; GetAiter
    /// head: GetAnext; <await>            ; protected by E
    ///     <store target>; <body>; Jump head
    /// E:  EndAsyncFor                    ; StopAsyncIteration ends the loop
    ///     <else body>
    /// end:
    /// ```
    fn async_for_loop(&mut self, node: &'ast StmtFor) -> CompileResult {
        if !self.in_async_function() {
            return Err(self.error(node.range, "'async for' outside async function"));
        }
        let head = self.unit.new_label();
        let exhausted = self.unit.new_label();
        let end = self.unit.new_label();
        self.expression(&node.iter)?;
        self.set_location(node.range);
        self.emit(Opcode::GetAiter, 0);
        self.unit.bind(head);
        self.unit.push_handler(exhausted, self.unit.depth());
        self.emit(Opcode::GetAnext, 0);
        self.await_top(0);
        self.unit.pop_handler();
        self.unit
            .blocks
            .push(FrameBlock::ForLoop { head, exit: end });
        self.store_target(&node.target)?;
        self.statements(&node.body)?;
        self.unit.blocks.pop();
        self.set_location(node.range);
        self.unit.emit_jump(Opcode::Jump, head);
        self.unit.bind(exhausted);
        self.set_location(node.iter.range());
        self.emit(Opcode::EndAsyncFor, 0);
        self.statements(&node.orelse)?;
        self.unit.bind(end);
        Ok(())
    }

    fn break_statement(&mut self, range: TextRange) -> CompileResult {
        let saved = self.unit.handler_stack();
        let result = self.break_inner(range);
        self.unit.set_handler_stack(saved);
        result
    }

    fn break_inner(&mut self, range: TextRange) -> CompileResult {
        match self.unwind_blocks(false, true)? {
            Some(
                block @ (FrameBlock::ForLoop { exit, .. } | FrameBlock::WhileLoop { exit, .. }),
            ) => {
                self.unwind_block(&block, false)?;
                self.set_location(range);
                self.unit.emit_jump(Opcode::Jump, exit);
                Ok(())
            }
            _ => Err(self.error(range, "'break' outside loop")),
        }
    }

    fn continue_statement(&mut self, range: TextRange) -> CompileResult {
        let saved = self.unit.handler_stack();
        let result = match self.unwind_blocks(false, true) {
            Ok(Some(FrameBlock::ForLoop { head, .. } | FrameBlock::WhileLoop { head, .. })) => {
                self.set_location(range);
                self.unit.emit_jump(Opcode::Jump, head);
                Ok(())
            }
            Ok(_) => Err(self.error(range, "'continue' not properly in loop")),
            Err(error) => Err(error),
        };
        self.unit.set_handler_stack(saved);
        result
    }

    fn return_statement(&mut self, node: &'ast StmtReturn) -> CompileResult {
        if !self.unit.kind.is_function_like() {
            return Err(self.error(node.range, "'return' outside function"));
        }
        let scope = self.scope();
        if node.value.is_some() && scope.is_generator && scope.is_coroutine {
            return Err(self.error(node.range, "'return' with value in async generator"));
        }
        let constant = node.value.as_deref().and_then(constant_value);
        let preserve = node.value.is_some() && constant.is_none();
        if preserve {
            if let Some(value) = &node.value {
                self.expression(value)?;
            }
        }
        let saved = self.unit.handler_stack();
        let result = self.unwind_blocks(preserve, false);
        if result.is_ok() {
            self.set_location(node.range);
            if !preserve {
                self.unit.load_constant(constant.unwrap_or(Constant::None));
            }
            self.emit(Opcode::ReturnValue, 0);
        }
        self.unit.set_handler_stack(saved);
        result.map(|_| ())
    }

    fn raise_statement(&mut self, node: &'ast StmtRaise) -> CompileResult {
        let mut count = 0;
        if let Some(exception) = &node.exc {
            self.expression(exception)?;
            count = 1;
            if let Some(cause) = &node.cause {
                self.expression(cause)?;
                count = 2;
            }
        }
        self.set_location(node.range);
        self.emit(Opcode::RaiseVarargs, count);
        Ok(())
    }

    fn assert_statement(&mut self, node: &'ast StmtAssert) -> CompileResult {
        let end = self.unit.new_label();
        self.jump_if(&node.test, true, end)?;
        // CPython attributes the raise to the failed test when that ends in a comparison (its
        // `compiler_jump_if` leaves the comparison's location behind), else to the statement.
        let mut test = node.test.as_ref();
        loop {
            match test {
                Expr::UnaryOp(unary) if unary.op == ruff_python_ast::UnaryOp::Not => {
                    test = &unary.operand
                }
                Expr::BoolOp(boolean) => match boolean.values.last() {
                    Some(last) => test = last,
                    None => break,
                },
                _ => break,
            }
        }
        match test {
            Expr::Compare(compare) => self.set_location(compare.range),
            _ => self.set_location(node.range),
        }
        self.emit(Opcode::LoadAssertionError, 0);
        if let Some(message) = &node.msg {
            self.expression(message)?;
            self.emit(Opcode::Call, 1);
        }
        self.emit(Opcode::RaiseVarargs, 1);
        self.unit.bind(end);
        Ok(())
    }

    fn import(&mut self, node: &'ast StmtImport) -> CompileResult {
        for alias in &node.names {
            self.set_location(node.range);
            let module = alias.name.id.as_str();
            self.unit.load_constant(Constant::Int(0));
            self.unit.load_constant(Constant::None);
            let index = self.unit.name(module);
            self.emit(Opcode::ImportName, index);
            match &alias.asname {
                Some(asname) => {
                    let mut components = module.split('.').skip(1).peekable();
                    let dotted = components.peek().is_some();
                    while let Some(component) = components.next() {
                        let index = self.unit.name(component);
                        self.emit(Opcode::ImportFrom, index);
                        if components.peek().is_some() {
                            self.emit(Opcode::Swap, 2);
                            self.emit(Opcode::PopTop, 0);
                        }
                    }
                    self.name(&asname.id, Access::Store, asname.range)?;
                    if dotted {
                        self.emit(Opcode::PopTop, 0);
                    }
                }
                None => {
                    let first = module.split('.').next().unwrap_or(module);
                    self.name(first, Access::Store, alias.range)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, node: &'ast StmtImportFrom) -> CompileResult {
        let module = node.module.as_ref().map_or("", |module| module.id.as_str());
        if module == "__future__" && node.level == 0 {
            self.check_future_import(node)?;
        }
        let names: Vec<Constant> = node
            .names
            .iter()
            .map(|alias| Constant::Str(Rc::from(alias.name.id.as_str())))
            .collect();
        self.unit
            .load_constant(Constant::Int(i64::from(node.level)));
        self.unit.load_constant(Constant::Tuple(Rc::from(names)));
        let index = self.unit.name(module);
        self.emit(Opcode::ImportName, index);
        for alias in &node.names {
            if alias.name.id.as_str() == "*" {
                self.emit(Opcode::ImportStar, 0);
                return Ok(());
            }
            let index = self.unit.name(alias.name.id.as_str());
            self.emit(Opcode::ImportFrom, index);
            let stored = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name(&stored.id, Access::Store, stored.range)?;
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    /// `from __future__ import …` must name known features and come first in the module.
    fn check_future_import(&mut self, node: &'ast StmtImportFrom) -> CompileResult {
        if !self.future_imports_allowed(node) {
            return Err(self.error(
                node.range,
                "from __future__ imports must occur at the beginning of the file",
            ));
        }
        for alias in &node.names {
            let feature = alias.name.id.as_str();
            if feature == "braces" {
                return Err(self.error_at(node.range, "not a chance"));
            }
            if !FUTURE_FEATURES.contains(&feature) {
                return Err(self.error_at(
                    node.range,
                    format!("future feature {feature} is not defined"),
                ));
            }
        }
        Ok(())
    }

    /// Whether `node` is among the statements that may be future imports: at module level,
    /// after the docstring and other future imports only.
    fn future_imports_allowed(&self, node: &StmtImportFrom) -> bool {
        let Some(module) = self.module_body else {
            return false;
        };
        let mut body = module.iter();
        let mut first = true;
        for statement in body.by_ref() {
            match statement {
                Stmt::ImportFrom(import)
                    if import
                        .module
                        .as_ref()
                        .is_some_and(|module| module.id.as_str() == "__future__") =>
                {
                    if std::ptr::eq(import, node) {
                        return true;
                    }
                }
                Stmt::Expr(expression)
                    if first && matches!(expression.value.as_ref(), Expr::StringLiteral(_)) => {}
                _ => return false,
            }
            first = false;
        }
        false
    }

    /// The mangled form of an attribute name in the current class.
    pub(super) fn mangled(&self, name: &str) -> String {
        mangle(self.unit.private.as_deref(), name)
    }
}
