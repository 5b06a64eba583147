//! Calls whose callee the translator expects (a folded global, a cached method): an identity
//! check and a direct entry — made inline (`inline_call`) where the vm gave the frame layout,
//! else through the vm's `call_known` helper.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, Value as IrValue};
use krait_compiler::Opcode;
use krait_runtime::Value;

use super::{Kind, Translator};
use crate::CallTarget;

impl<'a, 'b> Translator<'a, 'b> {
    /// Ends a call's fast path: block `slow` (the fast path's miss) makes the call through
    /// the `call` helper, and `join` (one parameter: the result from either path) becomes the
    /// current block, with the callable and arguments replaced by the result.
    pub(super) fn call_slow_path_and_join(
        &mut self,
        index: usize,
        opcode: Opcode,
        arg: u32,
        (slow, join): (Block, Block),
    ) {
        self.builder.switch_to_block(slow);
        let helper = self.environment.helpers.call;
        let result = self.call_helper(helper, index, i64::from(opcode.to_byte()), i64::from(arg));
        self.builder.ins().jump(join, &[result.into()]);
        self.builder.switch_to_block(join);
        let (pops, _) = opcode.stack_effect(arg);
        self.depth -= pops as usize;
        let result = self.builder.block_params(join)[0];
        self.push(result, Kind::Unknown);
    }

    /// A `Call` or `CallMethod` whose callable is expected to be one of a few Python functions
    /// (a global's value at compile time, or the methods the attribute cache found) that a call
    /// can enter with the arguments in place: compares the callable with each and, for the one
    /// it is, calls the vm's `call_known` helper with that function's [`CallTarget`]; anything
    /// else takes the usual `call` helper. Returns false (emitting nothing) when no expected
    /// callable qualifies.
    pub(super) fn known_call(&mut self, index: usize, opcode: Opcode, arg: u32) -> bool {
        let Some(result) = self.known_call_result(index, opcode, arg) else {
            return false;
        };
        let (pops, _) = opcode.stack_effect(arg);
        self.depth -= pops as usize;
        self.push(result, Kind::Unknown);
        true
    }

    /// The call of `known_call`, leaving the abstract stack as it was: emits it and returns
    /// the call's result (having left for the exit block when it raised), or `None`
    /// (emitting nothing) when no expected callable qualifies.
    pub(super) fn known_call_result(
        &mut self,
        index: usize,
        opcode: Opcode,
        arg: u32,
    ) -> Option<IrValue> {
        self.known_call_checked(index, opcode, arg, false)
    }

    /// `known_call_result`, where `boundary_checked` says that the code just before (an
    /// inlined prefix of the one expected callee that did not return) has already found the
    /// callable to be the expected function: the call skips that compare.
    pub(super) fn known_call_checked(
        &mut self,
        index: usize,
        opcode: Opcode,
        arg: u32,
        boundary_checked: bool,
    ) -> Option<IrValue> {
        let count = arg as usize;
        let (callable_slot, given) = if opcode == Opcode::Call {
            (self.depth.checked_sub(count + 1), count)
        } else {
            (self.depth.checked_sub(count + 2), count + 1)
        };
        let callable_slot = callable_slot?;
        let targets: Vec<(Value, CallTarget)> = self.stack_expected[callable_slot]
            .iter()
            .filter_map(|&expected| {
                CallTarget::for_function(expected, given).map(|target| (expected, target))
            })
            .collect();
        if targets.is_empty() {
            return None;
        }
        let stack_pointer = self.flush(self.depth);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let callable = self.builder.use_var(self.stack_variables[callable_slot]);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let done = self.builder.create_block();
        self.builder.append_block_param(done, types::I64);
        let boundary_checked = boundary_checked && targets.len() == 1;
        for (expected, target) in targets {
            // Compiled code compares the callable's bits with this function's: keep it alive
            // while the code exists, so its address cannot be reused by another object.
            self.keep_alive([expected]);
            let layout = self.inline_call_layout(&target);
            let target = Box::new(target);
            let target_address = &*target as *const CallTarget as i64;
            let known = self.builder.create_block();
            let other = self.builder.create_block();
            if boundary_checked {
                // The callable is the expected function (checked before); `other` is left
                // unreachable.
                self.builder.ins().jump(known, &[]);
            } else {
                let is_target =
                    self.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, callable, expected.bits() as i64);
                self.builder.ins().brif(is_target, known, &[], other, &[]);
            }
            self.builder.switch_to_block(known);
            if let Some(layout) = layout {
                self.inline_call(
                    layout,
                    &target,
                    target_address,
                    callable,
                    stack_pointer,
                    index,
                    (join, done),
                );
            } else {
                let target_value = self.builder.ins().iconst(types::I64, target_address);
                let helper = self.environment.helpers.call_known;
                let result = self.call_helper_raw(
                    helper,
                    stack_pointer,
                    instruction,
                    callable,
                    target_value,
                );
                self.builder.ins().jump(join, &[result.into()]);
            }
            self.call_targets.push(target);
            self.builder.switch_to_block(other);
        }
        self.builder
            .set_cold_block(self.builder.current_block().unwrap_or(join));
        let opcode_value = self
            .builder
            .ins()
            .iconst(types::I64, i64::from(opcode.to_byte()));
        let argument = self.builder.ins().iconst(types::I64, i64::from(arg));
        let helper = self.environment.helpers.call;
        let result =
            self.call_helper_raw(helper, stack_pointer, instruction, opcode_value, argument);
        self.builder.ins().jump(join, &[result.into()]);

        self.builder.switch_to_block(join);
        let answer = self.builder.block_params(join)[0];
        self.exit_if_marker(answer);
        self.builder.ins().jump(done, &[answer.into()]);
        self.builder.switch_to_block(done);
        Some(self.builder.block_params(done)[0])
    }
}
