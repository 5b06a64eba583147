//! Slices of sequences: `BuildSlice` followed by the subscript that uses it (`items[a:b]`,
//! `items[a:b:c] = value`) compiles as one operation that never makes the slice object.
//!
//! - Where the interpreter only ever sliced an exact list with None or small int bounds there
//!   (its `BuildSlice` feedback is `SEEN_INT`), a load is **deferred**: the container and the
//!   bounds are guarded (`NotAListSlice` deopts, counted, so a site that sees something else
//!   is recompiled with the general path), and the new list is not made yet. The stack slot
//!   holds the source list meanwhile, and the translator remembers the bounds. If the next
//!   instructions only load values and do int arithmetic (which run no Python code and
//!   change no list) and then store the value into a slice of an exact list —
//!   `perm[:k + 1] = perm[k::-1]` — the assignment copies the source's items straight into
//!   the target (the `assign_list_slice` fast path), so the temporary list, its table and the
//!   collection it would cost are never made. Anything else *settles* the deferred slice
//!   first: the `list_slice` fast path makes the list, as the interpreter would have at the
//!   load (nothing that ran since could have changed the source). A flush — before a deopt or
//!   a helper that raises — writes the made list to the frame, so the interpreter never sees
//!   the deferred form.
//! - Every other slice site makes one helper call for both instructions
//!   (`slice_subscript`, `store_slice_subscript`): exact lists, tuples and strs with None or
//!   small int bounds are sliced from the parts, anything else runs the two instructions as
//!   the interpreter does.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    types, Block, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, Value as IrValue,
};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::{SEEN_INT, SEEN_OPERANDS};
use krait_runtime::Value;

use super::{Kind, Translator, PAYLOAD_MASK};
use crate::DeoptReason;

/// A list slice loaded but not made yet: the stack slot holds the source list; the bounds
/// (None or small ints, checked) are kept here. See the module documentation.
#[derive(Clone, Copy, Debug)]
pub(super) struct DeferredSlice {
    /// The operand stack slot of the slice's value.
    pub slot: usize,
    pub start: IrValue,
    pub stop: IrValue,
    pub step: IrValue,
}

/// `BinaryOp` operators whose int form only guards (deopts) and never calls the vm.
const GUARDED_INT_OPERATORS: [u32; 10] = [0, 1, 2, 4, 5, 8, 9, 10, 11, 12];

impl<'a, 'b> Translator<'a, 'b> {
    /// Whether the `BuildSlice` at `index` (with `arg` parts) is followed by the subscript
    /// that uses it, so that both compile as one (see the module documentation).
    pub(super) fn fused_slice_site(&self, index: usize, arg: u32) -> bool {
        let instructions = &self.code.code.instructions;
        (arg == 2 || arg == 3)
            && matches!(
                instructions.get(index + 1).map(|next| next.opcode),
                Some(Opcode::BinarySubscr | Opcode::StoreSubscr)
            )
            && !self.analysis.block_start[index + 1]
    }

    /// Whether the `BuildSlice` at `index` only ever sliced exact lists with plain bounds.
    fn list_slice_site(&self, index: usize) -> bool {
        self.layout().is_some() && self.feedback[index] & SEEN_OPERANDS == SEEN_INT
    }

    /// `BuildSlice` at `index` and the subscript after it; returns 2 (instructions consumed).
    pub(super) fn slice_subscript(&mut self, index: usize, arg: u32) -> usize {
        let subscript = index + 1;
        if self.instruction_counters != 0 {
            self.count_instruction(subscript);
        }
        let list_site = self.list_slice_site(index);
        if self.code.code.instructions[subscript].opcode == Opcode::BinarySubscr {
            if list_site {
                self.defer_list_slice(index, arg);
            } else {
                let helper = self.environment.sequences.slice_subscript;
                let result = self.call_helper(helper, subscript, i64::from(arg), 0);
                self.depth -= arg as usize + 1;
                self.push(result, Kind::Unknown);
            }
            return 2;
        }
        let value_slot = self.depth - arg as usize - 2;
        match self.deferred_slice {
            Some(deferred) if list_site && deferred.slot == value_slot => {
                self.assign_from_deferred(index, arg, deferred);
            }
            _ => {
                self.settle_deferred_slice();
                let helper = self.environment.sequences.store_slice_subscript;
                self.call_helper(helper, subscript, i64::from(arg), 0);
                self.depth -= arg as usize + 2;
            }
        }
        2
    }

