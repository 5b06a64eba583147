//! `len(x)` of a list, tuple or str in compiled code.
//!
//! `len` is the builtin called most in loops (`while i < len(items)`, `r % len(SYLLABLES)`,
//! json_serializer's `self.pos < len(text)`), and through the call helper each one costs a
//! flush, the helper's layers and the builtin's argument checks. Where the translator expects
//! the callable to be the builtin `len` (the folded global's value at compile time), the call
//! compares the callable with it — the global may have been rebound since — and reads the
//! length of an exact list, tuple or str (its character count) from the object inline. Anything else (a dict, a str subclass, a
//! user `__len__`, another callable, a profiler listening, which must see the call) takes
//! the call helper.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;

use super::{Kind, Translator};

impl<'a, 'b> Translator<'a, 'b> {
    /// Whether the `Call 1` at the current point calls what is expected to be `len`.
    pub(super) fn len_call_site(&self, arg: u32) -> bool {
        let len = self.environment.builtin_len;
        arg == 1
            && !len.is_null()
            && self.layout().is_some()
            && self.environment.call_layout.is_some()
            && self.depth >= 2
            && self.stack_expected[self.depth - 2] == [len]
    }

    /// `len(x)`: the length of an exact list, tuple or str read inline, the call helper
    /// otherwise.
    pub(super) fn len_call(&mut self, index: usize, arg: u32) {
        let len = self.environment.builtin_len;
        let (Some(layout), Some(call_layout)) = (self.layout(), self.environment.call_layout)
        else {
            return;
        };
        // Compiled code compares the callable's bits with `len`'s: keep it alive while the
        // code exists, so its address cannot be reused by another object.
        let roots = self.code.profile.roots.get();
        if !roots.contains(&len) {
            roots.push(len);
        }
        let (argument, _) = self.peek(0);
        let (callable, _) = self.peek(1);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let inline = self.builder.create_block();
        let not_list = self.builder.create_block();
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);
        let is_len = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, callable, len.bits() as i64);
        // Under a profiler the call goes through the vm, which reports it.
        let profiling = self.profiler_listening(call_layout);
        let quiet = self.builder.ins().bxor_imm_s(profiling, 1);
        let take_inline = self.builder.ins().band(is_len, quiet);
        self.builder.ins().brif(take_inline, inline, &[], slow, &[]);

        self.builder.switch_to_block(inline);
        let list = self.object_of_kind(argument, Layout::List, not_list);
        let length = self.load_at(list, layout.list_length);
        // A length always fits the inline int range.
        let boxed = self.box_int(length);
        self.builder.ins().jump(join, &[boxed.into()]);

        self.builder.switch_to_block(not_list);
        let not_tuple = self.builder.create_block();
        let tuple = self.object_of_kind(argument, Layout::Tuple, not_tuple);
        let length = self.load_at(tuple, layout.tuple_length);
        let boxed = self.box_int(length);
        self.builder.ins().jump(join, &[boxed.into()]);

        self.builder.switch_to_block(not_tuple);
        let text = self.object_of_kind(argument, Layout::Str, slow);
        let length = self.load_at(text, layout.str_char_count);
        let boxed = self.box_int(length);
        self.builder.ins().jump(join, &[boxed.into()]);

        self.builder.switch_to_block(slow);
        let helper = self.environment.helpers.call;
        let opcode = Opcode::Call;
        let result = self.call_helper(helper, index, i64::from(opcode.to_byte()), i64::from(arg));
        self.builder.ins().jump(join, &[result.into()]);

        self.builder.switch_to_block(join);
        let (pops, _) = opcode.stack_effect(arg);
        self.depth -= pops as usize;
        let result = self.builder.block_params(join)[0];
        self.push(result, Kind::Unknown);
    }
}
