//! Assignment targets: storing the value on the stack into names, attributes, subscripts and
//! (starred) unpacking patterns; `del`; and augmented assignment (`+=`), which evaluates its
//! target's parts once.

use ruff_python_ast::{Expr, StmtAugAssign};
use ruff_text_size::Ranged;

use crate::opcode::Opcode;
use crate::parse::expression_name;

use super::expressions::binary_operator;
use super::names::Access;
use super::{CompileResult, Compiler};

impl<'ast> Compiler<'ast> {
    /// Pops TOS into `target`.
    pub(super) fn store_target(&mut self, target: &'ast Expr) -> CompileResult {
        let saved = self.unit.location;
        let result = self.store_target_inner(target);
        self.unit.location = saved;
        result
    }

    fn store_target_inner(&mut self, target: &'ast Expr) -> CompileResult {
        match target {
            Expr::Name(name) => {
                self.set_location(name.range);
                self.name(&name.id, Access::Store, name.range)
            }
            Expr::Attribute(attribute) => {
                self.expression(&attribute.value)?;
                self.unit.location = self.attribute_location(attribute, attribute.range);
                let index = self.unit.name(&self.mangled(&attribute.attr.id));
                self.emit(Opcode::StoreAttr, index);
                Ok(())
            }
            Expr::Subscript(subscript) => {
                self.expression(&subscript.value)?;
                self.subscript_key(&subscript.slice)?;
                self.set_location(subscript.range);
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            Expr::Tuple(tuple) => self.unpack(&tuple.elts, tuple.range),
            Expr::List(list) => self.unpack(&list.elts, list.range),
            Expr::Starred(starred) => Err(self.error(
                starred.range,
                "starred assignment target must be in a list or tuple",
            )),
            _ => Err(self.error(
                target.range(),
                format!("cannot assign to {}", expression_name(target)),
            )),
        }
    }

    /// Unpacks TOS into several targets, one of which may be starred.
    fn unpack(
        &mut self,
        elements: &'ast [Expr],
        range: ruff_text_size::TextRange,
    ) -> CompileResult {
        self.set_location(range);
        let starred: Vec<usize> = elements
            .iter()
            .enumerate()
            .filter(|(_, element)| matches!(element, Expr::Starred(_)))
            .map(|(position, _)| position)
            .collect();
        match starred.as_slice() {
            [] => self.emit(Opcode::UnpackSequence, elements.len() as u32),
            [position] => {
                let before = *position;
                let after = elements.len() - position - 1;
                if before >= 256 || after >= 1 << 24 {
                    return Err(
                        self.error(range, "too many expressions in star-unpacking assignment")
                    );
                }
                self.emit(Opcode::UnpackEx, (before | (after << 8)) as u32);
            }
            [_, _, ..] => {
                return Err(self.error(range, "multiple starred expressions in assignment"));
            }
        }
        for element in elements {
            match element {
                Expr::Starred(starred) => self.store_target(&starred.value)?,
                _ => self.store_target(element)?,
            }
        }
        Ok(())
    }

    /// `del target`.
    pub(super) fn delete_target(&mut self, target: &'ast Expr) -> CompileResult {
        match target {
            Expr::Name(name) => {
                self.set_location(name.range);
                self.name(&name.id, Access::Delete, name.range)
            }
            Expr::Attribute(attribute) => {
                self.expression(&attribute.value)?;
                self.unit.location = self.attribute_location(attribute, attribute.range);
                let index = self.unit.name(&self.mangled(&attribute.attr.id));
                self.emit(Opcode::DeleteAttr, index);
                Ok(())
            }
            Expr::Subscript(subscript) => {
                self.expression(&subscript.value)?;
                self.subscript_key(&subscript.slice)?;
                self.set_location(subscript.range);
                self.emit(Opcode::DeleteSubscr, 0);
                Ok(())
            }
            Expr::Tuple(tuple) => tuple
                .elts
                .iter()
                .try_for_each(|element| self.delete_target(element)),
            Expr::List(list) => list
                .elts
                .iter()
                .try_for_each(|element| self.delete_target(element)),
            _ => Err(self.error(
                target.range(),
                format!("cannot delete {}", expression_name(target)),
            )),
        }
    }

    /// `target op= value`.
    pub(super) fn augmented_assignment(&mut self, node: &'ast StmtAugAssign) -> CompileResult {
        let operator = binary_operator(node.op, true);
        match node.target.as_ref() {
            Expr::Name(name) => {
                self.set_location(name.range);
                self.name(&name.id, Access::Load, name.range)?;
                self.expression(&node.value)?;
                self.set_location(node.range);
                self.emit(Opcode::BinaryOp, operator);
                self.set_location(name.range);
                self.name(&name.id, Access::Store, name.range)
            }
            Expr::Attribute(attribute) => {
                self.expression(&attribute.value)?;
                let index = self.unit.name(&self.mangled(&attribute.attr.id));
                self.unit.location = self.attribute_location(attribute, attribute.range);
                self.emit(Opcode::Copy, 1);
                self.emit(Opcode::LoadAttr, index);
                self.expression(&node.value)?;
                self.set_location(node.range);
                self.emit(Opcode::BinaryOp, operator);
                self.unit.location = self.attribute_location(attribute, attribute.range);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreAttr, index);
                Ok(())
            }
            Expr::Subscript(subscript) => {
                self.expression(&subscript.value)?;
                self.subscript_key(&subscript.slice)?;
                self.set_location(subscript.range);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
                self.expression(&node.value)?;
                self.set_location(node.range);
                self.emit(Opcode::BinaryOp, operator);
                self.set_location(subscript.range);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            target => Err(self.error(
                target.range(),
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expression_name(target)
                ),
            )),
        }
    }
}
