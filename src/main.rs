//! The `krait` command line: runs a script, a module (`-m`), a `-c` string or standard input,
//! or an interactive prompt when there is no program and standard input is a terminal
//! (`repl.rs`), precompiles sources into the bytecode cache (`krait compile PATH…`), and shows the
//! compiler's stages (`--emit-tokens`, `--emit-ast`, `--dis`, also of a `.pyc` file).
//!
//! Exit status as CPython: 0 on success, 1 after an uncaught exception or a syntax error, the
//! `SystemExit` code, 2 for usage errors, 120 when standard output cannot be flushed at exit,
//! killed by SIGINT after an uncaught `KeyboardInterrupt` (a shell shows 130); 70 after an
//! internal error (a bug in krait: see `internal_error.rs`).

/// mimalloc for ordinary blocks, the system allocator for huge ones (see `allocator.rs`).
#[global_allocator]
static ALLOCATOR: allocator::KraitAllocator = allocator::KraitAllocator;

mod allocator;
mod explain;
mod internal_error;
mod json;
mod profile;
mod repl;
mod signals;

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use krait_runtime::{protocol, Value};
use krait_vm::import::cache::{self, CacheSettings, Precompiled};
use krait_vm::import::{ImportOptions, MainFailure};
use krait_vm::Vm;

/// The interpreter runs on a thread with a large stack, so deep recursion through builtins
/// (which CPython also bounds) never exhausts the native stack before RecursionError; Python
/// threads get the same.
const INTERPRETER_STACK_BYTES: usize = krait_vm::threads::INTERPRETER_STACK_BYTES;

/// Execution tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum JitMode {
    /// Interpreter only.
    Off,
    /// Compile functions and loops once they are hot (the default).
    On,
    /// Compile every function at its first call and enter every loop at once (for testing).
    Eager,
}

/// krait: a Python 3 implementation in Rust.
#[derive(Parser, Debug)]
#[command(name = "krait", version, about, long_about = None)]
struct Options {
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE")]
    command: Option<String>,

    /// Run a module (or a package's __main__) found on sys.path as __main__ (terminates the
    /// option list).
    #[arg(short = 'm', value_name = "MODULE")]
    module: Option<String>,

    /// After running the program, start the interactive prompt in its namespace (also when
    /// standard input is not a terminal).
    #[arg(short = 'i')]
    inspect: bool,

    /// Report on standard error, for each module, whether its code was loaded from the bytecode
    /// cache or compiled, and from where.
    #[arg(short = 'v')]
    verbose: bool,

    /// Don't write bytecode cache files (also KRAIT_DONTWRITEBYTECODE=1).
    #[arg(short = 'B')]
    dont_write_bytecode: bool,

    /// Check bytecode caches against a hash of the source instead of its modification time and
    /// size, and write hash-based caches.
    #[arg(long)]
    check_source_hash: bool,

    /// Print the tokens of the program and exit.
    #[arg(long)]
    emit_tokens: bool,

    /// Print the syntax tree of the program and exit.
    #[arg(long)]
    emit_ast: bool,

    /// Print the bytecode of every code object and exit (of a source file, or of a
    /// `__pycache__/*.pyc` cache file).
    #[arg(long)]
    dis: bool,

    /// Execution tiers: `off` interprets everything, `on` compiles hot functions and loops to
    /// machine code, `eager` compiles everything at first use.
    #[arg(long, value_enum, default_value = "on", value_name = "MODE")]
    jit: JitMode,

    /// Calls before a function is compiled (loops: back-edges, 8 times as many).
    #[arg(long, value_name = "N", default_value_t = krait_vm::jit::DEFAULT_THRESHOLD)]
    jit_threshold: u32,

    /// Print each compile, deopt, recompile and OSR entry to stderr.
    #[arg(long)]
    jit_log: bool,

    /// Compile on the program's own thread, which waits for each compile (by default machine
    /// code is generated on a background thread while the program goes on interpreted): hot
    /// code is then compiled at the same point in every run.
    #[arg(long)]
    jit_sync: bool,

    /// Print a summary of the JIT's work to stderr at exit.
    #[arg(long)]
    jit_stats: bool,

    /// Print the machine code of each compiled function (or only of NAME) to stderr, with
    /// source lines and bytecode offsets interleaved.
    #[arg(long, value_name = "NAME", num_args = 0..=1, require_equals = true, default_missing_value = "")]
    emit_asm: Option<String>,

