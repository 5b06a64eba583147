//! List, set and dict comprehensions and generator expressions.
//!
//! As in CPython 3.11, each is a nested function: its only parameter `.0` receives the iterator
//! of the first `for` (evaluated in the enclosing scope, so errors there surface at the right
//! place), and its body loops, filters and appends to the collection it returns — or yields, for
//! a generator expression.

use ruff_python_ast::{Comprehension, Expr, ExprGenerator};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::opcode::Opcode;
use crate::symtable::{ComprehensionKind, ScopeKind};

use super::{CompileResult, Compiler};

/// The parts of one comprehension expression.
struct Parts<'ast> {
    kind: ComprehensionKind,
    generators: &'ast [Comprehension],
    element: &'ast Expr,
    value: Option<&'ast Expr>,
    range: TextRange,
}

/// A generator expression's range as CPython records it: the sole argument of a call
/// (`f(x for x in y)`) includes the call's parentheses.
fn generator_range(node: &ExprGenerator) -> TextRange {
    if node.parenthesized {
        node.range
    } else {
        let one = TextSize::new(1);
        TextRange::new(
            node.range.start() - one.min(node.range.start()),
            node.range.end() + one,
        )
    }
}

impl<'ast> Compiler<'ast> {
    /// Compiles a comprehension expression (`expression` must be one).
    pub(super) fn comprehension(&mut self, expression: &'ast Expr) -> CompileResult {
        let (scope, parts) = match expression {
            Expr::ListComp(node) => (
                self.scope_of(node, node.range)?,
                Parts {
                    kind: ComprehensionKind::List,
                    generators: &node.generators,
                    element: &node.elt,
                    value: None,
                    range: node.range,
                },
            ),
            Expr::SetComp(node) => (
                self.scope_of(node, node.range)?,
                Parts {
                    kind: ComprehensionKind::Set,
                    generators: &node.generators,
                    element: &node.elt,
                    value: None,
                    range: node.range,
                },
            ),
            Expr::DictComp(node) => {
                let Some(key) = node.key.as_deref() else {
                    return Err(self.error(
                        node.range,
                        "dict unpacking cannot be used in dict comprehension",
                    ));
                };
                (
                    self.scope_of(node, node.range)?,
                    Parts {
                        kind: ComprehensionKind::Dict,
                        generators: &node.generators,
                        element: key,
                        value: Some(&node.value),
                        range: node.range,
                    },
                )
            }
            Expr::Generator(node) => (
                self.scope_of(node, node.range)?,
                Parts {
                    kind: ComprehensionKind::Generator,
                    generators: &node.generators,
                    element: &node.elt,
                    value: None,
                    range: generator_range(node),
                },
            ),
            _ => {
                return Err(self.error(
                    expression.range(),
                    "internal compiler error: not a comprehension",
                ))
            }
        };
        let Some(first) = parts.generators.first() else {
            return Err(self.error(parts.range, "invalid syntax"));
        };
        let is_async = self.symbols.scope(scope).is_coroutine;
        if is_async
            && parts.kind != ComprehensionKind::Generator
            && !self.in_async_function()
            && !matches!(self.unit.kind, ScopeKind::Comprehension(_))
        {
            return Err(self.error(
                parts.range,
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        let name = parts.kind.code_name();
        let qualname = self.qualname(name, ScopeKind::Comprehension(parts.kind));
        let first_line = self.index.line_of(parts.range.start().to_u32());
        self.enter_unit(scope, name, &qualname, first_line);
        self.unit.argument_count = 1;
        let body = self.comprehension_body(&parts);
        let code = self.finish_function_unit(body)?;
        self.set_location(parts.range);
        self.make_function(code, 0, parts.range)?;
        self.expression(&first.iter)?;
        self.set_location(parts.range);
        self.emit(
            if first.is_async {
                Opcode::GetAiter
            } else {
                Opcode::GetIter
            },
            0,
        );
        self.emit(Opcode::Call, 1);
        if is_async && parts.kind != ComprehensionKind::Generator {
            self.await_top(0);
        }
        Ok(())
    }

    fn comprehension_body(&mut self, parts: &Parts<'ast>) -> CompileResult {
        self.set_location(parts.range);
        match parts.kind {
            ComprehensionKind::List => self.emit(Opcode::BuildList, 0),
            ComprehensionKind::Set => self.emit(Opcode::BuildSet, 0),
            ComprehensionKind::Dict => self.emit(Opcode::BuildMap, 0),
            ComprehensionKind::Generator => {}
        }
        self.comprehension_loop(parts, 0)?;
        self.set_location(parts.range);
        if parts.kind == ComprehensionKind::Generator {
            self.return_none();
        } else {
            self.emit(Opcode::ReturnValue, 0);
        }
        Ok(())
    }

    /// The loop of generator `position`, with the loops after it nested inside.
    fn comprehension_loop(&mut self, parts: &Parts<'ast>, position: usize) -> CompileResult {
        let Some(generator) = parts.generators.get(position) else {
            return Ok(());
        };
        let start = self.unit.new_label();
        let skip = self.unit.new_label();
        let exhausted = self.unit.new_label();
        if position == 0 {
            let index = self.unit.varname(".0");
            self.emit(Opcode::LoadFast, index);
        } else {
            self.expression(&generator.iter)?;
            self.set_location(parts.range);
            self.emit(
                if generator.is_async {
                    Opcode::GetAiter
                } else {
                    Opcode::GetIter
                },
                0,
            );
        }
        self.unit.bind(start);
        self.set_location(parts.range);
        if generator.is_async {
            // `async for`: StopAsyncIteration from the awaited `__anext__` ends the loop.
            self.unit.push_handler(exhausted, self.unit.depth());
            self.emit(Opcode::GetAnext, 0);
            self.await_top(0);
            self.unit.pop_handler();
        } else {
            self.unit.emit_jump(Opcode::ForIter, exhausted);
        }
        self.store_target(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, false, skip)?;
        }
        if position + 1 < parts.generators.len() {
            self.comprehension_loop(parts, position + 1)?;
        } else {
            // The collection is below one iterator per loop.
            let distance = parts.generators.len() as u32 + 1;
            self.expression(parts.element)?;
            self.set_location(parts.range);
            match parts.kind {
                ComprehensionKind::List => self.emit(Opcode::ListAppend, distance),
                ComprehensionKind::Set => self.emit(Opcode::SetAdd, distance),
                ComprehensionKind::Dict => {
                    if let Some(value) = parts.value {
                        self.expression(value)?;
                    }
                    self.set_location(parts.range);
                    self.emit(Opcode::MapAdd, distance);
                }
                ComprehensionKind::Generator => {
                    self.yield_value();
                    self.emit(Opcode::PopTop, 0);
                }
            }
        }
        self.unit.bind(skip);
        self.unit.emit_jump(Opcode::Jump, start);
        self.unit.bind(exhausted);
        if generator.is_async {
            self.set_location(parts.range);
            self.emit(Opcode::EndAsyncFor, 0);
        }
        Ok(())
    }
}
