//! Exception propagation: records traceback entries frame by frame and jumps to the handler
//! that the code object's exception table names, or pops the frame and continues outward.

use krait_runtime::object::TracebackEntry;
use krait_runtime::runtime::exception_data;
use krait_runtime::{PyErr, PyResult, Value};

use crate::Vm;

impl Vm {
    /// Handles `error` raised in the top frame. Returns `Ok` when a handler in a frame of the
    /// current run loop takes it (execution continues there), or the error when it leaves the
    /// loop's entry frame.
    pub(crate) fn unwind(&mut self, mut error: PyErr, reraise: bool) -> PyResult<()> {
        let mut exception = error.exception;
        if !reraise {
            self.attach_context(exception);
            if self.observer.is_some() {
                self.observe_raise();
            }
        }
        let mut record = !reraise;
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(error);
            };
            let instruction = frame.ip.saturating_sub(1) as u32;
            if record {
                if let Some(data) = exception_data(exception) {
                    data.get().traceback.push(TracebackEntry {
                        code: frame.code_value,
                        instruction,
                    });
                }
            }
            record = true;
            if let Some(entry) = frame.code.code.handler_for(instruction) {
                let depth = frame.stack_base + entry.depth as usize;
                frame.ip = entry.target as usize;
                let code = frame.code;
                self.stack.truncate(depth);
                if entry.push_lasti {
                    self.stack
                        .push(Value::small_int(i64::from(instruction)).unwrap_or(Value::NONE));
                }
                self.stack.push(exception);
                if self.jit.is_some() {
                    self.note_handler(code, entry.target as usize);
                }
                return Ok(());
            }
            let Some(frame) = self.pop_frame() else {
                return Err(error);
            };
            self.stack.truncate(frame.return_to);
            if frame.is_entry {
                return Err(error);
            }
            if !frame.generator.is_null() {
                // A generator resumed inside this loop: its consumer below sees the exception
                // (or PEP 479's replacement) at its `ForIter` or `Send`.
                error = self.generator_raised(frame.generator, error);
                exception = error.exception;
            }
        }
    }

    /// `error`, raised at `instruction` of the top frame, is caught by a handler of the same
    /// frame that compiled code runs: what `unwind` does before it jumps to a handler (the
    /// context, the frame's traceback entry), and the exception for the handler.
    pub(crate) fn catch_in_frame(&mut self, error: PyErr, instruction: u32) -> Value {
        let exception = error.exception;
        self.attach_context(exception);
        if self.observer.is_some() {
            self.observe_raise();
        }
        if let (Some(frame), Some(data)) = (self.frames.last(), exception_data(exception)) {
            data.get().traceback.push(TracebackEntry {
                code: frame.code_value,
                instruction,
            });
        }
        exception
    }

    /// Sets `__context__` to the exception being handled, as raising inside `except` does.
    pub(crate) fn attach_context(&mut self, exception: Value) {
        let handled = self.topmost_handled_exception();
        if handled.is_null() || handled.is_none() || handled == exception {
            return;
        }
        if let Some(data) = exception_data(exception) {
            let data = data.get();
            if data.context.is_null() {
                // Avoid a cycle: do not chain an exception to one that already chains to it.
                let mut cursor = handled;
                let mut steps = 0;
                while let Some(inner) = exception_data(cursor) {
                    let next = inner.get().context;
                    if next == exception {
                        inner.get().context = Value::NULL;
                        break;
                    }
                    if next.is_null() || steps > 100 {
                        break;
                    }
                    cursor = next;
                    steps += 1;
                }
                data.context = handled;
            }
        }
    }
}
