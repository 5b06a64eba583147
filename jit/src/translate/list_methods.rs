//! `items.append(x)` in compiled code.
//!
//! The interpreter's attribute cache records that a `LoadMethod` found a builtin method for
//! a builtin receiver; where that is `list.append` (and nothing else), the `LoadMethod` checks
//! that the receiver is an exact list — whose class cannot change and whose methods cannot be
//! rebound, so the method is `list.append` for good — and pushes the method as a constant,
//! without the attribute fast path. The `CallMethod 1` that follows checks it got that method
//! (the fallback path may have found anything) and appends through the `list_append` fast
//! path (the one a comprehension's `ListAppend` uses): no call helper, no argument tuple, no
//! builtin dispatch. Any other receiver or method, or a profiler listening, takes the usual
//! paths.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::Value;

use super::Translator;

impl<'a, 'b> Translator<'a, 'b> {
    /// Whether the `LoadMethod` at `index` only ever found `list.append` on a builtin
    /// receiver.
    pub(super) fn list_append_site(&self, index: usize) -> bool {
        let append = self.environment.sequences.list_append;
        self.layout().is_some()
            && !append.is_null()
            && krait_runtime::attribute_site::builtin_methods(&self.code.attribute_sites, index)
                == [append]
    }

    /// `LoadMethod append` on what is expected to be an exact list.
    pub(super) fn load_list_append(&mut self, index: usize, arg: u32) {
        let append = self.environment.sequences.list_append;
        let (receiver, _) = self.peek(0);
        self.with_inline(
            |this, fallback| {
                this.object_of_kind(receiver, Layout::List, fallback);
                let method = this.builder.ins().iconst(types::I64, append.bits() as i64);
                this.finish_attribute(Opcode::LoadMethod, method);
                true
            },
            |this| this.attribute_fallback(index, Opcode::LoadMethod, arg),
        );
        self.stack_expected[self.depth - 2] = vec![append];
    }

    /// Whether the `CallMethod` at `index` with `arg` arguments calls what is expected to be
    /// `list.append` (see `load_list_append`).
    pub(super) fn list_append_call(&self, arg: u32) -> bool {
        let append = self.environment.sequences.list_append;
        arg == 1
            && self.depth >= 3
            && !append.is_null()
            && self.stack_expected[self.depth - 3] == [append]
    }

    /// `CallMethod 1` of `list.append`: the append inline where the method is `list.append`
    /// and the fast path takes it, the call helper otherwise.
    pub(super) fn call_list_append(&mut self, index: usize, arg: u32) {
        let append = self.environment.sequences.list_append;
        let (item, _) = self.peek(0);
        let (receiver, _) = self.peek(1);
        let (method, _) = self.peek(2);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let fast = self.builder.create_block();
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);
        let is_append = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, method, append.bits() as i64);
        // Under a profiler the call goes through the vm, which reports it.
        let take_fast = match self.environment.call_layout {
            Some(layout) => {
                let profiling = self.profiler_listening(layout);
                let quiet = self.builder.ins().bxor_imm_s(profiling, 1);
                self.builder.ins().band(is_append, quiet)
            }
            None => self.builder.ins().iconst(types::I8, 0),
        };
        self.builder.ins().brif(take_fast, fast, &[], slow, &[]);
        self.builder.switch_to_block(fast);
        let address = self.environment.fast_paths.list_append;
        let zero = self.zero();
        let immediate = self.builder.ins().iconst(types::I32, 0);
        let done = self.call_helper_raw(address, zero, immediate, receiver, item);
        let appended = self.builder.ins().icmp_imm_s(IntCC::Equal, done, 1);
        let none = self
            .builder
            .ins()
            .iconst(types::I64, Value::NONE.bits() as i64);
        self.builder
            .ins()
            .brif(appended, join, &[none.into()], slow, &[]);
        self.call_slow_path_and_join(index, Opcode::CallMethod, arg, (slow, join));
    }
}
