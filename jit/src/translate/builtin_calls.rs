//! `len(x)` and `isinstance(x, C)` in compiled code without the vm's call machinery.
//!
//! `LoadGlobal len` is folded into the builtin's value behind the globals epoch, and the slot
//! remembers that value (`stack_expected`). The `Call 1` after it compares the callable with
//! that object — rebinding `len` in the module or in `builtins`, or a local of that name,
//! gives another value — and, where it is `len` and no profiler listens (a profiler must see
//! the builtin call), answers itself: an exact list's or tuple's length is read from the
//! object (the layout offsets `subscripts.rs` uses; an exact str's character count likewise),
//! other exact containers whose length is a
//! field go through the `length` fast path. `isinstance` asks the `instance_check` fast path,
//! which answers where the builtin consults no hook (the subject's class is the class, or the
//! class's metaclass is exactly `type`) and misses for tuples, unions and other metaclasses. Anything else (a subclass with its own `__len__`,
//! an object whose `__len__` runs Python code, raises or returns a huge int) takes the usual
//! `call` helper, which raises exactly as the interpreter does. Nothing is speculated, so no
//! deopt is needed.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData, Value as IrValue};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::EXIT_MARKER;

use super::{Translator, PAYLOAD_MASK, TAG_INT};

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

    /// Whether the `Call` at the top of the stack with `arg` arguments is expected to call
    /// the builtin `isinstance` with two arguments.
    pub(super) fn isinstance_call_site(&self, arg: u32) -> bool {
        let isinstance = self.environment.builtins.isinstance;
        arg == 2
            && !isinstance.is_null()
            && self.depth >= 3
            && self.environment.call_layout.is_some()
            && self.deferred_slice.is_none()
            && self.stack_expected[self.depth - 3].contains(&isinstance)
    }

    /// `Call 1` of what is expected to be `len` (see `len_call_site`).
    pub(super) fn call_len(&mut self, index: usize, arg: u32) {
        let builtins = self.environment.builtins;
        let (argument, _) = self.peek(0);
        self.builtin_call(index, arg, builtins.len, |this, slow, join| {
            let other = this.builder.create_block();
            if let Some(layout) = this.layout() {
                // A list or a tuple: its length field.
                let tag = this.builder.ins().ushr_imm_s(argument, 48);
                let is_object = this.builder.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFA);
                let object = this.builder.create_block();
                this.builder.ins().brif(is_object, object, &[], slow, &[]);
                this.builder.switch_to_block(object);
                let address = this.builder.ins().band_imm_s(argument, PAYLOAD_MASK);
                let found = this.builder.ins().uload8(
                    types::I32,
                    MemFlagsData::trusted(),
                    address,
                    layout.kind,
                );
                let is_list =
                    this.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, found, Layout::List as i64);
                let list = this.builder.create_block();
                let not_list = this.builder.create_block();
                this.builder.ins().brif(is_list, list, &[], not_list, &[]);
                this.builder.switch_to_block(list);
                let length = this.load_at(address, layout.list_length);
                let boxed = this.builder.ins().bor_imm_s(length, TAG_INT);
                this.builder.ins().jump(join, &[boxed.into()]);
                this.builder.switch_to_block(not_list);
                let is_tuple =
                    this.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, found, Layout::Tuple as i64);
                let tuple = this.builder.create_block();
                let not_tuple = this.builder.create_block();
                this.builder
                    .ins()
                    .brif(is_tuple, tuple, &[], not_tuple, &[]);
                this.builder.switch_to_block(tuple);
                let length = this.load_at(address, layout.tuple_length);
                let boxed = this.builder.ins().bor_imm_s(length, TAG_INT);
                this.builder.ins().jump(join, &[boxed.into()]);
                // An exact str: its character count.
                this.builder.switch_to_block(not_tuple);
                let is_str = this
                    .builder
                    .ins()
                    .icmp_imm_s(IntCC::Equal, found, Layout::Str as i64);
                let text = this.builder.create_block();
                this.builder.ins().brif(is_str, text, &[], other, &[]);
                this.builder.switch_to_block(text);
                let length = this.load_at(address, layout.str_char_count);
                let boxed = this.builder.ins().bor_imm_s(length, TAG_INT);
                this.builder.ins().jump(join, &[boxed.into()]);
            } else {
                this.builder.ins().jump(other, &[]);
            }
            // Other exact containers: the fast path.
            this.builder.switch_to_block(other);
            let zero = this.zero();
            this.fast_path_or(builtins.length, argument, zero, slow, join);
        });
    }

    /// `Call 2` of what is expected to be `isinstance` (see `isinstance_call_site`): the
    /// `instance_check` fast path answers where no hook can run.
    pub(super) fn call_isinstance(&mut self, index: usize, arg: u32) {
        let builtins = self.environment.builtins;
        let (class, _) = self.peek(0);
        let (subject, _) = self.peek(1);
        self.builtin_call(index, arg, builtins.isinstance, |this, slow, join| {
            this.fast_path_or(builtins.instance_check, subject, class, slow, join);
        });
    }

    /// Calls fast path `address` with `(a, b)` (nothing to flush: it cannot run Python code)
    /// and jumps to `join` with its answer, or to `slow` where it missed.
    fn fast_path_or(
        &mut self,
        address: usize,
        first: IrValue,
        second: IrValue,
        slow: Block,
        join: Block,
    ) {
        let zero = self.zero();
        let immediate = self.builder.ins().iconst(types::I32, 0);
        let result = self.call_helper_raw(address, zero, immediate, first, second);
        let missed = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, result, EXIT_MARKER as i64);
        self.builder
            .ins()
            .brif(missed, slow, &[], join, &[result.into()]);
    }

    /// A `Call` of `arg` arguments of what is expected to be `builtin`: where the callable
    /// is that object and no profiler listens (a profiler must see the builtin call),
    /// `answer` emits the result — jumping to its `join` block with it, or to `slow` —;
    /// anything else makes the call through the `call` helper.
    fn builtin_call(
        &mut self,
        index: usize,
        arg: u32,
        builtin: krait_runtime::Value,
        answer: impl FnOnce(&mut Self, Block, Block),
    ) {
        let Some(call_layout) = self.environment.call_layout else {
            unreachable!("the call sites check the call layout");
        };
        // Compiled code compares the callable's bits with the builtin's: keep it alive while
        // the code exists, so its address cannot be reused by another object.
        self.keep_alive([builtin]);
        let (callable, _) = self.peek(arg as usize);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);
        let is_builtin =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, callable, builtin.bits() as i64);
        let profiling = self.profiler_listening(call_layout);
        let quiet = self.builder.ins().bxor_imm_s(profiling, 1);
        let take_fast = self.builder.ins().band(is_builtin, quiet);
        let fast = self.builder.create_block();
        self.builder.ins().brif(take_fast, fast, &[], slow, &[]);
        self.builder.switch_to_block(fast);
        answer(self, slow, join);

        // Anything else: the call as usual.
        self.call_slow_path_and_join(index, Opcode::Call, arg, (slow, join));
    }
}
