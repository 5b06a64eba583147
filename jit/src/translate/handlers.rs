//! Exception handlers in compiled code.
//!
//! An exception raised inside a `try` used to leave compiled code: the interpreter unwound the
//! frame, ran the handler, and entered compiled code again at the next loop header (OSR). A
//! loop that raises and catches on every iteration therefore ran half interpreted and paid an
//! exit and an entry per exception. Now, where the exception table names a handler after the
//! raising instruction (`Analysis::handler`), compiled code runs the handler itself:
//!
//! - A helper that raised returns the exit marker with the exception recorded in the vm. At a
//!   covered instruction the marker branches to the handler's *landing* (one per table entry,
//!   taking the raising instruction's index): the `catch` helper does for this frame what the
//!   interpreter's unwinding does before it jumps to a handler — sets `__context__`, adds the
//!   frame's traceback entry — and returns the exception; the landing cuts the operand stack to
//!   the entry's depth, pushes the exception (after the instruction index, for `push_lasti`
//!   entries) and jumps to the handler's block. Anything but an exception recorded there (a
//!   deopt) leaves as before. The frame's traceback entry is the one the interpreter would have
//!   added, so `__traceback__` and an eventual uncaught traceback are unchanged.
//! - `Reraise` into a handler of the same frame adds no traceback entry and sets no context
//!   (the interpreter's unwinding of a re-raise), so it is a plain jump there. A re-raise that
//!   leaves the frame deopts: the interpreter re-executes it, which keeps the re-raise's
//!   traceback exactly the interpreter's.
//! - `PushExcInfo` and `PopExcept` read and write the vm's handled exception (what
//!   `sys.exc_info()` reports) inline; `CheckExcMatch` compares the exception's class with the
//!   class named inline and asks the vm otherwise (a subclass, a tuple, a bad class raises).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData, Value as IrValue};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as Layout;
use krait_runtime::profile::EXIT_MARKER;
use krait_runtime::Value;

use super::{Kind, Translator};
use crate::DeoptReason;

impl<'a, 'b> Translator<'a, 'b> {
    /// The exception-table entry compiled code jumps to when instruction `index` raises.
    fn local_handler(&self, index: usize) -> Option<usize> {
        let position = self.analysis.handler.get(index).copied().flatten()?;
        let target = self.code.code.exception_table[position].target as usize;
        // A loop header would need its assumptions checked on the way in: leave instead.
        (!self.analysis.loop_header[target]).then_some(position)
    }

    /// Ends the current block with a branch on `raised` (an i8): to the handler of the
    /// current instruction (or out of compiled code) when set, on to a new block (which
    /// becomes current) otherwise.
    pub(super) fn branch_on_raise(&mut self, raised: IrValue) {
        let next = self.builder.create_block();
        match self.local_handler(self.current) {
            None => {
                self.builder
                    .ins()
                    .brif(raised, self.exit_block, &[], next, &[]);
            }
            Some(position) => {
                let site = self.builder.create_block();
                self.builder.set_cold_block(site);
                self.builder.ins().brif(raised, site, &[], next, &[]);
                self.builder.switch_to_block(site);
                self.jump_to_landing(position);
            }
        }
        self.builder.switch_to_block(next);
    }

    /// Ends the current block after a helper that always raises: to the current
    /// instruction's handler, or out of compiled code.
    pub(super) fn jump_after_raise(&mut self) {
        match self.local_handler(self.current) {
            None => {
                self.builder.ins().jump(self.exit_block, &[]);
            }
            Some(position) => self.jump_to_landing(position),
        }
    }

    /// Jumps to the landing of exception-table entry `position`, recording the edge's facts
    /// for the handler's block.
    fn jump_to_landing(&mut self, position: usize) {
        let target = self.code.code.exception_table[position].target as usize;
        // The landing reloads the locals from the frame (see `emit_landings`): the handler
        // knows which are bound, not their kinds.
        self.record_handler_edge(self.current, target);
        let landing = self.landing(position);
        let instruction = self.builder.ins().iconst(types::I32, self.current as i64);
        self.builder.ins().jump(landing, &[instruction.into()]);
    }

