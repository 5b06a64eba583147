//! `Class(arguments…)` of a plain Python class, made inline: the instance allocated by one
//! helper call, then the class's compiled `__init__` entered directly with the instance and the
//! arguments as its first locals, as an inline call (`inline_call.rs`) does for a function.
//!
//! Object-heavy code (vectors, ray tracers, trees of nodes) builds a small instance per
//! operation. Through the `call` helper each construction went through the vm's call fast
//! path, the constructor cache, a nested run loop for `__init__` and the result check, in Rust;
//! the call site already knows the class (a folded global) and its `__init__` (looked up when
//! the code was compiled, valid while the class epoch stands), so what remains at run time is
//! the allocation, the frame push and the call.
//!
//! The VM stack during the call mirrors the vm's own `construct_plain`: the class's operand
//! slot holds the instance (the slot the call returns to; it keeps the instance rooted even if
//! `__init__` rebinds `self`), and `__init__`'s frame starts one slot above it with the
//! instance as `self` and the arguments after it. Anything unusual takes the `call` helper on
//! the original stack: another callable, a class namespace changed since compiling (any class:
//! the class epoch), `__init__` not compiled for its globals, or any precondition of an inline
//! call failing (a collection due, the nesting or recursion limit, no room). An `__init__`
//! that returns something other than None raises CPython's TypeError through a helper.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData};
use krait_compiler::Opcode;
use krait_runtime::profile::EXIT_MARKER;
use krait_runtime::Value;

use super::{Kind, Translator};
use crate::CallTarget;

impl<'a, 'b> Translator<'a, 'b> {
    /// For a `Call` of `arg` arguments whose callable is expected to be a plain class the vm
    /// found a constructor for (`GlobalSnapshot::constructors`), with an `__init__` taking
    /// exactly these arguments after `self`: the callable's stack slot, the class, the
    /// `__init__` and its call target.
    pub(super) fn expected_construction(
        &self,
        arg: u32,
    ) -> Option<(usize, Value, Value, CallTarget)> {
        let count = arg as usize;
        let callable_slot = self.depth.checked_sub(count + 1)?;
        let [class] = self.stack_expected[callable_slot][..] else {
            return None;
        };
        let &(_, init) = self
            .globals
            .constructors
            .iter()
            .find(|(candidate, _)| *candidate == class)?;
        let target = CallTarget::for_function(init, count + 1)?;
        Some((callable_slot, class, init, target))
    }

