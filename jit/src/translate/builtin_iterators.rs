//! `reversed`, `enumerate` and `zip` iterators over lists and tuples, advanced inline by a
//! compiled `ForIter`.
//!
//! Why: `for f in reversed(functions)`, `for i, x in enumerate(words)` and `for x, y in
//! zip(row, col)` used to call into the vm for every item (a reversed iterator went through
//! the general `for_iter` helper, the other two through the `iterate_unpack` fast path and its
//! `next_plain` calls: about a hundred instructions an item). Their state is a few words in
//! the iterator objects (offsets measured by `krait_runtime::layout`), so the compiled code
//! reads and advances it itself, with the exact effects of the interpreter's `next`:
//!
//! - The iterator objects stay the truth: every advance is stored to them, so a deopt, an
//!   exception or the iterator escaping (`it = enumerate(x)` read again after the loop) see
//!   the interpreter's state. Only the loads and the calls are saved.
//! - The list's length is read on every item, so a list appended to or shrunk by the loop's
//!   body behaves as interpreted (as in CPython: the loop sees the new items, or ends early).
//! - Everything that the interpreter would do differently — an underlying iterator that is
//!   not a list or tuple iterator (a generator, a user iterable, a str), an `enumerate` count
//!   that is not a small int or whose successor would not be one, `zip(strict=True)`, a zip of
//!   another arity — is checked before anything is changed and jumps to the usual paths
//!   (the `iterate_unpack` fast path, then the generic helper), so there is nothing to deopt.
//! - `zip` advances its first iterator before looking at the second, and stops when either
//!   is exhausted, leaving the first advanced (as CPython's zip does); the second's position is
//!   read after the first's advance, so `zip(it, it)` pairs consecutive items.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData, Value as IrValue};
use krait_runtime::layout::{Kind as Layout, Offsets};
use krait_runtime::Value;

use super::Translator;

/// A list or tuple an iterator walks: its item pointer and length, loaded once per item.
#[derive(Clone, Copy)]
pub(super) struct Items {
    pub(super) pointer: IrValue,
    pub(super) length: IrValue,
}

impl<'a, 'b> Translator<'a, 'b> {
    /// The items of `sequence` where it is a list or tuple (a tuple's never change; a list's
    /// pointer and length are read now, so after anything that could resize it); `otherwise`
    /// for anything else.
    pub(super) fn list_or_tuple_items(
        &mut self,
        sequence: IrValue,
        otherwise: Block,
        layout: Offsets,
    ) -> Items {
        let found = self.builder.create_block();
        self.builder.append_block_param(found, types::I64);
        self.builder.append_block_param(found, types::I64);
        let not_list = self.builder.create_block();
        let list = self.object_of_kind(sequence, Layout::List, not_list);
        let pointer = self.load_at(list, layout.list_items);
        let length = self.load_at(list, layout.list_length);
        self.builder
            .ins()
            .jump(found, &[pointer.into(), length.into()]);
        self.builder.switch_to_block(not_list);
        let tuple = self.object_of_kind(sequence, Layout::Tuple, otherwise);
        let pointer = self.load_at(tuple, layout.tuple_items);
        let length = self.load_at(tuple, layout.tuple_length);
        self.builder
            .ins()
            .jump(found, &[pointer.into(), length.into()]);
        self.builder.switch_to_block(found);
        Items {
            pointer: self.builder.block_params(found)[0],
            length: self.builder.block_params(found)[1],
        }
    }

    /// The address of `iterator` where it is a list or tuple iterator (by index), with its
    /// sequence's items; `otherwise` for anything else. Nothing is advanced. (Advancing an
    /// iterator changes no list, so the items stay valid until compiled code calls out.)
    fn forward_sequence_iterator(
        &mut self,
        iterator: IrValue,
        otherwise: Block,
        layout: Offsets,
    ) -> (IrValue, Items) {
        let address = self.object_of_kind(iterator, Layout::SequenceIterator, otherwise);
        let sequence = self.load_at(address, layout.sequence_iterator_sequence);
        let items = self.list_or_tuple_items(sequence, otherwise, layout);
        (address, items)
    }

    /// Advances the list or tuple iterator at `address` over `items` (see
    /// `forward_sequence_iterator`): its next item, or a jump to `exhausted` (with NULL) at
    /// the end, where it stays, as the interpreter leaves it. The position is read here, after
    /// any earlier advance (of the same iterator, in `zip(it, it)`).
    fn advance_forward(
        &mut self,
        address: IrValue,
        items: Items,
        exhausted: Block,
        layout: Offsets,
    ) -> IrValue {
        let position = self.load_at(address, layout.sequence_iterator_index);
        let more = self
            .builder
            .ins()
            .icmp(IntCC::UnsignedLessThan, position, items.length);
        let produce = self.builder.create_block();
        let null = self
            .builder
            .ins()
            .iconst(types::I64, Value::NULL.bits() as i64);
        self.builder
            .ins()
            .brif(more, produce, &[], exhausted, &[null.into()]);
        self.builder.switch_to_block(produce);
        let offset = self.builder.ins().ishl_imm_s(position, 3);
        let slot = self.builder.ins().iadd(items.pointer, offset);
        let item = self.load_at(slot, 0);
        let advanced = self.builder.ins().iadd_imm_s(position, 1);
        self.builder.ins().store(
            MemFlagsData::trusted(),
            advanced,
            address,
            layout.sequence_iterator_index,
        );
        item
    }

