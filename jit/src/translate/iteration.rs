//! `ForIter` (the next item of an iterator, or the loop's exit) and `UnpackSequence`.
//!
//! A range iterator is advanced inline. Where the interpreter's feedback says this instruction
//! only ever saw range iterators, that is all the compiled code handles: anything else (or a
//! next value outside the inline int range) deopts, so the loop holds no call — a call clobbers
//! every float register, and values carried around the loop would be spilled to the stack —
//! and the loop variable is a known int with its unboxed value. Otherwise the compiled code
//! takes a range iterator inline (only where ranges were seen too), a list or tuple iterator
//! inline (forward, or `reversed` where such iterators were seen: `builtin_iterators.rs`), a
//! generator through its own helper (which resumes its compiled code directly), `enumerate`
//! and `zip` inline where the item is unpacked at once, then the iteration fast paths, then
//! the generic helper.
//! Unpacking a tuple or list of the expected length is inline too, and `iter(range(...))` of
//! small ints makes the range iterator without the range object or the call machinery.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData, SourceLoc, Value as IrValue};
use krait_compiler::Opcode;
use krait_runtime::layout::{Kind as Layout, Offsets};
use krait_runtime::profile::{EXIT_MARKER, SEEN_ADAPTER, SEEN_INT, SEEN_OPERANDS};
use krait_runtime::Value;

use super::{Kind, Translator};
use crate::DeoptReason;

