//! Instances allocated by compiled code itself: a heap slot taken from the allocator's cursor
//! and a slot buffer from the pool of spare buffers, written in place, with the
//! `new_shaped_instance` helper only when either has run out.
//!
//! A folded construction (`folded_init.rs`) needs nothing from the vm but memory. Through the
//! helper each one cost a call — every float register the caller kept alive spilled around it
//! — and the general allocation path. What compiled code does instead is what
//! `Heap::reserve` and `Heap::take_instance_slots` do in their common case, at offsets the
//! runtime measured (`krait_runtime::heap::AllocationLayout`, whose module documentation says
//! what must stay in step):
//!
//! - take the lowest free slot of the cursor's word (`cursor_free`, whose slots `refill`
//!   already marked in use), set its `needs_drop` bit (an instance owns its buffer), count the
//!   object live and its bytes allocated (for the collection trigger);
//! - pop a spare buffer of exactly the shape's attribute count (`refill` keeps the buffers of
//!   dead instances by capacity);
//! - write the object: the template's words (kind byte, payload tag), then the class, the
//!   shape (with one more count on it, as `Rc::clone` would), the buffer with its length and
//!   capacity, no extra state.
//!
//! **Why this is safe for the collector.** Allocation never collects (collections run only at
//! safepoints, and there is none here), so nothing can observe the object before compiled
//! code has written it and its slots, which the caller does right after. The object is then
//! exactly what `allocate_instance` would have made, so marking, sweeping, lazy dropping and
//! buffer reuse treat it like any other. Threads change nothing: compiled code runs holding
//! the GIL.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value as IrValue};

use super::inline_call::OBJECT_TAG;
use super::{Translator, PAYLOAD_MASK};

impl<'a, 'b> Translator<'a, 'b> {
    /// A new plain instance of `class` with the shape at `shape` (its `Rc::as_ptr`) and
    /// `count` slots whose values the caller writes at once (nothing may run in between):
    /// allocated inline where the allocator has a slot and a spare buffer at hand, by the
    /// `new_shaped_instance` helper otherwise. Returns the instance and its slot buffer.
    pub(super) fn allocate_shaped_instance(
        &mut self,
        class: IrValue,
        shape: usize,
        count: usize,
    ) -> (IrValue, IrValue) {
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        self.builder.append_block_param(join, types::I64);
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);
        let inline = self
            .environment
            .allocation
            .zip(self.layout())
            .filter(|(allocation, _)| (1..=allocation.spare_capacities).contains(&count));
        if let Some((allocation, offsets)) = inline {
            let flags = MemFlagsData::trusted();
            let heap = self.environment.heap_offset;
            let at = |offset: i32| heap + offset;
            let pool = at(allocation.spare_slots + (count as i32 - 1) * allocation.spare_stride);

            // ---- a free slot and a spare buffer at hand ----
            let free =
                self.builder
                    .ins()
                    .load(types::I64, flags, self.vm, at(allocation.cursor_free));
            let spares =
                self.builder
                    .ins()
                    .load(types::I64, flags, self.vm, pool + allocation.pool_length);
            let no_slot = self.builder.ins().icmp_imm_s(IntCC::Equal, free, 0);
            let no_buffer = self.builder.ins().icmp_imm_s(IntCC::Equal, spares, 0);
            let missing = self.builder.ins().bor(no_slot, no_buffer);
            self.bail_if(missing, slow);

            // ---- the buffer: the pool's last ----
            let remaining = self.builder.ins().iadd_imm_s(spares, -1);
            self.builder
                .ins()
                .store(flags, remaining, self.vm, pool + allocation.pool_length);
            let storage =
                self.builder
                    .ins()
                    .load(types::I64, flags, self.vm, pool + allocation.pool_pointer);
            let position = self
                .builder
                .ins()
                .imul_imm_s(remaining, i64::from(allocation.buffer_stride));
            let entry = self.builder.ins().iadd(storage, position);
            let buffer =
                self.builder
                    .ins()
                    .load(types::I64, flags, entry, allocation.buffer_pointer);

            // ---- the slot: the lowest free one of the cursor's word ----
            let bit = self.builder.ins().ctz(free);
            let below = self.builder.ins().iadd_imm_s(free, -1);
            let rest = self.builder.ins().band(free, below);
            self.builder
                .ins()
                .store(flags, rest, self.vm, at(allocation.cursor_free));
            let base =
                self.builder
                    .ins()
                    .load(types::I64, flags, self.vm, at(allocation.cursor_base));
            let offset = self.builder.ins().imul_imm_s(bit, allocation.slot_bytes);
            let object = self.builder.ins().iadd(base, offset);
            let needs_drop = self.builder.ins().load(
                types::I64,
                flags,
                self.vm,
                at(allocation.cursor_needs_drop),
            );
            let word = self.builder.ins().load(types::I64, flags, needs_drop, 0);
            let one = self.builder.ins().iconst(types::I64, 1);
            let mask = self.builder.ins().ishl(one, bit);
            let word = self.builder.ins().bor(word, mask);
            self.builder.ins().store(flags, word, needs_drop, 0);
            self.count_allocation(
                at(allocation.live),
                at(allocation.allocated),
                allocation.slot_bytes + 8 * count as i64,
            );

            // ---- the object ----
            for (index, bits) in allocation.instance_template.iter().enumerate() {
                if let Some(bits) = *bits {
                    let bits = self.builder.ins().iconst(types::I64, bits as i64);
                    self.builder
                        .ins()
                        .store(flags, bits, object, 8 * index as i32);
                }
            }
            let shape_word = shape as i64 - offsets.shape_pointer_adjust;
            let shape_value = self.builder.ins().iconst(types::I64, shape_word);
            let length = self.builder.ins().iconst(types::I64, count as i64);
            let zero = self.builder.ins().iconst(types::I64, 0);
            for (field, value) in [
                (offsets.instance_class, class),
                (offsets.instance_shape, shape_value),
                (offsets.instance_slots, buffer),
                (offsets.instance_slot_count, length),
                (offsets.instance_slot_capacity, length),
                (offsets.instance_extra, zero),
            ] {
                self.builder.ins().store(flags, value, object, field);
            }
            // The instance's `Rc<Shape>`: one more count, as a clone takes.
            let counter = self.builder.ins().iconst(
                types::I64,
                shape_word + i64::from(offsets.shape_strong_count),
            );
            let strong = self.load_at(counter, 0);
            let strong = self.builder.ins().iadd_imm_s(strong, 1);
            self.builder.ins().store(flags, strong, counter, 0);
            let instance = self.builder.ins().bor_imm_s(object, OBJECT_TAG << 48);
            self.builder
                .ins()
                .jump(join, &[instance.into(), buffer.into()]);
        } else {
            self.builder.ins().jump(slow, &[]);
        }

