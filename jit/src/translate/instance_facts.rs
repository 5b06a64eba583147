//! What compiled code knows, at run time, about the instance held in each local: the class and
//! shape an attribute instruction last checked it to have.
//!
//! richards and deltablue read several attributes of `self` in a row, and each read used to
//! check everything again — the value is a heap object, of kind instance, without a `__dict__`,
//! the class epoch unchanged, then one class and shape compare per way. Once one instruction has
//! made those checks, nothing but Python code (or the vm) can change the instance's class, its
//! `__dict__`, the class epoch, or its shape — except an inline store that adds an attribute,
//! which moves one instance to a child shape. So two Cranelift variables per local carry the
//! class and shape word the last check loaded (0: nothing known): the next attribute
//! instruction on the same local compares them with its ways' and, on a match, goes straight to
//! the slot or method. They are facts, not guesses: they are set only after the checks passed,
//! and set to 0 wherever they may stop holding —
//! - every call into the vm (`call_helper_raw`: helpers and fast paths, which may run Python
//!   code, switch threads at a safepoint or change objects) and every compiled call made inline
//!   (`inline_call`);
//! - an inline store that adds an attribute (for every local: another one may hold the same
//!   instance; the stored local then knows its new shape);
//! - a store to or deletion of the local itself.
//!
//! Being variables, they flow along every control-flow edge, and the SSA builder merges them at
//! joins and loop headers (a merge of two different facts is a value that matches neither way,
//! i.e. no fact). A local never checked has no variables; a use of a variable on a path where it
//! was never defined reads 0 (Cranelift's frontend defines it so), which is how the function's
//! entries start with nothing known. An inlined body's parameters start with what the caller
//! knew of the arguments it passes (`inherit_instance_facts`).

use cranelift_codegen::ir::{types, InstBuilder, Value as IrValue};
use cranelift_frontend::Variable;

use super::Translator;

/// The variables holding the class and the shape word known for one local's instance.
#[derive(Clone, Copy, Debug)]
pub(super) struct InstanceFact {
    pub class: Variable,
    pub shape: Variable,
}

impl<'a, 'b> Translator<'a, 'b> {
    /// The variables of `local`'s fact, where an attribute instruction already made them.
    pub(super) fn known_instance(&self, local: usize) -> Option<InstanceFact> {
        self.instance_facts.get(local).copied().flatten()
    }

    /// The variables of `local`'s fact, declared at the first attribute instruction on it.
    pub(super) fn instance_fact(&mut self, local: usize) -> Option<InstanceFact> {
        let entry = self.instance_facts.get_mut(local)?;
        if entry.is_none() {
            *entry = Some(InstanceFact {
                class: self.builder.declare_var(types::I64),
                shape: self.builder.declare_var(types::I64),
            });
        }
        *entry
    }

    /// Records, at the current point, that `local`'s instance has `class` and `shape` (the
    /// words an attribute instruction's checks just loaded or established).
    pub(super) fn record_instance(&mut self, local: usize, class: IrValue, shape: IrValue) {
        if let Some(fact) = self.instance_fact(local) {
            self.builder.def_var(fact.class, class);
            self.builder.def_var(fact.shape, shape);
        }
    }

    /// Something may have changed any instance: nothing is known from here on.
    pub(super) fn forget_instances(&mut self) {
        let facts: Vec<InstanceFact> = self.instance_facts.iter().flatten().copied().collect();
        if facts.is_empty() {
            return;
        }
        let zero = self.builder.ins().iconst(types::I64, 0);
        for fact in facts {
            self.builder.def_var(fact.class, zero);
            self.builder.def_var(fact.shape, zero);
        }
    }

    /// `local` is stored to or deleted: what was known of its old value goes.
    pub(super) fn forget_instance(&mut self, local: usize) {
        if let Some(fact) = self.known_instance(local) {
            let zero = self.builder.ins().iconst(types::I64, 0);
            self.builder.def_var(fact.class, zero);
            self.builder.def_var(fact.shape, zero);
        }
    }

    /// The caller's facts for the values of operand stack slots `slots` (those loaded from a
    /// local it knows something of), read at the current point: for an inlined callee's
    /// parameters.
    pub(super) fn instance_facts_of_slots(
        &mut self,
        slots: std::ops::Range<usize>,
    ) -> Vec<Option<(IrValue, IrValue)>> {
        slots
            .map(|slot| {
                let fact = self.stack_local[slot].and_then(|local| self.known_instance(local))?;
                Some((
                    self.builder.use_var(fact.class),
                    self.builder.use_var(fact.shape),
                ))
            })
            .collect()
    }

    /// The local whose instance is the receiver of the `CallMethod` at `index`, where the
    /// receiver slot is known to hold it whenever that local has a fact: the call's method was
    /// loaded by the `LoadMethod` right after `LoadFast local`, and only `LoadFast`s and
    /// `LoadConst`s (its arguments) come between, in one block. (The `LoadMethod`'s generic
    /// path leaves another value in the slot, but it calls the vm, which forgets every fact,
    /// so the local's fact is then 0 there: no fact.)
    pub(super) fn method_receiver_local(&self, index: usize) -> Option<usize> {
        let instructions = &self.code.code.instructions;
        let call = instructions.get(index)?;
        if call.opcode != krait_compiler::Opcode::CallMethod {
            return None;
        }
        let load_method = index.checked_sub(1 + call.arg as usize)?;
        let load_receiver = load_method.checked_sub(1)?;
        let arguments_plain = instructions[load_method + 1..index]
            .iter()
            .all(|instruction| {
                matches!(
                    instruction.opcode,
                    krait_compiler::Opcode::LoadFast | krait_compiler::Opcode::LoadConst
                )
            });
        let one_block = (load_method..=index).all(|at| !self.analysis.block_start[at]);
        (instructions[load_method].opcode == krait_compiler::Opcode::LoadMethod
            && instructions[load_receiver].opcode == krait_compiler::Opcode::LoadFast
            && arguments_plain
            && one_block)
            .then_some(instructions[load_receiver].arg as usize)
    }

    /// An inlined body's parameters start with what the caller knew of its arguments.
    pub(super) fn inherit_instance_facts(&mut self, facts: &[Option<(IrValue, IrValue)>]) {
        for (local, fact) in facts.iter().enumerate() {
            if let Some((class, shape)) = *fact {
                self.record_instance(local, class, shape);
            }
        }
    }
}
