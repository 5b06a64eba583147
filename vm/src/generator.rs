//! Generators, coroutines and async generators: each keeps its frame (locals, cells, operand
//! stack, instruction) in a heap object while suspended, and resuming copies it back onto the VM
//! stack. `ForIter` and `Send` continue a generator inside the running dispatch loop
//! (`push_generator_frame`: its frame goes above the consumer's, and its yield, return or
//! exception comes back to the consumer's instruction), because re-entering the loop as a nested
//! Rust call for each step cost a tenth of a generator pipeline's time; native callers (`next()`,
//! `send()`, builtins) resume it in a nested loop (`resume`).
//!
//! A frame paused inside `yield from` or `await` (a `YieldValue` marked 1, with the delegate
//! below it on the stack) passes `throw()` and `close()` on to the delegate first, as CPython's
//! `_gen_throw` does; when the delegate then returns, the frame continues after its loop.

use krait_compiler::Opcode;
use krait_runtime::loader::code_data;
use krait_runtime::object::{
    CodeData, GeneratorKind, GeneratorObject, GeneratorState, Payload, SuspendedFrame,
};
use krait_runtime::types::coroutine::kind_name;
use krait_runtime::{protocol, GeneratorStep, PyErr, PyResult, Value};

use crate::frame::Frame;
use crate::interpreter::Exit;
use crate::jit::{CompiledOutcome, JitExit};
use crate::Vm;
use krait_runtime::profile::{Tier, EXIT_MARKER, YIELD_MARKER};

/// How many compiled resumes of a generator's code restore its frame onto the VM stack at
/// once after a run on its saved buffer had to move it there (`Vm::resume_compiled`): a
/// generator whose body calls helpers between yields (a stage of a pipeline) pays the move's
/// extra cost once in this many resumes, and one that stops calling them runs on its buffer
/// again soon after.
const ATTACHED_RESUMES: u8 = 64;

/// Room a detached frame's buffer keeps beyond the frame's size: compiled code may write above
/// its flushed stack pointer before it calls anything (a construction writes the instance and
/// the arguments shifted up by one slot for `__init__`'s frame before the inline call, which
/// then bails to the helper while the frame is detached).
const DETACHED_SLACK: usize = 8;

/// The generator object behind a value.
fn generator_object(value: Value) -> Option<&'static GeneratorObject> {
    match &value.as_object()?.payload {
        Payload::Generator(generator) => Some(generator),
        _ => None,
    }
}

impl Vm {
    /// Resumes `generator` with `value` sent in, or `exception` thrown in when not NULL.
    pub(crate) fn resume(
        &mut self,
        generator: Value,
        value: Value,
        exception: Value,
    ) -> PyResult<GeneratorStep> {
        let Some(state) = generator_object(generator) else {
            return Err(self.runtime.type_error("not a generator"));
        };
        // Async generators are thrown into only by `athrow()`/`aclose()`, which let the
        // awaitable they wait on see GeneratorExit instead of closing it.
        let close_on_exit = state.kind != GeneratorKind::AsyncGenerator;
        self.resume_delegating(generator, value, exception, close_on_exit)
    }

    fn resume_delegating(
        &mut self,
        generator: Value,
        value: Value,
        exception: Value,
        close_on_exit: bool,
    ) -> PyResult<GeneratorStep> {
        if !exception.is_null() {
            if let Some(delegate) = self.delegate_of(generator) {
                return self.throw_through_delegate(generator, delegate, exception, close_on_exit);
            }
        }
        self.resume_frame(generator, value, exception)
    }

    /// The iterator a suspended frame delegates to (`yield from`, `await`), if it is paused in
    /// such a loop.
    fn delegate_of(&self, generator: Value) -> Option<Value> {
        let state = generator_object(generator)?;
        if state.state.get() != GeneratorState::Suspended {
            return None;
        }
        let frame = state.frame.get().as_ref()?;
        let code = code_data(frame.code)?;
        let paused_at = code
            .code
            .instructions
            .get((frame.instruction as usize).checked_sub(1)?)?;
        if paused_at.opcode == Opcode::YieldValue && paused_at.arg == 1 {
            frame.values.last().copied()
        } else {
            None
        }
    }

