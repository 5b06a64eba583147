//! `left op right` on instances of a Python class that defines the operator (`v1 + v2`,
//! `v * 2.0`): the class's `__op__` called inline, as an inline call (`inline_call.rs`) of a
//! known function, instead of the generic instruction through the vm.
//!
//! The interpreter records the class of a `BinaryOp`'s left operand when it is an instance
//! (`CodeProfile::operand_classes`); at compile time the vm looks up the operator method the
//! protocol would call alone for that class (`protocol::number::forward_dunder_of_class`).
//! Compiled code then checks what the protocol's shortcut needs (`plain_forward_dunder`): the
//! left operand a plain instance of exactly that class, the right an instance of the same
//! class or an inline int or a float (whose reflected methods never come first), and no class
//! namespace changed since compiling (the class epoch). The two operands are already the first
//! two values of a call in place, so the method's frame starts at them. A NotImplemented
//! answer raises the protocol's TypeError through a helper; anything else takes the generic
//! instruction.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::Value;

use super::{Kind, Translator};
use crate::CallTarget;

/// The highest tag (top 16 bits) of a value that is a float or an inline int.
const HIGHEST_NUMBER_TAG: i64 = 0xFFF9;

impl<'a, 'b> Translator<'a, 'b> {
    /// The `BinaryOp` at `index` as a call of the operator method recorded for it, with the
    /// generic instruction as the fallback. Returns false (emitting nothing) when nothing was
    /// recorded or the method cannot be called inline.
    pub(super) fn dunder_binary(&mut self, index: usize, arg: u32) -> bool {
        let Some(&(_, class, method)) = self
            .globals
            .dunders
            .iter()
            .find(|(instruction, _, _)| *instruction as usize == index)
        else {
            return false;
        };
        let Some(target) = CallTarget::for_function(method, 2) else {
            return false;
        };
        let (Some(layout), Some(objects)) = (self.inline_call_layout(&target), self.layout())
        else {
            return false;
        };
        if self.depth < 2 {
            return false;
        }
        self.keep_alive([class, method]);
        let (right, _) = self.peek(0);
        let (left, _) = self.peek(1);
        let stack_pointer = self.flush(self.depth);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let usual = self.builder.create_block();
        self.builder.set_cold_block(usual);

        // ---- the left operand a plain instance of the class; no namespace changed ----
        let address = self.object_of_kind(left, Layout::Instance, usual);
        let left_class = self.load_at(address, objects.instance_class);
        let extra = self.load_at(address, objects.instance_extra);
        let epoch_address = self
            .builder
            .ins()
            .iconst(types::I64, self.environment.class_epoch_address as i64);
        let epoch = self.load_at(epoch_address, 0);
        let same_class =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, left_class, class.bits() as i64);
        let plain = self.builder.ins().icmp_imm_s(IntCC::Equal, extra, 0);
        let same_epoch =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, epoch, self.globals.class_epoch as i64);
        let valid = self.builder.ins().band(same_class, plain);
        let valid = self.builder.ins().band(valid, same_epoch);
        let check_right = self.builder.create_block();
        self.builder.ins().brif(valid, check_right, &[], usual, &[]);

        // ---- the right operand a float, an inline int or an instance of the same class ----
        self.builder.switch_to_block(check_right);
        let tag = self.builder.ins().ushr_imm_u(right, 48);
        let is_number =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, tag, HIGHEST_NUMBER_TAG);
        let check_callee = self.builder.create_block();
        let right_object = self.builder.create_block();
        self.builder
            .ins()
            .brif(is_number, check_callee, &[], right_object, &[]);
        self.builder.switch_to_block(right_object);
        let right_address = self.object_of_kind(right, Layout::Instance, usual);
        let right_class = self.load_at(right_address, objects.instance_class);
        let same = self
            .builder
            .ins()
            .icmp(IntCC::Equal, right_class, left_class);
        self.builder.ins().brif(same, check_callee, &[], usual, &[]);

        // ---- the method compiled for its globals ----
        self.builder.switch_to_block(check_callee);
        let (code_address, entry) = self.compiled_callee_entry(&target, layout, usual);

        // ---- the call, the operands in place as its first locals ----
        let returned = self.builder.create_block();
        self.builder.append_block_param(returned, types::I64);
        let method_value = self.builder.ins().iconst(types::I64, method.bits() as i64);
        let setup =
            self.known_frame_setup(&target, code_address, method_value, entry, stack_pointer, 2);
        self.push_call_pop(layout, setup, index, usual, (returned, returned));

        // ---- NotImplemented: the protocol's TypeError ----
        self.builder.switch_to_block(returned);
        let result = self.builder.block_params(returned)[0];
        let declined = self.builder.ins().icmp_imm_s(
            IntCC::Equal,
            result,
            Value::NOT_IMPLEMENTED.bits() as i64,
        );
        let raise = self.builder.create_block();
        self.builder.set_cold_block(raise);
        self.builder
            .ins()
            .brif(declined, raise, &[], join, &[result.into()]);
        self.builder.switch_to_block(raise);
        let helper = self.environment.helpers.binary_not_implemented;
        let raised = self.call_helper_raw(helper, stack_pointer, instruction, left, right);
        self.builder.ins().jump(join, &[raised.into()]);

        // ---- anything else: the generic instruction ----
        self.builder.switch_to_block(usual);
        let helper = self.environment.helpers.stack_op;
        let opcode_value = self
            .builder
            .ins()
            .iconst(types::I64, i64::from(Opcode::BinaryOp.to_byte()));
        let argument = self.builder.ins().iconst(types::I64, i64::from(arg));
        let outcome =
            self.call_helper_raw(helper, stack_pointer, instruction, opcode_value, argument);
        self.exit_if_marker(outcome);
        let value = self.load_slot(self.slots + self.depth - 2);
        self.builder.ins().jump(join, &[value.into()]);

        self.builder.switch_to_block(join);
        let result = self.builder.block_params(join)[0];
        self.exit_if_marker(result);
        self.depth -= 2;
        self.push(result, Kind::Unknown);
        true
    }
}
