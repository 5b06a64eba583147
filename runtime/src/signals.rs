//! Interrupt requests: how Ctrl-C (SIGINT) reaches running Python code.
//!
//! A signal handler may do almost nothing (only async-signal-safe operations), so the command
//! line's SIGINT handler does one thing: it sets [`INTERRUPT_REQUESTED`]. Running code looks at
//! the flag where it can raise cleanly — the interpreter's safepoints (backward jumps and
//! calls) and blocking builtins such as `time.sleep` — and raises `KeyboardInterrupt` there, as
//! CPython runs its signal handlers at its own safepoints (the "eval breaker").
//!
//! The flag is process-wide because a signal is: whichever thread the kernel interrupts, the
//! request is seen by the interpreter thread at its next safepoint.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the SIGINT handler, cleared by whoever raises the `KeyboardInterrupt`.
pub static INTERRUPT_REQUESTED: AtomicBool = AtomicBool::new(false);

/// Always set: a safepoint that polls this flag instead of [`INTERRUPT_REQUESTED`] takes its
/// slow path every time (how the VM's instruction budget counts safepoints without costing
/// anything when there is no budget).
pub static ALWAYS_REQUESTED: AtomicBool = AtomicBool::new(true);

/// Records an interrupt request. Async-signal-safe (one atomic store): the SIGINT handler
/// calls it.
pub fn request_interrupt() {
    INTERRUPT_REQUESTED.store(true, Ordering::Relaxed);
}

/// Whether an interrupt is pending (without taking it).
#[inline]
pub fn interrupt_pending() -> bool {
    INTERRUPT_REQUESTED.load(Ordering::Relaxed)
}

/// Takes a pending interrupt request: true once per request.
pub fn take_interrupt() -> bool {
    INTERRUPT_REQUESTED.swap(false, Ordering::Relaxed)
}

/// Sleeps for `duration` unless an interrupt is requested first; returns false if it was cut
/// short (the request is taken: the caller raises `KeyboardInterrupt`). Sleeps in slices so a
/// request made from any thread's signal handler is seen within one slice.
pub fn interruptible_sleep(duration: std::time::Duration) -> bool {
    const SLICE: std::time::Duration = std::time::Duration::from_millis(10);
    // No deadline (a sleep of centuries): sleep slice after slice until interrupted.
    let deadline = std::time::Instant::now().checked_add(duration);
    loop {
        if take_interrupt() {
            return false;
        }
        let now = std::time::Instant::now();
        let left = match deadline {
            Some(deadline) if now >= deadline => return true,
            Some(deadline) => deadline - now,
            None => SLICE,
        };
        std::thread::sleep(left.min(SLICE));
    }
}

/// The `KeyboardInterrupt()` (no arguments, as CPython's default SIGINT handler raises it).
pub fn keyboard_interrupt(runtime: &mut crate::Runtime) -> crate::PyErr {
    let class = runtime.types.keyboard_interrupt;
    crate::PyErr {
        exception: runtime.new_exception(class, Vec::new()),
    }
}
