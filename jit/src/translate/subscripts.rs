//! `container[index]` loads and stores where the interpreter only ever saw a list indexed by an
//! in-range int (its `BinarySubscr`/`StoreSubscr` feedback is `SEEN_INT`).
//!
//! The container and key are *guarded* — anything else, or an index out of range, deopts and
//! the interpreter runs the instruction (raising `IndexError` where due); four failures mark
//! the site `SEEN_OTHER` and the recompiled code takes the general path (inline lists and
//! tuples with a fallback to the vm). Because a guard dominates the rest of the block, the
//! container then has kind `List`, and so has the local it came from: the following
//! subscripts of `b1[0]`, `b1[1]`, … skip the type check and only load the items pointer and
//! length (a list's identity never changes kind; its length can, so both are loaded each
//! time). A list kind flows into later blocks like other kinds but is never assumed at loop
//! headers.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value as IrValue};
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::{SEEN_INT, SEEN_OPERANDS};

use super::{Kind, Translator, PAYLOAD_MASK};
use crate::DeoptReason;

impl<'a, 'b> Translator<'a, 'b> {
    /// Whether the subscript at `index` is compiled for lists only.
    pub(super) fn lists_only_site(&self, index: usize) -> bool {
        self.layout().is_some() && self.feedback[index] & SEEN_OPERANDS == SEEN_INT
    }

    /// `BinarySubscr` on a list (guarded).
    pub(super) fn list_load(&mut self, index: usize) {
        let address = self.list_item_address(index);
        let item = self
            .builder
            .ins()
            .load(types::I64, MemFlagsData::trusted(), address, 0);
        self.pop();
        self.pop();
        self.push(item, Kind::Unknown);
    }

    /// `StoreSubscr` into a list (guarded).
    pub(super) fn list_store(&mut self, index: usize) {
        let address = self.list_item_address(index);
        let (value, _) = self.peek(2);
        self.builder
            .ins()
            .store(MemFlagsData::trusted(), value, address, 0);
        self.pop();
        self.pop();
        self.pop();
    }

    /// The address of the item for the key on top of the stack in the list below it, after
    /// guarding both.
    fn list_item_address(&mut self, index: usize) -> IrValue {
        let Some(layout) = self.layout() else {
            unreachable!("lists_only_site checks the layout");
        };
        let key = self.int_operand(0, index);
        let (container, kind) = self.peek(1);
        if kind != Kind::List {
            let tag = self.builder.ins().ushr_imm_s(container, 48);
            let is_object = self.builder.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFA);
            self.guard(is_object, index, DeoptReason::NotAList);
            let address = self.builder.ins().band_imm_s(container, PAYLOAD_MASK);
            let found = self.builder.ins().uload8(
                types::I32,
                MemFlagsData::trusted(),
                address,
                layout.kind,
            );
            let is_list = self
                .builder
                .ins()
                .icmp_imm_s(IntCC::Equal, found, Layout::List as i64);
            self.guard(is_list, index, DeoptReason::NotAList);
            self.set_kind(1, Kind::List);
        }
        let list = self.builder.ins().band_imm_s(container, PAYLOAD_MASK);
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
        let negative = self.builder.ins().icmp_imm_s(IntCC::SignedLessThan, key, 0);
        let wrapped = self.builder.ins().iadd(key, length);
        let position = self.builder.ins().select(negative, wrapped, key);
        let in_range = self
            .builder
            .ins()
            .icmp(IntCC::UnsignedLessThan, position, length);
        self.guard(in_range, index, DeoptReason::NotAList);
        let offset = self.builder.ins().ishl_imm_s(position, 3);
        self.builder.ins().iadd(items, offset)
    }
}
