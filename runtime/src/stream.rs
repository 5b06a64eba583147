//! `sys.stdout`, `sys.stderr` and `sys.stdin`.
//!
//! Standard output is buffered in the runtime and flushed when the buffer fills, at a newline
//! when it is a terminal, before reading input, on `flush()`, and at exit — so nothing written
//! is lost and pipes are fast. Standard error is written through.

use std::io::{IsTerminal, Write};

/// Which standard stream an object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextStream {
    /// `sys.stdin`.
    Stdin,
    /// `sys.stdout`.
    Stdout,
    /// `sys.stderr`.
    Stderr,
}

impl TextStream {
    /// The stream's `name` attribute.
    pub fn name(self) -> &'static str {
        match self {
            TextStream::Stdin => "<stdin>",
            TextStream::Stdout => "<stdout>",
            TextStream::Stderr => "<stderr>",
        }
    }
}

/// The process's output channels.
pub struct Output {
    stdout: Vec<u8>,
    stdout_is_terminal: bool,
    /// Whether the last text written to standard output did not end with a newline (the
    /// interactive prompt starts its own line then, or the line editor would draw over it).
    stdout_mid_line: bool,
    /// Where output goes instead of the process's streams, when captured (embedding, fuzzing).
    captured: Option<Captured>,
    /// A failed flush that nobody could be told about (one before a write to standard error):
    /// reported at exit, as CPython reports the failure of its final flush.
    deferred_error: Option<std::io::Error>,
}

/// Output kept in memory instead of written ([`Output::capture`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Captured {
    /// Everything written to standard output.
    pub stdout: Vec<u8>,
    /// Everything written to standard error.
    pub stderr: Vec<u8>,
}

impl Default for Output {
    fn default() -> Self {
        Output {
            stdout: Vec::new(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stdout_mid_line: false,
            captured: None,
            deferred_error: None,
        }
    }
}

impl Output {
    /// Keeps all output in memory from now on instead of writing it to the process's streams
    /// (for running programs inside another program, such as a fuzzer).
    pub fn capture(&mut self) {
        self.captured = Some(Captured::default());
        self.stdout_is_terminal = false;
    }

    /// What was captured so far (all of it once flushed), if capturing.
    pub fn captured(&self) -> Option<&Captured> {
        self.captured.as_ref()
    }

    /// Writes text to a stream. Standard output is buffered; a failure to write the buffer (a
    /// closed pipe) discards it and is returned, so the writer raises it (`BrokenPipeError`),
    /// as CPython's buffered writer does.
    pub fn write(&mut self, stream: TextStream, text: &str) -> std::io::Result<()> {
        match stream {
            TextStream::Stdout => {
                if let Some(last) = text.as_bytes().last() {
                    self.stdout_mid_line = *last != b'\n';
                }
                self.stdout.extend_from_slice(text.as_bytes());
                if self.stdout.len() > 1 << 16 || (self.stdout_is_terminal && text.contains('\n')) {
                    self.flush()?;
                }
            }
            TextStream::Stderr | TextStream::Stdin => {
                // Earlier standard output first, so the two interleave as written; a failure
                // there is not this write's: it is reported at exit.
                if let Err(error) = self.flush() {
                    self.deferred_error.get_or_insert(error);
                }
                match &mut self.captured {
                    Some(captured) => captured.stderr.extend_from_slice(text.as_bytes()),
                    None => {
                        let mut stderr = std::io::stderr();
                        let _ = stderr.write_all(text.as_bytes());
                        let _ = stderr.flush();
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether the last text written to standard output did not end with a newline.
    pub fn stdout_mid_line(&self) -> bool {
        self.stdout_mid_line
    }

    /// Records that the terminal's cursor is at the start of a line although the last output
    /// did not end with a newline (the echo of a line typed for `input()` ended it).
    pub fn line_ended(&mut self) {
        self.stdout_mid_line = false;
    }

    /// Flushes buffered standard output (and open files). On failure the buffered text is dropped (it cannot be
    /// written) and the error returned.
    pub fn flush(&mut self) -> std::io::Result<()> {
        // Open files first (`modules/io.rs`), so output to files and to standard output keeps
        // its order, and nothing written to a file is lost at exit.
        crate::modules::io::flush_open_files();
        if self.stdout.is_empty() {
            return Ok(());
        }
        let result = match &mut self.captured {
            Some(captured) => {
                captured.stdout.extend_from_slice(&self.stdout);
                Ok(())
            }
            None => {
                let mut stdout = std::io::stdout().lock();
                stdout.write_all(&self.stdout).and_then(|()| stdout.flush())
            }
        };
        self.stdout.clear();
        result
    }

    /// Flushes standard output where nobody can be told of a failure (before reading input,
    /// before sleeping): a failure is reported at exit.
    pub fn flush_or_defer(&mut self) {
        if let Err(error) = self.flush() {
            self.deferred_error.get_or_insert(error);
        }
    }

    /// The final flush at exit: the first output error nobody has been told about (a failed
    /// flush before a write to standard error, or this flush's own), which the command line
    /// reports as CPython does (`Exception ignored …`, status 120).
    pub fn finish(&mut self) -> std::io::Result<()> {
        let result = self.flush();
        match self.deferred_error.take() {
            Some(error) => Err(error),
            None => result,
        }
    }
}

impl Drop for Output {
    /// Output still buffered when the runtime goes away (an internal error unwinding, an
    /// embedder that forgot to flush) is written rather than lost.
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// The strerror text of an I/O error (`Broken pipe`), without Rust's ` (os error N)`.
pub fn strerror(error: &std::io::Error) -> String {
    let text = match error.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
        None => error.to_string(),
    };
    match text.rfind(" (os error ") {
        Some(position) => text[..position].to_string(),
        None => text,
    }
}

/// The `OSError` CPython raises for a failed write: the subclass for its errno
/// (`BrokenPipeError` for a closed pipe), with `errno` and `strerror`.
pub fn os_error(host: &mut dyn crate::Host, error: &std::io::Error) -> crate::PyErr {
    let runtime = host.runtime();
    let errno = runtime.new_int(i64::from(error.raw_os_error().unwrap_or(0)));
    let text = runtime.new_string(strerror(error));
    let class = runtime.types.os_error;
    match crate::types::exception::construct(
        host,
        class,
        crate::Arguments::positional(&[errno, text]),
    ) {
        Ok(exception) => crate::PyErr { exception },
        Err(error) => error,
    }
}

/// Writes to a stream, raising the `OSError` of a failed write.
pub fn write_or_raise(
    host: &mut dyn crate::Host,
    stream: TextStream,
    text: &str,
) -> crate::PyResult<()> {
    match host.runtime().output.write(stream, text) {
        Ok(()) => Ok(()),
        Err(error) => Err(os_error(host, &error)),
    }
}

/// Flushes standard output, raising the `OSError` of a failed write.
pub fn flush_or_raise(host: &mut dyn crate::Host) -> crate::PyResult<()> {
    match host.runtime().output.flush() {
        Ok(()) => Ok(()),
        Err(error) => Err(os_error(host, &error)),
    }
}