    /// The landing block of exception-table entry `position` (emitted by `emit_landings`).
    fn landing(&mut self, position: usize) -> Block {
        if let Some(&(_, block)) = self.landings.iter().find(|(entry, _)| *entry == position) {
            return block;
        }
        let block = self.builder.create_block();
        self.builder.append_block_param(block, types::I32);
        self.builder.set_cold_block(block);
        self.landings.push((position, block));
        block
    }

    /// Emits every landing: the `catch` helper takes the exception the vm recorded (adding
    /// this frame's traceback entry and the context), and the handler starts with it on the
    /// stack at the entry's depth.
    pub(super) fn emit_landings(&mut self) {
        let landings = std::mem::take(&mut self.landings);
        for (position, block) in landings {
            let entry = self.code.code.exception_table[position];
            self.builder.switch_to_block(block);
            let instruction = self.builder.block_params(block)[0];
            let null = self.builder.ins().iconst(types::I64, 0);
            let zero = self.builder.ins().iconst(types::I64, 0);
            let helper = self.environment.helpers.catch;
            let exception = self.call_helper_raw(helper, null, instruction, zero, zero);
            let is_exit =
                self.builder
                    .ins()
                    .icmp_imm_s(IntCC::Equal, exception, EXIT_MARKER as i64);
            let caught = self.builder.create_block();
            self.builder
                .ins()
                .brif(is_exit, self.exit_block, &[], caught, &[]);
            self.builder.switch_to_block(caught);
            // The locals, from their slots (every store writes through): carried in
            // registers from every raising point, they would each need a block parameter
            // per raising point, which made compiling a function with many handlers slow.
            for local in 0..self.local_variables.len() {
                let value = self.load_slot(local);
                self.builder.def_var(self.local_variables[local], value);
            }
            let mut depth = entry.depth as usize;
            if entry.push_lasti {
                let wide = self.builder.ins().uextend(types::I64, instruction);
                let boxed = self.box_int(wide);
                self.builder.def_var(self.stack_variables[depth], boxed);
                depth += 1;
            }
            self.builder.def_var(self.stack_variables[depth], exception);
            let target = self.block_for(entry.target as usize);
            self.builder.ins().jump(target, &[]);
        }
    }

    /// `PushExcInfo`: `[exc]` to `[previously handled, exc]`; `exc` becomes the handled
    /// exception.
    pub(super) fn push_exception_info(&mut self) {
        let offset = self.environment.handled_exception_offset;
        let (exception, _) = self.pop();
        let previous =
            self.builder
                .ins()
                .load(types::I64, MemFlagsData::trusted(), self.vm, offset);
        self.push(previous, Kind::Unknown);
        self.push(exception, Kind::Unknown);
        self.builder
            .ins()
            .store(MemFlagsData::trusted(), exception, self.vm, offset);
    }

    /// `PopExcept`: the previously handled exception, popped, is handled again.
    pub(super) fn pop_except(&mut self) {
        let offset = self.environment.handled_exception_offset;
        let (previous, _) = self.pop();
        self.builder
            .ins()
            .store(MemFlagsData::trusted(), previous, self.vm, offset);
    }

