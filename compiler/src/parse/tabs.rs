//! CPython's `TabError`: indentation whose meaning depends on the tab size.
//!
//! CPython's tokenizer measures each logical line's indentation twice, with tabs advancing to
//! the next multiple of 8 columns and with tabs counting 1, and compares both measures with
//! the enclosing indentation levels. When the two measures disagree on whether a line is
//! indented more, equally or less, the program means different things for different tab
//! sizes, and CPython refuses it. `ruff_python_parser` reads tabs one way only, so this check
//! runs over its tokens.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::Ranged;

/// The byte offset of the first logical line whose indentation is inconsistent, if any.
pub(super) fn first_inconsistent_line(source: &str, tokens: &Tokens) -> Option<u32> {
    let mut levels: Vec<(u32, u32)> = vec![(0, 0)];
    let mut at_line_start = true;
    for token in tokens.iter() {
        match token.kind() {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::Comment
            | TokenKind::NonLogicalNewline => continue,
            _ => {}
        }
        if !at_line_start {
            continue;
        }
        at_line_start = false;
        let start = token.start().to_usize();
        let line_start = source[..start]
            .rfind(['\n', '\r'])
            .map_or(0, |index| index + 1);
        // The line's leading whitespace (the lexer may have made an `Unknown` token of part
        // of it when it found the indentation inconsistent).
        let line = &source[line_start..];
        let width = line
            .find(|character: char| !matches!(character, ' ' | '\t' | '\x0c'))
            .unwrap_or(line.len());
        let indentation = &line[..width];
        let (column, alternate) = measure(indentation);
        let &(top_column, top_alternate) = levels.last().unwrap_or(&(0, 0));
        if column == top_column {
            if alternate != top_alternate {
                return Some(line_start as u32);
            }
        } else if column > top_column {
            if alternate <= top_alternate {
                return Some(line_start as u32);
            }
            levels.push((column, alternate));
        } else {
            while levels.len() > 1 && levels.last().is_some_and(|&(level, _)| column < level) {
                levels.pop();
            }
            if let Some(&(level, level_alternate)) = levels.last() {
                if level == column && level_alternate != alternate {
                    return Some(line_start as u32);
                }
            }
        }
    }
    None
}

/// The indentation's width with tab stops every 8 columns, and with tabs as 1 column.
fn measure(indentation: &str) -> (u32, u32) {
    let (mut column, mut alternate) = (0u32, 0u32);
    for character in indentation.chars() {
        match character {
            ' ' => {
                column += 1;
                alternate += 1;
            }
            '\t' => {
                column = (column / 8 + 1) * 8;
                alternate += 1;
            }
            '\x0c' => {
                column = 0;
                alternate = 0;
            }
            _ => {}
        }
    }
    (column, alternate)
}
