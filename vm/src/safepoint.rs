//! What happens at a safepoint besides the common case of nothing: garbage collection,
//! `KeyboardInterrupt` after Ctrl-C, handing the GIL to another thread, and the instruction
//! budget.
//!
//! The interpreter's `Vm::safepoint` (backward jumps and calls) tests two things inline: whether
//! the heap wants a collection, and one request flag. Everything else happens here, on the
//! cold path, so no feature below costs the fast path anything:
//!
//! - **Ctrl-C**: the SIGINT handler sets `krait_runtime::signals::INTERRUPT_REQUESTED` and
//!   the flag the fast path polls (`SAFEPOINT_REQUESTED`); the slow path of the main thread
//!   takes the request and raises `KeyboardInterrupt` (other threads leave it pending).
//! - **Thread switches**: a thread that has waited a switch interval for the GIL sets the
//!   GIL's drop request and the same flag; the slow path yields the GIL (`threads.rs`).
//! - **Instruction budget** ([`Vm::set_instruction_budget`]): for fuzzing and embedders, a limit
//!   on how many safepoints a program may pass, so any program — even `while True: pass` —
//!   ends. A VM with a budget polls a flag that is always set instead of the SIGINT flag, so
//!   its every safepoint comes here to be counted; a VM without one never does. Every loop
//!   iteration and every call passes a safepoint, so the budget bounds the work done by Python
//!   code (not the work inside one builtin call, such as `sum(range(10**12))`).
//!
//! A budget that runs out raises `KeyboardInterrupt("instruction budget exhausted")`, and keeps
//! raising it at every later safepoint: a handler may catch it once, but the next backward jump
//! or call interrupts the program again, so it cannot keep running.

use std::sync::atomic::AtomicBool;

use krait_runtime::{signals, PyErr, PyResult};

use crate::Vm;

/// The message of the `KeyboardInterrupt` raised when the instruction budget runs out.
pub const BUDGET_EXHAUSTED: &str = "instruction budget exhausted";

/// Per-VM safepoint state.
#[derive(Debug)]
pub struct SafepointState {
    /// The flag the fast path polls: the SIGINT flag, or an always-set flag while a budget is
    /// being counted.
    pub poll: &'static AtomicBool,
    /// Safepoints left before the budget is exhausted (`None`: no budget).
    budget: Option<u64>,
}

impl Default for SafepointState {
    fn default() -> Self {
        SafepointState {
            poll: &signals::SAFEPOINT_REQUESTED,
            budget: None,
        }
    }
}

impl SafepointState {
    /// Whether a budget was set and has run out.
    pub fn budget_exhausted(&self) -> bool {
        self.budget == Some(0)
    }
}

impl Vm {
    /// Limits the program to `safepoints` more safepoints (backward jumps and calls); `None`
    /// removes the limit. See the module documentation.
    pub fn set_instruction_budget(&mut self, safepoints: Option<u64>) {
        self.safepoints.budget = safepoints;
        self.safepoints.poll = match safepoints {
            Some(_) => &signals::ALWAYS_REQUESTED,
            None => &signals::SAFEPOINT_REQUESTED,
        };
    }

    /// Whether the instruction budget ran out (the program was stopped by it).
    pub fn budget_exhausted(&self) -> bool {
        self.safepoints.budget_exhausted()
    }

    /// The safepoint's slow path: counts the budget, lets a thread waiting for the GIL run,
    /// raises a pending `KeyboardInterrupt` in the main thread, and collects garbage if the
    /// heap wants it.
    #[cold]
    #[inline(never)]
    pub(crate) fn safepoint_slow(&mut self) -> PyResult<()> {
        // Cleared before looking at the requests: one made from now on is seen next time.
        signals::clear_safepoint_request();
        if let Some(left) = &mut self.safepoints.budget {
            if *left == 0 {
                return Err(self.budget_error());
            }
            *left -= 1;
        }
        if self.threads.gil().drop_requested() {
            self.yield_gil();
        }
        if self.threads.is_main() && signals::take_interrupt() {
            return Err(signals::keyboard_interrupt(&mut self.runtime));
        }
        if self.runtime.heap.wants_collection() {
            self.collect_garbage();
        }
        Ok(())
    }

    /// A safepoint that cannot raise (compiled code's, for now): collects garbage if the heap
    /// wants it, and leaves an interrupt request pending for the next interpreter safepoint.
    /// Neither Ctrl-C nor the budget reaches a loop that stays in compiled code.
    pub fn collect_if_due(&mut self) {
        if self.runtime.heap.wants_collection() {
            self.collect_garbage();
        }
    }

    fn budget_error(&mut self) -> PyErr {
        let class = self.runtime.types.keyboard_interrupt;
        self.runtime.new_error(class, BUDGET_EXHAUSTED)
    }
}