    /// Whether the instruction at `index` can run while a list slice is deferred: it leaves
    /// the slot alone, runs no Python code and calls nothing that could change a list (it
    /// only loads, or does int arithmetic behind guards), or it is the slice assignment that
    /// takes the deferred value.
    pub(super) fn defers_through(&mut self, index: usize) -> bool {
        let Some(deferred) = self.deferred_slice else {
            return true;
        };
        let instruction = self.code.code.instructions[index];
        match instruction.opcode {
            Opcode::LoadFast | Opcode::LoadConst => true,
            Opcode::BinaryOp => {
                self.depth >= deferred.slot + 3
                    && GUARDED_INT_OPERATORS.contains(&(instruction.arg % 13))
                    && matches!(
                        self.numeric_mode(index),
                        super::arithmetic::NumericMode::Int
                    )
            }
            Opcode::BuildSlice => {
                self.fused_slice_site(index, instruction.arg)
                    && self.code.code.instructions[index + 1].opcode == Opcode::StoreSubscr
                    && self.list_slice_site(index)
                    && self.depth == deferred.slot + instruction.arg as usize + 2
            }
            _ => false,
        }
    }

    /// Guards the operands of a `BuildSlice` with `arg` parts on the stack under an exact list:
    /// start and stop are ints or None, a step (when `arg == 3`) a non-zero int or None. Returns
    /// (start, stop, step), step being None when the slice has two parts.
    fn guard_slice_operands(&mut self, index: usize, arg: u32) -> (IrValue, IrValue, IrValue) {
        let step = if arg == 3 {
            let (step, _) = self.peek(0);
            self.guard_slice_bound(step, true, index);
            step
        } else {
            self.none()
        };
        let parts = arg as usize;
        let (stop, _) = self.peek(parts - 2);
        let (start, _) = self.peek(parts - 1);
        self.guard_slice_bound(start, false, index);
        self.guard_slice_bound(stop, false, index);
        self.guard_exact_list(parts, index);
        (start, stop, step)
    }

    /// A list slice loaded at `index` (`BuildSlice` with `arg` parts, then `BinarySubscr`):
    /// guards the container and bounds and defers making the list.
    fn defer_list_slice(&mut self, index: usize, arg: u32) {
        self.settle_deferred_slice();
        let (start, stop, step) = self.guard_slice_operands(index, arg);
        let parts = arg as usize;
        let (container, _) = self.peek(parts);
        self.depth -= parts + 1;
        self.push(container, Kind::Unknown);
        self.deferred_slice = Some(DeferredSlice {
            slot: self.depth - 1,
            start,
            stop,
            step,
        });
    }

    /// `target[a:b:c] = <deferred source slice>`: guards the target and its bounds, then
    /// copies the items across; an extended slice of another length deopts (the interpreter
    /// raises ValueError).
    fn assign_from_deferred(&mut self, index: usize, arg: u32, deferred: DeferredSlice) {
        let (start, stop, step) = self.guard_slice_operands(index, arg);
        let parts = arg as usize;
        let (target, _) = self.peek(parts);
        let source = self.builder.use_var(self.stack_variables[deferred.slot]);
        let general = self.builder.create_block();
        let join = self.builder.create_block();
        if arg == 2 {
            self.reverse_in_place(target, (start, stop), source, deferred, general, join);
        } else {
            self.builder.ins().jump(general, &[]);
        }
        self.builder.switch_to_block(general);
        let address = self.parts_address(&[
            target,
            start,
            stop,
            step,
            source,
            deferred.start,
            deferred.stop,
            deferred.step,
        ]);
        let fast = self.environment.sequences.assign_list_slice;
        let zero = self.zero();
        let immediate = self.builder.ins().iconst(types::I32, 0);
        let result = self.call_helper_raw(fast, address, immediate, zero, zero);
        let done = self.builder.ins().icmp_imm_s(IntCC::Equal, result, 1);
        // A deopt here flushes, which makes the source's list.
        self.guard(done, index, DeoptReason::NotAListSlice);
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(join);
        self.deferred_slice = None;
        self.depth -= parts + 2;
    }