    /// Write /tmp/perf-PID.map, naming compiled functions for `perf report`.
    #[arg(long)]
    perf_map: bool,

    /// Print the Cranelift IR of each compiled function (or only of NAME) to stderr.
    #[arg(long, value_name = "NAME", num_args = 0..=1, require_equals = true, default_missing_value = "")]
    emit_clif: Option<String>,

    /// Collect garbage at every safepoint (for testing the collector).
    #[arg(long)]
    gc_stress: bool,

    /// Profile the program: print, when it ends, each function's calls and times as
    /// `python3 -m cProfile -s cumulative` does, with the share of time in compiled code.
    #[arg(long)]
    profile: bool,

    /// Write the profile as JSON to FILE (the schema is in src/profile.rs and the README).
    #[arg(long, value_name = "FILE")]
    profile_out: Option<PathBuf>,

    /// The script to run (`-` or nothing: standard input); `compile` precompiles the files and
    /// directory trees that follow into their bytecode caches.
    script: Option<String>,

    /// Arguments passed to the script in `sys.argv[1:]`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    arguments: Vec<String>,
}

/// How the program ended, for the process's exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Termination {
    /// Exit with this status.
    Status(u8),
    /// An uncaught `KeyboardInterrupt`: end killed by SIGINT, as CPython.
    Interrupted,
}

fn main() -> ExitCode {
    internal_error::install_hook();
    signals::install_interrupt_handler();
    std::panic::catch_unwind(run_command_line)
        .unwrap_or(ExitCode::from(internal_error::EXIT_STATUS))
}

fn run_command_line() -> ExitCode {
    let options = parse_options();
    let worker = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(move || run(options));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(Termination::Status(code))) => ExitCode::from(code),
        Ok(Ok(Termination::Interrupted)) => signals::exit_interrupted(),
        _ => ExitCode::from(internal_error::EXIT_STATUS),
    }
}

/// Parses the command line. As in CPython, everything after `-c CODE` or `-m MODULE` belongs
/// to the program (`sys.argv[1:]`), even words that look like options, so that part is split
/// off first.
fn parse_options() -> Options {
    let arguments: Vec<String> = std::env::args().collect();
    let mut split = None;
    for (index, argument) in arguments.iter().enumerate().skip(1) {
        if argument == "-c" || argument == "-m" {
            split = Some(index + 2);
            break;
        }
        if !argument.starts_with('-') || argument == "-" {
            break;
        }
    }
    match split {
        Some(end) if end <= arguments.len() => {
            let mut options = Options::parse_from(&arguments[..end]);
            options.arguments = arguments[end..].to_vec();
            options
        }
        _ => Options::parse_from(&arguments),
    }
}

/// What the command line asks to run.
enum Program {
    /// `-c CODE`.
    Command(String),
    /// `-m MODULE`.
    Module(String),
    /// A script file (or a directory with `__main__.py`).
    Script(String),
    /// Standard input.
    Stdin,
    /// The interactive prompt (no program or `-`, and standard input is a terminal or `-i` is
    /// given).
    Interactive,
}

