//! Calls of an expected, compiled Python function made inline: the frame push, the call of the
//! callee's compiled code and the frame pop, emitted as Cranelift IR instead of a round trip
//! through the vm's `call_known` helper.
//!
//! Recursive and call-heavy code (fib, tree walks, small methods) spends most of its time in
//! the call protocol, not in the callee. The helper had to re-derive everything per call
//! (stack length from the stack pointer, the caller's frame, the callee's tier and globals,
//! the limits) through several layers of Rust; the call site already knows the callee's code,
//! globals and sizes as constants, so the common case is a dozen loads and compares, a dozen
//! stores and an indirect call.
//!
//! The frame record is the interpreter's own, written into the vm's frame stack at offsets the
//! vm measured ([`CallLayout`]), so tracebacks, the collector, `locals()` and deopt see exactly
//! what the helper path would have produced. Whenever anything is unusual the call takes the
//! helper path, which handles it: the callee not compiled (or compiled for other globals), a
//! profiler listening, a collection or Ctrl-C due at the function-entry safepoint, the compiled
//! nesting limit (`DEPTH_LIMIT`), the recursion limit, a full frame-stack allocation or too
//! little VM stack room. When the callee's code leaves with the exit marker (a deopt or an
//! exception), its frame is still on top and the `finish_call` helper finishes it as the helper
//! path would have.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, FuncRef, InstBuilder, MemFlagsData, Value as IrValue};
use krait_compiler::Opcode;
use krait_runtime::layout::Kind as ObjectKind;
use krait_runtime::profile::EXIT_MARKER;
use krait_runtime::Value;

use super::{Translator, PAYLOAD_MASK};
use crate::{CallLayout, CallTarget};

/// The tag (top 16 bits) of a heap object's value.
pub(super) const OBJECT_TAG: i64 = 0xFFFA;

/// The most locals beyond the arguments an inline call clears one store at a time.
pub(super) const MAX_CLEARED_LOCALS: usize = 16;

impl<'a, 'b> Translator<'a, 'b> {
    /// The address of `target`'s code object and its compiled entry, continuing in a new block
    /// where the callee is compiled for `target`'s globals; to `otherwise` where it is not.
    pub(super) fn compiled_callee_entry(
        &mut self,
        target: &CallTarget,
        layout: CallLayout,
        otherwise: Block,
    ) -> (IrValue, CalleeEntry) {
        let flags = MemFlagsData::trusted();
        let code_address = self
            .builder
            .ins()
            .iconst(types::I64, target.code as *const _ as i64);
        if let Some(function) = self.self_call_entry(target) {
            return (code_address, CalleeEntry::Direct(function));
        }
        let entry = self
            .builder
            .ins()
            .load(types::I64, flags, code_address, layout.code_entry);
        let compiled_globals =
            self.builder
                .ins()
                .load(types::I64, flags, code_address, layout.code_globals);
        let has_entry = self.builder.ins().icmp_imm_s(IntCC::NotEqual, entry, 0);
        let same_globals = self.builder.ins().icmp_imm_s(
            IntCC::Equal,
            compiled_globals,
            target.globals.bits() as i64,
        );
        let ready = self.builder.ins().band(has_entry, same_globals);
        let next = self.builder.create_block();
        self.builder.ins().brif(ready, next, &[], otherwise, &[]);
        self.builder.switch_to_block(next);
        (code_address, CalleeEntry::Indirect(entry))
    }

    /// This function itself, when a call of `target` runs the code being compiled for the
    /// globals it is compiled for (a recursive call): the call can then enter this function
    /// directly, with no check that the callee is compiled. Running this code is right for
    /// such a call even after the code was invalidated or recompiled meanwhile: compiled code
    /// checks every speculation it makes (guards, epochs, shapes), so an older version stays
    /// correct, only possibly slower, for the rest of this activation's recursion.
    pub(super) fn self_call_entry(&self, target: &CallTarget) -> Option<FuncRef> {
        let function = self.self_function?;
        let same_code = std::ptr::eq(target.code, self.code);
        let same_globals = self.code.profile.globals.get() == target.globals;
        (same_code && same_globals && self.inlined.is_none()).then_some(function)
    }