    /// A `Call` whose callable is expected to be a plain class the vm found a constructor for
    /// (`GlobalSnapshot::constructors`) whose `__init__` takes exactly these arguments after
    /// `self`: the construction made inline, the `call` helper otherwise. Returns false
    /// (emitting nothing) when the site does not qualify.
    pub(super) fn construct_call(&mut self, index: usize, arg: u32) -> bool {
        let count = arg as usize;
        let Some((callable_slot, class, init, target)) = self.expected_construction(arg) else {
            return false;
        };
        let Some(layout) = self.inline_call_layout(&target) else {
            return false;
        };
        let flags = MemFlagsData::trusted();
        // The class and `__init__` are compared and called by address: keep them alive.
        self.keep_alive([class, init]);
        let stack_pointer = self.flush(self.depth);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let callable = self.builder.use_var(self.stack_variables[callable_slot]);
        let arguments: Vec<_> = (0..count)
            .map(|position| {
                self.builder
                    .use_var(self.stack_variables[callable_slot + 1 + position])
            })
            .collect();
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let usual = self.builder.create_block();
        self.builder.set_cold_block(usual);

        // ---- the class expected, no class namespace changed since compiling ----
        let same_class = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, callable, class.bits() as i64);
        let epoch_address = self
            .builder
            .ins()
            .iconst(types::I64, self.environment.class_epoch_address as i64);
        let epoch = self.load_at(epoch_address, 0);
        let same_epoch =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, epoch, self.globals.class_epoch as i64);
        let valid = self.builder.ins().band(same_class, same_epoch);
        let check_init = self.builder.create_block();
        self.builder.ins().brif(valid, check_init, &[], usual, &[]);

        // ---- `__init__` compiled for its globals ----
        self.builder.switch_to_block(check_init);
        let (code_address, entry) = self.compiled_callee_entry(&target, layout, usual);

        // ---- the instance, then the stack as `__init__`'s frame wants it ----
        let helper = self.environment.helpers.new_instance;
        let zero = self.zero();
        let instance = self.call_helper_raw(helper, stack_pointer, instruction, callable, zero);
        // (The helper may have moved a generator's frame: the stack pointer anew.)
        let stack_pointer = self.stack_pointer_at(self.depth);
        let base = self
            .builder
            .ins()
            .iadd_imm_s(stack_pointer, -8 * (count as i64 + 1));
        self.builder.ins().store(flags, instance, base, 0);
        self.builder.ins().store(flags, instance, base, 8);
        for (position, &argument) in arguments.iter().enumerate() {
            self.builder
                .ins()
                .store(flags, argument, base, 8 * (position as i32 + 2));
        }
        let init_stack_pointer = self.builder.ins().iadd_imm_s(stack_pointer, 8);
        let returned = self.builder.create_block();
        self.builder.append_block_param(returned, types::I64);
        let restore = self.builder.create_block();
        self.builder.set_cold_block(restore);
        let init_value = self.builder.ins().iconst(types::I64, init.bits() as i64);
        let setup = self.known_frame_setup(
            &target,
            code_address,
            init_value,
            entry,
            init_stack_pointer,
            count as i64 + 1,
        );
        self.push_call_pop(layout, setup, index, restore, (returned, returned));

        // ---- `__init__` returned: None makes the instance the result ----
        self.builder.switch_to_block(returned);
        let result = self.builder.block_params(returned)[0];
        let is_none =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, result, Value::NONE.bits() as i64);
        let not_none = self.builder.create_block();
        self.builder.set_cold_block(not_none);
        self.builder
            .ins()
            .brif(is_none, join, &[instance.into()], not_none, &[]);
        self.builder.switch_to_block(not_none);
        let exited = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, result, EXIT_MARKER as i64);
        let wrong_result = self.builder.create_block();
        self.builder
            .ins()
            .brif(exited, join, &[result.into()], wrong_result, &[]);
        self.builder.switch_to_block(wrong_result);
        let helper = self.environment.helpers.init_returned;
        let raised = self.call_helper_raw(helper, stack_pointer, instruction, result, zero);
        self.builder.ins().jump(join, &[raised.into()]);

        // ---- a precondition of the inline call failed: the original stack, the usual way
        // (the instance made is dropped; making it had no effect Python can see) ----
        self.builder.switch_to_block(restore);
        let stack_pointer = self.stack_pointer_at(self.depth);
        let base = self
            .builder
            .ins()
            .iadd_imm_s(stack_pointer, -8 * (count as i64 + 1));
        self.builder.ins().store(flags, callable, base, 0);
        for (position, &argument) in arguments.iter().enumerate() {
            self.builder
                .ins()
                .store(flags, argument, base, 8 * (position as i32 + 1));
        }
        self.builder.ins().jump(usual, &[]);

        self.builder.switch_to_block(usual);
        let stack_pointer = self.stack_pointer_at(self.depth);
        let opcode_value = self
            .builder
            .ins()
            .iconst(types::I64, i64::from(Opcode::Call.to_byte()));
        let argument = self.builder.ins().iconst(types::I64, i64::from(arg));
        let helper = self.environment.helpers.call;
        let result =
            self.call_helper_raw(helper, stack_pointer, instruction, opcode_value, argument);
        self.builder.ins().jump(join, &[result.into()]);

        self.builder.switch_to_block(join);
        let result = self.builder.block_params(join)[0];
        self.exit_if_marker(result);
        self.depth -= count + 1;
        self.push(result, Kind::Unknown);
        true
    }
}
