//! The interactive prompt: `krait` with no program on a terminal.
//!
//! A session reads lines with `rustyline` (line editing, history kept in a file), decides after
//! each line whether it holds a whole statement (`krait_compiler::interactive`, CPython's
//! `codeop`), and runs each statement compiled in the `single` mode in one `__main__` namespace
//! that lives for the session, so expression statements echo their `repr` and set
//! `builtins._`. As in CPython:
//!
//! - an uncaught exception prints its traceback (`File "<stdin>", line N, in <module>`) and the
//!   session goes on; a syntax error is reported as soon as the line that makes it is entered;
//! - `SystemExit` (`exit()`, `raise SystemExit(3)`) ends the session with its status, through
//!   the same exit path as a script (so `atexit` handlers run);
//! - Ctrl-D on an empty line ends the session with status 0; Ctrl-C while editing throws away
//!   the statement being typed and prints `KeyboardInterrupt`; Ctrl-C while code runs raises
//!   `KeyboardInterrupt` in it (the SIGINT handler of `signals.rs`: `rustyline` reads keys in
//!   raw mode, where Ctrl-C is a key, not a signal, so the two never meet).
//!
//! Lines pasted together arrive from the editor as one string; they are taken one at a time, as
//! if typed, so a pasted block of several statements runs statement by statement.

use std::io::IsTerminal;
use std::path::PathBuf;

use krait_compiler::interactive::{self, Input};
use krait_compiler::SyntaxError;
use krait_runtime::{protocol, signals};
use krait_vm::import::MainFailure;
use krait_vm::interactive::Prompt;
use krait_vm::Vm;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{Config, Editor};

/// The file name of code typed at the prompt, in tracebacks and syntax errors.
const FILENAME: &str = "<stdin>";

/// Lines kept in the history file.
const HISTORY_LINES: usize = 1000;

/// The line editor, with no completion or highlighting helper.
type LineEditor = Editor<(), FileHistory>;

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
    let mut editor = match new_editor() {
        Ok(editor) => editor,
        Err(error) => {
            eprintln!("krait: cannot read from the terminal: {error}");
            return Ok(());
        }
    };
    let history = history_path();
    if let Some(path) = &history {
        // A missing or unreadable history file only means there is no history yet.
        let _ = editor.load_history(path);
    }
    let namespace = vm.start_interactive();
    let mut session = Session {
        vm,
        editor,
        history,
        namespace,
        pending: String::new(),
        terminal: std::io::stdin().is_terminal(),
    };
    session.run()
}

/// The line editor as the prompt wants it: history without duplicates in a row, nothing added
/// to it automatically (blank lines stay out).
fn new_editor() -> rustyline::Result<LineEditor> {
    let config = Config::builder()
        .max_history_size(HISTORY_LINES)?
        .history_ignore_dups(true)?
        .auto_add_history(false)
        .build();
    Editor::with_config(config)
}

/// Where the history is kept: `$KRAIT_HISTORY`, else `~/.krait_history`.
fn history_path() -> Option<PathBuf> {
    match std::env::var_os("KRAIT_HISTORY") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => std::env::var_os("HOME")
            .filter(|home| !home.is_empty())
            .map(|home| PathBuf::from(home).join(".krait_history")),
    }
}

/// One interactive session.
struct Session<'vm> {
    vm: &'vm mut Vm,
    editor: LineEditor,
    history: Option<PathBuf>,
    /// The `__main__` namespace every statement runs in, and `sys`.
    namespace: krait_vm::interactive::Namespace,
    /// The lines of the statement typed so far, each ending with a newline.
    pending: String,
    /// Whether standard input is a terminal (else `krait -i` reads lines from a pipe or file).
    terminal: bool,
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
            if !self.terminal {
                // `krait -i` reading a pipe: the editor shows no prompt there; CPython writes
                // it to standard error.
                eprint!("{prompt}");
            }
            // A Ctrl-C that came while nothing ran (after the last statement finished) is not
            // meant for the next one.
            signals::take_interrupt();
            match self.editor.readline(&prompt) {
                // On a terminal that rustyline cannot drive (TERM=dumb), lines are read in
                // cooked mode, where Ctrl-C is a signal: it cancels the line as the key does.
                Ok(_) if signals::take_interrupt() => self.cancel(),
                Ok(text) => {
                    for line in text.split('\n') {
                        self.remember(line);
                        self.take_line(line)?;
                    }
                }
                Err(ReadlineError::Interrupted) => self.cancel(),
                // CPython ends the last prompt's line; on a terminal the editor already has.
                Err(ReadlineError::Eof) => {
                    if !self.terminal {
                        eprintln!();
                    }
                    return Ok(());
                }
                Err(error) => {
                    eprintln!("krait: cannot read from the terminal: {error}");
                    return Ok(());
                }
            }
        }
    }

    /// Ctrl-C while editing: the statement being typed is dropped.
    fn cancel(&mut self) {
        self.pending.clear();
        self.vm.flush();
        eprintln!("KeyboardInterrupt");
    }

    /// Adds a line to the history, in memory and in the file (at once, so a session that ends
    /// abruptly keeps it). Failures to write the file are silent, as in CPython.
    fn remember(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        let _ = self.editor.add_history_entry(line);
        if let Some(path) = &self.history {
            let _ = self.editor.append_history(path);
        }
    }

    /// One more line of input: runs the statement once it is whole.
    fn take_line(&mut self, line: &str) -> Result<(), MainFailure> {
        self.pending.push_str(line);
        self.pending.push('\n');
        match interactive::classify(&self.pending, FILENAME) {
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