    /// A `reversed` iterator over a list or tuple, inline: jumps to `join` with the next item
    /// or NULL at the end (as the interpreter: a list shrunk below the next index ends it for
    /// good); to `otherwise` for any other iterator.
    pub(super) fn reversed_next(
        &mut self,
        iterator: IrValue,
        join: Block,
        otherwise: Block,
        layout: Offsets,
    ) {
        let address = self.object_of_kind(iterator, Layout::ReversedSequenceIterator, otherwise);
        let sequence = self.load_at(address, layout.reversed_sequence);
        let items = self.list_or_tuple_items(sequence, otherwise, layout);
        let remaining = self.load_at(address, layout.reversed_remaining);
        let null = self
            .builder
            .ins()
            .iconst(types::I64, Value::NULL.bits() as i64);
        // `remaining` is one past the next index: 0 is the end, and past the length (a list
        // that shrank) ends the iteration, setting it to 0.
        let started = self.builder.create_block();
        self.builder
            .ins()
            .brif(remaining, started, &[], join, &[null.into()]);
        self.builder.switch_to_block(started);
        let within =
            self.builder
                .ins()
                .icmp(IntCC::UnsignedLessThanOrEqual, remaining, items.length);
        let produce = self.builder.create_block();
        let shrunk = self.builder.create_block();
        self.builder.set_cold_block(shrunk);
        self.builder.ins().brif(within, produce, &[], shrunk, &[]);
        self.builder.switch_to_block(shrunk);
        let zero = self.zero();
        self.builder.ins().store(
            MemFlagsData::trusted(),
            zero,
            address,
            layout.reversed_remaining,
        );
        self.builder.ins().jump(join, &[null.into()]);
        self.builder.switch_to_block(produce);
        let position = self.builder.ins().iadd_imm_s(remaining, -1);
        self.builder.ins().store(
            MemFlagsData::trusted(),
            position,
            address,
            layout.reversed_remaining,
        );
        let offset = self.builder.ins().ishl_imm_s(position, 3);
        let slot = self.builder.ins().iadd(items.pointer, offset);
        let item = self.load_at(slot, 0);
        self.builder.ins().jump(join, &[item.into()]);
    }

    /// `enumerate` over a list or tuple iterator, for a `ForIter` whose item is unpacked into
    /// two values at once: jumps to `unpacked` with the stack's two new slots (the item, then
    /// the count on top), to `join` with NULL at the end; to `otherwise` (nothing changed) for
    /// anything else, including a count about to leave the inline int range.
    pub(super) fn enumerate_next(
        &mut self,
        iterator: IrValue,
        join: Block,
        unpacked: Block,
        otherwise: Block,
        layout: Offsets,
    ) {
        let address = self.object_of_kind(iterator, Layout::EnumerateIterator, otherwise);
        let count = self.load_at(address, layout.enumerate_count);
        let is_int = self.is_int(count);
        let int_count = self.builder.create_block();
        self.builder
            .ins()
            .brif(is_int, int_count, &[], otherwise, &[]);
        self.builder.switch_to_block(int_count);
        let raw = self.unbox_int(count);
        let following = self.builder.ins().iadd_imm_s(raw, 1);
        let fits = self.fits_inline(following);
        let checked = self.builder.create_block();
        self.builder.ins().brif(fits, checked, &[], otherwise, &[]);
        self.builder.switch_to_block(checked);
        let inner = self.load_at(address, layout.enumerate_iterator);
        let (inner, items) = self.forward_sequence_iterator(inner, otherwise, layout);
        let item = self.advance_forward(inner, items, join, layout);
        let next_count = self.box_int(following);
        self.builder.ins().store(
            MemFlagsData::trusted(),
            next_count,
            address,
            layout.enumerate_count,
        );
        self.builder
            .ins()
            .jump(unpacked, &[item.into(), count.into()]);
    }

    /// `zip` of two list or tuple iterators (not strict), for a `ForIter` whose item is
    /// unpacked into two values at once: jumps to `unpacked` with the stack's two new slots
    /// (the second's item, then the first's on top), to `join` with NULL when either is
    /// exhausted; to `otherwise` (nothing changed) for anything else.
    pub(super) fn zip_pair_next(
        &mut self,
        iterator: IrValue,
        join: Block,
        unpacked: Block,
        otherwise: Block,
        layout: Offsets,
    ) {
        let address = self.object_of_kind(iterator, Layout::ZipIterator, otherwise);
        let strict = self.builder.ins().uload8(
            types::I32,
            MemFlagsData::trusted(),
            address,
            layout.zip_strict,
        );
        let length = self.load_at(address, layout.zip_length);
        let pair = self.builder.ins().icmp_imm_s(IntCC::Equal, length, 2);
        let lenient = self.builder.ins().icmp_imm_s(IntCC::Equal, strict, 0);
        let plain = self.builder.ins().band(pair, lenient);
        let checked = self.builder.create_block();
        self.builder.ins().brif(plain, checked, &[], otherwise, &[]);
        self.builder.switch_to_block(checked);
        let parts = self.load_at(address, layout.zip_iterators);
        let first = self.load_at(parts, 0);
        let second = self.load_at(parts, 8);
        let (first, first_items) = self.forward_sequence_iterator(first, otherwise, layout);
        let (second, second_items) = self.forward_sequence_iterator(second, otherwise, layout);
        let first_item = self.advance_forward(first, first_items, join, layout);
        let second_item = self.advance_forward(second, second_items, join, layout);
        self.builder
            .ins()
            .jump(unpacked, &[second_item.into(), first_item.into()]);
    }
}