    /// `items[a:b] = items[c:d:-1]` where it reverses a run of the list in place (the
    /// prefix reversal `perm[:k + 1] = perm[k::-1]`, or any `items[i:j] = items[j - 1:i - 1:-1]`):
    /// the bounds resolved and the items swapped inline, then on to `join`. Anything else —
    /// another list, another step, bounds that do not mirror each other — goes to `general`.
    fn reverse_in_place(
        &mut self,
        target: IrValue,
        (start, stop): (IrValue, IrValue),
        source: IrValue,
        deferred: DeferredSlice,
        general: Block,
        join: Block,
    ) {
        let Some(layout) = self.layout() else {
            self.builder.ins().jump(general, &[]);
            return;
        };
        let same = self.builder.ins().icmp(IntCC::Equal, target, source);
        let minus_one = Value::small_int(-1).map_or(0, Value::bits) as i64;
        let backwards = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, deferred.step, minus_one);
        let candidate = self.builder.ins().band(same, backwards);
        let resolve = self.builder.create_block();
        self.builder
            .ins()
            .brif(candidate, resolve, &[], general, &[]);
        self.builder.switch_to_block(resolve);
        let list = self.builder.ins().band_imm_s(target, PAYLOAD_MASK);
        let items =
            self.builder
                .ins()
                .load(types::I64, MemFlagsData::trusted(), list, layout.list_items);
        let length = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            list,
            layout.list_length,
        );
        let zero = self.builder.ins().iconst(types::I64, 0);
        let before_first = self.builder.ins().iconst(types::I64, -1);
        let last = self.builder.ins().iadd_imm_s(length, -1);
        // As `clamp_slice`: the target's step is 1, the source's -1.
        let first = self.clamp_bound(start, length, (zero, length), zero);
        let end = self.clamp_bound(stop, length, (zero, length), length);
        let top = self.clamp_bound(deferred.start, length, (before_first, last), last);
        let bottom = self.clamp_bound(deferred.stop, length, (before_first, last), before_first);
        let span = self.builder.ins().isub(end, first);
        let count = self.builder.ins().smax(span, zero);
        let source_span = self.builder.ins().isub(top, bottom);
        let source_count = self.builder.ins().smax(source_span, zero);
        let same_count = self.builder.ins().icmp(IntCC::Equal, count, source_count);
        let end_of_run = self.builder.ins().iadd(first, count);
        let last_of_run = self.builder.ins().iadd_imm_s(end_of_run, -1);
        let mirrored = self.builder.ins().icmp(IntCC::Equal, top, last_of_run);
        let empty = self.builder.ins().icmp_imm_s(IntCC::Equal, count, 0);
        let aligned = self.builder.ins().bor(mirrored, empty);
        let reversal = self.builder.ins().band(same_count, aligned);
        let header = self.builder.create_block();
        self.builder.append_block_param(header, types::I64);
        self.builder.append_block_param(header, types::I64);
        self.builder.ins().brif(
            reversal,
            header,
            &[first.into(), last_of_run.into()],
            general,
            &[],
        );
        self.builder.switch_to_block(header);
        let low = self.builder.block_params(header)[0];
        let high = self.builder.block_params(header)[1];
        let more = self.builder.ins().icmp(IntCC::SignedLessThan, low, high);
        let swap = self.builder.create_block();
        self.builder.ins().brif(more, swap, &[], join, &[]);
        self.builder.switch_to_block(swap);
        let low_offset = self.builder.ins().ishl_imm_s(low, 3);
        let low_address = self.builder.ins().iadd(items, low_offset);
        let high_offset = self.builder.ins().ishl_imm_s(high, 3);
        let high_address = self.builder.ins().iadd(items, high_offset);
        let low_item = self.load_at(low_address, 0);
        let high_item = self.load_at(high_address, 0);
        self.builder
            .ins()
            .store(MemFlagsData::trusted(), high_item, low_address, 0);
        self.builder
            .ins()
            .store(MemFlagsData::trusted(), low_item, high_address, 0);
        let next_low = self.builder.ins().iadd_imm_s(low, 1);
        let next_high = self.builder.ins().iadd_imm_s(high, -1);
        self.builder
            .ins()
            .jump(header, &[next_low.into(), next_high.into()]);
    }

    /// A slice bound (None or a small int, checked) resolved against `length` as
    /// `clamp_slice` does: None is `absent`, a negative bound counts from the end and is
    /// clamped up to `lower`, another is clamped down to `upper`.
    fn clamp_bound(
        &mut self,
        bound: IrValue,
        length: IrValue,
        (lower, upper): (IrValue, IrValue),
        absent: IrValue,
    ) -> IrValue {
        let is_none = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, bound, Value::NONE.bits() as i64);
        let raw = self.unbox_int(bound);
        let negative = self.builder.ins().icmp_imm_s(IntCC::SignedLessThan, raw, 0);
        let from_end = self.builder.ins().iadd(raw, length);
        let raised = self.builder.ins().smax(from_end, lower);
        let lowered = self.builder.ins().smin(raw, upper);
        let clamped = self.builder.ins().select(negative, raised, lowered);
        self.builder.ins().select(is_none, absent, clamped)
    }

    /// Makes the deferred list slice, if any: its stack slot then holds the new list.
    pub(super) fn settle_deferred_slice(&mut self) {
        let Some(deferred) = self.deferred_slice.take() else {
            return;
        };
        let list = self.make_deferred_list(deferred);
        self.builder
            .def_var(self.stack_variables[deferred.slot], list);
        self.stack_kinds[deferred.slot] = Kind::List;
        self.stack_local[deferred.slot] = None;
        self.stack_raw[deferred.slot] = None;
    }

    /// The deferred slice as a new list (the stack slot is left as it is: a flush stores the
    /// result instead, on a path that leaves the compiled code).
    pub(super) fn make_deferred_list(&mut self, deferred: DeferredSlice) -> IrValue {
        let source = self.builder.use_var(self.stack_variables[deferred.slot]);
        let address = self.parts_address(&[source, deferred.start, deferred.stop, deferred.step]);
        let fast = self.environment.sequences.list_slice;
        let zero = self.zero();
        let immediate = self.builder.ins().iconst(types::I32, 0);
        self.call_helper_raw(fast, address, immediate, zero, zero)
    }

    /// Deopts at `index` unless `bound` is None or a small int (`nonzero`: and not 0, for a
    /// step).
    fn guard_slice_bound(&mut self, bound: IrValue, nonzero: bool, index: usize) {
        let is_none = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, bound, Value::NONE.bits() as i64);
        let is_int = self.is_int(bound);
        let mut plain = self.builder.ins().bor(is_none, is_int);
        if nonzero {
            let zero = Value::small_int(0).map_or(0, Value::bits) as i64;
            let not_zero = self.builder.ins().icmp_imm_s(IntCC::NotEqual, bound, zero);
            plain = self.builder.ins().band(plain, not_zero);
        }
        self.guard(plain, index, DeoptReason::NotAListSlice);
    }

    /// Deopts at `index` unless the value `from_top` is an exact list.
    fn guard_exact_list(&mut self, from_top: usize, index: usize) {
        let (value, kind) = self.peek(from_top);
        if kind == Kind::List {
            return;
        }
        let Some(layout) = self.layout() else {
            unreachable!("list_slice_site checks the layout");
        };
        let tag = self.builder.ins().ushr_imm_s(value, 48);
        let is_object = self.builder.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFA);
        self.guard(is_object, index, DeoptReason::NotAListSlice);
        let address = self.builder.ins().band_imm_s(value, PAYLOAD_MASK);
        let found =
            self.builder
                .ins()
                .uload8(types::I32, MemFlagsData::trusted(), address, layout.kind);
        let is_list = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, found, Layout::List as i64);
        self.guard(is_list, index, DeoptReason::NotAListSlice);
        self.set_kind(from_top, Kind::List);
    }

    fn none(&mut self) -> IrValue {
        self.builder
            .ins()
            .iconst(types::I64, Value::NONE.bits() as i64)
    }

    /// Stores `values` in the function's parts area (a stack slot of eight values, made when
    /// first needed) and returns its address, for the fast paths that take more operands than
    /// the helpers' signature carries.
    fn parts_address(&mut self, values: &[IrValue]) -> IrValue {
        let slot = match self.parts_slot {
            Some(slot) => slot,
            None => {
                let slot = self.builder.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    64,
                    3,
                ));
                self.parts_slot = Some(slot);
                slot
            }
        };
        for (position, &value) in values.iter().enumerate() {
            self.builder
                .ins()
                .stack_store(types::I64, value, slot, (position * 8) as i32);
        }
        self.builder.ins().stack_addr(types::I64, slot, 0)
    }
}
