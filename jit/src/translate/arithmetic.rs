//! `BinaryOp` and `CompareOp`: speculation on the interpreter's type feedback (int, float, mixed)
//! behind guards that deopt, with the generic helper for everything else.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, AbiParam, InstBuilder, SigRef, Signature};
use krait_compiler::{Comparison, Opcode};
use krait_runtime::profile::{SEEN_FLOAT, SEEN_INT, SEEN_MIXED, SEEN_OTHER};

use super::{Kind, Translator};
use crate::DeoptReason;

impl<'a, 'b> Translator<'a, 'b> {
    /// How to compile an arithmetic or comparison instruction, from feedback and known kinds.
    pub(super) fn numeric_mode(&mut self, index: usize) -> NumericMode {
        let seen = self.feedback[index] & (SEEN_INT | SEEN_FLOAT | SEEN_MIXED | SEEN_OTHER);
        let (_, right) = self.peek(0);
        let (_, left) = self.peek(1);
        let known_float = left == Kind::Float || right == Kind::Float;
        if seen & SEEN_OTHER != 0 {
            return NumericMode::Generic;
        }
        if seen == SEEN_INT || (seen == 0 && !known_float) {
            // Never run when compiled and nothing known (a loop's later code when the loop
            // triggered the compile): ints, the likeliest. Its guards deopt as `Unprofiled`,
            // which recompiles with the types the interpreter then records (see `guard`), so
            // a wrong guess does not leave the instruction generic for good.
            return NumericMode::Int;
        }
        if seen != 0 && seen & SEEN_INT == 0 {
            return NumericMode::Float {
                mixed: seen & SEEN_MIXED != 0,
            };
        }
        if seen == 0 && known_float {
            return NumericMode::Float {
                mixed: left != Kind::Float || right != Kind::Float,
            };
        }
        NumericMode::Generic
    }