    /// `throw()` into a frame paused in `yield from`/`await`: close or throw into the delegate
    /// first; its result decides what the frame sees.
    fn throw_through_delegate(
        &mut self,
        generator: Value,
        delegate: Value,
        exception: Value,
        close_on_exit: bool,
    ) -> PyResult<GeneratorStep> {
        let Some(state) = generator_object(generator) else {
            return Err(PyErr { exception });
        };
        let mark = self.runtime.root_mark();
        self.runtime.push_root(generator);
        self.runtime.push_root(delegate);
        self.runtime.push_root(exception);
        let is_exit =
            protocol::is_instance(&self.runtime, exception, self.runtime.types.generator_exit);
        state.state.set(GeneratorState::Running);
        let outcome = if is_exit && close_on_exit {
            let closed = self.close_delegate(delegate);
            state.state.set(GeneratorState::Suspended);
            let thrown = match closed {
                Ok(()) => exception,
                Err(error) => error.exception,
            };
            self.resume_frame(generator, Value::NONE, thrown)
        } else {
            let delegated = if generator_object(delegate).is_some() {
                Some(self.resume_delegating(delegate, Value::NONE, exception, close_on_exit))
            } else {
                let throw_name = self.runtime.names.throw;
                match protocol::attribute::find_attribute(self, delegate, throw_name) {
                    Ok(Some(method)) => {
                        Some(match protocol::call(self, method, &[exception], &[]) {
                            Ok(item) => Ok(GeneratorStep::Yielded(item)),
                            Err(error)
                                if protocol::is_instance(
                                    &self.runtime,
                                    error.exception,
                                    self.runtime.types.stop_iteration,
                                ) =>
                            {
                                let items = krait_runtime::types::exception::args(error.exception);
                                Ok(GeneratorStep::Returned(
                                    items.first().copied().unwrap_or(Value::NONE),
                                ))
                            }
                            Err(error) => Err(error),
                        })
                    }
                    Ok(None) => None,
                    Err(error) => Some(Err(error)),
                }
            };
            state.state.set(GeneratorState::Suspended);
            match delegated {
                None => self.resume_frame(generator, Value::NONE, exception),
                Some(Ok(GeneratorStep::Yielded(item))) => Ok(GeneratorStep::Yielded(item)),
                Some(Ok(GeneratorStep::Returned(result))) => {
                    self.leave_delegation(state);
                    self.resume_frame(generator, result, Value::NULL)
                }
                Some(Err(error)) => self.resume_frame(generator, Value::NONE, error.exception),
            }
        };
        self.runtime.pop_roots(mark);
        outcome
    }

    /// The delegate of a paused frame returned: pop it and continue after the delegation loop
    /// (the `Send`'s target), where its result is expected on the stack.
    fn leave_delegation(&mut self, state: &GeneratorObject) {
        let Some(frame) = state.frame.get().as_mut() else {
            return;
        };
        let Some(code) = code_data(frame.code) else {
            return;
        };
        let instructions = &code.code.instructions;
        let Some(jump) = instructions.get(frame.instruction as usize) else {
            return;
        };
        let Some(send) = instructions.get(jump.arg as usize) else {
            return;
        };
        if jump.opcode == Opcode::Jump && send.opcode == Opcode::Send {
            frame.values.pop();
            frame.instruction = send.arg;
        }
    }

    /// Closes the delegate of a frame being closed (CPython's `gen_close_iter`).
    fn close_delegate(&mut self, delegate: Value) -> PyResult<()> {
        let close_name = self.runtime.names.close;
        if generator_object(delegate).is_some() {
            let close = protocol::attribute::find_attribute(self, delegate, close_name)?;
            if let Some(close) = close {
                protocol::call(self, close, &[], &[])?;
            }
            return Ok(());
        }
        if let Some(close) = protocol::attribute::find_attribute(self, delegate, close_name)? {
            protocol::call(self, close, &[], &[])?;
        }
        Ok(())
    }

