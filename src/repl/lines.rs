//! Where the prompt's lines come from.
//!
//! When standard input and output are both terminals, lines are edited with `rustyline`, with
//! history kept in a file. Otherwise (`krait -i` reading a pipe, output redirected to a file,
//! or a terminal that cannot be edited on, `TERM=dumb`) there is nothing to edit on, so — as CPython, which uses GNU readline only when both
//! are terminals — the prompt is written to standard error and a plain line is read.
//!
//! `rustyline` reads keys in raw mode, where Ctrl-C is a key (it cancels the input); a plain
//! read of a terminal is in cooked mode, where Ctrl-C is SIGINT, whose handler only sets the
//! interrupt flag, so the plain reader waits for its line while checking that flag.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use krait_runtime::signals;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{Config, Editor};

/// Lines kept in the history file.
const HISTORY_LINES: usize = 1000;

/// What one read gave.
pub enum Read {
    /// A line (or several, pasted at once), without the final newline.
    Text(String),
    /// Ctrl-C: throw away the statement being typed.
    Interrupted,
    /// Ctrl-D on an empty line, or the end of the input.
    End,
    /// The terminal cannot be read (the message says why).
    Failed(String),
}

/// The source of lines.
pub enum Lines {
    /// `rustyline` on a terminal, and the history file.
    Editor {
        editor: Box<Editor<(), FileHistory>>,
        history: Option<PathBuf>,
    },
    /// Plain reads; `terminal`: standard input is a terminal (then Ctrl-C cancels a read).
    Plain { terminal: bool },
}

impl Lines {
    /// The line editor when standard input and output are terminals (and it can start), else
    /// plain reads.
    pub fn new() -> Lines {
        let terminal = std::io::stdin().is_terminal();
        if terminal && std::io::stdout().is_terminal() && can_edit_on(std::env::var("TERM").ok()) {
            if let Ok(mut editor) = new_editor() {
                let history = history_path();
                if let Some(path) = &history {
                    // A missing or unreadable history file only means there is no history.
                    let _ = editor.load_history(path);
                }
                return Lines::Editor {
                    editor: Box::new(editor),
                    history,
                };
            }
        }
        Lines::Plain { terminal }
    }

    /// Shows `prompt` and reads a line.
    pub fn read(&mut self, prompt: &str) -> Read {
        match self {
            Lines::Editor { editor, .. } => match editor.readline(prompt) {
                Ok(text) => Read::Text(text),
                // The editor has already moved to a new line.
                Err(ReadlineError::Interrupted) => Read::Interrupted,
                Err(ReadlineError::Eof) => Read::End,
                Err(error) => Read::Failed(error.to_string()),
            },
            Lines::Plain { terminal } => read_plain(prompt, *terminal),
        }
    }

    /// Adds a line to the history, in memory and in the file (at once, so a session that ends
    /// abruptly keeps it). Failures to write the file are silent, as in CPython.
    pub fn remember(&mut self, line: &str) {
        let Lines::Editor { editor, history } = self else {
            return;
        };
        if line.trim().is_empty() {
            return;
        }
        let _ = editor.add_history_entry(line);
        if let Some(path) = history {
            let _ = editor.append_history(path);
        }
    }
}

/// A plain read: the prompt on standard error, then a line. The terminal has not moved to a
/// new line after Ctrl-C or Ctrl-D (it echoes neither as a newline), so a newline is written
/// then, as CPython does.
fn read_plain(prompt: &str, terminal: bool) -> Read {
    eprint!("{prompt}");
    // The prompt runs on the interpreter's main thread, the one Ctrl-C interrupts.
    if terminal && !signals::wait_for_terminal_line(true) {
        eprintln!();
        return Read::Interrupted;
    }
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) => {
            eprintln!();
            Read::End
        }
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Read::Text(line)
        }
        Err(error) if error.kind() == std::io::ErrorKind::InvalidData => {
            Read::Failed("standard input is not valid UTF-8".to_owned())
        }
        Err(error) => Read::Failed(error.to_string()),
    }
}

/// Whether rustyline can drive a terminal of this `TERM`: not the ones it declares unsupported
/// (it would read plain lines there itself, but with Ctrl-C as a signal it does not expect).
fn can_edit_on(term: Option<String>) -> bool {
    !matches!(term.as_deref(), Some("dumb" | "cons25" | "emacs"))
}

/// The line editor as the prompt wants it: history without duplicates in a row, nothing added
/// to it automatically (blank lines stay out).
fn new_editor() -> rustyline::Result<Editor<(), FileHistory>> {
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