    /// `CheckExcMatch`: `[exc, class]` to `[exc, matched]`. An exception whose class is
    /// exactly `class` matches inline; anything else asks the vm (subclasses, tuples of
    /// classes, and the TypeError for a class that is no exception class).
    pub(super) fn check_exception_match(&mut self, index: usize) {
        let (class, _) = self.peek(0);
        let (exception, _) = self.peek(1);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);
        if let Some(layout) = self.layout() {
            let instance = self.object_of_kind(exception, Layout::Instance, slow);
            let own_class = self.load_at(instance, layout.instance_class);
            let same = self.builder.ins().icmp(IntCC::Equal, own_class, class);
            let matched = self
                .builder
                .ins()
                .iconst(types::I64, Value::TRUE.bits() as i64);
            self.builder
                .ins()
                .brif(same, join, &[matched.into()], slow, &[]);
        } else {
            self.builder.ins().jump(slow, &[]);
        }
        self.builder.switch_to_block(slow);
        let helper = self.environment.helpers.exception_match;
        let matched = self.call_helper_values(helper, index, exception, class);
        self.builder.ins().jump(join, &[matched.into()]);
        self.builder.switch_to_block(join);
        let matched = self.builder.block_params(join)[0];
        self.pop();
        self.push(matched, Kind::Bool);
    }

    /// `Reraise`: the exception on top raised again. Into a handler of this frame it is a
    /// jump (a re-raise adds no traceback entry and no context); out of the frame the
    /// interpreter re-executes it.
    pub(super) fn reraise(&mut self, index: usize) {
        let Some(position) = self.local_handler(index) else {
            self.emit_deopt(index, DeoptReason::Unsupported);
            return;
        };
        let entry = self.code.code.exception_table[position];
        let (exception, _) = self.pop();
        self.depth = entry.depth as usize;
        if entry.push_lasti {
            let lasti = self.builder.ins().iconst(
                types::I64,
                Value::small_int(index as i64).unwrap_or(Value::NONE).bits() as i64,
            );
            self.push(lasti, Kind::Unknown);
        }
        self.push(exception, Kind::Unknown);
        let target = self.edge(index, entry.target as usize);
        self.builder.ins().jump(target, &[]);
        self.emit_edge_checks();
    }

    /// A bare `raise`: the exception being handled, re-raised. Where this frame handles it and
    /// the vm's handled exception is set, a jump as for `Reraise`; otherwise (no exception
    /// handled here, or one a generator's consumer handles) the interpreter runs it.
    pub(super) fn bare_raise(&mut self, index: usize) {
        if self.local_handler(index).is_none() {
            self.emit_deopt(index, DeoptReason::Unsupported);
            return;
        }
        let offset = self.environment.handled_exception_offset;
        let handled = self
            .builder
            .ins()
            .load(types::I64, MemFlagsData::trusted(), self.vm, offset);
        let is_null =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, handled, Value::NULL.bits() as i64);
        let is_none =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::Equal, handled, Value::NONE.bits() as i64);
        let missing = self.builder.ins().bor(is_null, is_none);
        let interpreted = self.builder.create_block();
        let local = self.builder.create_block();
        self.builder.set_cold_block(interpreted);
        self.builder
            .ins()
            .brif(missing, interpreted, &[], local, &[]);
        self.builder.switch_to_block(interpreted);
        self.emit_deopt(index, DeoptReason::Unsupported);
        self.builder.switch_to_block(local);
        self.push(handled, Kind::Unknown);
        self.reraise(index);
    }

    /// Continues when `condition` holds; otherwise runs instruction `index` through the vm's
    /// generic path, which raises there (a zero divisor: the operands are exact ints or
    /// floats), into this frame's handler or out of compiled code. Unlike a deopt this costs
    /// no exit when a handler catches the exception, and no recompile when it keeps
    /// happening. Should the generic path not raise, the frame goes on in the interpreter
    /// after the instruction.
    pub(super) fn raise_unless(
        &mut self,
        condition: IrValue,
        index: usize,
        opcode: Opcode,
        arg: u32,
    ) {
        let next = self.builder.create_block();
        let failed = self.builder.create_block();
        self.builder.set_cold_block(failed);
        self.builder.ins().brif(condition, next, &[], failed, &[]);
        self.builder.switch_to_block(failed);
        let depth = self.depth;
        let kinds = self.stack_kinds.clone();
        let expected = self.stack_expected.clone();
        let locals = self.stack_local.clone();
        let raws = (self.stack_raw.clone(), self.local_raw.clone());
        self.generic(index, opcode, arg);
        self.emit_deopt(index + 1, DeoptReason::Unsupported);
        self.depth = depth;
        self.stack_kinds = kinds;
        self.stack_expected = expected;
        self.stack_local = locals;
        self.stack_raw = raws.0;
        self.local_raw = raws.1;
        self.builder.switch_to_block(next);
    }
}
