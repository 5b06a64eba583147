//! Int chains whose intermediate result leaves the inline range:
//! `seed = (seed * 1103515245 + 12345) % 2147483648` (word_count's generator). The product
//! needs more than 48 bits, so its guard deopted until the instruction went generic for good,
//! and every iteration then made two heap ints only to throw them away.
//!
//! Where an int `+`, `-` or `*` is followed by a small int constant and an int `+ - *` (or a
//! `//` or `%` by a positive constant) that consumes the result — nothing in between can read
//! it, deopt or branch — the result only has to fit an i64 (checked; past that it deopts as
//! before). It stays unboxed on the operand stack as a *deferred wide int*: the next
//! arithmetic takes the i64, and only a flush (a deopt in between) makes the value the frame
//! sees, through the `box_wide_int` fast path (a heap int where needed; it allocates and
//! never collects). The consumer's own result is boxed as usual (or is wide again, in a longer
//! chain). The consumer takes the int path even where its feedback saw heap ints — which is
//! what the interpreter saw there when the chain left the inline range.

use cranelift_codegen::ir::{types, InstBuilder, Value as IrValue};
use krait_compiler::Opcode;

use super::{Kind, Translator};

/// A stack slot whose value is the i64 `raw`, not yet boxed (see the module doc).
#[derive(Clone, Copy, Debug)]
pub(super) struct DeferredWide {
    pub slot: usize,
    pub raw: IrValue,
}

impl<'a, 'b> Translator<'a, 'b> {
    /// Whether the int result of the `BinaryOp` at `index` may stay a deferred wide int: a
    /// small int constant comes next, then a `BinaryOp` taking both as `+`, `-`, `*`, or `//`,
    /// `%` by a positive constant, all in the same block.
    pub(super) fn wide_consumer_follows(&self, index: usize) -> bool {
        const ADD: u32 = 0;
        const SUBTRACT: u32 = 1;
        const MULTIPLY: u32 = 2;
        const FLOOR_DIVIDE: u32 = 4;
        const REMAINDER: u32 = 5;
        // The chain ignores the consumer's feedback, so a deopt that keeps happening in it
        // (an i64 overflow, a quotient that stays wide) would recompile it the same way
        // again: after a few compilations the instructions follow their feedback.
        const MAX_COMPILATIONS: u32 = 3;
        if self.inlined.is_some()
            || self.environment.fast_paths.box_wide_int == 0
            || self.code.profile.compilations.get() >= MAX_COMPILATIONS
        {
            return false;
        }
        let instructions = &self.code.code.instructions;
        let (Some(next), Some(after)) = (instructions.get(index + 1), instructions.get(index + 2))
        else {
            return false;
        };
        if self.analysis.block_start[index + 1]
            || self.analysis.block_start[index + 2]
            || next.opcode != Opcode::LoadConst
            || after.opcode != Opcode::BinaryOp
        {
            return false;
        }
        let Some(constant) = self
            .code
            .constants
            .get(next.arg as usize)
            .and_then(|constant| constant.as_small_int())
        else {
            return false;
        };
        match after.arg % 13 {
            ADD | SUBTRACT | MULTIPLY => true,
            FLOOR_DIVIDE | REMAINDER => constant > 0,
            _ => false,
        }
    }

    /// Whether the `BinaryOp` at the current point takes a deferred wide int on its left and a
    /// known int on its right.
    pub(super) fn wide_left_operand(&mut self) -> bool {
        let depth = self.depth;
        let right_is_int = self.peek(0).1 == Kind::Int;
        right_is_int
            && self
                .deferred_wide
                .is_some_and(|deferred| deferred.slot + 2 == depth)
    }

    /// Pushes the i64 `raw` as a deferred wide int.
    pub(super) fn push_wide(&mut self, raw: IrValue) {
        // A stand-in for the stack variable: nothing reads it before the consumer, which takes
        // `raw`; a flush writes the real value instead.
        let stand_in = self.box_int(raw);
        self.push(stand_in, Kind::Int);
        self.deferred_wide = Some(DeferredWide {
            slot: self.depth - 1,
            raw,
        });
    }

    /// The value a flush writes for stack slot `slot` when it holds a deferred wide int.
    pub(super) fn flushed_wide(&mut self, slot: usize) -> Option<IrValue> {
        let deferred = self
            .deferred_wide
            .filter(|deferred| deferred.slot == slot)?;
        let callee = self
            .builder
            .ins()
            .iconst(types::I64, self.environment.fast_paths.box_wide_int as i64);
        let zero = self.zero();
        let instruction = self.builder.ins().iconst(types::I32, 0);
        let call = self.builder.ins().call_indirect(
            self.helper_signature,
            callee,
            &[self.vm, zero, instruction, deferred.raw, zero],
        );
        Some(self.builder.inst_results(call)[0])
    }

    /// After an instruction popped the operand stack: a deferred wide int it took is gone.
    pub(super) fn settle_wide(&mut self) {
        if self
            .deferred_wide
            .is_some_and(|deferred| deferred.slot >= self.depth)
        {
            self.deferred_wide = None;
        }
    }
}
