//! `match` statements (CPython 3.11's `compiler_match` and `compiler_pattern_*`).
//!
//! Each case copies the subject (except the last one tested) and runs its pattern, which
//! consumes that copy. A pattern leaves the values it captures on the stack, in the order of
//! [`PatternContext::stores`], and only once the whole pattern has matched are they stored in
//! their names, so a failed match binds nothing. A failing test jumps to a "fail pop" label that
//! pops whatever the pattern had pushed so far (captures and sub-subjects: `fail_pop[n]` pops `n`
//! values) before the next case is tried.
//!
//! ```text
//!     <subject>
//!     Copy 1; <pattern>; Store… captures; [guard → fail_pop[0]]; PopTop; <body>; Jump end
//!     fail_pop[k]: PopTop … fail_pop[0]:
//!     … the next case …
//! end:
//! ```

use std::rc::Rc;

use ruff_python_ast::{
    Expr, Identifier, Pattern, PatternMatchClass, PatternMatchMapping, PatternMatchOr,
    PatternMatchSequence, Singleton, StmtMatch,
};
use ruff_text_size::{Ranged, TextRange};

use crate::code::Constant;
use crate::disassemble::constant_repr;
use crate::opcode::{Comparison, Opcode};

use super::constants::constant_value;
use super::names::Access;
use super::unit::Label;
use super::{CompileResult, Compiler};

/// The state of compiling one pattern (CPython's `pattern_context`).
struct PatternContext<'ast> {
    /// The names captured so far, in the order their values sit on the stack.
    stores: Vec<&'ast Identifier>,
    /// Whether an irrefutable pattern is allowed here (it must be the last alternative).
    allow_irrefutable: bool,
    /// `fail_pop[n]`: where a failed test jumps with `n` values to pop.
    fail_pop: Vec<Label>,
    /// Values on the stack above the captures that a failure must pop too.
    on_top: u32,
}

impl<'ast> PatternContext<'ast> {
    fn new(allow_irrefutable: bool) -> Self {
        PatternContext {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
        }
    }
}

/// `_` (CPython's `WILDCARD_CHECK`).
fn is_wildcard(pattern: &Pattern) -> bool {
    matches!(pattern, Pattern::MatchAs(node) if node.pattern.is_none() && node.name.is_none())
}

/// `*_` (CPython's `WILDCARD_STAR_CHECK`).
fn is_star_wildcard(pattern: &Pattern) -> bool {
    matches!(pattern, Pattern::MatchStar(node) if node.name.is_none())
}

/// What a value pattern or mapping key may be: a literal (a complex one like `-1 + 2j`
/// included) or a dotted name.
fn is_value_expression(expression: &Expr) -> bool {
    let number = |expression: &Expr| match expression {
        Expr::NumberLiteral(_) => true,
        Expr::UnaryOp(unary) => matches!(unary.operand.as_ref(), Expr::NumberLiteral(_)),
        _ => false,
    };
    constant_value(expression).is_some()
        || matches!(expression, Expr::Attribute(_))
        || matches!(expression, Expr::BinOp(binary) if number(&binary.left) && number(&binary.right))
}

/// Whether two constant mapping keys are equal as Python compares them (`1`, `1.0` and `True`
/// are the same key).
fn same_key(left: &Constant, right: &Constant) -> bool {
    let number = |constant: &Constant| match constant {
        Constant::Bool(value) => Some(f64::from(u8::from(*value))),
        Constant::Int(value) => Some(*value as f64),
        Constant::Float(value) => Some(*value),
        _ => None,
    };
    match (left, right) {
        (Constant::Int(a), Constant::Int(b)) => a == b,
        _ => match (number(left), number(right)) {
            (Some(a), Some(b)) => a == b,
            _ => left == right,
        },
    }
}

