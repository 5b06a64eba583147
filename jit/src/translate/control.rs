//! Truth tests, conditional branches and loop back-edge safepoints.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value as IrValue};
use krait_runtime::Value;

use super::{Kind, Translator, TAG_INT};
use crate::DeoptReason;

impl<'a, 'b> Translator<'a, 'b> {
    /// The truth of a value as an i8 (0 or 1), through the vm for anything not obvious.
    pub(super) fn truth(&mut self, index: usize, value: IrValue, kind: Kind) -> IrValue {
        match kind {
            Kind::Bool => {
                self.builder
                    .ins()
                    .icmp_imm_s(IntCC::Equal, value, Value::TRUE.bits() as i64)
            }
            Kind::Int => self
                .builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, value, TAG_INT),
            Kind::Float => {
                let raw = self.unbox_float(value);
                let zero = self.builder.ins().f64const(0.0);
                self.builder.ins().fcmp(FloatCC::NotEqual, raw, zero)
            }
            Kind::Unknown | Kind::List => {
                let join = self.builder.create_block();
                self.builder.append_block_param(join, types::I8);
                let not_true = self.builder.create_block();
                let slow = self.builder.create_block();
                self.builder.set_cold_block(slow);
                let one = self.builder.ins().iconst(types::I8, 1);
                let zero = self.builder.ins().iconst(types::I8, 0);
                let is_true =
                    self.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, value, Value::TRUE.bits() as i64);
                self.builder
                    .ins()
                    .brif(is_true, join, &[one.into()], not_true, &[]);
                self.builder.switch_to_block(not_true);
                let is_false =
                    self.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, value, Value::FALSE.bits() as i64);
                self.builder
                    .ins()
                    .brif(is_false, join, &[zero.into()], slow, &[]);
                self.builder.switch_to_block(slow);
                let zero64 = self.builder.ins().iconst(types::I64, 0);
                let helper = self.environment.helpers.truth;
                let result = self.call_helper_values(helper, index, value, zero64);
                let narrow = self.builder.ins().ireduce(types::I8, result);
                self.builder.ins().jump(join, &[narrow.into()]);
                self.builder.switch_to_block(join);
                self.builder.block_params(join)[0]
            }
        }
    }

    /// Ends the block with a two-way branch on `truth` (an i8), jumping to `target` when it
    /// equals `jump_when`.
    pub(super) fn branch(&mut self, truth: IrValue, jump_when: bool, target: usize, index: usize) {
        let target_block = self.edge(index, target);
        let next_block = self.edge(index, index + 1);
        if jump_when {
            self.builder
                .ins()
                .brif(truth, target_block, &[], next_block, &[]);
        } else {
            self.builder
                .ins()
                .brif(truth, next_block, &[], target_block, &[]);
        }
        self.emit_edge_checks();
        self.terminated = true;
    }

    /// A loop back-edge: leaves to the interpreter, which runs the back-edge's safepoint, when
    /// the heap wants a collection or the safepoint flag is set (Ctrl-C, an instruction
    /// budget); under GC stress calls the vm's safepoint every time.
    pub(super) fn safepoint(&mut self, index: usize) {
        let helper = self.environment.helpers.safepoint;
        if self.environment.gc_stress {
            self.call_helper(helper, index, 0, 0);
            return;
        }
        let allocated = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.vm,
            self.environment.allocated_offset,
        );
        let threshold = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.vm,
            self.environment.threshold_offset,
        );
        let collection_due =
            self.builder
                .ins()
                .icmp(IntCC::UnsignedGreaterThanOrEqual, allocated, threshold);
        let collect = self.builder.create_block();
        let poll = self.builder.create_block();
        let next = self.builder.create_block();
        self.builder.set_cold_block(collect);
        // Two branches, not one on the two conditions or-ed: a compare and a jump each, where
        // the or-ed form needs two flag materializations and an `or` as well.
        self.builder
            .ins()
            .brif(collection_due, collect, &[], poll, &[]);
        self.builder.switch_to_block(poll);
        let flag_address = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.vm,
            self.environment.poll_offset,
        );
        let flag = self
            .builder
            .ins()
            .uload8(types::I32, MemFlagsData::trusted(), flag_address, 0);
        self.builder.ins().brif(flag, collect, &[], next, &[]);
        self.builder.switch_to_block(collect);
        // The interpreter runs the back-edge (and enters the compiled loop again): a call here
        // would clobber every float register, so values carried around the loop would live
        // in stack slots.
        self.emit_deopt(index, DeoptReason::Safepoint);
        self.builder.switch_to_block(next);
    }
}