    pub(super) fn binary_op(&mut self, index: usize, arg: u32) {
        // The consumer of a deferred wide int (`wide_ints`) takes the int path whatever its
        // feedback says.
        let wide_left = self.wide_left_operand();
        // Instances whose class defines the operator: its method called inline.
        if !wide_left && self.feedback[index] & SEEN_OTHER != 0 && self.dunder_binary(index, arg) {
            return;
        }
        // In-place forms (`+=`) behave as the plain ones on ints and floats.
        let operator = arg % 13;
        const ADD: u32 = 0;
        const SUBTRACT: u32 = 1;
        const MULTIPLY: u32 = 2;
        const TRUE_DIVIDE: u32 = 3;
        const FLOOR_DIVIDE: u32 = 4;
        const REMAINDER: u32 = 5;
        const POWER: u32 = 6;
        const LEFT_SHIFT: u32 = 8;
        const RIGHT_SHIFT: u32 = 9;
        const AND: u32 = 10;
        const OR: u32 = 11;
        const XOR: u32 = 12;
        // Two known ints whose result a wide consumer takes: the int path too (its feedback
        // may have gone generic when the result kept leaving the inline range).
        let wide_result = matches!(operator, ADD | SUBTRACT | MULTIPLY)
            && self.peek(0).1 == Kind::Int
            && (self.peek(1).1 == Kind::Int || wide_left)
            && self.wide_consumer_follows(index);
        let mode = if wide_left || wide_result {
            NumericMode::Int
        } else {
            self.numeric_mode(index)
        };
        match mode {
            NumericMode::Int
                if matches!(
                    operator,
                    ADD | SUBTRACT
                        | MULTIPLY
                        | TRUE_DIVIDE
                        | FLOOR_DIVIDE
                        | REMAINDER
                        | LEFT_SHIFT
                        | RIGHT_SHIFT
                        | AND
                        | OR
                        | XOR
                ) =>
            {
                let right = self.int_operand(0, index);
                let left = self.int_operand(1, index);
                let (result, kind) = match operator {
                    ADD | SUBTRACT | MULTIPLY if wide_result => {
                        // Checked against the i64 range only; boxed when flushed.
                        let (raw, overflowed) = match operator {
                            ADD => self.builder.ins().sadd_overflow(left, right),
                            SUBTRACT => self.builder.ins().ssub_overflow(left, right),
                            _ => self.builder.ins().smul_overflow(left, right),
                        };
                        let no_overflow = self.builder.ins().bxor_imm_s(overflowed, 1);
                        self.guard(no_overflow, index, DeoptReason::Overflow);
                        self.pop();
                        self.pop();
                        self.settle_wide();
                        self.push_wide(raw);
                        return;
                    }
                    ADD | SUBTRACT => {
                        let raw = if operator == ADD {
                            self.builder.ins().iadd(left, right)
                        } else {
                            self.builder.ins().isub(left, right)
                        };
                        let fits = self.fits_inline(raw);
                        self.guard(fits, index, DeoptReason::Overflow);
                        (self.box_int(raw), Kind::Int)
                    }
                    MULTIPLY => {
                        let (raw, overflowed) = self.builder.ins().smul_overflow(left, right);
                        let fits = self.fits_inline(raw);
                        let no_overflow = self.builder.ins().bxor_imm_s(overflowed, 1);
                        let ok = self.builder.ins().band(fits, no_overflow);
                        self.guard(ok, index, DeoptReason::Overflow);
                        (self.box_int(raw), Kind::Int)
                    }
                    TRUE_DIVIDE => {
                        let nonzero = self.builder.ins().icmp_imm_s(IntCC::NotEqual, right, 0);
                        self.raise_unless(nonzero, index, Opcode::BinaryOp, arg);
                        let left_float = self.builder.ins().fcvt_from_sint(types::F64, left);
                        let right_float = self.builder.ins().fcvt_from_sint(types::F64, right);
                        let quotient = self.builder.ins().fdiv(left_float, right_float);
                        (self.box_float(quotient), Kind::Float)
                    }
                    FLOOR_DIVIDE | REMAINDER if self.power_of_two_divisor().is_some() => {
                        // By a constant power of two: floor division is an arithmetic shift
                        // and the (non-negative) remainder a mask, exactly.
                        let shift = self.power_of_two_divisor().unwrap_or(0);
                        let raw = if operator == FLOOR_DIVIDE {
                            self.builder.ins().sshr_imm_s(left, i64::from(shift))
                        } else {
                            self.builder.ins().band_imm_s(left, (1_i64 << shift) - 1)
                        };
                        if wide_left && operator == FLOOR_DIVIDE {
                            // A wide dividend's quotient may still be wide.
                            let fits = self.fits_inline(raw);
                            self.guard(fits, index, DeoptReason::Overflow);
                        }
                        (self.box_int(raw), Kind::Int)
                    }
                    FLOOR_DIVIDE | REMAINDER => {
                        let nonzero = self.builder.ins().icmp_imm_s(IntCC::NotEqual, right, 0);
                        self.raise_unless(nonzero, index, Opcode::BinaryOp, arg);
                        let quotient = self.builder.ins().sdiv(left, right);
                        let remainder = self.builder.ins().srem(left, right);
                        // Python rounds toward negative infinity: adjust when the remainder
                        // is non-zero and its sign differs from the divisor's.
                        let signs = self.builder.ins().bxor(remainder, right);
                        let differ = self
                            .builder
                            .ins()
                            .icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                        let nonzero_remainder =
                            self.builder.ins().icmp_imm_s(IntCC::NotEqual, remainder, 0);
                        let adjust = self.builder.ins().band(differ, nonzero_remainder);
                        let adjust = self.builder.ins().uextend(types::I64, adjust);
                        let raw = if operator == FLOOR_DIVIDE {
                            self.builder.ins().isub(quotient, adjust)
                        } else {
                            let correction = self.builder.ins().imul(adjust, right);
                            self.builder.ins().iadd(remainder, correction)
                        };
                        let fits = self.fits_inline(raw);
                        self.guard(fits, index, DeoptReason::Overflow);
                        (self.box_int(raw), Kind::Int)
                    }
                    LEFT_SHIFT => {
                        let in_range =
                            self.builder
                                .ins()
                                .icmp_imm_s(IntCC::UnsignedLessThan, right, 48);
                        self.guard(in_range, index, DeoptReason::Overflow);
                        let raw = self.builder.ins().ishl(left, right);
                        let back = self.builder.ins().sshr(raw, right);
                        let exact = self.builder.ins().icmp(IntCC::Equal, back, left);
                        let fits = self.fits_inline(raw);
                        let ok = self.builder.ins().band(exact, fits);
                        self.guard(ok, index, DeoptReason::Overflow);
                        (self.box_int(raw), Kind::Int)
                    }
                    RIGHT_SHIFT => {
                        let non_negative = self.builder.ins().icmp_imm_s(
                            IntCC::SignedGreaterThanOrEqual,
                            right,
                            0,
                        );
                        self.guard(non_negative, index, DeoptReason::Overflow);
                        let limit = self.builder.ins().iconst(types::I64, 63);
                        let amount = self.builder.ins().umin(right, limit);
                        let raw = self.builder.ins().sshr(left, amount);
                        (self.box_int(raw), Kind::Int)
                    }
                    AND => {
                        let raw = self.builder.ins().band(left, right);
                        (self.box_int(raw), Kind::Int)
                    }
                    OR => {
                        let raw = self.builder.ins().bor(left, right);
                        (self.box_int(raw), Kind::Int)
                    }
                    _ => {
                        let raw = self.builder.ins().bxor(left, right);
                        (self.box_int(raw), Kind::Int)
                    }
                };
                self.pop();
                self.pop();
                self.settle_wide();
                self.push(result, kind);
            }
            NumericMode::Float { mixed }
                if matches!(operator, ADD | SUBTRACT | MULTIPLY | TRUE_DIVIDE) =>
            {
                if mixed {
                    // An int may stand for a float here, but two ints must make an int: at
                    // least one operand has to be a float.
                    let (right_value, right_kind) = self.peek(0);
                    let (left_value, left_kind) = self.peek(1);
                    if right_kind != Kind::Float && left_kind != Kind::Float {
                        let right_float = self.is_float(right_value);
                        let left_float = self.is_float(left_value);
                        let any = self.builder.ins().bor(left_float, right_float);
                        self.guard(any, index, DeoptReason::NotAFloat);
                    }
                }
                let right = self.float_operand(0, index, mixed);
                let left = self.float_operand(1, index, mixed);
                let raw = match operator {
                    ADD => self.builder.ins().fadd(left, right),
                    SUBTRACT => self.builder.ins().fsub(left, right),
                    MULTIPLY => self.builder.ins().fmul(left, right),
                    _ => {
                        let zero = self.builder.ins().f64const(0.0);
                        let nonzero = self.builder.ins().fcmp(FloatCC::NotEqual, right, zero);
                        // NaN compares unequal to zero, and dividing by it is fine.
                        self.raise_unless(nonzero, index, Opcode::BinaryOp, arg);
                        self.builder.ins().fdiv(left, right)
                    }
                };
                let boxed = self.box_float(raw);
                self.pop();
                self.pop();
                self.push(boxed, Kind::Float);
            }
            NumericMode::Float { mixed: false } if operator == POWER => {
                self.float_power(index);
            }
            _ if operator == POWER => {
                let fast = self.environment.fast_paths.power;
                self.binary_fast_or_generic(index, Opcode::BinaryOp, arg, fast, 0, Kind::Float);
            }
            NumericMode::Generic if operator == ADD => {
                // Two exact strs concatenate in the fast path.
                let fast = self.environment.fast_paths.concat_strings;
                self.binary_fast_or_generic(index, Opcode::BinaryOp, arg, fast, 0, Kind::Unknown);
            }
            _ => self.generic(index, Opcode::BinaryOp, arg),
        }
    }