    /// Runs the generator's own frame in a nested run of the loop: sends `value` in, or
    /// raises `exception` at the paused point when it is not NULL. (`ForIter` and `Send` in
    /// the loop take `push_generator_frame` instead; this is the path for native callers.)
    fn resume_frame(
        &mut self,
        generator: Value,
        value: Value,
        exception: Value,
    ) -> PyResult<GeneratorStep> {
        let Some(state) = generator_object(generator) else {
            return Err(self.runtime.type_error("not a generator"));
        };
        match state.state.get() {
            GeneratorState::Suspended => {}
            GeneratorState::Running => {
                let kind = kind_name(state.kind);
                return Err(self
                    .runtime
                    .value_error(format!("{kind} already executing")));
            }
            GeneratorState::Finished => {
                if !exception.is_null() {
                    return Err(PyErr { exception });
                }
                if state.kind == GeneratorKind::Coroutine {
                    return Err(self
                        .runtime
                        .runtime_error("cannot reuse already awaited coroutine"));
                }
                return Ok(GeneratorStep::Returned(Value::NONE));
            }
            GeneratorState::Created => {
                if !exception.is_null() {
                    // Thrown in before the first instruction: nothing can catch it.
                    state.state.set(GeneratorState::Finished);
                    *state.frame.get() = None;
                    return Err(PyErr { exception });
                }
                if !value.is_none() {
                    let kind = kind_name(state.kind);
                    return Err(self.runtime.type_error(format!(
                        "can't send non-None value to a just-started {kind}"
                    )));
                }
            }
        }
        let was_started = state.state.get() == GeneratorState::Suspended;
        let Some(code) = saved_code(state) else {
            state.state.set(GeneratorState::Finished);
            *state.frame.get() = None;
            return Ok(GeneratorStep::Returned(Value::NONE));
        };
        self.restore_frame(generator, state, code, true)?;
        let outcome = if !exception.is_null() {
            // Raise at the paused `yield`: unwind from there; a handler may take it.
            match self.unwind(PyErr { exception }, false) {
                Ok(()) => self.run_frames(),
                Err(error) => Err(error),
            }
        } else {
            if was_started {
                self.stack.push(value);
            }
            let compiled = if self.jit.is_some() {
                self.run_generator_compiled()
            } else {
                None
            };
            match compiled {
                Some(CompiledOutcome::Yielded(value)) => {
                    self.suspend_generator();
                    Ok(Exit::Yield(value))
                }
                Some(CompiledOutcome::Returned(value)) => {
                    if let Some(frame) = self.pop_frame() {
                        self.stack.truncate(frame.return_to);
                    }
                    Ok(Exit::Return(value))
                }
                Some(CompiledOutcome::Raised(error)) => match self.unwind(error, false) {
                    Ok(()) => self.run_frames(),
                    Err(error) => Err(error),
                },
                Some(CompiledOutcome::Deopted) | None => self.run_frames(),
            }
        };
        self.finish_step(state, outcome)
    }

    /// The result of one step of a generator's frame, run as an entry frame: a yield (the
    /// frame already suspended), a return or an escaping exception (the generator finishes).
    fn finish_step(
        &mut self,
        state: &GeneratorObject,
        outcome: PyResult<Exit>,
    ) -> PyResult<GeneratorStep> {
        match outcome {
            // `suspend_generator` saved the frame and gave the caller its handled exception back.
            Ok(Exit::Yield(value)) => Ok(GeneratorStep::Yielded(value)),
            Ok(Exit::Return(value)) => {
                self.finish_generator(state);
                Ok(GeneratorStep::Returned(value))
            }
            Err(error) => {
                self.finish_generator(state);
                Err(self.escaped_from_generator(state.kind, error))
            }
        }
    }

