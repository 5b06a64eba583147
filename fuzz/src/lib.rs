//! What krait's fuzz targets share: turning fuzzer bytes into programs, and running a program
//! in a VM under an instruction budget with its output captured.
//!
//! A target stays a few lines (`fuzz_targets/*.rs`); the work is here so that a new target —
//! such as a differential one comparing the interpreter with the JIT — reuses it: run the same
//! source through [`run_program`] with two [`RunSettings`] and compare the [`Outcome`]s.

use krait_runtime::protocol;
use krait_vm::import::MainFailure;
use krait_vm::Vm;

/// Safepoints (backward jumps and calls) a fuzzed program may pass before it is stopped.
pub const BUDGET: u64 = 20_000;

/// The text of fuzzer bytes as a program: invalid UTF-8 is replaced, as the command line
/// would reject it before compiling (the CLI's handling of it is tested in tests/).
pub fn source_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// How a program is run.
#[derive(Clone, Copy, Debug)]
pub struct RunSettings {
    /// Instruction budget ([`Vm::set_instruction_budget`]).
    pub budget: u64,
    /// Collect garbage at every safepoint.
    pub gc_stress: bool,
    /// Compile every function and loop at once (`--jit=eager`) instead of interpreting.
    pub eager_jit: bool,
}

impl Default for RunSettings {
    fn default() -> Self {
        RunSettings {
            budget: BUDGET,
            gc_stress: false,
            eager_jit: false,
        }
    }
}

/// What running a program did, for comparing runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Everything written to standard output.
    pub stdout: Vec<u8>,
    /// Everything written to standard error (tracebacks excluded: see `ending`).
    pub stderr: Vec<u8>,
    /// How it ended.
    pub ending: Ending,
}

/// How a program ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// It ran to the end.
    Completed,
    /// It did not compile (the error's text).
    SyntaxError(String),
    /// An uncaught exception: its class and message.
    Exception(String),
    /// The instruction budget ran out (runs that end so cannot be compared).
    BudgetExhausted,
}

/// The interpreter thread's native stack. The command line gives 512 MiB
/// (`INTERPRETER_STACK_BYTES` in src/main.rs); under the address sanitizer a thread's stack
/// costs its size again in shadow memory to set up and clear, which made a run of one input
/// 3x slower, so fuzzing uses 64 MiB: still several times what the deepest recursion that
/// RecursionError allows needs.
pub const INTERPRETER_STACK_BYTES: usize = 64 << 20;

/// Compiles and runs `source` as `__main__` in a fresh VM with captured output, on a thread
/// with the command line's interpreter stack; never writes to the process's streams or files
/// (no bytecode cache).
pub fn run_program(source: &str, settings: RunSettings) -> Outcome {
    let source = source.to_owned();
    let worker = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(move || run_program_here(&source, settings))
        .expect("spawn the interpreter thread");
    match worker.join() {
        Ok(outcome) => outcome,
        // The panic was already reported by the hook; fail the input with it.
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// [`run_program`] on the current thread (whose stack must be large enough).
pub fn run_program_here(source: &str, settings: RunSettings) -> Outcome {
    let mut vm = Vm::new(vec!["fuzz".to_owned()]);
    vm.runtime.output.capture();
    vm.runtime.heap.stress = settings.gc_stress;
    vm.imports.cache.write = false;
    vm.set_instruction_budget(Some(settings.budget));
    if settings.eager_jit {
        let options = krait_vm::jit::JitOptions {
            mode: krait_vm::jit::JitMode::Eager,
            threshold: krait_vm::jit::DEFAULT_THRESHOLD,
            log: false,
            stats: false,
            emit_assembly: None,
            emit_clif: None,
            gc_stress: settings.gc_stress,
            perf_map: false,
            background: false,
        };
        if let Err(message) = vm.enable_jit(options) {
            panic!("the JIT cannot start: {message}");
        }
    }
    let result = vm.run_string(source, "<fuzz>");
    let ending = match result {
        Ok(()) => Ending::Completed,
        Err(_) if vm.budget_exhausted() => Ending::BudgetExhausted,
        Err(MainFailure::Syntax(report)) => Ending::SyntaxError(report),
        Err(MainFailure::Exception(error)) => {
            let class = protocol::type_name(&vm.runtime, error.exception);
            let message = protocol::str_string(&mut vm, error.exception).unwrap_or_default();
            Ending::Exception(format!("{class}: {message}"))
        }
        Err(other) => Ending::Exception(format!("{other:?}")),
    };
    vm.flush();
    let captured = vm.runtime.output.captured().cloned().unwrap_or_default();
    Outcome {
        stdout: captured.stdout,
        stderr: captured.stderr,
        ending,
    }
}

/// A small program built from fuzzer bytes for the differential target: integer and float
/// arithmetic, comparisons, loops, calls and list indexing — what compiled code speculates on —
/// so most inputs compile and run instead of failing to parse.
pub fn arithmetic_program(bytes: &[u8]) -> String {
    const VALUES: [&str; 12] = [
        "0", "1", "-1", "7", "2**47 - 1", "-(2**47)", "2**40", "0.5", "-2.25", "1e300", "True",
        "3",
    ];
    const OPERATORS: [&str; 11] = ["+", "-", "*", "//", "%", "/", "<<", ">>", "&", "|", "^"];
    const COMPARISONS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
    let mut program = String::from("def f(a, b, items):
    total = a
");
    for chunk in bytes.chunks(4).take(24) {
        let pick = |index: usize, length: usize| chunk.get(index).map_or(0, |&b| b as usize % length);
        let operator = OPERATORS[pick(0, OPERATORS.len())];
        let value = VALUES[pick(1, VALUES.len())];
        let comparison = COMPARISONS[pick(2, COMPARISONS.len())];
        let line = match pick(3, 6) {
            0 => format!("    total = total {operator} {value}\n"),
            1 => format!("    if total {comparison} b:\n        total = total {operator} b\n"),
            2 => format!("    for i in range({}):\n        total = total {operator} i\n", pick(1, 40)),
            3 => format!("    total = total {operator} items[{} % len(items)]\n", pick(1, 9)),
            4 => format!("    items.append(total {comparison} {value})\n"),
            _ => format!("    b = -b if b {comparison} {value} else b {operator} 1\n"),
        };
        program.push_str(&line);
    }
    program.push_str(
        "    return total\n\nfor round in range(3):\n    for a in (0, 1, -3, 2.5, 2**46):\n        try:\n            print(repr(f(a, 3, [1, 2.5, -4])))\n        except Exception as error:\n            print(type(error).__name__, error)\n",
    );
    program
}