fn run(mut options: Options) -> Termination {
    let mut explanation = None;
    let program = match (&options.command, &options.module, &options.script) {
        (Some(code), _, _) => Program::Command(code.clone()),
        (None, Some(module), _) => Program::Module(module.clone()),
        (None, None, Some(path)) if path == "compile" => {
            return Termination::Status(precompile(&options))
        }
        (None, None, Some(path)) if path == "explain" => {
            match explain::Request::parse(&options.arguments) {
                Ok(request) => {
                    let script = request.script.clone();
                    options.arguments = request.arguments.clone();
                    explanation = Some(request);
                    Program::Script(script)
                }
                Err(message) => {
                    eprintln!("{message}\n{}", explain::USAGE);
                    return Termination::Status(2);
                }
            }
        }
        (None, None, Some(path)) if path != "-" => Program::Script(path.clone()),
        // No program, or `-`: from a terminal, that is the prompt (as CPython).
        (None, None, _)
            if (std::io::stdin().is_terminal() || options.inspect)
                && !(options.emit_tokens || options.emit_ast || options.dis) =>
        {
            Program::Interactive
        }
        _ => Program::Stdin,
    };
    if options.emit_tokens || options.emit_ast || options.dis {
        return Termination::Status(show_stage(&options, &program));
    }
    let (argv0, first_path_entry) = match &program {
        Program::Command(_) => ("-c".to_owned(), String::new()),
        Program::Module(_) => ("-m".to_owned(), current_directory()),
        Program::Script(path) => (path.clone(), script_directory(Path::new(path))),
        Program::Stdin => ("-".to_owned(), String::new()),
        Program::Interactive => (options.script.clone().unwrap_or_default(), String::new()),
    };
    let mut argv = vec![argv0];
    argv.extend(options.arguments.iter().cloned());
    let mut vm = Vm::new(argv);
    vm.runtime.heap.stress = options.gc_stress;
    let jit_options = krait_vm::jit::JitOptions {
        mode: match options.jit {
            JitMode::Off => krait_vm::jit::JitMode::Off,
            JitMode::On => krait_vm::jit::JitMode::On,
            JitMode::Eager => krait_vm::jit::JitMode::Eager,
        },
        threshold: options.jit_threshold,
        log: options.jit_log,
        stats: options.jit_stats,
        emit_assembly: options.emit_asm.clone(),
        emit_clif: options.emit_clif.clone(),
        gc_stress: options.gc_stress,
        perf_map: options.perf_map,
        background: !options.jit_sync,
    };
    if let Err(message) = vm.enable_jit(jit_options) {
        eprintln!("krait: the JIT cannot start: {message}");
        return Termination::Status(2);
    }
    if options.profile || options.profile_out.is_some() {
        vm.enable_profiler();
    }
    if explanation.is_some() {
        explain::prepare(&mut vm);
    }
    let started = std::time::Instant::now();
    vm.imports = ImportOptions {
        cache: CacheSettings {
            write: !options.dont_write_bytecode && !environment_flag("KRAIT_DONTWRITEBYTECODE"),
            check_source_hash: options.check_source_hash,
        },
        verbose: options.verbose,
        search_path: krait_vm::import::default_search_path(first_path_entry),
    };
    let result = match &program {
        Program::Command(code) => vm.run_string(code, "<string>"),
        Program::Module(name) => vm.run_module(name),
        Program::Script(path) => vm.run_script(Path::new(path)),
        Program::Stdin => match read_standard_input() {
            Some(text) => vm.run_string(&text, "<stdin>"),
            None => {
                eprintln!("krait: standard input is not valid UTF-8");
                return Termination::Status(1);
            }
        },
        Program::Interactive => repl::run(&mut vm, repl::Banner::Show),
    };
    let result = match (options.inspect, &program) {
        (true, Program::Command(_) | Program::Module(_) | Program::Script(_) | Program::Stdin) => {
            inspect(&mut vm, result)
        }
        _ => result,
    };
    let mut termination = match result {
        Ok(()) => Termination::Status(0),
        Err(MainFailure::Exception(error)) => exit_status(&mut vm, error.exception),
        Err(failure) => {
            vm.flush();
            Termination::Status(report_failure(&program, failure))
        }
    };
    if let Some(report) = vm.profile_report() {
        if options.profile {
            let table = profile::table(&report);
            let _ = vm
                .runtime
                .output
                .write(krait_runtime::stream::TextStream::Stdout, &table);
        }
        if let Some(path) = &options.profile_out {
            let text = profile::json(&report).render() + "\n";
            if let Err(error) = std::fs::write(path, text) {
                vm.flush();
                eprintln!(
                    "krait: cannot write the profile to {}: {error}",
                    path.display()
                );
                if termination == Termination::Status(0) {
                    termination = Termination::Status(1);
                }
            }
        }
    }
    // As CPython: wait for non-daemon threads, run the atexit handlers, then abandon the
    // daemon threads (the main thread keeps the GIL for good).
    vm.shutdown_threads();
    vm.run_exit_handlers();
    vm.finalize_threads();
    vm.flush();
    if let Some(line) = vm.jit_statistics_line() {
        eprintln!("{line}");
    }
    if let Some(request) = &explanation {
        let facts = explain::RunFacts {
            jit_mode: match options.jit {
                JitMode::Off => "off",
                JitMode::On => "on",
                JitMode::Eager => "eager",
            },
            jit_threshold: options.jit_threshold,
            started,
            exit_status: match termination {
                Termination::Status(code) => Some(code),
                Termination::Interrupted => None,
            },
        };
        match explain::write_report(&mut vm, request, &facts) {
            Ok(path) => eprintln!("krait explain: wrote {}", path.display()),
            Err(message) => {
                eprintln!("krait explain: {message}");
                if termination == Termination::Status(0) {
                    termination = Termination::Status(1);
                }
            }
        }
    }
    internal_error::panic_if_testing();
    finish_output(&mut vm, termination)
}

