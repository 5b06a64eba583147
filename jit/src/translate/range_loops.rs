//! Range loops with the iterator's state in registers.
//!
//! `for i in range(...)` advances a range iterator object on every iteration. Read from memory,
//! that is a tag check, a kind check, three loads, a comparison that depends on the step's
//! sign and an inline-range check of the value — about thirty instructions, more than the
//! body of a small float loop. At a loop header whose `ForIter` only ever saw range iterators,
//! the iterator's address, next value, stop and step live in Cranelift variables instead: the
//! first iteration after entering the loop reads them from the object, every later one tests
//! `next < stop` and adds the step in registers.
//!
//! What makes this simple and safe:
//!
//! - The object stays the truth. The advanced `next` is still stored to it on every
//!   iteration, so a deopt, a safepoint exit, a yield or a helper that flushes the stack leaves
//!   the interpreter an exact iterator; only the loads are saved.
//! - A `valid` variable says whether the registers hold this loop's iterator. It is false at
//!   the function's entry (so at every OSR and resume entry) and on every forward edge into
//!   the header — the loop being entered again, with a new iterator — and set by the first
//!   iteration. Back-edges carry it true. Python code cannot reach the iterator on the operand
//!   stack, so nothing else changes it while the loop runs.
//! - Only the easy ranges use registers: a positive step and next, stop and step in the inline
//!   int range, so every value produced fits inline and `next + step` cannot overflow. Any
//!   other range iterator takes the memory path of before, every iteration.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData};
use cranelift_frontend::Variable;
use krait_runtime::layout::{Kind as Layout, Offsets};

use super::{Kind, Translator};
use crate::DeoptReason;

/// The variables holding one range loop's iterator.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RangeLoop {
    /// An i8: whether the variables below hold the iterator on the stack.
    valid: Variable,
    /// The iterator object's address.
    address: Variable,
    next: Variable,
    stop: Variable,
    step: Variable,
}

impl RangeLoop {
    pub(crate) fn declare(builder: &mut cranelift_frontend::FunctionBuilder) -> RangeLoop {
        RangeLoop {
            valid: builder.declare_var(types::I8),
            address: builder.declare_var(types::I64),
            next: builder.declare_var(types::I64),
            stop: builder.declare_var(types::I64),
            step: builder.declare_var(types::I64),
        }
    }
}

impl<'a, 'b> Translator<'a, 'b> {
    /// Marks every range loop's registers invalid (at the function's entry, before the
    /// dispatch to its entries).
    pub(super) fn invalidate_range_loops(&mut self) {
        let loops: Vec<RangeLoop> = self.range_loops.values().copied().collect();
        for range_loop in loops {
            let invalid = self.builder.ins().iconst(types::I8, 0);
            self.builder.def_var(range_loop.valid, invalid);
        }
    }

    /// A forward edge into loop header `target` enters the loop afresh: its iterator is new.
    pub(super) fn entering_loop(&mut self, from: usize, target: usize) {
        if from >= target {
            return;
        }
        if let Some(range_loop) = self.range_loops.get(&target).copied() {
            let invalid = self.builder.ins().iconst(types::I8, 0);
            self.builder.def_var(range_loop.valid, invalid);
        }
    }

    /// `ForIter` at range loop header `index` (exit target `arg`): the next value from the
    /// registers, or from the object on the first iteration and for ranges not kept in
    /// registers; anything but a range iterator deopts.
    pub(super) fn range_loop_next(
        &mut self,
        index: usize,
        arg: u32,
        layout: Offsets,
        range_loop: RangeLoop,
    ) {
        let (iterator, _) = self.peek(0);
        let test = self.builder.create_block();
        let setup = self.builder.create_block();
        let done = self.builder.create_block();
        let produce = self.builder.create_block();
        self.builder.append_block_param(produce, types::I64);
        let valid = self.builder.use_var(range_loop.valid);
        self.builder.ins().brif(valid, test, &[], setup, &[]);

        // First iteration: read the object; keep it in registers if it is an easy range.
        self.builder.switch_to_block(setup);
        let other = self.builder.create_block();
        self.builder.set_cold_block(other);
        let range = self.object_of_kind(iterator, Layout::RangeIterator, other);
        let next = self.load_at(range, layout.range_next);
        let stop = self.load_at(range, layout.range_stop);
        let step = self.load_at(range, layout.range_step);
        let upward = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::SignedGreaterThan, step, 0);
        let mut easy = upward;
        for value in [next, stop, step] {
            let fits = self.fits_inline(value);
            easy = self.builder.ins().band(easy, fits);
        }
        let enter = self.builder.create_block();
        let memory = self.builder.create_block();
        self.builder.ins().brif(easy, enter, &[], memory, &[]);

        self.builder.switch_to_block(enter);
        let valid = self.builder.ins().iconst(types::I8, 1);
        self.builder.def_var(range_loop.valid, valid);
        self.builder.def_var(range_loop.address, range);
        self.builder.def_var(range_loop.next, next);
        self.builder.def_var(range_loop.stop, stop);
        self.builder.def_var(range_loop.step, step);
        self.builder.ins().jump(test, &[]);

        // Every iteration in registers: next < stop, then store the advanced value.
        self.builder.switch_to_block(test);
        let next = self.builder.use_var(range_loop.next);
        let stop = self.builder.use_var(range_loop.stop);
        let more = self.builder.ins().icmp(IntCC::SignedLessThan, next, stop);
        let advance = self.builder.create_block();
        self.builder.ins().brif(more, advance, &[], done, &[]);
        self.builder.switch_to_block(advance);
        let step = self.builder.use_var(range_loop.step);
        let advanced = self.builder.ins().iadd(next, step);
        let address = self.builder.use_var(range_loop.address);
        self.builder.ins().store(
            MemFlagsData::trusted(),
            advanced,
            address,
            layout.range_next,
        );
        self.builder.def_var(range_loop.next, advanced);
        self.builder.ins().jump(produce, &[next.into()]);

        // Other ranges, from memory every iteration (the registers stay invalid).
        self.builder.switch_to_block(memory);
        let next = self.load_at(range, layout.range_next);
        let more = self.range_has_more(range, next, layout);
        let memory_produce = self.builder.create_block();
        self.builder
            .ins()
            .brif(more, memory_produce, &[], done, &[]);
        self.builder.switch_to_block(memory_produce);
        let fits = self.fits_inline(next);
        let store = self.builder.create_block();
        let too_big = self.builder.create_block();
        self.builder.set_cold_block(too_big);
        self.builder.ins().brif(fits, store, &[], too_big, &[]);
        self.builder.switch_to_block(too_big);
        self.emit_deopt(index, DeoptReason::NotARange);
        self.builder.switch_to_block(store);
        let step = self.load_at(range, layout.range_step);
        let advanced = self.builder.ins().iadd(next, step);
        self.builder
            .ins()
            .store(MemFlagsData::trusted(), advanced, range, layout.range_next);
        self.builder.ins().jump(produce, &[next.into()]);

        self.builder.switch_to_block(other);
        self.emit_deopt(index, DeoptReason::NotARange);

        self.builder.switch_to_block(done);
        let target = self.edge(index, arg as usize);
        self.builder.ins().jump(target, &[]);
        self.emit_edge_checks();

        self.builder.switch_to_block(produce);
        self.guards += 1;
        let value = self.builder.block_params(produce)[0];
        let boxed = self.box_int(value);
        self.push(boxed, Kind::Int);
    }
}