    /// `next()`/`send()` of a generator or coroutine whose code is compiled (for its globals)
    /// with an entry where it is paused: the common case of native consumers (builtins such
    /// as `sum`) and of `ForIter` in compiled code, done without the general path's layers.
    /// The compiled code runs from the resume point *detached*, on the saved frame's own
    /// buffer with no frame record (`detached_generator.rs`), unless its code's recent runs
    /// had to move the frame onto the VM stack anyway: then the frame is restored there
    /// first, as `restore_frame` does, and saved back at the next `yield`. `None`, having
    /// changed nothing, for everything else (the general path then runs, with its errors and
    /// messages).
    #[inline]
    pub(crate) fn resume_compiled(
        &mut self,
        generator: Value,
        value: Value,
    ) -> Option<PyResult<GeneratorStep>> {
        let state = generator_object(generator)?;
        let was_started = match (state.kind, state.state.get()) {
            (GeneratorKind::AsyncGenerator, _) => return None,
            (_, GeneratorState::Suspended) => true,
            (_, GeneratorState::Created) if value.is_none() => false,
            _ => return None,
        };
        let saved = state.frame.get().as_mut()?;
        let code = code_data(saved.code)?;
        let profile = &code.profile;
        let instruction = saved.instruction as usize;
        let frame_size = saved.frame_size as usize;
        // (`frame_limit` is below the recursion limit, and zero while a profiler listens.)
        if profile.tier.get() != Tier::Compiled
            || profile.globals.get() != saved.globals
            || !profile.is_entry_point(instruction)
            || self.jit_depth >= crate::jit::DEPTH_LIMIT
            || self.frames.len() >= self.call_limits.frame_limit
            || self.stack.len() + frame_size + crate::STACK_MARGIN > self.stack.capacity()
        {
            return None;
        }
        let entry = profile.entry.get()?;
        state.state.set(GeneratorState::Running);
        std::mem::swap(&mut self.handled_exception, &mut saved.handled_exception);
        let attached_resumes = profile.attached_resumes.get();
        let vm = self as *mut Vm as *mut std::ffi::c_void;
        let result = if attached_resumes == 0 {
            let length = saved.values.len();
            if saved.values.capacity() < frame_size + DETACHED_SLACK {
                // Once per generator at most: compiled code uses the buffer as the whole
                // frame, and may write a little above its stack pointer.
                saved
                    .values
                    .reserve_exact(frame_size + DETACHED_SLACK - length);
            }
            let buffer = saved.values.as_mut_ptr();
            let length = if was_started {
                // SAFETY: `length` < the frame's size <= the buffer's capacity (reserved
                // above): a paused frame's stack is below its deepest, and the sent value
                // goes on top.
                unsafe { buffer.add(length).write(value) };
                length + 1
            } else {
                length
            };
            let outer = (self.detached.relocated_from, self.detached.relocated_to);
            let run = &mut self.detached;
            run.buffer = buffer;
            run.relocated_from = std::ptr::null_mut();
            run.saved = saved;
            run.generator = generator;
            run.code = code;
            run.length = length;
            self.jit_depth += 1;
            // SAFETY: `entry` is the compiled code of the frame's code (for its globals),
            // `instruction` one of its entry points, and its locals start at `buffer`, which
            // holds the whole frame (room for its deepest stack, reserved above) and which
            // nothing else touches while it runs detached; it calls back only through the
            // helpers, which take the vm pointer and attach the frame before anything else.
            let result = unsafe { entry(vm, buffer as *mut u64, instruction as u32) };
            self.jit_depth -= 1;
            let still_detached = self.detached.is_detached();
            (self.detached.relocated_from, self.detached.relocated_to) = outer;
            if still_detached {
                self.detached.buffer = std::ptr::null_mut();
                if result == YIELD_MARKER {
                    // The compiled `yield` left its value and the pause in the record.
                    let value = Value::from_bits(self.detached.yielded);
                    let (stack_pointer, resume_at) =
                        (self.detached.paused_stack, self.detached.paused_at as u32);
                    crate::detached_generator::pause_in_buffer(saved, stack_pointer, resume_at);
                    std::mem::swap(&mut self.handled_exception, &mut saved.handled_exception);
                    state.state.set(GeneratorState::Suspended);
                    return Some(Ok(GeneratorStep::Yielded(value)));
                }
                if result != EXIT_MARKER {
                    // Returned: nothing of the frame is on the VM stack.
                    self.finish_generator(state);
                    return Some(Ok(GeneratorStep::Returned(Value::from_bits(result))));
                }
                if let Some(JitExit::Yield(value)) = self.jit_exit {
                    // `yield_value` recorded the pause in the saved frame.
                    self.jit_exit = None;
                    std::mem::swap(&mut self.handled_exception, &mut saved.handled_exception);
                    state.state.set(GeneratorState::Suspended);
                    return Some(Ok(GeneratorStep::Yielded(value)));
                }
                // Every other exit comes from a helper, which attached the frame; should one
                // not have, it is attached as it was at the resume.
                self.detached.buffer = buffer;
                self.attach_detached(std::ptr::null_mut());
                (self.detached.relocated_from, self.detached.relocated_to) = outer;
            }
            profile.attached_resumes.set(ATTACHED_RESUMES);
            result
        } else {
            profile.attached_resumes.set(attached_resumes - 1);
            let base = self.stack.len();
            let count = saved.values.len();
            // SAFETY: the VM stack has room for the frame (checked above against its reserved
            // capacity, which never changes), so the copy stays inside its allocation; the
            // saved values are valid values, and the source (a heap buffer) cannot overlap
            // the stack.
            unsafe {
                copy_values(
                    saved.values.as_ptr(),
                    self.stack.as_mut_ptr().add(base),
                    count,
                );
                self.stack.set_len(base + count);
            }
            saved.values.clear();
            self.frames.push(Frame {
                code,
                code_value: saved.code,
                function: saved.function,
                globals: saved.globals,
                locals: Value::NULL,
                base,
                stack_base: base + saved.stack_start as usize,
                ip: instruction,
                return_to: base,
                is_entry: true,
                generator,
            });
            if was_started {
                self.stack.push(value);
            }
            // SAFETY: `base` indexes the frame's first local inside the VM stack's
            // allocation, which never moves.
            let locals = unsafe { self.stack.as_mut_ptr().add(base) } as *mut u64;
            self.jit_depth += 1;
            // SAFETY: `entry` is the compiled code of the new top frame's code (for its
            // globals), `instruction` one of its entry points, and its locals start at
            // `locals`; it calls back only through the helpers, which take the vm pointer.
            let result = unsafe { entry(vm, locals, instruction as u32) };
            self.jit_depth -= 1;
            result
        };
        // The frame is on the VM stack, its record on top.
        if result == EXIT_MARKER {
            if let Some(JitExit::Yield(value)) = self.jit_exit {
                self.jit_exit = None;
                // `suspend_generator` for this frame (resumed from here: refill the buffer it
                // left).
                if let Some(frame) = self.frames.pop() {
                    saved.instruction = frame.ip as u32;
                    let values = &self.stack[frame.base..];
                    saved.values.reserve(values.len());
                    // SAFETY: `reserve` made room for `values.len()` more values after the
                    // (empty) saved buffer's length; the two never overlap (heap buffer and VM
                    // stack); the new length covers exactly the values written.
                    unsafe {
                        let length = saved.values.len();
                        copy_values(
                            values.as_ptr(),
                            saved.values.as_mut_ptr().add(length),
                            values.len(),
                        );
                        saved.values.set_len(length + values.len());
                    }
                    std::mem::swap(&mut self.handled_exception, &mut saved.handled_exception);
                    self.stack.truncate(frame.base);
                }
                state.state.set(GeneratorState::Suspended);
                return Some(Ok(GeneratorStep::Yielded(value)));
            }
        }
        Some(self.finish_compiled_resume(state, result))
    }

