//! Every input with which fuzzing (fuzz/) once crashed krait, replayed the way its target ran
//! it, so the bug stays fixed: `fuzz/regressions/<target>/*`.
//!
//! - `source`: compiled in every mode;
//! - `pyc`: decoded as a bytecode cache file;
//! - `run`: run as a program in a VM with captured output and an instruction budget.
//!
//! They run on a thread with a 2 MiB stack — the default for a thread Rust spawns, far smaller
//! than the command line's interpreter thread — since an embedder's VM may run there: a crash
//! found only with a small stack is still a crash. (The first regression, a deep syntax tree
//! dropped by `compile()` outside the compiler's stack precaution, overflowed exactly there.)

use std::path::{Path, PathBuf};

use krait_vm::Vm;

const STACK_BYTES: usize = 2 << 20;
const BUDGET: u64 = 20_000;

fn inputs(target: &str) -> Vec<PathBuf> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&directory)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

fn on_small_stack(work: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(work)
        .expect("spawn")
        .join()
        .expect("the input ran without a panic");
}

#[test]
fn source_regressions_compile_or_fail_cleanly() {
    for path in inputs("source") {
        let bytes = std::fs::read(&path).expect("read input");
        on_small_stack(move || {
            let source = String::from_utf8_lossy(&bytes).into_owned();
            let _ = krait_compiler::dump::tokens(&source);
            for mode in [
                krait_compiler::Mode::Exec,
                krait_compiler::Mode::Eval,
                krait_compiler::Mode::Single,
            ] {
                let _ = krait_compiler::compile(&source, "<fuzz>", mode);
            }
        });
    }
}

#[test]
fn pyc_regressions_are_rejected_cleanly() {
    for path in inputs("pyc") {
        let bytes = std::fs::read(&path).expect("read input");
        on_small_stack(move || {
            let _ = krait_compiler::pyc::decode(&bytes, None);
        });
    }
}

#[test]
fn run_regressions_end() {
    let paths = inputs("run");
    assert!(!paths.is_empty(), "fuzz/regressions/run has inputs");
    for path in paths {
        let bytes = std::fs::read(&path).expect("read input");
        on_small_stack(move || {
            let source = String::from_utf8_lossy(&bytes).into_owned();
            let mut vm = Vm::new(vec!["fuzz".to_owned()]);
            vm.runtime.output.capture();
            vm.imports.cache.write = false;
            vm.set_instruction_budget(Some(BUDGET));
            let _ = vm.run_string(&source, "<fuzz>");
            vm.flush();
        });
    }
}

#[test]
fn the_budget_stops_an_endless_program_and_cannot_be_caught_for_long() {
    on_small_stack(|| {
        let mut vm = Vm::new(vec!["budget".to_owned()]);
        vm.runtime.output.capture();
        vm.set_instruction_budget(Some(1000));
        let source = "count = 0\nwhile True:\n    try:\n        while True:\n            count += 1\n    except BaseException:\n        print('caught once')\n";
        let result = vm.run_string(source, "<budget>");
        assert!(result.is_err());
        assert!(vm.budget_exhausted());
        vm.flush();
        let captured = vm.runtime.output.captured().cloned().unwrap_or_default();
        assert_eq!(captured.stdout, b"caught once\n");
    });
    on_small_stack(|| {
        let mut vm = Vm::new(vec!["budget".to_owned()]);
        vm.runtime.output.capture();
        vm.set_instruction_budget(Some(1000));
        let result = vm.run_string(
            "def f():\n    return f()\ntotal = sum(i for i in range(500))\nprint(total)\n",
            "<budget>",
        );
        assert!(result.is_ok(), "a short program runs to its end");
        assert!(!vm.budget_exhausted());
    });
}