/// `-i`: the interactive prompt after the program, in its `__main__`. An uncaught exception of
/// the program (even `SystemExit`) is printed as a traceback first, as CPython does; a program
/// that could not start at all ends there.
fn inspect(vm: &mut Vm, result: Result<(), MainFailure>) -> Result<(), MainFailure> {
    match result {
        Ok(()) => {}
        Err(MainFailure::Exception(error)) => {
            vm.flush();
            let report = vm.format_exception(error.exception);
            eprint!("{report}");
        }
        Err(failure) => return Err(failure),
    }
    repl::run(vm, repl::Banner::Hide)
}

/// The final flush of standard output. When it fails (the reader of a pipe has gone), CPython
/// reports it as an exception ignored while finalizing `sys.stdout` and exits with status 120;
/// an uncaught `KeyboardInterrupt` still ends by SIGINT.
fn finish_output(vm: &mut Vm, termination: Termination) -> Termination {
    let Err(error) = vm.runtime.output.finish() else {
        return termination;
    };
    let class = match error.raw_os_error() {
        Some(32) => "BrokenPipeError",
        _ => "OSError",
    };
    eprintln!(
        "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\
         {class}: [Errno {}] {}",
        error.raw_os_error().unwrap_or(0),
        krait_runtime::stream::strerror(&error)
    );
    match termination {
        Termination::Interrupted => Termination::Interrupted,
        Termination::Status(_) => Termination::Status(120),
    }
}

/// Prints why the main module could not run; returns the exit status.
fn report_failure(program: &Program, failure: MainFailure) -> u8 {
    match failure {
        MainFailure::CannotOpen(error) => {
            let invoked = std::env::args().next().unwrap_or_else(|| "krait".into());
            let path = match program {
                Program::Script(path) => absolute_path(path),
                _ => String::new(),
            };
            eprintln!(
                "{invoked}: can't open file '{path}': [Errno {}] {}",
                error.raw_os_error().unwrap_or(0),
                describe_io_error(&error)
            );
            2
        }
        MainFailure::Syntax(report) => {
            eprintln!("{report}");
            1
        }
        MainFailure::Module(message) => {
            let executable = std::env::current_exe()
                .map_or_else(|_| "krait".to_owned(), |path| path.display().to_string());
            eprintln!("{executable}: {message}");
            1
        }
        MainFailure::Exception(_) => 1,
    }
}

/// `--emit-tokens`, `--emit-ast`, `--dis`: the compiler's view of the program.
fn show_stage(options: &Options, program: &Program) -> u8 {
    if let (true, Program::Script(path)) = (options.dis, program) {
        if path.ends_with(".pyc") {
            return match cache::read_cache_file(Path::new(path)) {
                Ok(code) => {
                    print!("{}", krait_compiler::disassemble::disassemble(&code));
                    0
                }
                Err(error) => {
                    eprintln!("krait: {path}: {error}");
                    1
                }
            };
        }
    }
    let (source, filename) = match program {
        Program::Command(code) => (code.clone(), "<string>".to_owned()),
        Program::Script(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => (text, absolute_path(path)),
                Err(_) => {
                    eprintln!("SyntaxError: Non-UTF-8 code in file {path}");
                    return 1;
                }
            },
            Err(error) => {
                let invoked = std::env::args().next().unwrap_or_else(|| "krait".into());
                eprintln!(
                    "{invoked}: can't open file '{}': [Errno {}] {}",
                    absolute_path(path),
                    error.raw_os_error().unwrap_or(0),
                    describe_io_error(&error)
                );
                return 2;
            }
        },
        Program::Module(_) => {
            eprintln!("krait: -m cannot be combined with --emit-tokens, --emit-ast or --dis");
            return 2;
        }
        Program::Stdin | Program::Interactive => match read_standard_input() {
            Some(text) => (text, "<stdin>".to_owned()),
            None => {
                eprintln!("krait: standard input is not valid UTF-8");
                return 1;
            }
        },
    };
    if options.emit_tokens || options.emit_ast {
        let dump = if options.emit_tokens {
            krait_compiler::dump::tokens(&source)
        } else {
            krait_compiler::dump::ast(&source)
        };
        return match dump {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(error) => {
                eprintln!("{error}");
                1
            }
        };
    }
    match krait_compiler::compile_module(&source, &filename) {
        Ok(code) => {
            print!("{}", krait_compiler::disassemble::disassemble(&code));
            0
        }
        Err(error) => {
            eprintln!("{error}");
            1
        }
    }
}