    /// The end of `resume_compiled` other than a `yield`, its frame on the VM stack with its
    /// record on top: a return, an exception (unwound, perhaps into a handler that the
    /// interpreter runs) or a deopt (the interpreter continues the frame).
    #[inline(never)]
    fn finish_compiled_resume(
        &mut self,
        state: &GeneratorObject,
        result: u64,
    ) -> PyResult<GeneratorStep> {
        let outcome = if result != EXIT_MARKER {
            CompiledOutcome::Returned(Value::from_bits(result))
        } else {
            match self.jit_exit.take() {
                Some(JitExit::Yield(value)) => CompiledOutcome::Yielded(value),
                Some(JitExit::Error(error)) => CompiledOutcome::Raised(error),
                Some(JitExit::Deopt) | None => CompiledOutcome::Deopted,
            }
        };
        let outcome = match outcome {
            CompiledOutcome::Returned(value) => {
                if let Some(frame) = self.pop_frame() {
                    self.stack.truncate(frame.return_to);
                }
                Ok(Exit::Return(value))
            }
            CompiledOutcome::Raised(error) => match self.unwind(error, false) {
                Ok(()) => self.run_frames(),
                Err(error) => Err(error),
            },
            CompiledOutcome::Yielded(value) => {
                self.suspend_generator();
                Ok(Exit::Yield(value))
            }
            CompiledOutcome::Deopted => self.run_frames(),
        };
        self.finish_step(state, outcome)
    }