impl<'ast> Compiler<'ast> {
    pub(super) fn match_statement(&mut self, node: &'ast StmtMatch) -> CompileResult {
        self.expression(&node.subject)?;
        let end = self.unit.new_label();
        let cases = node.cases.len();
        let has_default = cases > 1
            && node
                .cases
                .last()
                .is_some_and(|case| is_wildcard(&case.pattern) && case.guard.is_none());
        let tested = cases - usize::from(has_default);
        for (position, case) in node.cases.iter().take(tested).enumerate() {
            self.set_location(case.pattern.range());
            let last = position + 1 == tested;
            if !last {
                self.emit(Opcode::Copy, 1);
            }
            let mut context = PatternContext::new(case.guard.is_some() || position + 1 == cases);
            self.pattern(&case.pattern, &mut context)?;
            for name in std::mem::take(&mut context.stores) {
                self.name(&name.id, Access::Store, name.range)?;
            }
            if let Some(guard) = &case.guard {
                let fail = self.ensure_fail_pop(&mut context, 0);
                self.jump_if(guard, false, fail)?;
            }
            if !last {
                self.emit(Opcode::PopTop, 0);
            }
            self.statements(&case.body)?;
            self.unit.emit_jump(Opcode::Jump, end);
            self.set_location(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut context);
        }
        if has_default {
            if let Some(case) = node.cases.last() {
                self.set_location(case.pattern.range());
                self.statements(&case.body)?;
            }
        }
        self.unit.bind(end);
        Ok(())
    }

    /// Makes sure `fail_pop[0..=count]` exist; returns `fail_pop[count]`.
    fn ensure_fail_pop(&mut self, context: &mut PatternContext<'ast>, count: u32) -> Label {
        while context.fail_pop.len() <= count as usize {
            let label = self.unit.new_label();
            context.fail_pop.push(label);
        }
        context.fail_pop[count as usize]
    }

    /// Emits `opcode` (a conditional or plain jump) to the fail-pop label that pops everything
    /// the pattern pushed so far.
    fn jump_to_fail_pop(&mut self, context: &mut PatternContext<'ast>, opcode: Opcode) {
        let pops = context.on_top + context.stores.len() as u32;
        let label = self.ensure_fail_pop(context, pops);
        self.unit.emit_jump(opcode, label);
    }

    /// Binds the fail-pop labels, each popping one value before falling into the next.
    fn emit_and_reset_fail_pop(&mut self, context: &mut PatternContext<'ast>) {
        let labels = std::mem::take(&mut context.fail_pop);
        if let Some((first, rest)) = labels.split_first() {
            for &label in rest.iter().rev() {
                self.unit.bind(label);
                self.emit(Opcode::PopTop, 0);
            }
            self.unit.bind(*first);
        }
    }

    /// Moves TOS `count - 1` places down.
    fn rotate(&mut self, count: u32) {
        for distance in (2..=count).rev() {
            self.emit(Opcode::Swap, distance);
        }
    }

    /// Keeps TOS as the value of capture `name` (below the values still needed), or pops it
    /// for a wildcard.
    fn capture(
        &mut self,
        name: Option<&'ast Identifier>,
        context: &mut PatternContext<'ast>,
        range: TextRange,
    ) -> CompileResult {
        let Some(name) = name else {
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        };
        if name.id.as_str() == "__debug__" {
            return Err(self.error(name.range, "cannot assign to __debug__"));
        }
        if context.stores.iter().any(|stored| stored.id == name.id) {
            return Err(self.error(
                range,
                format!("multiple assignments to name '{}' in pattern", name.id),
            ));
        }
        self.rotate(context.on_top + context.stores.len() as u32 + 1);
        context.stores.push(name);
        Ok(())
    }