    /// When the top of the stack is a constant int that is a positive power of two (`x // 2`,
    /// `x % 8`): its logarithm.
    fn power_of_two_divisor(&mut self) -> Option<u32> {
        let (value, _) = self.peek(0);
        let instruction = self.builder.func.dfg.value_def(value).inst()?;
        let bits = match self.builder.func.dfg.insts[instruction] {
            cranelift_codegen::ir::InstructionData::UnaryImm {
                opcode: cranelift_codegen::ir::Opcode::Iconst,
                imm,
            } => imm.bits(),
            _ => return None,
        };
        let divisor = krait_runtime::Value::from_bits(bits as u64).as_small_int()?;
        (divisor > 0 && divisor.count_ones() == 1 && divisor < 1 << 40)
            .then(|| divisor.trailing_zeros())
    }

    /// `float ** float` where both are floats: the C library's `pow` (as CPython's float
    /// power) called directly on the unboxed values, for a positive finite base and a finite
    /// exponent with a finite result; anything else deopts (the interpreter makes the complex
    /// result or raises).
    fn float_power(&mut self, index: usize) {
        let exponent = self.float_operand(0, index, false);
        let base = self.float_operand(1, index, false);
        let zero = self.builder.ins().f64const(0.0);
        let infinity = self.builder.ins().f64const(f64::INFINITY);
        let positive = self.builder.ins().fcmp(FloatCC::GreaterThan, base, zero);
        let base_finite = self.builder.ins().fcmp(FloatCC::LessThan, base, infinity);
        let exponent_size = self.builder.ins().fabs(exponent);
        // (False for a NaN exponent.)
        let exponent_finite = self
            .builder
            .ins()
            .fcmp(FloatCC::LessThan, exponent_size, infinity);
        let in_domain = self.builder.ins().band(positive, base_finite);
        let in_domain = self.builder.ins().band(in_domain, exponent_finite);
        self.guard(in_domain, index, DeoptReason::OutOfDomain);
        let signature = self.float_binary_signature();
        let callee = self
            .builder
            .ins()
            .iconst(types::I64, crate::float_power as *const () as usize as i64);
        let call = self
            .builder
            .ins()
            .call_indirect(signature, callee, &[base, exponent]);
        let result = self.builder.inst_results(call)[0];
        let result_size = self.builder.ins().fabs(result);
        let finite = self
            .builder
            .ins()
            .fcmp(FloatCC::LessThan, result_size, infinity);
        self.guard(finite, index, DeoptReason::OutOfDomain);
        let boxed = self.box_float(result);
        self.pop();
        self.pop();
        self.push(boxed, Kind::Float);
    }

