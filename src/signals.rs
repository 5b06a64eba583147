//! Ctrl-C for the command line: the SIGINT handler, and leaving the process as CPython does
//! when a `KeyboardInterrupt` goes uncaught.
//!
//! The handler only sets the runtime's interrupt flag (`krait_runtime::signals`), which is
//! async-signal-safe; the interpreter raises `KeyboardInterrupt` at its next safepoint, and
//! `time.sleep` wakes up for it. As in CPython, the handler is installed only when SIGINT is at
//! its default disposition: a krait started with SIGINT ignored (`nohup`, a background job of a
//! non-interactive shell) keeps ignoring it.
//!
//! CPython 3.11 ends a program whose `KeyboardInterrupt` was not caught by printing the
//! traceback and then killing itself with SIGINT (default disposition restored), so that the
//! parent sees "terminated by SIGINT" (a shell reports status 130) and can stop too — a shell
//! loop running a script is interrupted as a whole. [`exit_interrupted`] does the same.

use std::process::ExitCode;

/// The exit status used when re-raising SIGINT does not end the process (it is blocked):
/// 128 + SIGINT, what a shell reports for a process killed by SIGINT.
const INTERRUPTED_STATUS: u8 = 130;

extern "C" fn on_interrupt(_signal: libc::c_int) {
    // Async-signal-safe: one relaxed atomic store.
    krait_runtime::signals::request_interrupt();
}

/// Installs the SIGINT handler, unless SIGINT is ignored (see the module documentation).
pub fn install_interrupt_handler() {
    // SAFETY: `sigaction` is called with valid pointers to initialized structs; the handler
    // performs only an atomic store, which is async-signal-safe.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut current) != 0
            || current.sa_sigaction != libc::SIG_DFL
        {
            return;
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Ends the process after an uncaught `KeyboardInterrupt` (its traceback already printed and
/// output flushed): killed by SIGINT, as CPython.
pub fn exit_interrupted() -> ExitCode {
    // SAFETY: restoring the default disposition and raising a signal at the calling thread
    // have no memory-safety preconditions.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
    // Still alive: SIGINT is blocked in this thread.
    ExitCode::from(INTERRUPTED_STATUS)
}