    fn pattern(
        &mut self,
        pattern: &'ast Pattern,
        context: &mut PatternContext<'ast>,
    ) -> CompileResult {
        crate::stack::grow(|| {
            self.set_location(pattern.range());
            self.pattern_range = pattern.range();
            match pattern {
                Pattern::MatchValue(node) => {
                    let value = node.value.as_ref();
                    if !is_value_expression(value) {
                        return Err(self.error(
                            node.range,
                            "patterns may only match literals and attribute lookups",
                        ));
                    }
                    self.expression(value)?;
                    self.emit(Opcode::CompareOp, Comparison::Equal as u32);
                    self.jump_to_fail_pop(context, Opcode::PopJumpIfFalse);
                    Ok(())
                }
                Pattern::MatchSingleton(node) => {
                    self.unit.load_constant(match node.value {
                        Singleton::None => Constant::None,
                        Singleton::True => Constant::Bool(true),
                        Singleton::False => Constant::Bool(false),
                    });
                    self.emit(Opcode::IsOp, 0);
                    self.jump_to_fail_pop(context, Opcode::PopJumpIfFalse);
                    Ok(())
                }
                Pattern::MatchSequence(node) => self.sequence_pattern(node, context),
                Pattern::MatchMapping(node) => self.mapping_pattern(node, context),
                Pattern::MatchClass(node) => self.class_pattern(node, context),
                Pattern::MatchStar(node) => self.capture(node.name.as_ref(), context, node.range),
                Pattern::MatchAs(node) => match &node.pattern {
                    None => {
                        if !context.allow_irrefutable {
                            let message = match &node.name {
                                Some(name) => format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    name.id
                                ),
                                None => "wildcard makes remaining patterns unreachable".to_string(),
                            };
                            return Err(self.error(node.range, message));
                        }
                        self.capture(node.name.as_ref(), context, node.range)
                    }
                    Some(inner) => {
                        context.on_top += 1;
                        self.emit(Opcode::Copy, 1);
                        self.pattern(inner, context)?;
                        context.on_top -= 1;
                        self.set_location(node.range);
                        self.capture(node.name.as_ref(), context, node.range)
                    }
                },
                Pattern::MatchOr(node) => self.or_pattern(node, context),
            }
        })
    }

    /// A pattern inside another, where an irrefutable one is fine.
    fn subpattern(
        &mut self,
        pattern: &'ast Pattern,
        context: &mut PatternContext<'ast>,
    ) -> CompileResult {
        let allow = context.allow_irrefutable;
        context.allow_irrefutable = true;
        let result = self.pattern(pattern, context);
        context.allow_irrefutable = allow;
        result
    }

    fn sequence_pattern(
        &mut self,
        node: &'ast PatternMatchSequence,
        context: &mut PatternContext<'ast>,
    ) -> CompileResult {
        let patterns = &node.patterns;
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (position, pattern) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = pattern {
                if star.is_some() {
                    return Err(
                        self.error(node.range, "multiple starred names in sequence pattern")
                    );
                }
                star_wildcard = is_star_wildcard(pattern);
                only_wildcard &= star_wildcard;
                star = Some(position);
                continue;
            }
            only_wildcard &= is_wildcard(pattern);
        }
        context.on_top += 1;
        self.emit(Opcode::MatchSequence, 0);
        self.jump_to_fail_pop(context, Opcode::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Opcode::GetLen, 0);
                self.unit.load_constant(Constant::Int(size as i64));
                self.emit(Opcode::CompareOp, Comparison::Equal as u32);
                self.jump_to_fail_pop(context, Opcode::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GetLen, 0);
                self.unit.load_constant(Constant::Int(size as i64 - 1));
                self.emit(Opcode::CompareOp, Comparison::GreaterEqual as u32);
                self.jump_to_fail_pop(context, Opcode::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        context.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        match star {
            Some(star) if star_wildcard => self.sequence_by_subscript(patterns, star, context),
            _ => {
                match star {
                    None => self.emit(Opcode::UnpackSequence, size as u32),
                    Some(star) => {
                        let after = size - star - 1;
                        if star >= 256 || after >= 1 << 24 {
                            return Err(self.error(
                                node.range,
                                "too many expressions in star-unpacking sequence pattern",
                            ));
                        }
                        self.emit(Opcode::UnpackEx, (star | (after << 8)) as u32);
                    }
                }
                context.on_top += size as u32;
                for pattern in patterns {
                    context.on_top -= 1;
                    self.subpattern(pattern, context)?;
                }
                Ok(())
            }
        }
    }

    /// `[a, *_, b]`: the items around a wildcard star are taken by index, without copying the
    /// middle (negative positions are computed from the length, as the subject may not support
    /// negative indexes).
    fn sequence_by_subscript(
        &mut self,
        patterns: &'ast [Pattern],
        star: usize,
        context: &mut PatternContext<'ast>,
    ) -> CompileResult {
        context.on_top += 1;
        let size = patterns.len();
        for (position, pattern) in patterns.iter().enumerate() {
            if is_wildcard(pattern) || position == star {
                continue;
            }
            self.emit(Opcode::Copy, 1);
            if position < star {
                self.unit.load_constant(Constant::Int(position as i64));
            } else {
                self.emit(Opcode::GetLen, 0);
                self.unit
                    .load_constant(Constant::Int((size - position) as i64));
                self.emit(
                    Opcode::BinaryOp,
                    crate::opcode::BinaryOperator::Subtract as u32,
                );
            }
            self.emit(Opcode::BinarySubscr, 0);
            self.subpattern(pattern, context)?;
        }
        context.on_top -= 1;
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        node: &'ast PatternMatchMapping,
        context: &mut PatternContext<'ast>,
    ) -> CompileResult {
        let size = node.keys.len();
        if size != node.patterns.len() {
            return Err(self.error(
                node.range,
                format!(
                    "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                    node.patterns.len()
                ),
            ));
        }
        context.on_top += 1;
        self.emit(Opcode::MatchMapping, 0);
        self.jump_to_fail_pop(context, Opcode::PopJumpIfFalse);
        if size == 0 && node.rest.is_none() {
            context.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GetLen, 0);
            self.unit.load_constant(Constant::Int(size as i64));
            self.emit(Opcode::CompareOp, Comparison::GreaterEqual as u32);
            self.jump_to_fail_pop(context, Opcode::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &node.keys {
            match constant_value(key) {
                Some(constant) => {
                    if seen.iter().any(|previous| same_key(previous, &constant)) {
                        return Err(self.error(
                            node.range,
                            format!(
                                "mapping pattern checks duplicate key ({})",
                                constant_repr(&constant)
                            ),
                        ));
                    }
                    seen.push(constant);
                }
                None if is_value_expression(key) => {}
                None => {
                    return Err(self.error(
                        key.range(),
                        "mapping pattern keys may only match literals and attribute lookups",
                    ))
                }
            }
            self.expression(key)?;
        }
        self.set_location(node.range);
        self.emit(Opcode::BuildTuple, size as u32);
        self.emit(Opcode::MatchKeys, 0);
        context.on_top += 2;
        self.is_not_none_or_fail(context);
        self.emit(Opcode::UnpackSequence, size as u32);
        context.on_top = context.on_top + size as u32 - 1;
        for pattern in &node.patterns {
            context.on_top -= 1;
            self.subpattern(pattern, context)?;
        }
        // Matched: what follows consumes the keys and the subject.
        context.on_top -= 2;
        self.set_location(node.range);
        match &node.rest {
            Some(rest) => {
                // rest = dict(subject); del rest[key] for each key
                self.emit(Opcode::BuildMap, 0);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::DictUpdate, 2);
                self.emit(Opcode::UnpackSequence, size as u32);
                let mut remaining = size as u32;
                while remaining > 0 {
                    self.emit(Opcode::Copy, 1 + remaining);
                    remaining -= 1;
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::DeleteSubscr, 0);
                }
                self.capture(Some(rest), context, node.range)
            }
            None => {
                self.emit(Opcode::PopTop, 0);
                self.emit(Opcode::PopTop, 0);
                Ok(())
            }
        }
    }

    /// `Copy 1; LoadConst None; IsOp 1; PopJumpIfFalse fail` on a `MatchKeys`/`MatchClass`
    /// result.
    fn is_not_none_or_fail(&mut self, context: &mut PatternContext<'ast>) {
        self.emit(Opcode::Copy, 1);
        self.unit.load_constant(Constant::None);
        self.emit(Opcode::IsOp, 1);
        self.jump_to_fail_pop(context, Opcode::PopJumpIfFalse);
    }

    fn class_pattern(
        &mut self,
        node: &'ast PatternMatchClass,
        context: &mut PatternContext<'ast>,
    ) -> CompileResult {
        let positional = &node.arguments.patterns;
        let keywords = &node.arguments.keywords;
        for (position, keyword) in keywords.iter().enumerate() {
            let name = keyword.attr.id.as_str();
            if name == "__debug__" {
                return Err(self.error(keyword.attr.range, "cannot assign to __debug__"));
            }
            if keywords[..position]
                .iter()
                .any(|previous| previous.attr.id.as_str() == name)
            {
                return Err(self.error(
                    keyword.pattern.range(),
                    format!("attribute name repeated in class pattern: {name}"),
                ));
            }
        }
        self.set_location(node.range);
        self.expression(&node.cls)?;
        let names: Vec<Constant> = keywords
            .iter()
            .map(|keyword| Constant::Str(Rc::from(keyword.attr.id.as_str())))
            .collect();
        self.unit.load_constant(Constant::Tuple(Rc::from(names)));
        self.emit(Opcode::MatchClass, positional.len() as u32);
        context.on_top += 1;
        self.is_not_none_or_fail(context);
        let count = positional.len() + keywords.len();
        self.emit(Opcode::UnpackSequence, count as u32);
        context.on_top = context.on_top + count as u32 - 1;
        let subpatterns = positional
            .iter()
            .chain(keywords.iter().map(|keyword| &keyword.pattern));
        for pattern in subpatterns {
            context.on_top -= 1;
            if is_wildcard(pattern) {
                self.emit(Opcode::PopTop, 0);
                continue;
            }
            self.subpattern(pattern, context)?;
        }
        Ok(())
    }

    fn or_pattern(
        &mut self,
        node: &'ast PatternMatchOr,
        context: &mut PatternContext<'ast>,
    ) -> CompileResult {
        let end = self.unit.new_label();
        let size = node.patterns.len();
        let mut control: Option<Vec<&'ast Identifier>> = None;
        for (position, alternative) in node.patterns.iter().enumerate() {
            self.set_location(alternative.range());
            let mut inner = PatternContext::new(position + 1 == size && context.allow_irrefutable);
            self.emit(Opcode::Copy, 1);
            self.pattern(alternative, &mut inner)?;
            match &control {
                None => control = Some(inner.stores.clone()),
                Some(control) => {
                    // CPython reports it where the last sub-pattern compiled is.
                    let differ = "alternative patterns bind different names";
                    if inner.stores.len() != control.len() {
                        return Err(self.error(self.pattern_range, differ));
                    }
                    // Reorder the captures on the stack to the first alternative's order.
                    for target in (0..control.len()).rev() {
                        let name = &control[target].id;
                        let Some(found) = inner.stores.iter().position(|stored| &stored.id == name)
                        else {
                            return Err(self.error(self.pattern_range, differ));
                        };
                        if found != target {
                            let rotations = found + 1;
                            let rotated: Vec<_> = inner.stores.drain(..rotations).collect();
                            let at = target - found;
                            for (offset, name) in rotated.into_iter().enumerate() {
                                inner.stores.insert(at + offset, name);
                            }
                            for _ in 0..rotations {
                                self.rotate(target as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.unit.emit_jump(Opcode::Jump, end);
            self.emit_and_reset_fail_pop(&mut inner);
        }
        // No alternative matched: pop the subject and fail.
        self.set_location(node.range);
        self.emit(Opcode::PopTop, 0);
        self.jump_to_fail_pop(context, Opcode::Jump);
        self.unit.bind(end);
        let control = control.unwrap_or_default();
        let rotations = control.len() as u32 + 1 + context.on_top + context.stores.len() as u32;
        for name in control {
            self.rotate(rotations);
            if context.stores.iter().any(|stored| stored.id == name.id) {
                return Err(self.error(
                    node.range,
                    format!("multiple assignments to name '{}' in pattern", name.id),
                ));
            }
            context.stores.push(name);
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }
}