impl<'a, 'b> Translator<'a, 'b> {
    /// Translates `ForIter` at `index` (exit target `arg`), and the `UnpackSequence` after it
    /// where it takes the item apart at once (see `fused_unpack`); returns how many
    /// instructions it consumed.
    pub(super) fn for_iter(&mut self, index: usize, arg: u32) -> Result<usize, String> {
        if let Some(layout) = self.layout() {
            if let Some(range_loop) = self.range_loops.get(&index).copied() {
                self.range_loop_next(index, arg, layout, range_loop);
                return Ok(1);
            }
            if self.feedback[index] & SEEN_OPERANDS == SEEN_INT {
                self.range_only(index, arg, layout);
                return Ok(1);
            }
        }
        let unpack = self.fused_unpack(index);
        let (iterator, _) = self.peek(0);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let not_range = self.builder.create_block();
        // (Where the interpreter never saw a range iterator here, none is looked for.)
        let saw_range = self.feedback[index] & SEEN_INT != 0;
        // (`reversed`, `enumerate` and `zip` inline only where the interpreter saw one, or
        // nothing yet: their code is large.)
        let adapters =
            self.feedback[index] & SEEN_OPERANDS == 0 || self.feedback[index] & SEEN_ADAPTER != 0;
        if let Some(layout) = self.layout().filter(|_| saw_range) {
            // A range iterator, inline: the next value while it fits inline.
            let range = self.object_of_kind(iterator, Layout::RangeIterator, not_range);
            let next = self.load_at(range, layout.range_next);
            let more = self.range_has_more(range, next, layout);
            let produce = self.builder.create_block();
            let null = self
                .builder
                .ins()
                .iconst(types::I64, Value::NULL.bits() as i64);
            self.builder
                .ins()
                .brif(more, produce, &[], join, &[null.into()]);
            self.builder.switch_to_block(produce);
            let fits = self.fits_inline(next);
            let store = self.builder.create_block();
            self.builder.ins().brif(fits, store, &[], not_range, &[]);
            self.builder.switch_to_block(store);
            let step = self.load_at(range, layout.range_step);
            let advanced = self.builder.ins().iadd(next, step);
            self.builder
                .ins()
                .store(MemFlagsData::trusted(), advanced, range, layout.range_next);
            let boxed = self.box_int(next);
            self.builder.ins().jump(join, &[boxed.into()]);
        } else {
            self.builder.ins().jump(not_range, &[]);
        }
        self.builder.switch_to_block(not_range);
        if let Some(layout) = self.layout() {
            let not_sequence = self.builder.create_block();
            self.sequence_next(iterator, join, not_sequence, layout);
            self.builder.switch_to_block(not_sequence);
            if adapters {
                let not_reversed = self.builder.create_block();
                self.reversed_next(iterator, join, not_reversed, layout);
                self.builder.switch_to_block(not_reversed);
            }
            // A generator: resumed by its own helper, without the fast path's call and the
            // general helper's checks for other iterators.
            let not_generator = self.builder.create_block();
            self.object_of_kind(iterator, Layout::Generator, not_generator);
            let zero = self.builder.ins().iconst(types::I64, 0);
            let helper = self.environment.helpers.generator_next;
            let next = self.call_helper_values(helper, index, iterator, zero);
            self.builder.ins().jump(join, &[next.into()]);
            self.builder.switch_to_block(not_generator);
        }
        // enumerate, zip, dict items: the item's parts without the item — inline for
        // enumerate and zip over lists and tuples, else through `iterate_unpack`.
        let unpacked = unpack.map(|count| {
            let unpacked = self.builder.create_block();
            for _ in 0..count {
                self.builder.append_block_param(unpacked, types::I64);
            }
            if let (2, Some(layout), true) = (count, self.layout(), adapters) {
                let not_enumerate = self.builder.create_block();
                self.enumerate_next(iterator, join, unpacked, not_enumerate, layout);
                self.builder.switch_to_block(not_enumerate);
                let not_zip = self.builder.create_block();
                self.zip_pair_next(iterator, join, unpacked, not_zip, layout);
                self.builder.switch_to_block(not_zip);
            }
            self.iterate_unpacked(iterator, count, join, unpacked);
            unpacked
        });
        let zero = self.builder.ins().iconst(types::I64, 0);
        let immediate = self.builder.ins().iconst(types::I32, 0);
        let fast = self.environment.fast_paths.iterate;
        let quick = self.call_helper_raw(fast, zero, immediate, iterator, zero);
        let missed = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, quick, EXIT_MARKER as i64);
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);
        self.builder
            .ins()
            .brif(missed, slow, &[], join, &[quick.into()]);
        self.builder.switch_to_block(slow);
        let helper = self.environment.helpers.for_iter;
        let general = self.call_helper_values(helper, index, iterator, zero);
        self.builder.ins().jump(join, &[general.into()]);
        self.builder.switch_to_block(join);
        let next_value = self.builder.block_params(join)[0];
        let exhausted =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, next_value, Value::NULL.bits() as i64);
        let done = self.builder.create_block();
        let more = self.builder.create_block();
        self.builder.ins().brif(exhausted, done, &[], more, &[]);
        self.builder.switch_to_block(done);
        let target = self.edge(index, arg as usize);
        self.builder.ins().jump(target, &[]);
        self.emit_edge_checks();
        self.builder.switch_to_block(more);
        self.push(next_value, Kind::Unknown);
        let (Some(count), Some(unpacked)) = (unpack, unpacked) else {
            return Ok(1);
        };
        // The item made on the other paths is unpacked as usual; both paths meet with the
        // unpacked values on the stack.
        let unpack_index = index + 1;
        self.builder.set_srcloc(SourceLoc::new(unpack_index as u32));
        if self.instruction_counters != 0 {
            self.count_instruction(unpack_index);
        }
        self.instruction(unpack_index)?;
        let base = self.depth - count;
        let values: Vec<_> = (base..self.depth)
            .map(|slot| self.builder.use_var(self.stack_variables[slot]).into())
            .collect();
        self.builder.ins().jump(unpacked, &values);
        self.builder.switch_to_block(unpacked);
        for (position, slot) in (base..self.depth).enumerate() {
            let value = self.builder.block_params(unpacked)[position];
            self.builder.def_var(self.stack_variables[slot], value);
            self.stack_kinds[slot] = Kind::Unknown;
            self.stack_expected[slot].clear();
            self.stack_local[slot] = None;
            self.stack_raw[slot] = None;
        }
        Ok(2)
    }

    /// The count of the `UnpackSequence` after the `ForIter` at `index`, where it can compile
    /// with it: 2 to 8 values, the inline unpacking available, and reached from nowhere else.
    fn fused_unpack(&self, index: usize) -> Option<usize> {
        let instructions = &self.code.code.instructions;
        let next = instructions.get(index + 1)?;
        let count = next.arg as usize;
        let elsewhere = instructions.iter().any(|instruction| {
            crate::analysis::jump_target(instruction.opcode, instruction.arg) == Some(index + 1)
        });
        (next.opcode == Opcode::UnpackSequence
            && (2..=8).contains(&count)
            && self.layout().is_some()
            && !elsewhere)
            .then_some(count)
    }

    /// Calls the `iterate_unpack` fast path on `iterator` for `count` values, written to the
    /// frame's operand slots above the iterator: where it wrote them, they go to `unpacked`
    /// (its parameters: the stack slots above the iterator, bottom first); where the iterator
    /// is exhausted, NULL goes to `join`; otherwise the code goes on in a new block.
    fn iterate_unpacked(&mut self, iterator: IrValue, count: usize, join: Block, unpacked: Block) {
        let locals = self.locals();
        let out = self
            .builder
            .ins()
            .iadd_imm_s(locals, Self::slot_offset(self.slots + self.depth) as i64);
        let zero = self.zero();
        let immediate = self.builder.ins().iconst(types::I32, count as i64);
        let fast = self.environment.sequences.iterate_unpack;
        let result = self.call_helper_raw(fast, out, immediate, iterator, zero);
        let wrote = self.builder.ins().icmp_imm_s(IntCC::Equal, result, 1);
        let load = self.builder.create_block();
        let other = self.builder.create_block();
        self.builder.ins().brif(wrote, load, &[], other, &[]);
        self.builder.switch_to_block(load);
        let values: Vec<_> = (0..count)
            .map(|position| self.load_slot(self.slots + self.depth + position).into())
            .collect();
        self.builder.ins().jump(unpacked, &values);
        self.builder.switch_to_block(other);
        let exhausted =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, result, Value::NULL.bits() as i64);
        let rest = self.builder.create_block();
        self.builder
            .ins()
            .brif(exhausted, join, &[result.into()], rest, &[]);
        self.builder.switch_to_block(rest);
    }

    /// `ForIter` on what can only be a range iterator (deopting otherwise).
    fn range_only(&mut self, index: usize, arg: u32, layout: Offsets) {
        let (iterator, _) = self.peek(0);
        let other = self.builder.create_block();
        self.builder.set_cold_block(other);
        let range = self.object_of_kind(iterator, Layout::RangeIterator, other);
        let next = self.load_at(range, layout.range_next);
        let more = self.range_has_more(range, next, layout);
        let produce = self.builder.create_block();
        let done = self.builder.create_block();
        self.builder.ins().brif(more, produce, &[], done, &[]);
        self.builder.switch_to_block(done);
        let target = self.edge(index, arg as usize);
        self.builder.ins().jump(target, &[]);
        self.emit_edge_checks();
        self.builder.switch_to_block(other);
        self.emit_deopt(index, DeoptReason::NotARange);
        self.builder.switch_to_block(produce);
        let fits = self.fits_inline(next);
        let store = self.builder.create_block();
        let too_big = self.builder.create_block();
        self.builder.set_cold_block(too_big);
        self.builder.ins().brif(fits, store, &[], too_big, &[]);
        self.builder.switch_to_block(too_big);
        self.emit_deopt(index, DeoptReason::NotARange);
        self.builder.switch_to_block(store);
        self.guards += 1;
        let step = self.load_at(range, layout.range_step);
        let advanced = self.builder.ins().iadd(next, step);
        self.builder
            .ins()
            .store(MemFlagsData::trusted(), advanced, range, layout.range_next);
        let boxed = self.box_int(next);
        self.push(boxed, Kind::Int);
    }

    /// A list or tuple iterator, inline: jumps to `join` with the next item (advancing the
    /// iterator) or with NULL at the end (as the interpreter, the iterator stays at the end);
    /// to `otherwise` for any other iterator.
    fn sequence_next(&mut self, iterator: IrValue, join: Block, otherwise: Block, layout: Offsets) {
        let address = self.object_of_kind(iterator, Layout::SequenceIterator, otherwise);
        let sequence = self.load_at(address, layout.sequence_iterator_sequence);
        let position = self.load_at(address, layout.sequence_iterator_index);
        let super::builtin_iterators::Items {
            pointer: items,
            length,
        } = self.list_or_tuple_items(sequence, otherwise, layout);
        let more = self
            .builder
            .ins()
            .icmp(IntCC::UnsignedLessThan, position, length);
        let produce = self.builder.create_block();
        let null = self
            .builder
            .ins()
            .iconst(types::I64, Value::NULL.bits() as i64);
        self.builder
            .ins()
            .brif(more, produce, &[], join, &[null.into()]);
        self.builder.switch_to_block(produce);
        let offset = self.builder.ins().ishl_imm_s(position, 3);
        let slot = self.builder.ins().iadd(items, offset);
        let item = self.load_at(slot, 0);
        let advanced = self.builder.ins().iadd_imm_s(position, 1);
        self.builder.ins().store(
            MemFlagsData::trusted(),
            advanced,
            address,
            layout.sequence_iterator_index,
        );
        self.builder.ins().jump(join, &[item.into()]);
    }

    /// `UnpackSequence` of a tuple or list of exactly `count` items, inline (the first item
    /// ends on top); anything else jumps to `fallback`.
    pub(super) fn unpack_inline(&mut self, count: u32, fallback: Block) -> bool {
        let Some(layout) = self.layout() else {
            return false;
        };
        let (sequence, _) = self.peek(0);
        let found = self.builder.create_block();
        self.builder.append_block_param(found, types::I64);
        self.builder.append_block_param(found, types::I64);
        let not_tuple = self.builder.create_block();
        let tuple = self.object_of_kind(sequence, Layout::Tuple, not_tuple);
        let items = self.load_at(tuple, layout.tuple_items);
        let length = self.load_at(tuple, layout.tuple_length);
        self.builder
            .ins()
            .jump(found, &[items.into(), length.into()]);
        self.builder.switch_to_block(not_tuple);
        let list = self.object_of_kind(sequence, Layout::List, fallback);
        let items = self.load_at(list, layout.list_items);
        let length = self.load_at(list, layout.list_length);
        self.builder
            .ins()
            .jump(found, &[items.into(), length.into()]);
        self.builder.switch_to_block(found);
        let items = self.builder.block_params(found)[0];
        let length = self.builder.block_params(found)[1];
        let exact = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, length, i64::from(count));
        let unpack = self.builder.create_block();
        self.builder.ins().brif(exact, unpack, &[], fallback, &[]);
        self.builder.switch_to_block(unpack);
        let values: Vec<IrValue> = (0..count)
            .map(|position| self.load_at(items, position as i32 * 8))
            .collect();
        self.pop();
        for &value in values.iter().rev() {
            self.push(value, Kind::Unknown);
        }
        true
    }

    /// `UnpackSequence` through the unpacking fast path, or the generic helper.
    pub(super) fn unpack_fast_or_generic(&mut self, index: usize, count: u32) {
        let (sequence, _) = self.peek(0);
        let fast = self.environment.fast_paths.unpack;
        let zero = self.zero();
        let locals = self.locals();
        let out = self.builder.ins().iadd_imm_s(
            locals,
            Self::slot_offset(self.slots + self.depth - 1) as i64,
        );
        self.fast_or_generic(
            index,
            Opcode::UnpackSequence,
            count,
            fast,
            out,
            i64::from(count),
            (sequence, zero),
            |this, _| {
                this.pop();
                for _ in 0..count {
                    let value = this.load_slot(this.slots + this.depth);
                    this.push(value, Kind::Unknown);
                }
            },
        );
    }

    /// Whether the `Call` at `index` is `range(...)` (1 to 3 arguments) whose result goes
    /// straight to `GetIter`, with `range` the value its global held at compile time.
    pub(super) fn range_call_site(&self, index: usize, count: u32) -> bool {
        let range_type = self.environment.range_type;
        let next = index + 1;
        (1..=3).contains(&count)
            && self
                .code
                .code
                .instructions
                .get(next)
                .is_some_and(|following| following.opcode == Opcode::GetIter)
            && !self.analysis.block_start[next]
            && self.stack_expected[self.depth - 1 - count as usize].contains(&range_type)
    }

    /// `range(...)` then `GetIter` (see `range_call_site`): where the callable is the builtin
    /// `range` and the arguments small ints, the range iterator is made at once (the range
    /// object would be dropped straight away); otherwise the call and `GetIter` run as usual.
    /// Consumes both instructions.
    pub(super) fn range_iterator_call(&mut self, index: usize, count: u32) -> usize {
        let range_type = self.environment.range_type;
        let (callable, _) = self.peek(count as usize);
        let join = self.builder.create_block();
        let usual = self.builder.create_block();
        self.builder.set_cold_block(usual);
        let try_direct = self.builder.create_block();
        let is_range =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, callable, range_type.bits() as i64);
        self.builder
            .ins()
            .brif(is_range, try_direct, &[], usual, &[]);
        self.builder.switch_to_block(try_direct);
        let helper = self.environment.helpers.range_iterator;
        let stack_pointer = self.flush(self.depth);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let arguments = self.builder.ins().iconst(types::I64, i64::from(count));
        let zero = self.zero();
        let iterator = self.call_helper_raw(helper, stack_pointer, instruction, arguments, zero);
        let missed =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, iterator, Value::NULL.bits() as i64);
        let direct = self.builder.create_block();
        self.builder.ins().brif(missed, usual, &[], direct, &[]);
        self.builder.switch_to_block(direct);
        let depth = self.depth;
        self.depth -= count as usize + 1;
        self.push(iterator, Kind::Unknown);
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(usual);
        self.depth = depth;
        let call = self.environment.helpers.call;
        let result = self.call_helper(
            call,
            index,
            i64::from(Opcode::Call.to_byte()),
            i64::from(count),
        );
        self.depth -= count as usize + 1;
        self.push(result, Kind::Unknown);
        self.builder.set_srcloc(SourceLoc::new(index as u32 + 1));
        self.generic(index + 1, Opcode::GetIter, 0);
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(join);
        self.stack_kinds[self.depth - 1] = Kind::Unknown;
        2
    }

    /// Whether the range iterator at `range`, whose next value is `next`, has more (an i8).
    pub(super) fn range_has_more(
        &mut self,
        range: IrValue,
        next: IrValue,
        layout: Offsets,
    ) -> IrValue {
        let stop = self.load_at(range, layout.range_stop);
        let step = self.load_at(range, layout.range_step);
        let below = self.builder.ins().icmp(IntCC::SignedLessThan, next, stop);
        let above = self
            .builder
            .ins()
            .icmp(IntCC::SignedGreaterThan, next, stop);
        let upward = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::SignedGreaterThan, step, 0);
        self.builder.ins().select(upward, below, above)
    }
}
