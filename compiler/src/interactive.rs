//! Input typed at the interactive prompt: is it a whole statement yet?
//!
//! The prompt reads one line at a time and must decide after each line whether to run what it
//! has, ask for more (`... `), or report a syntax error at once — what CPython's interactive
//! parser decides as it pulls tokens, and what its `codeop` module imitates by compiling. This
//! module answers with the compiler's own parse, so the answer follows the real grammar:
//!
//! - nothing but blank lines and comments: nothing to run;
//! - an unclosed bracket, an unterminated triple-quoted string or a backslash at the end: more
//!   lines are needed (even blank ones: they belong to the bracket or string);
//! - a compound statement (`def`, `for`, `if`, …) that parses: more lines until a blank one,
//!   which ends it, as in CPython;
//! - a parse error that says the input ended too early — a block still needs its body or a `try`
//!   its `except`, at the end of the input; or an error whose place moves when a newline is
//!   appended — means more lines are needed, unless the line just entered was blank, which ends
//!   the statement and so reports the error (on that blank line, as CPython's prompt does);
//! - any other error is real, and is reported now (`1 +`, a bad indent, `lambda:`);
//! - a second statement after a compound one without the blank line between them is
//!   `invalid syntax` at the second one, as CPython's prompt reports it.
//!
//! What is complete is compiled in the `single` mode ([`Mode::Single`]): expression statements
//! show their value.

use std::rc::Rc;

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::Stmt;
use ruff_python_parser::{Mode as ParserMode, ParseOptions};
use ruff_text_size::Ranged;

use crate::codegen::Mode;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::LineIndex;
use crate::CodeObject;

/// What the lines typed so far amount to.
#[derive(Debug)]
pub enum Input {
    /// Only blank lines and comments: show a fresh prompt.
    Empty,
    /// The statement goes on: read another line.
    Incomplete,
    /// A whole statement, compiled in the `single` mode.
    Complete(Rc<CodeObject>),
    /// A syntax error to report now.
    Invalid(SyntaxError),
}

/// The messages of errors that mean "the input ends inside a bracket, a string or a line
/// continuation" (as the compiler words them, after CPython).
fn is_open_at_end(error: &SyntaxError) -> bool {
    error.message.ends_with("was never closed")
        || error
            .message
            .starts_with("unterminated triple-quoted string literal")
        || error.message == "unexpected EOF while parsing"
}

/// Whether the source holds no statement at all.
fn only_blank_lines_and_comments(source: &str) -> bool {
    source.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    })
}

/// Classifies `source`, the lines typed so far, each ending with a newline; see the module
/// documentation.
pub fn classify(source: &str, filename: &str) -> Input {
    if only_blank_lines_and_comments(source) {
        return Input::Empty;
    }
    // Only an empty line ends a statement; one of spaces is skipped like a comment line, as
    // CPython's tokenizer does at the prompt.
    let ended_by_blank_line =
        source.lines().count() > 1 && source.lines().last().is_some_and(str::is_empty);
    crate::stack::with_room_for(source.len(), || {
        classify_statement(source, filename, ended_by_blank_line)
    })
}

fn classify_statement(source: &str, filename: &str, ended_by_blank_line: bool) -> Input {
    let parsed = match crate::parse::parse_module(source, filename) {
        Ok(parsed) => parsed,
        Err(error) => return classify_error(source, filename, error, ended_by_blank_line),
    };
    let body = &parsed.syntax().body;
    let index = LineIndex::new(source);
    if let [first, second, ..] = &body[..] {
        let first_end = index.line_of(first.range().end().to_u32());
        let second_start = second.range().start().to_u32();
        if index.line_of(second_start) > first_end {
            // The compound statement's block was not closed by a blank line.
            return Input::Invalid(index.error(
                SyntaxErrorKind::Syntax,
                filename,
                second_start,
                "invalid syntax",
            ));
        }
    }
    let compound = body.first().is_some_and(is_compound);
    if compound && !ended_by_blank_line {
        return Input::Incomplete;
    }
    compile_parsed(source, filename)
}

/// Compiles a statement that parses, in the `single` mode.
fn compile_parsed(source: &str, filename: &str) -> Input {
    match crate::compile(source, filename, Mode::Single) {
        Ok(code) => Input::Complete(code),
        // An error found after parsing (`'return' outside function`) has no source text at
        // CPython's prompt: it would read it from the file `<stdin>`, which does not exist.
        Err(error) => Input::Invalid(SyntaxError {
            source_line: String::new(),
            column: 0,
            end_line: 0,
            end_column: 0,
            ..error
        }),
    }
}

