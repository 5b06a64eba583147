//! Boxing and unboxing: ints are 48-bit inline values widened to i64, floats are the value's
//! bits as f64. Operands come from the unboxed temporaries a block already computed where it
//! can, so a chain of arithmetic stays in registers.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value as IrValue};
use krait_runtime::Value;

use super::{Kind, Translator, PAYLOAD_MASK, TAG_INT};
use crate::DeoptReason;

impl<'a, 'b> Translator<'a, 'b> {
    pub(super) fn zero(&mut self) -> IrValue {
        self.builder.ins().iconst(types::I64, 0)
    }

    // ---- value representation ----

    pub(super) fn is_int(&mut self, value: IrValue) -> IrValue {
        let tag = self.builder.ins().ushr_imm_s(value, 48);
        self.builder.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFF9)
    }

    pub(super) fn is_float(&mut self, value: IrValue) -> IrValue {
        self.builder
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, value, TAG_INT)
    }

    pub(super) fn unbox_int(&mut self, value: IrValue) -> IrValue {
        if let Some(&raw) = self.boxed_ints.get(&value) {
            return raw;
        }
        let shifted = self.builder.ins().ishl_imm_s(value, 16);
        self.builder.ins().sshr_imm_s(shifted, 16)
    }

    pub(super) fn fits_inline(&mut self, raw: IrValue) -> IrValue {
        let shifted = self.builder.ins().ishl_imm_s(raw, 16);
        let back = self.builder.ins().sshr_imm_s(shifted, 16);
        self.builder.ins().icmp(IntCC::Equal, back, raw)
    }

    /// Boxes `raw`, an i64 known to fit the inline range.
    pub(super) fn box_int(&mut self, raw: IrValue) -> IrValue {
        let payload = self.builder.ins().band_imm_s(raw, PAYLOAD_MASK);
        let boxed = self.builder.ins().bor_imm_s(payload, TAG_INT);
        self.boxed_ints.insert(boxed, raw);
        boxed
    }

    pub(super) fn unbox_float(&mut self, value: IrValue) -> IrValue {
        if let Some(&raw) = self.boxed_floats.get(&value) {
            return raw;
        }
        self.builder
            .ins()
            .bitcast(types::F64, MemFlagsData::new(), value)
    }

    /// Boxes `raw`, the result of `+ - * /` or negation on unboxed floats and ints, or a float
    /// known not to be a NaN: its bits as they are. Boxed NaNs are all quiet with a zero payload
    /// (`krait_runtime::value`), and IEEE arithmetic on such operands gives a number or such a
    /// NaN again (the default NaN of an invalid operation is one), never a tag pattern. A float
    /// from anywhere else (a C library result that may be a NaN) must be canonicalized first.
    pub(super) fn box_float(&mut self, raw: IrValue) -> IrValue {
        let boxed = self
            .builder
            .ins()
            .bitcast(types::I64, MemFlagsData::new(), raw);
        self.boxed_floats.insert(boxed, raw);
        boxed
    }

    pub(super) fn box_bool(&mut self, condition: IrValue) -> IrValue {
        let wide = self.builder.ins().uextend(types::I64, condition);
        self.builder
            .ins()
            .iadd_imm_s(wide, Value::FALSE.bits() as i64)
    }

    pub(super) fn constant_kind(value: Value) -> Kind {
        if value.as_small_int().is_some() {
            Kind::Int
        } else if value.as_float().is_some() {
            Kind::Float
        } else if value == Value::TRUE || value == Value::FALSE {
            Kind::Bool
        } else {
            Kind::Unknown
        }
    }

    /// Makes sure the value `from_top` is an int (guarding unless known) and returns it unboxed.
    pub(super) fn int_operand(&mut self, from_top: usize, index: usize) -> IrValue {
        let (value, kind) = self.peek(from_top);
        let slot = self.depth - 1 - from_top;
        if kind == Kind::Int {
            if let Some(raw) = self.stack_raw[slot] {
                return raw;
            }
        } else {
            let condition = self.is_int(value);
            self.guard(condition, index, DeoptReason::NotAnInt);
            self.set_kind(from_top, Kind::Int);
        }
        let raw = self.unbox_int(value);
        self.record_raw(slot, raw);
        raw
    }

    /// Remembers the unboxed value of stack slot `slot` (and of the local it was loaded from).
    pub(super) fn record_raw(&mut self, slot: usize, raw: IrValue) {
        self.stack_raw[slot] = Some(raw);
        if let Some(local) = self.stack_local[slot] {
            self.local_raw[local] = Some(raw);
        }
    }

    /// Makes sure the value `from_top` is a float, or an int converted to one when `mixed`
    /// feedback allows it, and returns the f64.
    pub(super) fn float_operand(&mut self, from_top: usize, index: usize, mixed: bool) -> IrValue {
        let (value, kind) = self.peek(from_top);
        let slot = self.depth - 1 - from_top;
        match kind {
            Kind::Float => {
                if let Some(raw) = self.stack_raw[slot] {
                    return raw;
                }
                let raw = self.unbox_float(value);
                self.record_raw(slot, raw);
                raw
            }
            Kind::Int => {
                let raw = match self.stack_raw[slot] {
                    Some(raw) => raw,
                    None => self.unbox_int(value),
                };
                self.builder.ins().fcvt_from_sint(types::F64, raw)
            }
            _ if !mixed => {
                let condition = self.is_float(value);
                self.guard(condition, index, DeoptReason::NotAFloat);
                self.set_kind(from_top, Kind::Float);
                let raw = self.unbox_float(value);
                self.record_raw(slot, raw);
                raw
            }
            _ => {
                let float_block = self.builder.create_block();
                let other_block = self.builder.create_block();
                let join = self.builder.create_block();
                self.builder.append_block_param(join, types::F64);
                let condition = self.is_float(value);
                self.builder
                    .ins()
                    .brif(condition, float_block, &[], other_block, &[]);
                self.builder.switch_to_block(float_block);
                let as_float = self.unbox_float(value);
                self.builder.ins().jump(join, &[as_float.into()]);
                self.builder.switch_to_block(other_block);
                let condition = self.is_int(value);
                self.guard(condition, index, DeoptReason::NotANumber);
                let raw = self.unbox_int(value);
                let converted = self.builder.ins().fcvt_from_sint(types::F64, raw);
                self.builder.ins().jump(join, &[converted.into()]);
                self.builder.switch_to_block(join);
                self.builder.block_params(join)[0]
            }
        }
    }
}
