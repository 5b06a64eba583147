//! Compiled generator code running *detached*: on its generator's saved frame buffer instead
//! of a copy on the VM stack, with no frame record.
//!
//! Resuming a compiled generator used to copy its saved frame onto the VM stack, push a frame
//! record, run the compiled code and, at the next `yield`, copy the frame back and pop the
//! record — about half of the cost of a `for x in gen()` item (callgrind: ~217 of ~386
//! instructions were `resume_compiled`). All of that exists only for the vm's helpers, which
//! find the running frame through the frame stack and its slots on the VM stack. A generator
//! body often reaches its next `yield` without calling any helper (`while i < n: yield i;
//! i += 1`, a generator expression over a range or a list), so `Vm::resume_compiled` runs the
//! compiled code directly on the saved buffer and makes the VM-stack frame only when a helper
//! actually needs it:
//!
//! - **Resume** records the run here (`DetachedRun::buffer` non-null: the buffer compiled code
//!   runs on), swaps the handled exception as a restored frame does, and calls the compiled
//!   entry with the buffer as its locals pointer. The buffer has room for the whole frame
//!   (locals, cells and the deepest operand stack), reserved on the first such resume.
//! - **`yield`** while detached calls nothing: compiled code leaves the value, its stack pointer
//!   and the resume instruction here and returns `YIELD_MARKER`; the resume writes the pause
//!   into the saved frame — the values are already in place.
//! - **Any other helper** (`helpers::enter`, every helper's first step, and the deopt at an
//!   unknown entry) first *attaches* the frame: copies the buffer's live values onto the VM
//!   stack, pushes the frame record the general path would have pushed, and records the move
//!   (`relocated_from` → `relocated_to`). Compiled generator code re-reads its locals pointer
//!   after every helper call from those two fields (`translate/mod.rs`, `call_helper_raw`), so
//!   it carries on on the VM stack, and from there everything is the attached path of before:
//!   deopt, exceptions, tracebacks, the collector and `yield` see the usual frame.
//! - Calls made inline by compiled code (`push_call_pop`) push frames above the caller's
//!   stack pointer; they take their helper path while the caller is detached.
//! - The fast paths that read the running code's caches (`load_global`, attribute sites) ask
//!   [`Vm::running_code`], which knows the detached frame.
//!
//! At most one frame is detached at a time, and it is always the innermost running code: a
//! helper attaches it before doing anything that could run other code. A nested resume (a
//! helper of an attached generator resuming another one) saves and restores the whole record,
//! so each run sees its own relocation; thread switches (inside helpers) swap it with the
//! rest of the thread state. The collector never runs while a frame is detached (collections
//! happen only inside helpers, which attach first), so the buffer's values past its recorded
//! length need no rooting.

use krait_runtime::object::{CodeData, SuspendedFrame};
use krait_runtime::Value;

use crate::frame::Frame;
use crate::Vm;

/// The detached run, if any, and the last relocation of one (read by compiled code at the
/// offsets `Vm::enable_jit` hands the JIT).
#[derive(Clone, Copy)]
#[repr(C)]
pub struct DetachedRun {
    /// The saved frame buffer compiled code runs on, or null when no frame is detached. The
    /// fields below it describe that frame while it is not null.
    pub buffer: *mut Value,
    /// Where the detached frame was attached from (its buffer) and to (its first local on the
    /// VM stack); compiled code whose locals pointer equals `relocated_from` after a helper
    /// call continues at `relocated_to`. Cleared at each detached resume, put back after it.
    pub relocated_from: *mut Value,
    /// See `relocated_from`.
    pub relocated_to: *mut Value,
    /// The generator's saved frame (which owns `buffer`).
    pub saved: *mut SuspendedFrame,
    /// The generator whose frame is detached.
    pub generator: Value,
    /// The frame's code.
    pub code: *const CodeData,
    /// How many values the buffer held at the resume (with the value sent in): the frame's
    /// length when it is attached with no stack pointer.
    pub length: usize,
    /// Written by the compiled code's `yield` while detached (it then returns
    /// `YIELD_MARKER`): the value's bits, the stack pointer below it and the instruction
    /// after the `yield`.
    pub yielded: u64,
    /// See `yielded`.
    pub paused_stack: *mut u64,
    /// See `yielded`.
    pub paused_at: u64,
}

impl Default for DetachedRun {
    fn default() -> Self {
        DetachedRun {
            buffer: std::ptr::null_mut(),
            relocated_from: std::ptr::null_mut(),
            relocated_to: std::ptr::null_mut(),
            saved: std::ptr::null_mut(),
            generator: Value::NULL,
            code: std::ptr::null(),
            length: 0,
            yielded: 0,
            paused_stack: std::ptr::null_mut(),
            paused_at: 0,
        }
    }
}