/// The lines typed so far when the input ends there (Ctrl-D at the continuation prompt):
/// whatever they are, they are the whole statement, as for CPython's prompt — a block without
/// its closing blank line runs, an unclosed bracket is a syntax error.
pub fn finish(source: &str, filename: &str) -> Input {
    if only_blank_lines_and_comments(source) {
        return Input::Empty;
    }
    match crate::parse::check(source, filename, Mode::Single) {
        Ok(()) => compile_parsed(source, filename),
        Err(error) => Input::Invalid(error),
    }
}

/// Whether a parse error only says that the input stopped too early.
fn classify_error(
    source: &str,
    filename: &str,
    error: SyntaxError,
    ended_by_blank_line: bool,
) -> Input {
    if is_open_at_end(&error) {
        return Input::Incomplete;
    }
    let unfinished = (expects_block(&error) && at_end_of_input(source, &error))
        || moves_with_more_input(source, filename, &error);
    match (unfinished, ended_by_blank_line) {
        (true, false) => Input::Incomplete,
        // The blank line ended a statement that needed more: CPython's prompt reports the
        // error on that blank line.
        (true, true) => Input::Invalid(on_last_line(source, error)),
        (false, _) => Input::Invalid(error),
    }
}

/// Whether the error's place changes when a newline is appended (it is where the input ends).
fn moves_with_more_input(source: &str, filename: &str, error: &SyntaxError) -> bool {
    let extended = format!("{source}\n");
    match crate::parse::parse_module(&extended, filename) {
        Err(later) => later.line != error.line || later.column != error.column,
        Ok(_) => true,
    }
}

/// The error placed on the source's last line (a blank one), at its first column.
fn on_last_line(source: &str, error: SyntaxError) -> SyntaxError {
    SyntaxError {
        line: source.lines().count() as u32,
        column: 1,
        end_line: 0,
        end_column: 0,
        source_line: String::new(),
        ..error
    }
}

/// Errors that say a block (or a clause of one) must come next.
fn expects_block(error: &SyntaxError) -> bool {
    error.message.starts_with("expected an indented block")
        || error.message == "expected 'except' or 'finally' block"
}

/// Whether the error's place is after the input's last token (comments and newlines aside):
/// what is missing would come on a later line.
fn at_end_of_input(source: &str, error: &SyntaxError) -> bool {
    let options = ParseOptions::from(ParserMode::Module);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let last = parsed.tokens().iter().rev().find(|token| {
        !matches!(
            token.kind(),
            TokenKind::Newline
                | TokenKind::NonLogicalNewline
                | TokenKind::Comment
                | TokenKind::Indent
                | TokenKind::Dedent
                | TokenKind::EndOfFile
        )
    });
    let Some(last) = last else {
        return true;
    };
    let index = LineIndex::new(source);
    let end = last.end().to_u32();
    if error.column == 0 {
        // A place without a caret names only its line.
        return error.line >= index.line_of(end);
    }
    (error.line, error.column) >= (index.line_of(end), index.character_column(end))
}

