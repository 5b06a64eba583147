//! Generators: a generator keeps its frame (locals, cells, operand stack, instruction) in a
//! heap object while suspended; resuming copies it back onto the VM stack and runs a nested
//! loop until the next `yield` or the end.

use krait_runtime::object::{GeneratorState, Payload, SuspendedFrame};
use krait_runtime::{protocol, GeneratorStep, PyErr, PyResult, Value};

use crate::frame::Frame;
use crate::interpreter::Exit;
use krait_runtime::loader::code_data;
use crate::Vm;

impl Vm {
    /// Resumes `generator` with `value` sent in, or `exception` thrown in when not NULL.
    pub(crate) fn resume(&mut self, generator: Value, value: Value, exception: Value) -> PyResult<GeneratorStep> {
        let Some(Payload::Generator(state)) = generator.as_object().map(|object| &object.payload) else {
            return Err(self.runtime.type_error("not a generator"));
        };
        match state.state.get() {
            GeneratorState::Running => return Err(self.runtime.value_error("generator already executing")),
            GeneratorState::Finished => {
                if !exception.is_null() {
                    return Err(PyErr { exception });
                }
                return Ok(GeneratorStep::Returned(Value::NONE));
            }
            GeneratorState::Created => {
                if exception.is_null() && !value.is_none() {
                    return Err(self.runtime.type_error("can't send non-None value to a just-started generator"));
                }
            }
            GeneratorState::Suspended => {}
        }
        let Some(saved) = state.frame.get().take() else {
            state.state.set(GeneratorState::Finished);
            return Ok(GeneratorStep::Returned(Value::NONE));
        };
        let was_started = state.state.get() == GeneratorState::Suspended;
        let function = saved.function;
        let Some(Payload::Function(function_object)) = function.as_object().map(|object| &object.payload) else {
            return Ok(GeneratorStep::Returned(Value::NONE));
        };
        let Some(code) = code_data(function_object.code) else { return Ok(GeneratorStep::Returned(Value::NONE)) };
        if self.frames.len() >= self.runtime.recursion_limit {
            *state.frame.get() = Some(saved);
            return Err(self.recursion_error());
        }
        state.state.set(GeneratorState::Running);
        let base = self.stack.len();
        let locals_and_cells = code.code.varnames.len() + code.code.cell_count();
        self.stack.extend_from_slice(&saved.values);
        let outer_handled = self.handled_exception;
        self.handled_exception = saved.handled_exception;
        self.frames.push(Frame {
            code,
            code_value: function_object.code,
            function,
            globals: function_object.globals,
            locals: Value::NULL,
            base,
            stack_base: base + locals_and_cells,
            ip: saved.instruction as usize,
            return_to: base,
            is_entry: true,
            generator,
        });
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
            self.run_frames()
        };
        self.handled_exception = outer_handled;
        match outcome {
            Ok(Exit::Yield(value)) => {
                state.state.set(GeneratorState::Suspended);
                Ok(GeneratorStep::Yielded(value))
            }
            Ok(Exit::Return(value)) => {
                state.state.set(GeneratorState::Finished);
                *state.frame.get() = None;
                Ok(GeneratorStep::Returned(value))
            }
            Err(error) => {
                state.state.set(GeneratorState::Finished);
                *state.frame.get() = None;
                if protocol::is_instance(&self.runtime, error.exception, self.runtime.types.stop_iteration) {
                    let runtime = &mut self.runtime;
                    let replacement = runtime.runtime_error("generator raised StopIteration");
                    if let Some(data) = krait_runtime::runtime::exception_data(replacement.exception) {
                        data.get().cause = error.exception;
                        data.get().suppress_context = true;
                    }
                    return Err(replacement);
                }
                Err(error)
            }
        }
    }

    /// Saves the top frame (a generator's, at a `yield`) into its generator and pops it.
    pub(crate) fn suspend_generator(&mut self) {
        let Some(frame) = self.frames.pop() else { return };
        let values = self.stack.split_off(frame.base);
        self.stack.truncate(frame.return_to);
        if let Some(Payload::Generator(state)) = frame.generator.as_object().map(|object| &object.payload) {
            *state.frame.get() = Some(SuspendedFrame {
                function: frame.function,
                instruction: frame.ip as u32,
                values,
                handled_exception: self.handled_exception,
            });
        }
    }

    /// `Send`: one step of `yield from`.
    pub(crate) fn send(&mut self, iterator: Value, value: Value) -> PyResult<GeneratorStep> {
        if let Some(Payload::Generator(_)) = iterator.as_object().map(|object| &object.payload) {
            return self.resume(iterator, value, Value::NULL);
        }
        let result = if value.is_none() {
            match protocol::next(self, iterator)? {
                Some(item) => return Ok(GeneratorStep::Yielded(item)),
                None => return Ok(GeneratorStep::Returned(Value::NONE)),
            }
        } else {
            let send = self.runtime.names.send;
            protocol::call_method(self, iterator, send, &[value])
        };
        match result {
            Ok(item) => Ok(GeneratorStep::Yielded(item)),
            Err(error) => {
                if protocol::is_instance(&self.runtime, error.exception, self.runtime.types.stop_iteration) {
                    let items = krait_runtime::types::exception::args(error.exception);
                    Ok(GeneratorStep::Returned(items.first().copied().unwrap_or(Value::NONE)))
                } else {
                    Err(error)
                }
            }
        }
    }
}