impl DetachedRun {
    /// Whether a frame runs detached now.
    #[inline(always)]
    pub fn is_detached(&self) -> bool {
        !self.buffer.is_null()
    }
}

impl Vm {
    /// The code and globals of the frame compiled code is running: the detached one, else the
    /// top frame record.
    #[inline]
    pub(crate) fn running_code(&self) -> Option<(&'static CodeData, Value)> {
        if self.detached.is_detached() {
            // SAFETY: while a frame is detached, `code` is its code (kept alive by the saved
            // frame's code value) and `saved` its generator's saved frame, which the
            // generator (on its consumer's stack) keeps; nothing else changes either.
            return unsafe { Some((&*self.detached.code, (*self.detached.saved).globals)) };
        }
        self.frames.last().map(|frame| (frame.code, frame.globals))
    }

    /// Moves the detached frame onto the VM stack (see the module documentation): its values
    /// below `stack_pointer` (a pointer into its buffer; null: the length at the resume), and
    /// the frame record the general resume pushes. Returns the stack pointer's counterpart on
    /// the VM stack (null for null).
    #[cold]
    #[inline(never)]
    pub(crate) fn attach_detached(&mut self, stack_pointer: *mut u64) -> *mut u64 {
        let run = self.detached;
        self.detached.buffer = std::ptr::null_mut();
        let length = if stack_pointer.is_null() {
            run.length
        } else {
            (stack_pointer as usize).wrapping_sub(run.buffer as usize)
                / std::mem::size_of::<Value>()
        };
        // SAFETY: see `running_code`: both stay valid while the frame is detached.
        let (saved, code) = unsafe { (&mut *run.saved, &*run.code) };
        let base = self.stack.len();
        if length > saved.values.capacity() || base + length > self.stack.capacity() {
            // Never: compiled code stays inside the frame's size, and the resume checked the
            // VM stack's room for it.
            return stack_pointer;
        }
        // SAFETY: `length` values fit in the buffer's capacity (checked) and in the VM stack's
        // reserved capacity (checked; it never moves); every buffer slot below `length` holds
        // a valid value — the saved values, the value sent in, and what compiled code stored
        // or flushed there before calling the helper that attaches it. The two ranges cannot
        // overlap (a heap buffer and the VM stack).
        unsafe {
            crate::generator::copy_values(run.buffer, self.stack.as_mut_ptr().add(base), length);
            self.stack.set_len(base + length);
            saved.values.set_len(0);
        }
        self.push_frame(Frame {
            code,
            code_value: saved.code,
            function: saved.function,
            globals: saved.globals,
            locals: Value::NULL,
            base,
            stack_base: base + saved.stack_start as usize,
            ip: saved.instruction as usize,
            return_to: base,
            is_entry: true,
            generator: run.generator,
        });
        // SAFETY: `base` indexes inside the VM stack's allocation (checked above).
        let relocated = unsafe { self.stack.as_mut_ptr().add(base) };
        self.detached.relocated_from = run.buffer;
        self.detached.relocated_to = relocated;
        if stack_pointer.is_null() {
            stack_pointer
        } else {
            // SAFETY: `base + length` is within the VM stack's capacity (checked above).
            unsafe { relocated.add(length) as *mut u64 }
        }
    }

    /// `yield` in detached compiled code: the frame pauses at `resume_at` (the instruction after
    /// the `yield`) with the values below `stack_pointer` (already in its buffer).
    #[inline]
    pub(crate) fn suspend_detached(&mut self, stack_pointer: *mut u64, resume_at: u32) {
        // SAFETY: see `running_code`.
        let saved = unsafe { &mut *self.detached.saved };
        pause_in_buffer(saved, stack_pointer, resume_at);
    }
}

/// Records in `saved` that its frame, run detached on its buffer, paused at `resume_at` with
/// the values below `stack_pointer` (a pointer into the buffer).
#[inline(always)]
pub(crate) fn pause_in_buffer(saved: &mut SuspendedFrame, stack_pointer: *mut u64, resume_at: u32) {
    let length = (stack_pointer as usize).wrapping_sub(saved.values.as_ptr() as usize)
        / std::mem::size_of::<Value>();
    if length <= saved.values.capacity() {
        // SAFETY: within the buffer's capacity (checked), every slot below `length` holds a
        // valid value: compiled code flushed its operand stack before the `yield`, and the
        // locals are written through.
        unsafe { saved.values.set_len(length) };
    }
    saved.instruction = resume_at;
}
