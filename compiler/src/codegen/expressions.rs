//! Expressions: operators, short-circuit logic, comparisons, displays (`[…]`, `(…)`, `{…}`),
//! subscripts, attributes, `yield`, and conditions compiled straight into jumps.

use ruff_python_ast::{
    BoolOp, CmpOp, DictItem, Expr, ExprCompare, ExprContext, ExprSlice, Operator, UnaryOp,
};
use ruff_text_size::Ranged;

use crate::code::Constant;
use crate::opcode::{BinaryOperator, Comparison, Opcode};
use crate::symtable::ScopeKind;

use super::constants::{constant_truth, constant_value};
use super::names::Access;
use super::unit::Label;
use super::{CompileResult, Compiler};

/// CPython's `STACK_USE_GUIDELINE`: displays longer than this are built incrementally so the
/// operand stack stays small.
const STACK_USE_GUIDELINE: usize = 30;

/// The three sequence displays.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Display {
    List,
    Tuple,
    Set,
}

/// The `BinaryOp` argument of an operator (in-place for augmented assignments).
pub(super) fn binary_operator(operator: Operator, in_place: bool) -> u32 {
    let plain = match operator {
        Operator::Add => BinaryOperator::Add,
        Operator::Sub => BinaryOperator::Subtract,
        Operator::Mult => BinaryOperator::Multiply,
        Operator::MatMult => BinaryOperator::MatrixMultiply,
        Operator::Div => BinaryOperator::TrueDivide,
        Operator::Mod => BinaryOperator::Remainder,
        Operator::Pow => BinaryOperator::Power,
        Operator::LShift => BinaryOperator::LeftShift,
        Operator::RShift => BinaryOperator::RightShift,
        Operator::BitOr => BinaryOperator::Or,
        Operator::BitXor => BinaryOperator::Xor,
        Operator::BitAnd => BinaryOperator::And,
        Operator::FloorDiv => BinaryOperator::FloorDivide,
    };
    let offset = if in_place {
        BinaryOperator::InPlaceAdd as u32
    } else {
        0
    };
    plain as u32 + offset
}

impl<'ast> Compiler<'ast> {
    /// Compiles an expression, leaving its value on the stack.
    pub(super) fn expression(&mut self, expression: &'ast Expr) -> CompileResult {
        crate::stack::grow(|| {
            let saved = self.unit.location;
            self.set_location(expression.range());
            let result = self.expression_inner(expression);
            self.unit.location = saved;
            result
        })
    }

