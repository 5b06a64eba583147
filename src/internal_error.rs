//! Internal errors: what the user sees when krait itself has a bug (a Rust panic).
//!
//! A panic is never a Python exception and never the user's fault, so it is reported as
//! krait's bug: one line naming the place in krait's source and the panic's message, a request
//! to report it, and the distinct exit status [`EXIT_STATUS`]. The default Rust report (with its
//! `RUST_BACKTRACE` hint and backtrace) is replaced; a developer who wants a backtrace sets
//! [`BACKTRACE_VARIABLE`] and gets it after the report. (Not `RUST_BACKTRACE`: many Rust
//! developers export that in their shells, and krait's users should not get a backtrace because
//! of an unrelated setting.) Output the program had already written is flushed while the
//! panic unwinds (the runtime flushes standard output when it is dropped), so nothing printed
//! before the bug is lost.
//!
//! Tests need a panic that no program can cause by accident: setting the environment variable
//! [`TEST_VARIABLE`] makes krait panic on purpose right after the program has run (before its
//! output is flushed). Nothing else reads that variable; it exists only so the test suite can
//! check this report (tests/reliability.rs).

use std::backtrace::Backtrace;

/// The exit status after an internal error: 70, `EX_SOFTWARE` in BSD's sysexits.h ("internal
/// software error"); CPython never exits with it on its own.
pub const EXIT_STATUS: u8 = 70;

/// The environment variable that adds a backtrace to the report.
pub const BACKTRACE_VARIABLE: &str = "KRAIT_BACKTRACE";

/// The environment variable that makes krait panic on purpose, for testing this report.
pub const TEST_VARIABLE: &str = "KRAIT_TEST_INTERNAL_ERROR";

/// Replaces the default panic report with krait's internal-error report.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|location| {
                format!(
                    " at {}:{}:{}",
                    location.file(),
                    location.line(),
                    location.column()
                )
            })
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| (*text).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_string());
        let version = env!("CARGO_PKG_VERSION");
        let mut report = format!(
            "krait: internal error{location}: {message}\n\
             This is a bug in krait {version}, not in your program. Please report it to the \
             krait developers, with the program that caused it and this message.\n"
        );
        if environment_flag(BACKTRACE_VARIABLE) {
            let backtrace = Backtrace::force_capture();
            report.push_str(&format!("Backtrace:\n{backtrace}\n"));
        }
        // One write, so the report is not interleaved with other output.
        use std::io::Write;
        let _ = std::io::stderr().write_all(report.as_bytes());
    }));
}

/// Panics on purpose when [`TEST_VARIABLE`] is set (see the module documentation).
pub fn panic_if_testing() {
    if environment_flag(TEST_VARIABLE) {
        panic!("deliberate internal error for testing ({TEST_VARIABLE} is set)");
    }
}

fn environment_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|value| !value.is_empty())
}