    /// Whether a profiler listens (an i8): paths that skip the vm's call machinery must not
    /// then, or the profiler would miss the call.
    pub(super) fn profiler_listening(&mut self, layout: CallLayout) -> IrValue {
        let profiler = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.vm,
            layout.profiler,
        );
        self.builder.ins().icmp_imm_s(IntCC::NotEqual, profiler, 0)
    }

    /// Whether a call of `target` can be made inline: the vm gave the layout and the callee
    /// has few locals besides its parameters.
    pub(super) fn inline_call_layout(&self, target: &CallTarget) -> Option<CallLayout> {
        let layout = self.environment.call_layout?;
        let extra = target
            .code
            .code
            .varnames
            .len()
            .checked_sub(target.argument_count as usize)?;
        (extra <= MAX_CLEARED_LOCALS).then_some(layout)
    }

    /// Continues in a new block when `condition` is false; jumps to `slow` when it is true.
    pub(super) fn bail_if(&mut self, condition: IrValue, slow: Block) {
        let next = self.builder.create_block();
        self.builder.ins().brif(condition, slow, &[], next, &[]);
        self.builder.switch_to_block(next);
    }

    /// The frame record of a call made inline to `target` (a function known at compile time,
    /// its code compiled): its code, globals and frame size as constants, with what the call
    /// site has — the callable, the compiled entry, where the arguments end and how many.
    pub(super) fn known_frame_setup(
        &mut self,
        target: &CallTarget,
        code_address: IrValue,
        callable: IrValue,
        entry: CalleeEntry,
        stack_pointer: IrValue,
        argument_count: i64,
    ) -> FrameSetup {
        let code = &target.code.code;
        let local_count = code.varnames.len() as i64;
        let code_value = self
            .builder
            .ins()
            .iconst(types::I64, target.code_value.bits() as i64);
        let globals = self
            .builder
            .ins()
            .iconst(types::I64, target.globals.bits() as i64);
        let room = self
            .builder
            .ins()
            .iconst(types::I64, local_count + i64::from(code.max_stack_depth));
        let local_count_value = self.builder.ins().iconst(types::I64, local_count);
        FrameSetup {
            code_address,
            code_value,
            callable,
            globals,
            entry,
            stack_pointer,
            argument_count,
            local_count: local_count_value,
            constant_local_count: Some(local_count),
            room,
            cells: None,
        }
    }

    /// Emits, in the current block (where `callable` is known to be `target`'s function), the
    /// call made inline, falling back to the `call_known` helper (`target_address` is the
    /// boxed `target`) when any precondition fails; the callee's normal return jumps to
    /// `done` with its result, every other way to `join` with the call's result or the exit
    /// marker.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn inline_call(
        &mut self,
        layout: CallLayout,
        target: &CallTarget,
        target_address: i64,
        callable: IrValue,
        stack_pointer: IrValue,
        index: usize,
        (join, done): (Block, Block),
    ) {
        let flags = MemFlagsData::trusted();
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);

        let code_address = self
            .builder
            .ins()
            .iconst(types::I64, target.code as *const _ as i64);
        let entry = match self.self_call_entry(target) {
            // A call of this very code for its own globals: this function is the callee's
            // compiled code, called directly (no load of the entry, no globals check).
            Some(function) => CalleeEntry::Direct(function),
            None => {
                // The callee compiled, for the function's globals.
                let entry =
                    self.builder
                        .ins()
                        .load(types::I64, flags, code_address, layout.code_entry);
                let no_entry = self.builder.ins().icmp_imm_s(IntCC::Equal, entry, 0);
                self.bail_if(no_entry, slow);
                let compiled_globals =
                    self.builder
                        .ins()
                        .load(types::I64, flags, code_address, layout.code_globals);
                let other_globals = self.builder.ins().icmp_imm_s(
                    IntCC::NotEqual,
                    compiled_globals,
                    target.globals.bits() as i64,
                );
                self.bail_if(other_globals, slow);
                CalleeEntry::Indirect(entry)
            }
        };
        let setup = self.known_frame_setup(
            target,
            code_address,
            callable,
            entry,
            stack_pointer,
            i64::from(target.argument_count),
        );
        self.push_call_pop(layout, setup, index, slow, (done, join));

        // ---- the helper path ----
        self.builder.switch_to_block(slow);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let target_value = self.builder.ins().iconst(types::I64, target_address);
        let helper = self.environment.helpers.call_known;
        let result =
            self.call_helper_raw(helper, stack_pointer, instruction, callable, target_value);
        self.builder.ins().jump(join, &[result.into()]);
    }

    /// A `Call` or `CallMethod` whose callable the translator does not know: when it turns out
    /// to be a Python function (closures included) whose compiled code a call with this many
    /// arguments enters with the arguments in place (`CallShape::plain_arguments`), compiled
    /// for its globals, the call is made inline as for an expected callee, everything read
    /// from the function and code objects at run time; anything else takes the `call` helper.
    /// Returns false (emitting nothing) when the layouts are unknown.
    pub(super) fn dynamic_call(&mut self, index: usize, opcode: Opcode, arg: u32) -> bool {
        let (Some(layout), Some(objects)) = (self.environment.call_layout, self.layout()) else {
            return false;
        };
        let count = arg as usize;
        let (callable_slot, given) = if opcode == Opcode::Call {
            (self.depth.checked_sub(count + 1), count)
        } else if opcode == Opcode::CallMethod {
            (self.depth.checked_sub(count + 2), count + 1)
        } else {
            return false;
        };
        let Some(callable_slot) = callable_slot else {
            return false;
        };
        // A callable the translator expected (a folded global, a cached method) that
        // `known_call` did not take is a builtin, a class or a function needing the binder:
        // the inline sequence would never be used there, and it costs compile time.
        if !self.stack_expected[callable_slot].is_empty() {
            return false;
        }
        let flags = MemFlagsData::trusted();
        let stack_pointer = self.flush(self.depth);
        let callable = self.builder.use_var(self.stack_variables[callable_slot]);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        let done = self.builder.create_block();
        self.builder.append_block_param(done, types::I64);
        let slow = self.builder.create_block();
        self.builder.set_cold_block(slow);

        // A Python function…
        let tag = self.builder.ins().ushr_imm_u(callable, 48);
        let not_object = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::NotEqual, tag, OBJECT_TAG);
        self.bail_if(not_object, slow);
        let address = self.builder.ins().band_imm_s(callable, PAYLOAD_MASK);
        let kind = self
            .builder
            .ins()
            .uload8(types::I32, flags, address, objects.kind);
        let not_function =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, kind, ObjectKind::Function as i64);
        self.bail_if(not_function, slow);
        let function = self
            .builder
            .ins()
            .load(types::I64, flags, address, layout.function_pointer);
        let code_value = self
            .builder
            .ins()
            .load(types::I64, flags, function, layout.function_code);
        let code_object = self.builder.ins().band_imm_s(code_value, PAYLOAD_MASK);
        let code_address =
            self.builder
                .ins()
                .load(types::I64, flags, code_object, layout.code_pointer);
        // …binding exactly these arguments in place…
        let plain_arguments =
            self.builder
                .ins()
                .uload32(flags, code_address, layout.shape_plain_arguments);
        let other_count =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, plain_arguments, given as i64);
        self.bail_if(other_count, slow);
        // …compiled for its globals.
        let entry = self
            .builder
            .ins()
            .load(types::I64, flags, code_address, layout.code_entry);
        let no_entry = self.builder.ins().icmp_imm_s(IntCC::Equal, entry, 0);
        self.bail_if(no_entry, slow);
        let globals = self
            .builder
            .ins()
            .load(types::I64, flags, function, layout.function_globals);
        let compiled_globals =
            self.builder
                .ins()
                .load(types::I64, flags, code_address, layout.code_globals);
        let other_globals = self
            .builder
            .ins()
            .icmp(IntCC::NotEqual, globals, compiled_globals);
        self.bail_if(other_globals, slow);
        let local_count = self
            .builder
            .ins()
            .uload32(flags, code_address, layout.shape_local_count);
        let room = self
            .builder
            .ins()
            .uload32(flags, code_address, layout.shape_room);
        let free_count = self
            .builder
            .ins()
            .uload32(flags, code_address, layout.shape_free_count);
        // The free variables' cells: the closure is a tuple of exactly that many.
        let has_cells = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::NotEqual, free_count, 0);
        let closure_block = self.builder.create_block();
        let cells_known = self.builder.create_block();
        self.builder.append_block_param(cells_known, types::I64);
        let no_items = self.builder.ins().iconst(types::I64, 0);
        self.builder.ins().brif(
            has_cells,
            closure_block,
            &[],
            cells_known,
            &[no_items.into()],
        );
        self.builder.switch_to_block(closure_block);
        let closure = self
            .builder
            .ins()
            .load(types::I64, flags, function, layout.function_closure);
        let closure_tag = self.builder.ins().ushr_imm_u(closure, 48);
        let closure_not_object =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, closure_tag, OBJECT_TAG);
        self.bail_if(closure_not_object, slow);
        let closure_address = self.builder.ins().band_imm_s(closure, PAYLOAD_MASK);
        let closure_kind =
            self.builder
                .ins()
                .uload8(types::I32, flags, closure_address, objects.kind);
        let not_tuple =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, closure_kind, ObjectKind::Tuple as i64);
        self.bail_if(not_tuple, slow);
        let cell_count =
            self.builder
                .ins()
                .load(types::I64, flags, closure_address, objects.tuple_length);
        let other_cells = self
            .builder
            .ins()
            .icmp(IntCC::NotEqual, cell_count, free_count);
        self.bail_if(other_cells, slow);
        let items =
            self.builder
                .ins()
                .load(types::I64, flags, closure_address, objects.tuple_items);
        self.builder.ins().jump(cells_known, &[items.into()]);
        self.builder.switch_to_block(cells_known);
        let items = self.builder.block_params(cells_known)[0];
        self.push_call_pop(
            layout,
            FrameSetup {
                code_address,
                code_value,
                callable,
                globals,
                entry: CalleeEntry::Indirect(entry),
                stack_pointer,
                argument_count: given as i64,
                local_count,
                constant_local_count: None,
                room,
                cells: Some((items, free_count)),
            },
            index,
            slow,
            (done, join),
        );

        // ---- the helper path ----
        self.builder.switch_to_block(slow);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let opcode_value = self
            .builder
            .ins()
            .iconst(types::I64, i64::from(opcode.to_byte()));
        let argument = self.builder.ins().iconst(types::I64, i64::from(arg));
        let helper = self.environment.helpers.call;
        let result =
            self.call_helper_raw(helper, stack_pointer, instruction, opcode_value, argument);
        self.builder.ins().jump(join, &[result.into()]);

        self.builder.switch_to_block(join);
        let answer = self.builder.block_params(join)[0];
        self.exit_if_marker(answer);
        self.builder.ins().jump(done, &[answer.into()]);
        self.builder.switch_to_block(done);
        let result = self.builder.block_params(done)[0];
        let (pops, _) = opcode.stack_effect(arg);
        self.depth -= pops as usize;
        self.push(result, super::Kind::Unknown);
        true
    }

    /// Jumps to `slow` when the heap's allocation counter has reached its threshold.
    fn bail_if_detached(&mut self, slow: Block) {
        if self.locals_variable.is_none() {
            return;
        }
        let offset = self.environment.detached.buffer;
        let buffer = self
            .builder
            .ins()
            .load(types::I64, MemFlagsData::trusted(), self.vm, offset);
        let detached = self.builder.ins().icmp_imm_s(IntCC::NotEqual, buffer, 0);
        self.bail_if(detached, slow);
    }

    fn bail_if_collection_due(&mut self, slow: Block) {
        let flags = MemFlagsData::trusted();
        let allocated = self.builder.ins().load(
            types::I64,
            flags,
            self.vm,
            self.environment.allocated_offset,
        );
        let threshold = self.builder.ins().load(
            types::I64,
            flags,
            self.vm,
            self.environment.threshold_offset,
        );
        let collection_due =
            self.builder
                .ins()
                .icmp(IntCC::UnsignedGreaterThanOrEqual, allocated, threshold);
        self.bail_if(collection_due, slow);
    }

    /// Emits `body(i)` for `i` from `start` up to (not including) `end`, both i64 values.
    fn emit_loop(&mut self, start: IrValue, end: IrValue, body: impl Fn(&mut Self, IrValue)) {
        let header = self.builder.create_block();
        let looping = self.builder.create_block();
        let done = self.builder.create_block();
        self.builder.append_block_param(header, types::I64);
        self.builder.ins().jump(header, &[start.into()]);
        self.builder.switch_to_block(header);
        let counter = self.builder.block_params(header)[0];
        let more = self.builder.ins().icmp(IntCC::SignedLessThan, counter, end);
        self.builder.ins().brif(more, looping, &[], done, &[]);
        self.builder.switch_to_block(looping);
        body(self, counter);
        let next = self.builder.ins().iadd_imm_s(counter, 1);
        self.builder.ins().jump(header, &[next.into()]);
        self.builder.switch_to_block(done);
    }

    /// The common part of both inline calls, in the current block where the callee is known
    /// compiled for its globals: the remaining checks (jumping to `slow` when one fails), the
    /// frame push, the call and the frame pop, ending with a jump to `returned` with the
    /// callee's result (never the exit marker), or, where the callee left with the exit marker,
    /// to `finished` with what the `finish_call` helper answered (which may be the marker).
    pub(super) fn push_call_pop(
        &mut self,
        layout: CallLayout,
        setup: FrameSetup,
        index: usize,
        slow: Block,
        (returned_to, finished): (Block, Block),
    ) {
        let flags = MemFlagsData::trusted();
        let FrameSetup {
            code_address,
            code_value,
            callable,
            globals,
            entry,
            stack_pointer,
            argument_count,
            local_count,
            constant_local_count,
            room,
            cells,
        } = setup;

        // ---- preconditions: any failing one takes the helper ----
        // Generator code running on its generator's buffer (`vm/src/detached_generator.rs`)
        // has no frame on the VM stack to push the callee's above: the helper attaches it.
        self.bail_if_detached(slow);
        // The function-entry safepoint: a collection due or a flag raised. (Under GC stress,
        // where a collection is always due, inline calls skip the entry collection — the
        // collector still runs at every back-edge and at the entry of calls through the
        // helpers — so that the stress mode checks the frames they push.)
        if !self.environment.gc_stress {
            self.bail_if_collection_due(slow);
        }
        let flag_address =
            self.builder
                .ins()
                .load(types::I64, flags, self.vm, self.environment.poll_offset);
        let flag = self
            .builder
            .ins()
            .uload8(types::I32, flags, flag_address, 0);
        let requested = self.builder.ins().icmp_imm_s(IntCC::NotEqual, flag, 0);
        self.bail_if(requested, slow);
        let depth = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, layout.jit_depth);
        let too_deep = self.builder.ins().icmp_imm_s(
            IntCC::UnsignedGreaterThanOrEqual,
            depth,
            layout.depth_limit as i64,
        );
        self.bail_if(too_deep, slow);
        // One compare for the recursion limit, a full frame-stack allocation and a listening
        // profiler (the vm keeps `frame_limit` below each) — unless an inlined prefix's call
        // boundary has just made it (nothing in between writes the vm).
        let frame_count = match self.checked_frame_count.take() {
            Some(frame_count) => frame_count,
            None => {
                let frame_count =
                    self.builder
                        .ins()
                        .load(types::I64, flags, self.vm, layout.frames_length);
                let frame_limit =
                    self.builder
                        .ins()
                        .load(types::I64, flags, self.vm, layout.frame_limit);
                let at_limit = self.builder.ins().icmp(
                    IntCC::UnsignedGreaterThanOrEqual,
                    frame_count,
                    frame_limit,
                );
                self.bail_if(at_limit, slow);
                frame_count
            }
        };
        // Room in the VM stack for the callee's frame: its end against the precomputed limit.
        let room_bytes = self.builder.ins().ishl_imm_u(room, 3);
        let frame_end = self.builder.ins().iadd(stack_pointer, room_bytes);
        let stack_limit = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, layout.stack_limit);
        let no_room = self
            .builder
            .ins()
            .icmp(IntCC::UnsignedGreaterThan, frame_end, stack_limit);
        self.bail_if(no_room, slow);
        let stack_data = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, layout.stack_data);
        let stack_bytes = self.builder.ins().isub(stack_pointer, stack_data);
        let stack_length = self.builder.ins().ushr_imm_u(stack_bytes, 3);

        // ---- the frame push ----
        let arguments_start = self.builder.ins().iadd_imm_s(stack_length, -argument_count);
        let return_to = self.builder.ins().iadd_imm_s(arguments_start, -1);
        let callee_locals = self
            .builder
            .ins()
            .iadd_imm_s(stack_pointer, -argument_count * 8);
        let null = self
            .builder
            .ins()
            .iconst(types::I64, Value::NULL.bits() as i64);
        match constant_local_count {
            Some(count) => {
                for local in argument_count..count {
                    self.builder
                        .ins()
                        .store(flags, null, callee_locals, (local * 8) as i32);
                }
            }
            None => {
                let first = self.builder.ins().iconst(types::I64, argument_count);
                self.emit_loop(first, local_count, |this, local| {
                    let offset = this.builder.ins().ishl_imm_u(local, 3);
                    let slot = this.builder.ins().iadd(callee_locals, offset);
                    this.builder.ins().store(flags, null, slot, 0);
                });
            }
        }
        let locals_end = self.builder.ins().iadd(arguments_start, local_count);
        let operand_base = match cells {
            Some((items, count)) => {
                let locals_bytes = self.builder.ins().ishl_imm_u(local_count, 3);
                let cells_start = self.builder.ins().iadd(callee_locals, locals_bytes);
                let first = self.builder.ins().iconst(types::I64, 0);
                self.emit_loop(first, count, |this, cell| {
                    let offset = this.builder.ins().ishl_imm_u(cell, 3);
                    let from = this.builder.ins().iadd(items, offset);
                    let value = this.builder.ins().load(types::I64, flags, from, 0);
                    let to = this.builder.ins().iadd(cells_start, offset);
                    this.builder.ins().store(flags, value, to, 0);
                });
                self.builder.ins().iadd(locals_end, count)
            }
            None => locals_end,
        };
        self.builder
            .ins()
            .store(flags, operand_base, self.vm, layout.stack_length);
        let frames_data = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, layout.frames_data);
        let frame_size = i64::from(layout.frame_size);
        let frames_bytes = self.builder.ins().imul_imm_s(frame_count, frame_size);
        let frame = self.builder.ins().iadd(frames_data, frames_bytes);
        // The caller's frame (the one below) resumes after this instruction, as the helpers
        // record before anything that can raise; tracebacks read it.
        let resume = self.builder.ins().iconst(types::I64, index as i64 + 1);
        self.builder
            .ins()
            .store(flags, resume, frame, layout.frame_ip - layout.frame_size);
        let zero = self.builder.ins().iconst(types::I64, 0);
        let one = self.builder.ins().iconst(types::I8, 1);
        for (value, offset) in [
            (code_address, layout.frame_code),
            (code_value, layout.frame_code_value),
            (callable, layout.frame_function),
            (globals, layout.frame_globals),
            (null, layout.frame_locals),
            (arguments_start, layout.frame_base),
            (operand_base, layout.frame_stack_base),
            (zero, layout.frame_ip),
            (return_to, layout.frame_return_to),
            (null, layout.frame_generator),
        ] {
            self.builder.ins().store(flags, value, frame, offset);
        }
        self.builder
            .ins()
            .store(flags, one, frame, layout.frame_is_entry);
        let pushed_count = self.builder.ins().iadd_imm_s(frame_count, 1);
        self.builder
            .ins()
            .store(flags, pushed_count, self.vm, layout.frames_length);
        let nested = self.builder.ins().iadd_imm_s(depth, 1);
        self.builder
            .ins()
            .store(flags, nested, self.vm, layout.jit_depth);

        // ---- the call ----
        let entry_instruction = self.builder.ins().iconst(types::I32, 0);
        self.forget_lists();
        self.forget_instances();
        let arguments = [self.vm, callee_locals, entry_instruction];
        let call = match entry {
            CalleeEntry::Indirect(entry) => {
                self.builder
                    .ins()
                    .call_indirect(self.entry_signature, entry, &arguments)
            }
            CalleeEntry::Direct(function) => self.builder.ins().call(function, &arguments),
        };
        let result = self.builder.inst_results(call)[0];
        self.builder
            .ins()
            .store(flags, depth, self.vm, layout.jit_depth);
        let exited = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, result, EXIT_MARKER as i64);
        let returned = self.builder.create_block();
        let finish = self.builder.create_block();
        self.builder.set_cold_block(finish);
        self.builder.ins().brif(exited, finish, &[], returned, &[]);

        // ---- the frame pop: the callee's record is the top one, nothing above the callable ----
        self.builder.switch_to_block(returned);
        self.builder
            .ins()
            .store(flags, frame_count, self.vm, layout.frames_length);
        self.builder
            .ins()
            .store(flags, return_to, self.vm, layout.stack_length);
        self.builder.ins().jump(returned_to, &[result.into()]);

        // ---- the callee deopted or raised: the vm finishes its frame ----
        self.builder.switch_to_block(finish);
        let null_pointer = self.builder.ins().iconst(types::I64, 0);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let helper = self.environment.helpers.finish_call;
        let answer = self.call_helper_raw(helper, null_pointer, instruction, zero, zero);
        self.builder.ins().jump(finished, &[answer.into()]);
    }
}

