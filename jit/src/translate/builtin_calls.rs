//! `len(x)` in compiled code without the vm's call machinery.
//!
//! `LoadGlobal len` is folded into the builtin's value behind the globals epoch, and the slot
//! remembers that value (`stack_expected`). The `Call 1` after it compares the callable with
//! that object — rebinding `len` in the module or in `builtins`, or a local of that name,
//! gives another value — and, where it is `len` and no profiler listens (a profiler must see
//! the builtin call), answers itself: an exact list's or tuple's length is read from the
//! object (the layout offsets `subscripts.rs` uses), other exact containers whose length is a
//! field go through the `length` fast path. Anything else (a subclass with its own `__len__`,
//! an object whose `__len__` runs Python code, raises or returns a huge int) takes the usual
//! `call` helper, which raises exactly as the interpreter does. Nothing is speculated, so no
//! deopt is needed.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::EXIT_MARKER;

use super::{Kind, Translator, PAYLOAD_MASK, TAG_INT};

impl<'a, 'b> Translator<'a, 'b> {
    /// Whether the `Call` at the top of the stack with `arg` arguments is expected to call
    /// the builtin `len` with one argument.
    pub(super) fn len_call_site(&self, arg: u32) -> bool {
        let len = self.environment.builtins.len;
        arg == 1
            && !len.is_null()
            && self.depth >= 2
            && self.environment.call_layout.is_some()
            && self.deferred_slice.is_none()
            && self.stack_expected[self.depth - 2].contains(&len)
    }

    /// `Call 1` of what is expected to be `len` (see `len_call_site`).
    pub(super) fn call_len(&mut self, index: usize, arg: u32) {
        let Some(call_layout) = self.environment.call_layout else {
            unreachable!("len_call_site checks the call layout");
        };
        let builtins = self.environment.builtins;
        // Compiled code compares the callable's bits with `len`'s: keep it alive while the
        // code exists, so its address cannot be reused by another object.
        let roots = self.code.profile.roots.get();
        if !roots.contains(&builtins.len) {
            roots.push(builtins.len);
        }
        let (argument, _) = self.peek(0);
        let (callable, _) = self.peek(1);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);
        let is_len =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, callable, builtins.len.bits() as i64);
        let profiling = self.profiler_listening(call_layout);
        let quiet = self.builder.ins().bxor_imm_s(profiling, 1);
        let take_fast = self.builder.ins().band(is_len, quiet);
        let fast = self.builder.create_block();
        self.builder.ins().brif(take_fast, fast, &[], slow, &[]);
        self.builder.switch_to_block(fast);

        let other = self.builder.create_block();
        if let Some(layout) = self.layout() {
            // A list or a tuple: its length field.
            let tag = self.builder.ins().ushr_imm_s(argument, 48);
            let is_object = self.builder.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFA);
            let object = self.builder.create_block();
            self.builder.ins().brif(is_object, object, &[], slow, &[]);
            self.builder.switch_to_block(object);
            let address = self.builder.ins().band_imm_s(argument, PAYLOAD_MASK);
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
            let list = self.builder.create_block();
            let not_list = self.builder.create_block();
            self.builder.ins().brif(is_list, list, &[], not_list, &[]);
            self.builder.switch_to_block(list);
            let length = self.load_at(address, layout.list_length);
            let boxed = self.builder.ins().bor_imm_s(length, TAG_INT);
            self.builder.ins().jump(join, &[boxed.into()]);
            self.builder.switch_to_block(not_list);
            let is_tuple = self
                .builder
                .ins()
                .icmp_imm_s(IntCC::Equal, found, Layout::Tuple as i64);
            let tuple = self.builder.create_block();
            self.builder.ins().brif(is_tuple, tuple, &[], other, &[]);
            self.builder.switch_to_block(tuple);
            let length = self.load_at(address, layout.tuple_length);
            let boxed = self.builder.ins().bor_imm_s(length, TAG_INT);
            self.builder.ins().jump(join, &[boxed.into()]);
        } else {
            self.builder.ins().jump(other, &[]);
        }

        // Other exact containers: the fast path (nothing to flush: it cannot run Python code).
        self.builder.switch_to_block(other);
        let zero = self.zero();
        let immediate = self.builder.ins().iconst(types::I32, 0);
        let result = self.call_helper_raw(builtins.length, zero, immediate, argument, zero);
        let missed = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, result, EXIT_MARKER as i64);
        self.builder
            .ins()
            .brif(missed, slow, &[], join, &[result.into()]);

        // Anything else: the call as usual.
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
