//! A line index over a source text.
//!
//! The parser speaks in byte offsets; tracebacks, `SyntaxError`s and the line table speak in
//! lines and columns. The index is built once per source (one pass to find the line starts) so
//! that each conversion is a binary search instead of a rescan of the text.

use crate::error::{SyntaxError, SyntaxErrorKind};

/// Where each line of a source text starts.
#[derive(Clone, Debug)]
pub struct LineIndex<'source> {
    source: &'source str,
    /// Byte offset of the first character of each line; `line_starts[0]` is 0.
    line_starts: Vec<u32>,
}

impl<'source> LineIndex<'source> {
    /// Indexes `source`. Lines end at `\n`, `\r\n` or a lone `\r`, as in Python.
    pub fn new(source: &'source str) -> Self {
        let mut line_starts = vec![0];
        let bytes = source.as_bytes();
        let mut index = 0;
        while index < bytes.len() {
            match bytes[index] {
                b'\n' => line_starts.push(index as u32 + 1),
                b'\r' => {
                    if bytes.get(index + 1) == Some(&b'\n') {
                        index += 1;
                    }
                    line_starts.push(index as u32 + 1);
                }
                _ => {}
            }
            index += 1;
        }
        LineIndex {
            source,
            line_starts,
        }
    }

    /// The indexed text.
    pub fn source(&self) -> &'source str {
        self.source
    }

    /// Number of lines (a text ending with a newline has an empty last line).
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// The 1-based line and 0-based UTF-8 byte column of a byte offset. Offsets past the end
    /// map to the end of the text.
    pub fn position(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.source.len() as u32);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        };
        (line as u32 + 1, offset - self.line_starts[line])
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        self.position(offset).0
    }

    /// The 1-based column, counted in characters, of a byte offset (CPython's
    /// `SyntaxError.offset`).
    pub fn character_column(&self, offset: u32) -> u32 {
        let (line, column) = self.position(offset);
        let start = self.line_start(line) as usize;
        let end = (start + column as usize).min(self.source.len());
        let prefix = self.source.get(start..end).unwrap_or("");
        prefix.chars().count() as u32 + 1
    }

    /// The byte offset where 1-based `line` starts (the end of the text for lines past it).
    pub fn line_start(&self, line: u32) -> u32 {
        let index = line.saturating_sub(1) as usize;
        self.line_starts
            .get(index)
            .copied()
            .unwrap_or(self.source.len() as u32)
    }

    /// The text of 1-based `line`, without its line ending; empty for lines out of range.
    pub fn line_text(&self, line: u32) -> &'source str {
        if line == 0 || line > self.line_count() {
            return "";
        }
        let start = self.line_start(line) as usize;
        let end = self
            .line_starts
            .get(line as usize)
            .map_or(self.source.len(), |&next| next as usize);
        let text = self.source.get(start..end).unwrap_or("");
        text.trim_end_matches(['\n', '\r'])
    }

    /// A `SyntaxError` (or `IndentationError`) pointing at a byte offset.
    pub fn error(
        &self,
        kind: SyntaxErrorKind,
        filename: &str,
        offset: u32,
        message: impl Into<String>,
    ) -> SyntaxError {
        let line = self.line_of(offset);
        SyntaxError {
            kind,
            message: message.into(),
            filename: filename.to_string(),
            line,
            column: self.character_column(offset),
            end_line: 0,
            end_column: 0,
            source_line: self.line_text(line).to_string(),
        }
    }

    /// A `SyntaxError` underlining the byte range `start..end` (CPython's carets `^^^`).
    pub fn error_range(
        &self,
        kind: SyntaxErrorKind,
        filename: &str,
        start: u32,
        end: u32,
        message: impl Into<String>,
    ) -> SyntaxError {
        let mut error = self.error(kind, filename, start, message);
        let end = end.max(start);
        error.end_line = self.line_of(end);
        error.end_column = self.character_column(end);
        error
    }

    /// A `SyntaxError` with no caret (CPython shows none for some errors, such as an unexpected
    /// indent), on the line of `offset`.
    pub fn error_without_caret(
        &self,
        kind: SyntaxErrorKind,
        filename: &str,
        offset: u32,
        message: impl Into<String>,
    ) -> SyntaxError {
        let mut error = self.error(kind, filename, offset, message);
        error.column = 0;
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_lines_and_byte_columns() {
        let index = LineIndex::new("ab\ncd\r\nef\rg");
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(0), (1, 0));
        assert_eq!(index.position(1), (1, 1));
        assert_eq!(index.position(3), (2, 0));
        assert_eq!(index.position(7), (3, 0));
        assert_eq!(index.position(10), (4, 0));
        assert_eq!(index.position(99), (4, 1));
        assert_eq!(index.line_text(2), "cd");
        assert_eq!(index.line_text(3), "ef");
        assert_eq!(index.line_text(4), "g");
        assert_eq!(index.line_text(5), "");
        assert_eq!(index.line_text(0), "");
    }

    #[test]
    fn character_columns_count_characters() {
        let index = LineIndex::new("é = 1");
        assert_eq!(index.position(3), (1, 3));
        assert_eq!(index.character_column(3), 3);
    }

    #[test]
    fn empty_source_has_one_line() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.position(0), (1, 0));
        assert_eq!(index.line_text(1), "");
    }
}