    /// Runs the generator frame just restored on top in its compiled code, from its start or
    /// its resume point, when its code is compiled (or just became hot); `None` leaves it to
    /// the interpreter.
    #[inline]
    pub(crate) fn run_generator_compiled(&mut self) -> Option<CompiledOutcome> {
        self.jit.as_ref()?;
        let (code, instruction) = self.frames.last().map(|frame| (frame.code, frame.ip))?;
        let entry = self.compiled_entry_for_resume(code, instruction)?;
        Some(self.run_compiled(entry, instruction))
    }

    /// `ForIter` (plain generators) and `Send` (generators and coroutines): when `generator`
    /// can take `value` now, pushes its frame above the consumer's and returns true; the loop
    /// continues in it, and its `yield`, `return` or escaping exception comes back to the
    /// consumer's instruction (`yielded_in_loop`, `generator_returned`, `unwind`). Returns
    /// false for everything else, which takes the nested path (`resume`, `protocol::next`)
    /// with its errors and messages.
    #[inline]
    pub(crate) fn push_generator_frame(
        &mut self,
        generator: Value,
        value: Value,
        coroutines: bool,
    ) -> PyResult<bool> {
        let Some(state) = generator_object(generator) else {
            return Ok(false);
        };
        let was_started = match (state.kind, state.state.get()) {
            (GeneratorKind::AsyncGenerator, _) => return Ok(false),
            (GeneratorKind::Coroutine, _) if !coroutines => return Ok(false),
            (_, GeneratorState::Suspended) => true,
            (_, GeneratorState::Created) if value.is_none() => false,
            _ => return Ok(false),
        };
        let Some(code) = saved_code(state) else {
            return Ok(false);
        };
        self.restore_frame(generator, state, code, false)?;
        if was_started {
            self.stack.push(value);
        }
        Ok(true)
    }

    /// Moves a suspended generator's saved frame onto the VM stack and pushes its frame
    /// record, marking it running. The saved frame stays in the generator, its buffer emptied
    /// for the next suspension (no allocation per step); while the generator runs, the saved
    /// frame's `handled_exception` holds the exception its consumer was handling, and the
    /// generator's own is the VM's (swapped back at the next `yield`, or restored when it
    /// finishes), which also keeps the consumer's rooted.
    #[inline]
    fn restore_frame(
        &mut self,
        generator: Value,
        state: &'static GeneratorObject,
        code: SavedCode,
        is_entry: bool,
    ) -> PyResult<()> {
        let Some(saved) = state.frame.get().as_mut() else {
            return Err(self.runtime.type_error("not a generator"));
        };
        let SavedCode {
            function,
            code,
            code_value,
            globals,
        } = code;
        if self.frames.len() >= self.runtime.recursion_limit
            || self.ensure_stack_room(saved.frame_size as usize).is_err()
        {
            return Err(self.recursion_error());
        }
        state.state.set(GeneratorState::Running);
        let base = self.stack.len();
        self.stack.extend_from_slice(&saved.values);
        saved.values.clear();
        let instruction = saved.instruction as usize;
        std::mem::swap(&mut self.handled_exception, &mut saved.handled_exception);
        self.push_frame(Frame {
            code,
            code_value,
            function,
            globals,
            locals: Value::NULL,
            base,
            stack_base: base + saved.stack_start as usize,
            ip: instruction,
            return_to: base,
            is_entry,
            generator,
        });
        Ok(())
    }

    /// A running generator's frame has ended (returned or raised, its frame record popped):
    /// marks it finished, drops its saved frame and gives the consumer back the exception it
    /// was handling.
    fn finish_generator(&mut self, state: &GeneratorObject) {
        state.state.set(GeneratorState::Finished);
        if let Some(saved) = state.frame.get().take() {
            self.handled_exception = saved.handled_exception;
        }
    }

