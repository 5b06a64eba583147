//! The `krait` command line: runs a script, a `-c` string or standard input, and shows the
//! compiler's stages (`--emit-tokens`, `--emit-ast`, `--dis`).
//!
//! Exit status as CPython: 0 on success, 1 after an uncaught exception or a syntax error, the
//! `SystemExit` code, 2 for usage errors.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use krait_runtime::{protocol, Value};
use krait_vm::Vm;

/// The interpreter runs on a thread with a large stack, so deep recursion through builtins
/// (which CPython also bounds) never exhausts the native stack before RecursionError.
const INTERPRETER_STACK_BYTES: usize = 512 << 20;

/// Execution tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum JitMode {
    /// Interpreter only.
    Off,
    /// Compile hot code (not available yet: the JIT is its own issue).
    On,
    /// Compile everything at first use (not available yet).
    Eager,
}

/// krait: a Python 3 implementation in Rust.
#[derive(Parser, Debug)]
#[command(name = "krait", version, about, long_about = None)]
struct Options {
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE")]
    command: Option<String>,

    /// Print the tokens of the program and exit.
    #[arg(long)]
    emit_tokens: bool,

    /// Print the syntax tree of the program and exit.
    #[arg(long)]
    emit_ast: bool,

    /// Print the bytecode of every code object and exit.
    #[arg(long)]
    dis: bool,

    /// Execution tier. Only `off` (the interpreter) exists so far; the JIT is being built.
    #[arg(long, value_enum, default_value = "off", value_name = "MODE")]
    jit: JitMode,

    /// Collect garbage at every safepoint (for testing the collector).
    #[arg(long)]
    gc_stress: bool,

    /// The script to run (`-` or nothing: standard input).
    script: Option<String>,

    /// Arguments passed to the script in `sys.argv[1:]`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    arguments: Vec<String>,
}

fn main() -> ExitCode {
    let options = parse_options();
    if options.jit != JitMode::Off {
        eprintln!("krait: --jit={:?} is not available yet: the JIT is not built; use --jit=off", options.jit);
        return ExitCode::from(2);
    }
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|location| format!(" at {}:{}", location.file(), location.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("krait: internal error{location}: {message}");
    }));
    let worker = std::thread::Builder::new().stack_size(INTERPRETER_STACK_BYTES).spawn(move || run(options));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(70),
    }
}

/// Parses the command line. As in CPython, everything after `-c CODE` belongs to the program
/// (`sys.argv[1:]`), even words that look like options, so that part is split off first.
fn parse_options() -> Options {
    let arguments: Vec<String> = std::env::args().collect();
    let mut split = None;
    for (index, argument) in arguments.iter().enumerate().skip(1) {
        if argument == "-c" {
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

fn run(options: Options) -> u8 {
    let (source, filename, argv0) = match (&options.command, &options.script) {
        (Some(code), _) => (code.clone(), "<string>".to_string(), "-c".to_string()),
        (None, Some(path)) if path != "-" => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                // Like CPython, the code's file name (tracebacks, `__file__`) is absolute.
                Ok(text) => (text, absolute_path(path), path.clone()),
                Err(_) => {
                    eprintln!("SyntaxError: Non-UTF-8 code in file {path}");
                    return 1;
                }
            },
            Err(error) => {
                let program = std::env::args().next().unwrap_or_else(|| "krait".into());
                eprintln!("{program}: can't open file '{path}': [Errno {}] {}", error.raw_os_error().unwrap_or(0), describe_io_error(&error));
                return 2;
            }
        },
        _ => {
            let mut text = String::new();
            if std::io::stdin().read_to_string(&mut text).is_err() {
                eprintln!("krait: standard input is not valid UTF-8");
                return 1;
            }
            (text, "<stdin>".to_string(), "-".to_string())
        }
    };
    if options.emit_tokens || options.emit_ast {
        let dump = if options.emit_tokens { krait_compiler::dump::tokens(&source) } else { krait_compiler::dump::ast(&source) };
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
    let code = match krait_compiler::compile_module(&source, &filename) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{error}");
            return 1;
        }
    };
    if options.dis {
        print!("{}", krait_compiler::disassemble::disassemble(&code));
        return 0;
    }
    let mut argv = vec![argv0];
    argv.extend(options.arguments);
    let mut vm = Vm::new(argv);
    vm.runtime.heap.stress = options.gc_stress;
    let result = vm.run_main(&code, &source);
    let status = match result {
        Ok(()) => 0,
        Err(error) => exit_status(&mut vm, error.exception),
    };
    vm.flush();
    status
}

/// The exit status for an uncaught exception, printing its report (SystemExit prints only its
/// message when that is not an int, as CPython).
fn exit_status(vm: &mut Vm, exception: Value) -> u8 {
    let system_exit = vm.runtime.types.system_exit;
    if protocol::is_instance(&vm.runtime, exception, system_exit) {
        let args = krait_runtime::types::exception::args(exception);
        let code = match args.len() {
            0 => Value::NONE,
            1 => args[0],
            _ => krait_runtime::runtime::exception_data(exception).map_or(Value::NONE, |data| data.get().args),
        };
        if code.is_none() {
            return 0;
        }
        if let Some(number) = krait_runtime::types::int::as_int(code) {
            return number.to_i64().map_or(255, |number| (number & 0xff) as u8);
        }
        vm.flush();
        let text = protocol::str_string(&mut *vm, code).unwrap_or_default();
        eprintln!("{text}");
        return 1;
    }
    vm.flush();
    let report = vm.format_exception(exception);
    eprint!("{report}");
    1
}

fn absolute_path(path: &str) -> String {
    std::path::absolute(path).map_or_else(|_| path.to_string(), |absolute| absolute.display().to_string())
}

fn describe_io_error(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => error.to_string(),
    }
}
