//! The interpreter against the JIT: a small arithmetic/loop/call program built from the bytes
//! runs in both, with every function compiled at once (`--jit=eager`); their output and their
//! ending must be the same. Compiled code speculates on types and deopts; a difference is a
//! JIT bug.
#![no_main]

use krait_fuzz::{arithmetic_program, run_program, Ending, RunSettings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let source = arithmetic_program(bytes);
    let interpreted = run_program(&source, RunSettings::default());
    let compiled = run_program(
        &source,
        RunSettings {
            eager_jit: true,
            ..RunSettings::default()
        },
    );
    if interpreted.ending == Ending::BudgetExhausted || compiled.ending == Ending::BudgetExhausted {
        return;
    }
    assert_eq!(interpreted, compiled, "the interpreter and the JIT differ on:\n{source}");
});