    /// `ReturnValue` in a generator frame that `push_generator_frame` entered (its record
    /// already popped, the stack cut back to the consumer's): the consumer's `ForIter` ends its
    /// loop, its `Send` takes the value as the result of `yield from`/`await`.
    pub(crate) fn generator_returned(&mut self, generator: Value, value: Value) {
        if let Some(state) = generator_object(generator) {
            self.finish_generator(state);
        }
        let Some(consumer) = self.frames.last_mut() else {
            self.stack.push(value);
            return;
        };
        let resumed_by = consumer
            .ip
            .checked_sub(1)
            .and_then(|index| consumer.code.code.instructions.get(index));
        match resumed_by {
            Some(instruction) if instruction.opcode == Opcode::ForIter => {
                self.stack.pop();
                consumer.ip = instruction.arg as usize;
            }
            Some(instruction) if instruction.opcode == Opcode::Send => {
                self.stack.pop();
                self.stack.push(value);
                consumer.ip = instruction.arg as usize;
            }
            _ => self.stack.push(value),
        }
    }

    /// An exception leaves a generator frame that `push_generator_frame` entered (its record
    /// already popped): the generator is finished, and its consumer sees the exception (PEP
    /// 479's RuntimeError for a StopIteration) at its `ForIter` or `Send`, chained to the
    /// exception it was handling as if that instruction had raised it.
    pub(crate) fn generator_raised(&mut self, generator: Value, error: PyErr) -> PyErr {
        let Some(state) = generator_object(generator) else {
            return error;
        };
        self.finish_generator(state);
        let error = self.escaped_from_generator(state.kind, error);
        self.attach_context(error.exception);
        error
    }

    /// The exception being handled as CPython's `sys.exc_info()`, bare `raise` and implicit
    /// chaining see it: the running frame's own, or, while a generator that handles none runs,
    /// the one its consumer was handling (kept in its saved frame while it runs), and so on
    /// down the chain of running generators.
    pub(crate) fn topmost_handled_exception(&self) -> Value {
        let mut handled = self.handled_exception;
        let mut generators = self
            .frames
            .iter()
            .rev()
            .filter(|frame| !frame.generator.is_null());
        while handled.is_null() || handled.is_none() {
            let Some(frame) = generators.next() else {
                break;
            };
            if let Some(saved) =
                generator_object(frame.generator).and_then(|state| state.frame.get().as_ref())
            {
                handled = saved.handled_exception;
            }
        }
        handled
    }

    /// PEP 479: a StopIteration (or, from an async generator, StopAsyncIteration) leaving a
    /// generator's frame becomes a RuntimeError.
    fn escaped_from_generator(&mut self, kind: GeneratorKind, error: PyErr) -> PyErr {
        let types = self.runtime.types;
        let stop_iteration =
            protocol::is_instance(&self.runtime, error.exception, types.stop_iteration);
        let stop_async = kind == GeneratorKind::AsyncGenerator
            && protocol::is_instance(&self.runtime, error.exception, types.stop_async_iteration);
        if !stop_iteration && !stop_async {
            return error;
        }
        let what = if stop_iteration {
            "StopIteration"
        } else {
            "StopAsyncIteration"
        };
        let message = format!("{} raised {what}", kind_name(kind));
        let replacement = self.runtime.runtime_error(message);
        if let Some(data) = krait_runtime::runtime::exception_data(replacement.exception) {
            data.get().cause = error.exception;
            data.get().context = error.exception;
            data.get().suppress_context = true;
        }
        replacement
    }

