//! Interrupt requests: how Ctrl-C (SIGINT) reaches running Python code.
//!
//! A signal handler may do almost nothing (only async-signal-safe operations), so the command
//! line's SIGINT handler does one thing: it sets [`INTERRUPT_REQUESTED`]. Running code looks at
//! the flag where it can raise cleanly — the interpreter's safepoints (backward jumps and
//! calls) and blocking builtins such as `time.sleep` — and raises `KeyboardInterrupt` there, as
//! CPython runs its signal handlers at its own safepoints (the "eval breaker").
//!
//! The flag is process-wide because a signal is: whichever thread the kernel interrupts, the
//! request is seen by the interpreter at its next safepoint. As in CPython, only the main
//! Python thread raises `KeyboardInterrupt`: other threads leave the request pending.
//!
//! Safepoints poll one flag, [`SAFEPOINT_REQUESTED`], for every reason to stop by: a Ctrl-C,
//! and a thread waiting for the global interpreter lock (`krait-vm`'s `threads`). Whoever
//! takes the slow path clears it and then looks at each reason, so one load covers them all.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the SIGINT handler, cleared by whoever raises the `KeyboardInterrupt`.
pub static INTERRUPT_REQUESTED: AtomicBool = AtomicBool::new(false);

/// The flag safepoints poll: set with every request (Ctrl-C, a thread asking for the GIL),
/// cleared by the safepoint slow path before it looks at what was requested.
pub static SAFEPOINT_REQUESTED: AtomicBool = AtomicBool::new(false);

/// Always set: a safepoint that polls this flag instead of [`INTERRUPT_REQUESTED`] takes its
/// slow path every time (how the VM's instruction budget counts safepoints without costing
/// anything when there is no budget).
pub static ALWAYS_REQUESTED: AtomicBool = AtomicBool::new(true);

/// Records an interrupt request. Async-signal-safe (one atomic store): the SIGINT handler
/// calls it.
pub fn request_interrupt() {
    INTERRUPT_REQUESTED.store(true, Ordering::SeqCst);
    SAFEPOINT_REQUESTED.store(true, Ordering::SeqCst);
}

/// Makes the next safepoint take its slow path (a thread wants the GIL, or the main thread
/// has an interrupt to raise).
pub fn request_safepoint() {
    SAFEPOINT_REQUESTED.store(true, Ordering::SeqCst);
}

/// Clears the safepoint request, at the start of the slow path: a request made after this is
/// seen at the next safepoint.
pub fn clear_safepoint_request() {
    SAFEPOINT_REQUESTED.store(false, Ordering::SeqCst);
}

/// Whether an interrupt is pending (without taking it).
#[inline]
pub fn interrupt_pending() -> bool {
    INTERRUPT_REQUESTED.load(Ordering::Relaxed)
}

/// Takes a pending interrupt request: true once per request.
pub fn take_interrupt() -> bool {
    INTERRUPT_REQUESTED.swap(false, Ordering::SeqCst)
}

/// How often a blocking wait that Ctrl-C may cut short looks at the interrupt flag.
pub const INTERRUPT_CHECK_INTERVAL: std::time::Duration = std::time::Duration::from_millis(10);

/// Sleeps for `duration` unless an interrupt is requested first (and `interruptible`: only
/// the main thread is interrupted, as in CPython); returns false if it was cut short (the
/// request is taken: the caller raises `KeyboardInterrupt`). Sleeps in slices so a request
/// made from any thread's signal handler is seen within one slice.
pub fn interruptible_sleep(duration: std::time::Duration, interruptible: bool) -> bool {
    const SLICE: std::time::Duration = INTERRUPT_CHECK_INTERVAL;
    // No deadline (a sleep of centuries): sleep slice after slice until interrupted.
    let deadline = std::time::Instant::now().checked_add(duration);
    loop {
        if interruptible && take_interrupt() {
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

/// Waits until the terminal on standard input has a line to read, unless an interrupt is
/// requested first (and `interruptible`: only the main thread is interrupted, as in CPython);
/// returns false if it was (the request is taken: the caller raises `KeyboardInterrupt`), so
/// `input()` at a terminal stops at Ctrl-C as in CPython instead of waiting for Enter. Only for
/// a terminal: in canonical mode each read returns one line, so nothing is left in std's
/// buffer for the next line that this wait would not see (with a pipe, buffered lines could be
/// missed and the wait would hang).
pub fn wait_for_terminal_line(interruptible: bool) -> bool {
    let slice = INTERRUPT_CHECK_INTERVAL.as_millis() as libc::c_int;
    loop {
        if interruptible && take_interrupt() {
            return false;
        }
        let mut poll = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, slice) };
        // Readable, at end of file, or an error that the read will report.
        if ready > 0
            || (ready < 0
                && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted)
        {
            return true;
        }
    }
}

/// The `KeyboardInterrupt()` (no arguments, as CPython's default SIGINT handler raises it).
pub fn keyboard_interrupt(runtime: &mut crate::Runtime) -> crate::PyErr {
    let class = runtime.types.keyboard_interrupt;
    crate::PyErr {
        exception: runtime.new_exception(class, Vec::new()),
    }
}
