//! The interactive prompt: `krait` with no program on a terminal.
//!
//! A session reads lines (`repl/lines.rs`: `rustyline`'s line editing and history on a
//! terminal, plain reads otherwise), decides after each line whether it holds a whole statement (`krait_compiler::interactive`, CPython's
//! `codeop`), and runs each statement compiled in the `single` mode in one `__main__` namespace
//! that lives for the session, so expression statements echo their `repr` and set
//! `builtins._`. As in CPython:
//!
//! - an uncaught exception prints its traceback (`File "<stdin>", line N, in <module>`) and the
//!   session goes on; a syntax error is reported as soon as the line that makes it is entered;
//! - `SystemExit` (`exit()`, `raise SystemExit(3)`) ends the session with its status, through
//!   the same exit path as a script (so `atexit` handlers run);
//! - Ctrl-D on an empty line ends the session with status 0 (at the continuation prompt, it
//!   ends the statement being typed instead); Ctrl-C while editing throws away
//!   the statement being typed and prints `KeyboardInterrupt`; Ctrl-C while code runs raises
//!   `KeyboardInterrupt` in it (the SIGINT handler of `signals.rs`: `rustyline` reads keys in
//!   raw mode, where Ctrl-C is a key, not a signal, so the two never meet).
//!
//! Lines pasted together arrive from the editor as one string; they are taken one at a time, as
//! if typed, so a pasted block of several statements runs statement by statement.

mod lines;

use krait_compiler::interactive::{self, Input};
use krait_compiler::SyntaxError;
use krait_runtime::{protocol, signals};
use krait_vm::import::MainFailure;
use krait_vm::interactive::Prompt;
use krait_vm::Vm;

use lines::{Lines, Read};

/// The file name of code typed at the prompt, in tracebacks and syntax errors.
const FILENAME: &str = "<stdin>";

/// Whether a session starts with the banner (not after a program run with `-i`, as CPython).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Banner {
    /// Print the version and how to leave.
    Show,
    /// Start with the prompt.
    Hide,
}

/// Runs an interactive session in `vm` until Ctrl-D (`Ok`) or an uncaught `SystemExit`
/// (`Err`, for the caller to turn into the exit status as for a script).
pub fn run(vm: &mut Vm, banner: Banner) -> Result<(), MainFailure> {
    if banner == Banner::Show {
        eprintln!(
            "krait {} (Python 3.11 compatible) on {}\nType exit() or press Ctrl-D to leave.",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        );
    }
    let namespace = vm.start_interactive();
    let mut session = Session {
        vm,
        lines: Lines::new(),
        namespace,
        pending: String::new(),
    };
    session.run()
}

/// One interactive session.
struct Session<'vm> {
    vm: &'vm mut Vm,
    lines: Lines,
    /// The `__main__` namespace every statement runs in, and `sys`.
    namespace: krait_vm::interactive::Namespace,
    /// The lines of the statement typed so far, each ending with a newline.
    pending: String,
}

impl Session<'_> {
    fn run(&mut self) -> Result<(), MainFailure> {
        loop {
            if self.vm.runtime.output.stdout_mid_line() {
                // Output without a final newline (`print(x, end='')`): CPython's prompt
                // follows it on the same line, but the line editor redraws its line from the
                // start, which would erase it, so the prompt starts a line of its own.
                let _ = self
                    .vm
                    .runtime
                    .output
                    .write(krait_runtime::stream::TextStream::Stdout, "\n");
            }
            self.vm.flush();
            let prompt = match self.pending.is_empty() {
                true => Prompt::Primary,
                false => Prompt::Continuation,
            };
            let prompt = self.vm.prompt_text(self.namespace, prompt);
            // A Ctrl-C that came while nothing ran (after the last statement finished) is not
            // meant for the next one.
            signals::take_interrupt();
            match self.lines.read(&prompt) {
                Read::Text(text) => {
                    for line in text.split('\n') {
                        self.lines.remember(line);
                        self.take_line(line)?;
                    }
                }
                Read::Interrupted => {
                    self.pending.clear();
                    eprintln!("KeyboardInterrupt");
                }
                // Ctrl-D at the continuation prompt ends the statement, not the session.
                Read::End if !self.pending.is_empty() => {
                    let input = interactive::finish(&self.pending, FILENAME);
                    self.take_input(input)?;
                }
                Read::End => return Ok(()),
                Read::Failed(message) => {
                    eprintln!("krait: cannot read the input: {message}");
                    return Ok(());
                }
            }
        }
    }

    /// One more line of input: runs the statement once it is whole.
    fn take_line(&mut self, line: &str) -> Result<(), MainFailure> {
        self.pending.push_str(line);
        self.pending.push('\n');
        let input = interactive::classify(&self.pending, FILENAME);
        self.take_input(input)
    }

    /// Runs a whole statement, reports a syntax error, or waits for more lines.
    fn take_input(&mut self, input: Input) -> Result<(), MainFailure> {
        match input {
            Input::Incomplete => Ok(()),
            Input::Empty => {
                self.pending.clear();
                Ok(())
            }
            Input::Invalid(error) => {
                self.pending.clear();
                self.vm.flush();
                let exception = krait_runtime::builtins::evaluation::syntax_error(
                    &mut self.vm.runtime,
                    &error,
                    !error.source_line.is_empty(),
                );
                self.vm
                    .record_last_exception(self.namespace, exception.exception);
                eprintln!("{}", syntax_error_report(&error));
                Ok(())
            }
            Input::Complete(code) => {
                self.pending.clear();
                match self.vm.run_interactive(&code, self.namespace) {
                    Ok(()) => Ok(()),
                    Err(error) => self.report(error),
                }
            }
        }
    }

    /// An exception that left a statement: `SystemExit` ends the session, anything else prints
    /// its traceback.
    fn report(&mut self, error: krait_runtime::PyErr) -> Result<(), MainFailure> {
        let system_exit = self.vm.runtime.types.system_exit;
        if protocol::is_instance(&self.vm.runtime, error.exception, system_exit) {
            return Err(MainFailure::Exception(error));
        }
        self.vm.flush();
        self.vm
            .record_last_exception(self.namespace, error.exception);
        let report = self.vm.format_exception(error.exception);
        eprint!("{report}");
        Ok(())
    }
}

/// How CPython's prompt prints a syntax error: as a script's, except that an error on a blank
/// line (a block ended before its body) still shows the empty line and a caret.
fn syntax_error_report(error: &SyntaxError) -> String {
    if error.source_line.trim().is_empty() && error.column > 0 {
        return format!(
            "  File \"{}\", line {}\n    \n    ^\n{}: {}",
            error.filename,
            error.line,
            error.kind.class_name(),
            error.message
        );
    }
    error.to_string()
}