    fn expression_inner(&mut self, expression: &'ast Expr) -> CompileResult {
        if let Some(constant) = constant_value(expression) {
            self.unit.load_constant(constant);
            return Ok(());
        }
        match expression {
            Expr::BoolOp(node) => {
                let end = self.unit.new_label();
                let opcode = match node.op {
                    BoolOp::And => Opcode::JumpIfFalseOrPop,
                    BoolOp::Or => Opcode::JumpIfTrueOrPop,
                };
                let count = node.values.len();
                for (position, value) in node.values.iter().enumerate() {
                    self.expression(value)?;
                    if position + 1 < count {
                        self.unit.emit_jump(opcode, end);
                    }
                }
                self.unit.bind(end);
            }
            Expr::Named(node) => {
                self.expression(&node.value)?;
                self.emit(Opcode::Copy, 1);
                self.store_target(&node.target)?;
            }
            Expr::BinOp(node) => {
                self.expression(&node.left)?;
                self.expression(&node.right)?;
                self.emit(Opcode::BinaryOp, binary_operator(node.op, false));
            }
            Expr::UnaryOp(node) => {
                self.expression(&node.operand)?;
                let opcode = match node.op {
                    UnaryOp::Invert => Opcode::UnaryInvert,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::USub => Opcode::UnaryNegative,
                };
                self.emit(opcode, 0);
            }
            Expr::Lambda(node) => self.lambda(node)?,
            Expr::If(node) => {
                let orelse = self.unit.new_label();
                let end = self.unit.new_label();
                self.jump_if(&node.test, false, orelse)?;
                self.expression(&node.body)?;
                self.unit.emit_jump(Opcode::Jump, end);
                self.unit.bind(orelse);
                self.expression(&node.orelse)?;
                self.unit.bind(end);
            }
            Expr::Dict(node) => self.dictionary(&node.items)?,
            Expr::Set(node) => self.display(&node.elts, Display::Set)?,
            Expr::List(node) => self.display(&node.elts, Display::List)?,
            Expr::Tuple(node) => self.display(&node.elts, Display::Tuple)?,
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.comprehension(expression)?
            }
            Expr::Await(node) => {
                self.check_await_allowed(node.range)?;
                self.expression(&node.value)?;
                self.emit(Opcode::GetAwaitable, 0);
                self.unit.load_constant(Constant::None);
                self.yield_from_loop();
            }
            Expr::Yield(node) => {
                self.check_yield_allowed(node.range, "'yield' outside function")?;
                match &node.value {
                    Some(value) => self.expression(value)?,
                    None => self.unit.load_constant(Constant::None),
                }
                self.yield_value();
            }
            Expr::YieldFrom(node) => {
                self.check_yield_allowed(node.range, "'yield' outside function")?;
                if self.scope().is_coroutine {
                    return Err(self.error(node.range, "'yield from' inside async function"));
                }
                self.expression(&node.value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.unit.load_constant(Constant::None);
                self.yield_from_loop();
            }
            Expr::Compare(node) => self.compare(node)?,
            Expr::Call(node) => self.call(node)?,
            Expr::FString(node) => self.fstring(node)?,
            Expr::TString(node) => return Err(self.error(node.range, "invalid syntax")),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Handled by `constant_value` above.
                self.unit.load_constant(Constant::None);
            }
            Expr::Attribute(node) => {
                self.expression(&node.value)?;
                let index = self.unit.name(&self.mangled(&node.attr.id));
                self.unit.location = self.attribute_location(node, node.range);
                self.emit(Opcode::LoadAttr, index);
            }
            Expr::Subscript(node) => {
                self.expression(&node.value)?;
                self.subscript_key(&node.slice)?;
                self.emit(Opcode::BinarySubscr, 0);
            }
            Expr::Starred(node) => {
                return Err(self.error(node.range, "can't use starred expression here"));
            }
            Expr::Name(node) => {
                if node.ctx != ExprContext::Load {
                    return Err(self.error(node.range, "invalid syntax"));
                }
                self.name(&node.id, Access::Load, node.range)?;
            }
            Expr::Slice(node) => self.slice(node)?,
            Expr::IpyEscapeCommand(node) => return Err(self.error(node.range, "invalid syntax")),
        }
        Ok(())
    }

    /// `yield` is only allowed in functions (comprehensions are rejected by the symbol table).
    fn check_yield_allowed(
        &self,
        range: ruff_text_size::TextRange,
        message: &str,
    ) -> CompileResult {
        if self.unit.kind.is_function_like() {
            Ok(())
        } else {
            Err(self.error(range, message))
        }
    }

    /// `await` is allowed in `async def` bodies and in comprehensions (which become
    /// asynchronous); CPython's checks in `compiler_visit_expr1`.
    fn check_await_allowed(&self, range: ruff_text_size::TextRange) -> CompileResult {
        match self.unit.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.error(range, "'await' outside function"))
            }
            ScopeKind::Function if self.scope().is_coroutine => Ok(()),
            ScopeKind::Comprehension(_) => Ok(()),
            _ => Err(self.error(range, "'await' outside async function")),
        }
    }

    /// Yields TOS; in an async generator, marked as a value of the generator (not of an
    /// `await`).
    pub(super) fn yield_value(&mut self) {
        let scope = self.scope();
        if scope.is_generator && scope.is_coroutine {
            self.emit(Opcode::AsyncGenWrap, 0);
        }
        self.emit(Opcode::YieldValue, 0);
    }

    /// The loop delegating to a sub-iterator (`yield from`, `await`), with `[iterator, value]`
    /// on the stack; leaves the sub-iterator's return value. The `YieldValue` is marked so
    /// `throw()` and `close()` can find the delegate.
    pub(super) fn yield_from_loop(&mut self) {
        let send = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.bind(send);
        self.unit.emit_jump(Opcode::Send, end);
        self.emit(Opcode::YieldValue, 1);
        self.unit.emit_jump(Opcode::Jump, send);
        self.unit.bind(end);
    }

    /// The key of a subscript: a slice is built with `BuildSlice`.
    pub(super) fn subscript_key(&mut self, key: &'ast Expr) -> CompileResult {
        match key {
            Expr::Slice(slice) => {
                let saved = self.unit.location;
                self.set_location(slice.range);
                let result = self.slice(slice);
                self.unit.location = saved;
                result
            }
            _ => self.expression(key),
        }
    }

    fn slice(&mut self, slice: &'ast ExprSlice) -> CompileResult {
        for bound in [&slice.lower, &slice.upper] {
            match bound {
                Some(bound) => self.expression(bound)?,
                None => self.unit.load_constant(Constant::None),
            }
        }
        match &slice.step {
            Some(step) => {
                self.expression(step)?;
                self.emit(Opcode::BuildSlice, 3);
            }
            None => self.emit(Opcode::BuildSlice, 2),
        }
        Ok(())
    }

    /// `a < b`, or a chain `a < b < c` evaluating each middle operand once.
    fn compare(&mut self, node: &'ast ExprCompare) -> CompileResult {
        self.expression(&node.left)?;
        let count = node.ops.len();
        if count == 0 {
            return Ok(());
        }
        let cleanup = self.unit.new_label();
        for (operator, comparator) in node.ops.iter().zip(node.comparators.iter()).take(count - 1) {
            self.expression(comparator)?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.comparison(*operator);
            self.unit.emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
        }
        if let (Some(operator), Some(last)) = (node.ops.last(), node.comparators.last()) {
            self.expression(last)?;
            self.comparison(*operator);
        }
        if count > 1 {
            let end = self.unit.new_label();
            self.unit.emit_jump(Opcode::Jump, end);
            self.unit.bind(cleanup);
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::PopTop, 0);
            self.unit.bind(end);
        }
        Ok(())
    }

    /// The instruction of one comparison operator.
    fn comparison(&mut self, operator: CmpOp) {
        let (opcode, arg) = match operator {
            CmpOp::Eq => (Opcode::CompareOp, Comparison::Equal as u32),
            CmpOp::NotEq => (Opcode::CompareOp, Comparison::NotEqual as u32),
            CmpOp::Lt => (Opcode::CompareOp, Comparison::Less as u32),
            CmpOp::LtE => (Opcode::CompareOp, Comparison::LessEqual as u32),
            CmpOp::Gt => (Opcode::CompareOp, Comparison::Greater as u32),
            CmpOp::GtE => (Opcode::CompareOp, Comparison::GreaterEqual as u32),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit(opcode, arg);
    }

    /// Jumps to `target` if `expression` is `condition` (true or false), falling through
    /// otherwise; `not`, `and`, `or` and conditional expressions become jumps instead of values.
    pub(super) fn jump_if(
        &mut self,
        expression: &'ast Expr,
        condition: bool,
        target: Label,
    ) -> CompileResult {
        crate::stack::grow(|| {
            let saved = self.unit.location;
            self.set_location(expression.range());
            let result = self.jump_if_inner(expression, condition, target);
            self.unit.location = saved;
            result
        })
    }

    fn jump_if_inner(
        &mut self,
        expression: &'ast Expr,
        condition: bool,
        target: Label,
    ) -> CompileResult {
        match expression {
            Expr::UnaryOp(node) if node.op == UnaryOp::Not => {
                return self.jump_if(&node.operand, !condition, target);
            }
            Expr::BoolOp(node) => {
                let is_or = node.op == BoolOp::Or;
                let next = if is_or != condition {
                    self.unit.new_label()
                } else {
                    target
                };
                let Some((last, rest)) = node.values.split_last() else {
                    return Ok(());
                };
                for value in rest {
                    self.jump_if(value, is_or, next)?;
                }
                self.jump_if(last, condition, target)?;
                if next != target {
                    self.unit.bind(next);
                }
                return Ok(());
            }
            Expr::If(node) => {
                let orelse = self.unit.new_label();
                let end = self.unit.new_label();
                self.jump_if(&node.test, false, orelse)?;
                self.jump_if(&node.body, condition, target)?;
                self.unit.emit_jump(Opcode::Jump, end);
                self.unit.bind(orelse);
                self.jump_if(&node.orelse, condition, target)?;
                self.unit.bind(end);
                return Ok(());
            }
            _ => {}
        }
        if let Some(truth) = constant_truth(expression) {
            if truth == condition {
                self.unit.emit_jump(Opcode::Jump, target);
            }
            return Ok(());
        }
        self.expression(expression)?;
        let opcode = if condition {
            Opcode::PopJumpIfTrue
        } else {
            Opcode::PopJumpIfFalse
        };
        self.unit.emit_jump(opcode, target);
        Ok(())
    }

    /// A list, tuple or set display, with `*iterable` elements unpacked.
    fn display(&mut self, elements: &'ast [Expr], display: Display) -> CompileResult {
        let starred = elements
            .iter()
            .any(|element| matches!(element, Expr::Starred(_)));
        let count = elements.len() as u32;
        if !starred && elements.len() <= STACK_USE_GUIDELINE {
            for element in elements {
                self.expression(element)?;
            }
            let opcode = match display {
                Display::List => Opcode::BuildList,
                Display::Tuple => Opcode::BuildTuple,
                Display::Set => Opcode::BuildSet,
            };
            self.emit(opcode, count);
            return Ok(());
        }
        // Build a list (or set) from the leading plain elements, then extend it.
        let leading = elements
            .iter()
            .take(STACK_USE_GUIDELINE)
            .take_while(|element| !matches!(element, Expr::Starred(_)))
            .count();
        for element in &elements[..leading] {
            self.expression(element)?;
        }
        let (build, add, extend) = match display {
            Display::Set => (Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate),
            Display::List | Display::Tuple => {
                (Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend)
            }
        };
        self.emit(build, leading as u32);
        for element in &elements[leading..] {
            match element {
                Expr::Starred(starred) => {
                    self.expression(&starred.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expression(element)?;
                    self.emit(add, 1);
                }
            }
        }
        if display == Display::Tuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    /// A dict display, with `**mapping` items merged in order (CPython's `compiler_dict`).
    fn dictionary(&mut self, items: &'ast [DictItem]) -> CompileResult {
        let mut have_dict = false;
        let mut pending = 0usize;
        for (position, item) in items.iter().enumerate() {
            if item.key.is_none() {
                if pending > 0 {
                    self.dictionary_pairs(&items[position - pending..position])?;
                    if have_dict {
                        self.emit(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    pending = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.expression(&item.value)?;
                self.emit(Opcode::DictUpdate, 1);
            } else if pending * 2 > STACK_USE_GUIDELINE {
                self.dictionary_pairs(&items[position - pending..=position])?;
                if have_dict {
                    self.emit(Opcode::DictUpdate, 1);
                }
                have_dict = true;
                pending = 0;
            } else {
                pending += 1;
            }
        }
        if pending > 0 {
            self.dictionary_pairs(&items[items.len() - pending..])?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    /// `BuildMap` of key/value items (none of them `**`).
    fn dictionary_pairs(&mut self, items: &'ast [DictItem]) -> CompileResult {
        for item in items {
            if let Some(key) = &item.key {
                self.expression(key)?;
                self.expression(&item.value)?;
            }
        }
        self.emit(Opcode::BuildMap, items.len() as u32);
        Ok(())
    }
}