/// `krait compile PATH…`: writes the bytecode cache of each file, and of every `.py` file in
/// each directory tree (skipping `__pycache__`). Prints `Compiling 'PATH'...` for each file it
/// compiles (with `-v`, also the ones already up to date); status 1 if any file failed.
fn precompile(options: &Options) -> u8 {
    if options.arguments.is_empty() {
        eprintln!("krait compile: no files or directories given (usage: krait compile PATH…)");
        return 2;
    }
    // Writing caches is the point: -B and KRAIT_DONTWRITEBYTECODE do not apply.
    let settings = CacheSettings {
        write: true,
        check_source_hash: options.check_source_hash,
    };
    let mut files = Vec::new();
    let mut status = 0;
    for argument in &options.arguments {
        let path = PathBuf::from(argument);
        if path.is_dir() {
            collect_sources(&path, &mut files);
        } else if path.is_file() {
            files.push(path);
        } else {
            eprintln!("krait compile: can't open '{argument}': No such file or directory");
            status = 1;
        }
    }
    for file in files {
        let filename = absolute_path(&file.display().to_string());
        match cache::precompile(&file, &filename, settings) {
            Ok(Precompiled::Written) => println!("Compiling '{}'...", file.display()),
            Ok(Precompiled::UpToDate) => {
                if options.verbose {
                    println!("Up to date '{}'", file.display());
                }
            }
            Err(error) => {
                println!("Compiling '{}'...", file.display());
                eprintln!("{error}");
                status = 1;
            }
        }
    }
    status
}

/// Every `.py` file under `directory`, in name order, skipping `__pycache__`.
fn collect_sources(directory: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "__pycache__") {
                collect_sources(&path, files);
            }
        } else if path.extension().is_some_and(|extension| extension == "py") {
            files.push(path);
        }
    }
}

fn read_standard_input() -> Option<String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).ok()?;
    Some(text)
}

/// Whether an environment variable is set to a non-empty value (CPython's rule for its
/// `PYTHON*` flags).
fn environment_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|value| !value.is_empty())
}

fn current_directory() -> String {
    std::env::current_dir()
        .map(|directory| directory.display().to_string())
        .unwrap_or_default()
}

/// `sys.path[0]` for a script: the directory of the file it really is (symbolic links
/// resolved, as CPython does); a directory run for its `__main__.py` is itself.
fn script_directory(path: &Path) -> String {
    let real = std::fs::canonicalize(path)
        .unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
    if real.is_dir() {
        return real.display().to_string();
    }
    real.parent()
        .map(|parent| parent.display().to_string())
        .unwrap_or_default()
}

/// The exit status for an uncaught exception, printing its report (SystemExit prints only its
/// message when that is not an int, as CPython; KeyboardInterrupt ends by SIGINT).
fn exit_status(vm: &mut Vm, exception: Value) -> Termination {
    Termination::Status(match exit_code(vm, exception) {
        Some(code) => code,
        None => return Termination::Interrupted,
    })
}

/// [`exit_status`]'s code, or `None` for an uncaught KeyboardInterrupt.
fn exit_code(vm: &mut Vm, exception: Value) -> Option<u8> {
    let system_exit = vm.runtime.types.system_exit;
    if protocol::is_instance(&vm.runtime, exception, system_exit) {
        let args = krait_runtime::types::exception::args(exception);
        let code = match args.len() {
            0 => Value::NONE,
            1 => args[0],
            _ => krait_runtime::runtime::exception_data(exception)
                .map_or(Value::NONE, |data| data.get().args),
        };
        if code.is_none() {
            return Some(0);
        }
        if let Some(number) = krait_runtime::types::int::as_int(code) {
            return Some(number.to_i64().map_or(255, |number| (number & 0xff) as u8));
        }
        vm.flush();
        let text = protocol::str_string(&mut *vm, code).unwrap_or_default();
        eprintln!("{text}");
        return Some(1);
    }
    vm.flush();
    let report = vm.format_exception(exception);
    eprint!("{report}");
    let keyboard_interrupt = vm.runtime.types.keyboard_interrupt;
    if protocol::is_instance(&vm.runtime, exception, keyboard_interrupt) {
        return None;
    }
    Some(1)
}

fn absolute_path(path: &str) -> String {
    std::path::absolute(path).map_or_else(
        |_| path.to_string(),
        |absolute| absolute.display().to_string(),
    )
}

fn describe_io_error(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => error.to_string(),
    }
}