        // ---- the helper ----
        self.builder.switch_to_block(slow);
        let shape_address = self.builder.ins().iconst(types::I64, shape as i64);
        let instance = self.call_allocation_helper(
            self.environment.helpers.new_shaped_instance,
            class,
            shape_address,
        );
        let address = self.builder.ins().band_imm_s(instance, PAYLOAD_MASK);
        let slots_offset = self.layout().map_or(0, |offsets| offsets.instance_slots);
        let buffer = self.load_at(address, slots_offset);
        self.builder
            .ins()
            .jump(join, &[instance.into(), buffer.into()]);

        self.builder.switch_to_block(join);
        let parameters = self.builder.block_params(join);
        (parameters[0], parameters[1])
    }

    /// `BuildTuple` of `count` items (at most the inline capacity, and at least 1): the
    /// tuple allocated inline from the cursor's word with its items inside its slot (a short
    /// tuple owns nothing, so no `needs_drop` bit: it dies by the sweep clearing its bits),
    /// the `build_pair` fast path (two items) or the generic instruction when the word has no
    /// free slot left. Returns false (emitting nothing) without the measured layout.
    pub(super) fn build_short_tuple(&mut self, index: usize, count: usize) -> bool {
        let Some(allocation) = self.environment.allocation else {
            return false;
        };
        if self.inlined.is_some()
            || count == 0
            || count > allocation.tuple_inline_capacity
            || self.depth < count
        {
            return false;
        }
        let Some(offsets) = self.layout() else {
            return false;
        };
        let flags = MemFlagsData::trusted();
        let heap = self.environment.heap_offset;
        let at = |offset: i32| heap + offset;
        let first = self.depth - count;
        let items: Vec<IrValue> = (first..self.depth)
            .map(|slot| self.builder.use_var(self.stack_variables[slot]))
            .collect();
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);

        // ---- a free slot in the cursor's word ----
        let free = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, at(allocation.cursor_free));
        let no_slot = self.builder.ins().icmp_imm_s(IntCC::Equal, free, 0);
        self.bail_if(no_slot, slow);
        let bit = self.builder.ins().ctz(free);
        let below = self.builder.ins().iadd_imm_s(free, -1);
        let rest = self.builder.ins().band(free, below);
        self.builder
            .ins()
            .store(flags, rest, self.vm, at(allocation.cursor_free));
        let base = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, at(allocation.cursor_base));
        let offset = self.builder.ins().imul_imm_s(bit, allocation.slot_bytes);
        let object = self.builder.ins().iadd(base, offset);
        self.count_allocation(
            at(allocation.live),
            at(allocation.allocated),
            allocation.slot_bytes,
        );

        // ---- the tuple: template, item pointer to its own items, length, items ----
        for (word, bits) in allocation.tuple_template.iter().enumerate() {
            if let Some(bits) = *bits {
                let bits = self.builder.ins().iconst(types::I64, bits as i64);
                self.builder
                    .ins()
                    .store(flags, bits, object, 8 * word as i32);
            }
        }
        let inline = self
            .builder
            .ins()
            .iadd_imm_s(object, i64::from(allocation.tuple_inline_items));
        self.builder
            .ins()
            .store(flags, inline, object, offsets.tuple_items);
        let length = self.builder.ins().iconst(types::I64, count as i64);
        self.builder
            .ins()
            .store(flags, length, object, offsets.tuple_length);
        let null = self
            .builder
            .ins()
            .iconst(types::I64, krait_runtime::Value::NULL.bits() as i64);
        for position in 0..allocation.tuple_inline_capacity {
            let item = items.get(position).copied().unwrap_or(null);
            self.builder.ins().store(
                flags,
                item,
                object,
                allocation.tuple_inline_items + 8 * position as i32,
            );
        }
        let tuple = self.builder.ins().bor_imm_s(object, OBJECT_TAG << 48);
        self.builder.ins().jump(join, &[tuple.into()]);

        // ---- no free slot: the vm ----
        self.builder.switch_to_block(slow);
        let made = if count == 2 {
            let fast = self.environment.fast_paths.build_pair;
            let zero = self.zero();
            let immediate = self.builder.ins().iconst(types::I32, 0);
            self.call_helper_raw(fast, zero, immediate, items[0], items[1])
        } else {
            let helper = self.environment.helpers.stack_op;
            let opcode = i64::from(krait_compiler::Opcode::BuildTuple.to_byte());
            self.call_helper(helper, index, opcode, count as i64);
            self.load_slot(self.slots + first)
        };
        self.builder.ins().jump(join, &[made.into()]);

        self.builder.switch_to_block(join);
        let tuple = self.builder.block_params(join)[0];
        self.depth = first;
        self.push(tuple, super::Kind::Unknown);
        true
    }

    /// The heap's bookkeeping for one object of `bytes` made inline, as `Heap::reserve` does
    /// it: one more live object, `bytes` more allocated since the last collection (the vm's
    /// fields at byte offsets `live` and `allocated`).
    fn count_allocation(&mut self, live: i32, allocated: i32, bytes: i64) {
        let flags = MemFlagsData::trusted();
        let count = self.builder.ins().load(types::I64, flags, self.vm, live);
        let count = self.builder.ins().iadd_imm_s(count, 1);
        self.builder.ins().store(flags, count, self.vm, live);
        let total = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, allocated);
        let total = self.builder.ins().iadd_imm_s(total, bytes);
        self.builder.ins().store(flags, total, self.vm, allocated);
    }

    /// Calls an allocation helper (`a`, `b` its arguments), which never collects, raises or
    /// runs Python code: no stack flush, and what is known of locals' instances still holds
    /// after it.
    pub(super) fn call_allocation_helper(
        &mut self,
        address: usize,
        first: IrValue,
        second: IrValue,
    ) -> IrValue {
        let callee = self.builder.ins().iconst(types::I64, address as i64);
        let nothing = self.builder.ins().iconst(types::I64, 0);
        let instruction = self.builder.ins().iconst(types::I32, 0);
        let call = self.builder.ins().call_indirect(
            self.helper_signature,
            callee,
            &[self.vm, nothing, instruction, first, second],
        );
        self.builder.inst_results(call)[0]
    }
}
