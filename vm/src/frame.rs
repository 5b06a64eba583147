//! Interpreter frames.
//!
//! All frames share one contiguous value stack (`Vm::stack`): a frame's locals start at
//! `base`, its cells follow, and its operand stack grows above them. A Python-to-Python call
//! pushes a `Frame` record and reuses the caller's pushed arguments as the callee's first
//! locals, so a call allocates nothing on the heap and does not recurse on the native stack.

use krait_runtime::object::{CodeData, Payload};
use krait_runtime::Value;

/// One activation of a code object.
pub struct Frame {
    /// The code being run.
    pub code: &'static CodeData,
    /// The code value (keeps `code` alive; a GC root).
    pub code_value: Value,
    /// The function being run, or NULL for module and class bodies.
    pub function: Value,
    /// The global namespace (a dict).
    pub globals: Value,
    /// The local namespace for module and class bodies (a dict), NULL for functions.
    pub locals: Value,
    /// Index in the VM stack of the first local.
    pub base: usize,
    /// Index in the VM stack where the operand stack starts (after locals and cells).
    pub stack_base: usize,
    /// The next instruction.
    pub ip: usize,
    /// Stack length to cut back to when the frame returns (removes the callable too).
    pub return_to: usize,
    /// The run loop that started this frame returns when it finishes (calls from Rust code).
    pub is_entry: bool,
    /// The generator running in this frame, or NULL.
    pub generator: Value,
}

impl Frame {
    /// The frame of a call of the Python function `callable` (whose payload is `function`,
    /// running `code`), its locals from `base` and its operand stack from `stack_base`.
    pub(crate) fn for_call(
        code: &'static CodeData,
        callable: Value,
        function: &krait_runtime::object::FunctionObject,
        base: usize,
        stack_base: usize,
        return_to: usize,
        is_entry: bool,
    ) -> Frame {
        Frame {
            code,
            code_value: function.code,
            function: callable,
            globals: function.globals,
            locals: Value::NULL,
            base,
            stack_base,
            ip: 0,
            return_to,
            is_entry,
            generator: Value::NULL,
        }
    }

    /// Visits the values the frame record itself holds (for the GC).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.code_value);
        visit(self.function);
        visit(self.globals);
        visit(self.locals);
        visit(self.generator);
    }
}

/// The contents of a cell value (NULL when empty).
#[inline]
pub(crate) fn cell_contents(cell: Value) -> Value {
    match cell.as_object().map(|object| &object.payload) {
        Some(Payload::Cell(contents)) => contents.get(),
        _ => Value::NULL,
    }
}

/// Sets the contents of a cell value.
#[inline]
pub(crate) fn set_cell(cell: Value, value: Value) {
    if let Some(Payload::Cell(contents)) = cell.as_object().map(|object| &object.payload) {
        contents.set(value);
    }
}

impl crate::Vm {
    /// Pushes a frame. Every frame push of the vm goes through here, so the profiler sees it
    /// (one predictable branch when the profiler is off).
    #[inline(always)]
    pub(crate) fn push_frame(&mut self, frame: Frame) {
        let code_value = frame.code_value;
        let code = frame.code;
        let grows = self.frames.len() == self.frames.capacity();
        self.frames.push(frame);
        if grows {
            // More frame records are allocated: inline calls may push up to the new capacity.
            self.refresh_call_limits();
        }
        if self.profiler.is_some() {
            self.profile_frame_pushed(code_value, code, self.frames.len());
        }
    }

    /// Pops the top frame; every frame pop of the vm goes through here (see `push_frame`).
    #[inline(always)]
    pub(crate) fn pop_frame(&mut self) -> Option<Frame> {
        let frame = self.frames.pop();
        if self.profiler.is_some() {
            self.profile_frame_popped(self.frames.len());
        }
        frame
    }
}