    /// The signature `(f64, f64) -> f64` of float functions called from compiled code.
    fn float_binary_signature(&mut self) -> SigRef {
        if let Some(signature) = self.float_signature {
            return signature;
        }
        let mut signature = Signature::new(self.builder.func.signature.call_conv);
        signature.params.push(AbiParam::new(types::F64));
        signature.params.push(AbiParam::new(types::F64));
        signature.returns.push(AbiParam::new(types::F64));
        let imported = self.builder.import_signature(signature);
        self.float_signature = Some(imported);
        imported
    }

    /// A comparison; fused with a following conditional jump when nothing jumps between them.
    pub(super) fn compare_op(&mut self, index: usize, arg: u32) -> Result<usize, String> {
        let Some(comparison) = Comparison::from_arg(arg) else {
            return Err(format!("bad comparison {arg}"));
        };
        let condition = match self.numeric_mode(index) {
            NumericMode::Int => {
                let right = self.int_operand(0, index);
                let left = self.int_operand(1, index);
                let code = match comparison {
                    Comparison::Less => IntCC::SignedLessThan,
                    Comparison::LessEqual => IntCC::SignedLessThanOrEqual,
                    Comparison::Equal => IntCC::Equal,
                    Comparison::NotEqual => IntCC::NotEqual,
                    Comparison::Greater => IntCC::SignedGreaterThan,
                    Comparison::GreaterEqual => IntCC::SignedGreaterThanOrEqual,
                };
                self.builder.ins().icmp(code, left, right)
            }
            NumericMode::Float { mixed } => {
                let right = self.float_operand(0, index, mixed);
                let left = self.float_operand(1, index, mixed);
                let code = match comparison {
                    Comparison::Less => FloatCC::LessThan,
                    Comparison::LessEqual => FloatCC::LessThanOrEqual,
                    Comparison::Equal => FloatCC::Equal,
                    Comparison::NotEqual => FloatCC::NotEqual,
                    Comparison::Greater => FloatCC::GreaterThan,
                    Comparison::GreaterEqual => FloatCC::GreaterThanOrEqual,
                };
                self.builder.ins().fcmp(code, left, right)
            }
            NumericMode::Generic => {
                // Two strs compare inline (`==`, `!=`) or in the fast path; anything else
                // through the interpreter.
                match comparison {
                    Comparison::Equal | Comparison::NotEqual => {
                        self.string_equality(index, arg, comparison)
                    }
                    _ => self.compare_generic(index, arg),
                }
                return Ok(1);
            }
        };
        self.pop();
        self.pop();
        let next = index + 1;
        if let Some(following) = self.code.code.instructions.get(next) {
            let fusable = matches!(
                following.opcode,
                Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue
            ) && !self.analysis.block_start[next];
            if fusable {
                self.mark_instruction(next);
                self.branch(
                    condition,
                    following.opcode == Opcode::PopJumpIfTrue,
                    following.arg as usize,
                    next,
                );
                return Ok(2);
            }
        }
        let boxed = self.box_bool(condition);
        self.push(boxed, Kind::Bool);
        Ok(1)
    }
}

/// How an arithmetic or comparison instruction is compiled.
#[derive(Clone, Copy)]
pub(super) enum NumericMode {
    Int,
    Float { mixed: bool },
    Generic,
}
