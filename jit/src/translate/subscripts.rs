//! `container[index]` loads and stores where the interpreter only ever saw a list indexed by an
//! in-range int (its `BinarySubscr`/`StoreSubscr` feedback is `SEEN_INT`).
//!
//! The container and key are *guarded* — anything else, or an index out of range, deopts and
//! the interpreter runs the instruction (raising `IndexError` where due); four failures mark
//! the site `SEEN_OTHER` and the recompiled code takes the general path (inline lists and
//! tuples with a fallback to the vm). Because a guard dominates the rest of the block, the
//! container then has kind `List`, and so has the local it came from: the following
//! subscripts of `b1[0]`, `b1[1]`, … skip the type check (a list's identity never changes
//! kind). A list kind flows into later blocks like other kinds, and is assumed at loop headers
//! where every back-edge knows it (`block_state`: the entries check the tag and kind byte).
//!
//! Within a block and until the next call, the items pointer and length loaded for a list are
//! reused (`ListFact`): only a call (a helper, compiled code) or an inline append can change
//! them, and every call clears the facts (`call_helper_raw`, the inline call sequence; a
//! deopt keeps them, as its path never continues). A constant index at or below one already
//! checked against that length needs no bounds check either, so `b1[0]`, `b1[1]`, `b1[2]`
//! after `b1[6]` are single loads.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    types, InstBuilder, InstructionData, MemFlagsData, Opcode, Value as IrValue,
};
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::{SEEN_INT, SEEN_OPERANDS};

use super::{Kind, Translator, PAYLOAD_MASK, TAG_INT};
use crate::DeoptReason;

/// What a block knows about one list since the last call: its items pointer and length, and
/// the largest constant index already checked against that length (-1: none).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ListFact {
    /// The local the list was loaded from (while it holds the list), else the boxed list
    /// value (Cranelift values of one local differ from block to block).
    local: Option<usize>,
    container: IrValue,
    items: IrValue,
    length: IrValue,
    checked: i64,
}

impl ListFact {
    /// Whether the fact is about the list in `local`.
    pub(super) fn is_about(&self, local: usize) -> bool {
        self.local == Some(local)
    }
}

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
        let (boxed_key, _) = self.peek(0);
        let constant = self.constant_small_int(boxed_key).filter(|&key| key >= 0);
        let local = self.stack_local[self.depth - 2];
        let known = self.list_facts.iter().position(|fact| match local {
            Some(local) => fact.local == Some(local),
            None => fact.container == container,
        });
        let fact = match known {
            Some(position) => position,
            None => {
                let list = self.builder.ins().band_imm_s(container, PAYLOAD_MASK);
                let items = self.load_at(list, layout.list_items);
                let length = self.load_at(list, layout.list_length);
                self.list_facts.push(ListFact {
                    local,
                    container,
                    items,
                    length,
                    checked: -1,
                });
                self.list_facts.len() - 1
            }
        };
        let ListFact {
            items,
            length,
            checked,
            ..
        } = self.list_facts[fact];
        if let Some(constant) = constant.filter(|&constant| constant <= checked) {
            return self.builder.ins().iadd_imm_s(items, constant * 8);
        }
        let negative = self.builder.ins().icmp_imm_s(IntCC::SignedLessThan, key, 0);
        let wrapped = self.builder.ins().iadd(key, length);
        let position = self.builder.ins().select(negative, wrapped, key);
        let in_range = self
            .builder
            .ins()
            .icmp(IntCC::UnsignedLessThan, position, length);
        self.guard(in_range, index, DeoptReason::NotAList);
        if let Some(constant) = constant {
            self.list_facts[fact].checked = checked.max(constant);
        }
        let offset = self.builder.ins().ishl_imm_s(position, 3);
        self.builder.ins().iadd(items, offset)
    }

    /// The small int a stack value is a constant of (a `LoadConst`), if it is one.
    fn constant_small_int(&self, value: IrValue) -> Option<i64> {
        let definition = self.builder.func.dfg.value_def(value).inst()?;
        let InstructionData::UnaryImm {
            opcode: Opcode::Iconst,
            imm,
        } = self.builder.func.dfg.insts[definition]
        else {
            return None;
        };
        let bits = imm.bits();
        if bits & !PAYLOAD_MASK != TAG_INT {
            return None;
        }
        // Sign-extend the 48-bit payload.
        Some((bits << 16) >> 16)
    }

    /// Forgets what is known about lists (anything called may have changed them).
    pub(super) fn forget_lists(&mut self) {
        self.list_facts.clear();
    }
}
