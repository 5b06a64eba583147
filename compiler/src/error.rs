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
    /// 1-based column of the caret (CPython's `offset`), counted in characters; 0 when CPython
    /// shows no caret.
    pub column: u32,
    /// 1-based line where the underlined range ends (CPython's `end_lineno`); 0 for a single
    /// caret.
    pub end_line: u32,
    /// 1-based column just after the underlined range (CPython's `end_offset`); 0 for a single
    /// caret.
    pub end_column: u32,
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
    /// `TabError`: indentation that mixes tabs and spaces ambiguously.
    Tab,
    /// `RecursionError`: the program nests deeper than the compiler's walks go. CPython raises
    /// this (not a `SyntaxError`) and reports it with no place in the source.
    Recursion,
}

impl SyntaxErrorKind {
    /// The Python class name.
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
            SyntaxErrorKind::Recursion => "RecursionError",
        }
    }
}

impl SyntaxError {
    /// How many carets CPython prints: the width of the range on the first line (to the end of
    /// the line when it continues on the next), at least one.
    pub fn caret_width(&self) -> usize {
        let column = self.column as usize;
        let end = if self.end_line == self.line {
            self.end_column as usize
        } else if self.end_line > self.line {
            self.source_line.trim_end().chars().count() + 1
        } else {
            0
        };
        end.saturating_sub(column).max(1)
    }
}

impl fmt::Display for SyntaxError {
    /// Formats the error as CPython's uncaught-exception report (without the traceback header):
    /// the file and line, the source line, a caret, and `SyntaxError: message`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == SyntaxErrorKind::Recursion {
            return write!(formatter, "{}: {}", self.kind.class_name(), self.message);
        }
        writeln!(
            formatter,
            "  File \"{}\", line {}",
            self.filename, self.line
        )?;
        let stripped = self.source_line.trim_start();
        if !stripped.is_empty() {
            writeln!(formatter, "    {}", stripped.trim_end())?;
            if self.column > 0 {
                let removed = self.source_line.chars().count() - stripped.chars().count();
                let caret = (self.column as usize)
                    .saturating_sub(1)
                    .saturating_sub(removed);
                writeln!(
                    formatter,
                    "    {}{}",
                    " ".repeat(caret),
                    "^".repeat(self.caret_width())
                )?;
            }
        }
        write!(formatter, "{}: {}", self.kind.class_name(), self.message)
    }
}