    /// Saves the top frame (a generator's, at a `yield`) into its generator and pops it,
    /// giving the consumer back the exception it was handling. Returns whether the frame was
    /// its run's entry (resumed from Rust code: the run returns the value) rather than entered
    /// by `push_generator_frame` (the loop hands the value to the consumer below).
    pub(crate) fn suspend_generator(&mut self) -> bool {
        let Some(frame) = self.pop_frame() else {
            return true;
        };
        if let Some(state) = generator_object(frame.generator) {
            let values = &self.stack[frame.base..];
            state.state.set(GeneratorState::Suspended);
            match state.frame.get() {
                // Resumed from here: refill the buffer it left.
                Some(saved) => {
                    saved.instruction = frame.ip as u32;
                    saved.values.extend_from_slice(values);
                    std::mem::swap(&mut self.handled_exception, &mut saved.handled_exception);
                }
                slot @ None => {
                    *slot = Some(SuspendedFrame {
                        function: frame.function,
                        code: frame.code_value,
                        globals: frame.globals,
                        instruction: frame.ip as u32,
                        stack_start: (frame.stack_base - frame.base) as u32,
                        frame_size: (frame.stack_base - frame.base
                            + frame.code.code.max_stack_depth as usize)
                            as u32,
                        values: values.to_vec(),
                        handled_exception: self.handled_exception,
                    });
                }
            }
        }
        self.stack.truncate(frame.base.min(frame.return_to));
        frame.is_entry
    }

    /// `Send`: one step of `yield from` or `await`.
    pub(crate) fn send(&mut self, iterator: Value, value: Value) -> PyResult<GeneratorStep> {
        if generator_object(iterator).is_some() {
            if self.jit.is_some() {
                if let Some(step) = self.resume_compiled(iterator, value) {
                    return step;
                }
            }
            return self.resume(iterator, value, Value::NULL);
        }
        let is_builtin_iterator = matches!(
            iterator.as_object().map(|object| &object.payload),
            Some(Payload::Iterator(_))
        );
        let result = if value.is_none() && is_builtin_iterator {
            return Ok(match protocol::next(self, iterator)? {
                Some(item) => GeneratorStep::Yielded(item),
                None => GeneratorStep::Returned(Value::NONE),
            });
        } else if value.is_none() {
            // `__next__` itself, so the StopIteration's value (the result) is kept.
            let class = protocol::type_of(&self.runtime, iterator);
            let next_name = self.runtime.names.__next__;
            match protocol::lookup_in_type(&mut self.runtime, class, next_name) {
                Some(method) => protocol::attribute::call_bound(self, method, iterator, &[]),
                None => {
                    let runtime = &mut self.runtime;
                    let message = format!(
                        "'{}' object is not an iterator",
                        protocol::type_name(runtime, iterator)
                    );
                    return Err(runtime.type_error(message));
                }
            }
        } else {
            let send = self.runtime.names.send;
            protocol::call_method(self, iterator, send, &[value])
        };
        match result {
            Ok(item) => Ok(GeneratorStep::Yielded(item)),
            Err(error) => {
                if protocol::is_instance(
                    &self.runtime,
                    error.exception,
                    self.runtime.types.stop_iteration,
                ) {
                    let items = krait_runtime::types::exception::args(error.exception);
                    Ok(GeneratorStep::Returned(
                        items.first().copied().unwrap_or(Value::NONE),
                    ))
                } else {
                    Err(error)
                }
            }
        }
    }
}

/// Copies `count` values between a saved frame's buffer and the VM stack. A generator's frame
/// is usually a handful of values: those are copied by a loop of constant length, which stays
/// inline, where a variable-length copy becomes a call to `memcpy` (6 % of cycles on
/// bench/programs/generators.py).
///
/// # Safety
/// `source` must be valid for reading and `destination` for writing `count` values, and the
/// two ranges must not overlap.
#[inline(always)]
pub(crate) unsafe fn copy_values(source: *const Value, destination: *mut Value, count: usize) {
    if count <= 8 {
        for index in 0..8 {
            if index < count {
                // SAFETY: `index < count`: inside both ranges (the function's contract).
                unsafe { destination.add(index).write(source.add(index).read()) };
            }
        }
    } else {
        // SAFETY: the function's contract.
        unsafe { std::ptr::copy_nonoverlapping(source, destination, count) };
    }
}

/// What resuming a saved frame needs from its function, looked up once per resume.
struct SavedCode {
    function: Value,
    code: &'static CodeData,
    code_value: Value,
    globals: Value,
}

/// The function and code of a generator's saved frame (None when it has none).
#[inline]
fn saved_code(state: &GeneratorObject) -> Option<SavedCode> {
    let saved = state.frame.get().as_ref()?;
    Some(SavedCode {
        function: saved.function,
        code: code_data(saved.code)?,
        code_value: saved.code,
        globals: saved.globals,
    })
}
