//! The compiler's one error: a Python `SyntaxError` (or `IndentationError`), with what
//! CPython prints for it.

use std::fmt;

/// A syntax error at a place in the source, as CPython reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// `SyntaxError` or `IndentationError`.
    pub kind: SyntaxErrorKind,
    /// CPython's message, e.g. `invalid syntax`, `'return' outside function`.
    pub message: String,
    /// The file name given to the compiler.
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the caret (CPython's `offset`).
    pub column: u32,
    /// The text of the offending line, without its newline.
    pub source_line: String,
}

/// The Python exception class of a [`SyntaxError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError`.
    Indentation,
}

impl SyntaxErrorKind {
    /// The Python class name.
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
        }
    }
}

impl fmt::Display for SyntaxError {
    /// Formats the error as CPython's uncaught-exception report (without the traceback header):
    /// the file and line, the source line, a caret, and `SyntaxError: message`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            formatter,
            "  File \"{}\", line {}",
            self.filename, self.line
        )?;
        let stripped = self.source_line.trim_start();
        if !stripped.is_empty() {
            let removed = self.source_line.len() - stripped.len();
            writeln!(formatter, "    {}", stripped.trim_end())?;
            let caret = (self.column as usize)
                .saturating_sub(1)
                .saturating_sub(removed);
            writeln!(formatter, "    {}^", " ".repeat(caret))?;
        }
        write!(formatter, "{}: {}", self.kind.class_name(), self.message)
    }
}
