//! The interpreter loop's view of the value stack: its bottom and top as two local pointers.
//!
//! `Vm::stack` is a `Vec` because everything outside the loop (calls, unwinding, the GC, thread
//! switches) treats it as one. Pushing and popping through the `Vec` inside the loop, though,
//! loads and stores its length in memory for every operand and checks it against the capacity:
//! a chain of store-to-load dependencies through one field that ran through every instruction
//! (18 % of fib's instructions were `Vec::push`/`pop`). The loop instead *attaches* a cursor,
//! keeps the top in a register, and *detaches* it (writes the length back) before anything
//! else can look at the stack: every call out of the loop, every raise, every frame switch.
//!
//! Why the unchecked accesses are in bounds: every frame is pushed with room for its locals,
//! cells and the code's `max_stack_depth` plus `STACK_MARGIN` inside the stack's reserved
//! capacity (`call.rs`, `lib.rs`, `generator.rs`), and the compiler's stack-depth analysis —
//! re-run by the `.pyc` verifier on every code object loaded from the cache — proves that no
//! instruction takes the stack below the frame's base or above `max_stack_depth`. Pushes are
//! checked against the capacity all the same (a register compare) so that a broken invariant
//! stops the process instead of writing past the allocation.

use krait_runtime::Value;

/// The top and bottom of the value stack, held by the interpreter loop between calls out.
#[derive(Clone, Copy)]
pub(crate) struct Cursor {
    bottom: *mut Value,
    top: *mut Value,
    end: *mut Value,
}

impl Cursor {
    /// A cursor over `stack`'s values; `stack` must not be used until [`Cursor::detach`].
    #[inline(always)]
    pub(crate) fn attach(stack: &mut Vec<Value>) -> Cursor {
        let bottom = stack.as_mut_ptr();
        // SAFETY: `len` and `capacity` are within the allocation `bottom` points to.
        unsafe {
            Cursor {
                bottom,
                top: bottom.add(stack.len()),
                end: bottom.add(stack.capacity()),
            }
        }
    }

    /// Writes the cursor's depth back as `stack`'s length.
    #[inline(always)]
    pub(crate) fn detach(self, stack: &mut Vec<Value>) {
        debug_assert!(stack.as_mut_ptr() == self.bottom);
        // SAFETY: every value below `top` was written by a push (or was already in the vector),
        // `Value` is `Copy`, and `top` never passed `end` (the capacity).
        unsafe { stack.set_len(self.depth()) }
    }

    /// How many values are on the stack.
    #[inline(always)]
    pub(crate) fn depth(self) -> usize {
        // SAFETY: `top` and `bottom` point into the same allocation, `top` at or above.
        unsafe { self.top.offset_from(self.bottom) as usize }
    }

    #[inline(always)]
    pub(crate) fn push(&mut self, value: Value) {
        if self.top == self.end {
            overflow();
        }
        // SAFETY: `top` is below `end`, inside the reserved capacity.
        unsafe {
            self.top.write(value);
            self.top = self.top.add(1);
        }
    }

    #[inline(always)]
    pub(crate) fn pop(&mut self) -> Value {
        debug_assert!(self.top > self.bottom);
        // SAFETY: the verified stack depth never goes below the frame's base (module doc).
        unsafe {
            self.top = self.top.sub(1);
            self.top.read()
        }
    }

    /// The value `distance` below the top (1 is the top).
    #[inline(always)]
    pub(crate) fn peek(self, distance: usize) -> Value {
        debug_assert!(distance >= 1 && distance <= self.depth());
        // SAFETY: as `pop`: the instruction's operands are on the stack.
        unsafe { self.top.sub(distance).read() }
    }

    /// Replaces the value `distance` below the top (1 is the top).
    #[inline(always)]
    pub(crate) fn poke(self, distance: usize, value: Value) {
        debug_assert!(distance >= 1 && distance <= self.depth());
        // SAFETY: as `peek`.
        unsafe { self.top.sub(distance).write(value) }
    }

    /// The value at `index` from the bottom (a local or cell slot of a frame).
    #[inline(always)]
    pub(crate) fn get(self, index: usize) -> Value {
        debug_assert!(index < self.depth());
        // SAFETY: frame slots lie below the frame's stack base; the verifier bounds local and
        // cell indices by the code's counts.
        unsafe { self.bottom.add(index).read() }
    }

    /// Stores `value` at `index` from the bottom.
    #[inline(always)]
    pub(crate) fn set(self, index: usize, value: Value) {
        debug_assert!(index < self.depth());
        // SAFETY: as `get`.
        unsafe { self.bottom.add(index).write(value) }
    }

    /// Cuts the stack back to `depth` values.
    #[inline(always)]
    pub(crate) fn truncate(&mut self, depth: usize) {
        debug_assert!(depth <= self.depth());
        // SAFETY: `depth` is at most the current depth, so the result stays in the allocation.
        unsafe { self.top = self.bottom.add(depth) }
    }

    /// The values from `start` (from the bottom) to the top.
    #[inline(always)]
    pub(crate) fn values_from(&self, start: usize) -> &[Value] {
        debug_assert!(start <= self.depth());
        // SAFETY: values below `top` are initialized; `start` is at most the depth.
        unsafe { std::slice::from_raw_parts(self.bottom.add(start), self.depth() - start) }
    }
}

/// A push past the reserved capacity: a frame was pushed without the room its code declares.
#[cold]
#[inline(never)]
fn overflow() -> ! {
    panic!("krait internal error: the value stack overflowed its reserved capacity");
}
