//! Arbitrary bytes as a program, run in a VM under an instruction budget with its output
//! captured: whatever the program does, it ends (completes, raises, or runs out of budget) —
//! never a panic, hang or overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let source = krait_fuzz::source_text(bytes);
    let _ = krait_fuzz::run_program(&source, krait_fuzz::RunSettings::default());
});
