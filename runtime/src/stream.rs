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
    /// Set when a write failed (a closed pipe): further output is dropped.
    pub broken: bool,
}

impl Default for Output {
    fn default() -> Self {
        Output {
            stdout: Vec::new(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            broken: false,
        }
    }
}

impl Output {
    /// Writes text to a stream.
    pub fn write(&mut self, stream: TextStream, text: &str) {
        match stream {
            TextStream::Stdout => {
                self.stdout.extend_from_slice(text.as_bytes());
                if self.stdout.len() > 1 << 16 || (self.stdout_is_terminal && text.contains('\n')) {
                    self.flush();
                }
            }
            TextStream::Stderr | TextStream::Stdin => {
                self.flush();
                let mut stderr = std::io::stderr();
                let _ = stderr.write_all(text.as_bytes());
                let _ = stderr.flush();
            }
        }
    }

    /// Flushes buffered standard output, and the buffers of open files (`modules/io.rs`), so
    /// that at exit nothing written is lost.
    pub fn flush(&mut self) {
        crate::modules::io::flush_open_files();
        if self.stdout.is_empty() {
            return;
        }
        if !self.broken {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(&self.stdout)
                .and_then(|()| stdout.flush())
                .is_err()
            {
                self.broken = true;
            }
        }
        self.stdout.clear();
    }
}