/// How an inline call reaches the callee's compiled code.
#[derive(Clone, Copy)]
pub(super) enum CalleeEntry {
    /// Through the entry pointer loaded from its code object (an i64 value).
    Indirect(IrValue),
    /// By a direct call of the function being compiled (the callee is this code).
    Direct(FuncRef),
}

/// What `push_call_pop` needs to know about the callee, as IR values.
pub(super) struct FrameSetup {
    /// The callee's `CodeData`.
    pub(super) code_address: IrValue,
    /// The code as a value.
    pub(super) code_value: IrValue,
    /// The function.
    pub(super) callable: IrValue,
    /// The function's globals.
    pub(super) globals: IrValue,
    /// The compiled entry.
    pub(super) entry: CalleeEntry,
    /// The end of the caller's flushed operand stack: the arguments end there.
    pub(super) stack_pointer: IrValue,
    /// How many values the call passes (they become the first locals).
    pub(super) argument_count: i64,
    /// The callee's locals (an i64 value).
    pub(super) local_count: IrValue,
    /// The same, when known at compile time (the extra locals are then cleared unrolled).
    pub(super) constant_local_count: Option<i64>,
    /// The VM stack values the callee's frame needs besides the margin (an i64 value).
    pub(super) room: IrValue,
    /// The free variables' cells to copy after the locals: the items' address and count.
    pub(super) cells: Option<(IrValue, IrValue)>,
}