/// Statements with a block, which the prompt ends only at a blank line.
fn is_compound(statement: &Stmt) -> bool {
    matches!(
        statement,
        Stmt::If(_)
            | Stmt::For(_)
            | Stmt::While(_)
            | Stmt::Try(_)
            | Stmt::With(_)
            | Stmt::FunctionDef(_)
            | Stmt::ClassDef(_)
            | Stmt::Match(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Classifies the lines (each given without its newline) as the prompt would.
    fn lines(typed: &[&str]) -> Input {
        let mut source = String::new();
        for line in typed {
            source.push_str(line);
            source.push('\n');
        }
        classify(&source, "<stdin>")
    }

    fn is_incomplete(typed: &[&str]) -> bool {
        matches!(lines(typed), Input::Incomplete)
    }

    fn error_of(typed: &[&str]) -> SyntaxError {
        match lines(typed) {
            Input::Invalid(error) => error,
            other => panic!("{typed:?}: expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn blank_lines_and_comments_are_empty() {
        assert!(matches!(lines(&[""]), Input::Empty));
        assert!(matches!(lines(&["   "]), Input::Empty));
        assert!(matches!(lines(&["# a comment"]), Input::Empty));
    }

    #[test]
    fn simple_statements_are_complete_at_once() {
        assert!(matches!(lines(&["1 + 2"]), Input::Complete(_)));
        assert!(matches!(lines(&["x = 1; y = 2"]), Input::Complete(_)));
        assert!(matches!(lines(&["x = [1,", " 2]"]), Input::Complete(_)));
    }

    #[test]
    fn open_brackets_strings_and_continuations_need_more() {
        assert!(is_incomplete(&["(1,"]));
        assert!(is_incomplete(&["(1,", ""]));
        assert!(is_incomplete(&["print('a'"]));
        assert!(is_incomplete(&["x = '''abc"]));
        assert!(is_incomplete(&["x = '''abc", ""]));
        assert!(is_incomplete(&["x = 1 + \\"]));
    }

    #[test]
    fn compound_statements_end_at_a_blank_line() {
        assert!(is_incomplete(&["def f():"]));
        assert!(is_incomplete(&["def f():", "    return 1"]));
        assert!(matches!(
            lines(&["def f():", "    return 1", ""]),
            Input::Complete(_)
        ));
        assert!(is_incomplete(&["for i in range(3): print(i)"]));
        assert!(is_incomplete(&["if x:", "    pass", "else:"]));
        assert!(is_incomplete(&["try:", "    pass"]));
        assert!(is_incomplete(&["@decorator"]));
        assert!(is_incomplete(&["class A:"]));
    }

    #[test]
    fn real_errors_are_reported_at_once() {
        let error = error_of(&["1 +"]);
        assert_eq!((error.message.as_str(), error.line), ("invalid syntax", 1));
        assert_eq!(error_of(&["lambda:"]).message, "invalid syntax");
        assert_eq!(error_of(&[")"]).message, "unmatched ')'");
        let error = error_of(&["def f():", "    1 +"]);
        assert_eq!((error.message.as_str(), error.line), ("invalid syntax", 2));
    }

    #[test]
    fn a_blank_line_ends_an_unfinished_block_with_its_error() {
        let error = error_of(&["def f():", ""]);
        assert_eq!(error.kind, SyntaxErrorKind::Indentation);
        assert_eq!(
            (error.line, error.column),
            (2, 1),
            "on the blank line, as CPython"
        );
        assert_eq!(error_of(&["@decorator", ""]).line, 2);
        assert!(error.message.starts_with("expected an indented block"));
        assert_eq!(
            error_of(&["try:", "    pass", ""]).message,
            "expected 'except' or 'finally' block"
        );
    }

    #[test]
    fn an_unfinished_try_followed_by_a_statement_is_an_error() {
        assert_eq!(
            error_of(&["try:", "    pass", "x = 1"]).message,
            "expected 'except' or 'finally' block"
        );
    }

    #[test]
    fn a_statement_after_a_block_needs_the_blank_line_first() {
        let error = error_of(&["if True:", "  pass", "y = 2"]);
        assert_eq!((error.message.as_str(), error.line), ("invalid syntax", 3));
    }

    /// Every corpus program typed at the prompt line by line: each step must give an answer,
    /// never a panic or a stack overflow, whatever the lines so far are.
    #[test]
    fn corpus_programs_typed_line_by_line() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/py");
        let mut files = Vec::new();
        collect_python_files(&root, &mut files);
        assert!(files.len() > 100, "the corpus is at {}", root.display());
        for file in files {
            let Ok(source) = std::fs::read_to_string(&file) else {
                continue;
            };
            let mut typed = String::new();
            for line in source.lines() {
                typed.push_str(line);
                typed.push('\n');
                if !matches!(classify(&typed, "<stdin>"), Input::Incomplete) {
                    typed.clear();
                }
            }
        }
    }

    fn collect_python_files(directory: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(directory) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // limits/ holds programs that are slow to compile on purpose.
            if path.is_dir() && !path.ends_with("limits") {
                collect_python_files(&path, files);
            } else if path.extension().is_some_and(|extension| extension == "py") {
                files.push(path);
            }
        }
    }

    #[test]
    fn the_end_of_input_ends_the_statement() {
        let finished = |typed: &str| finish(typed, "<stdin>");
        assert!(matches!(
            finished("def f():\n    return 1\n"),
            Input::Complete(_)
        ));
        assert!(matches!(finished("# only a comment\n"), Input::Empty));
        let Input::Invalid(error) = finished("x = (1,\n") else {
            panic!("an unclosed bracket at the end of input is an error");
        };
        assert_eq!(error.message, "'(' was never closed");
        let Input::Invalid(error) = finished("if 1:\n") else {
            panic!("a block without its body at the end of input is an error");
        };
        assert_eq!((error.line, error.kind), (1, SyntaxErrorKind::Indentation));
    }

    #[test]
    fn compile_errors_after_parsing_are_reported_without_source_text() {
        let error = error_of(&["return 1"]);
        assert_eq!(error.message, "'return' outside function");
        assert_eq!((error.source_line.as_str(), error.column), ("", 0));
    }

    #[test]
    fn a_line_of_spaces_does_not_end_a_block() {
        assert!(is_incomplete(&["def f():", "    return 1", "    "]));
        assert_eq!(
            error_of(&["def f():", "    return 1", "    ", "f()"]).message,
            "invalid syntax"
        );
    }
}
