//! Printing an uncaught exception as CPython 3.11 does: the chain of causes and contexts, each
//! with `Traceback (most recent call last):`, the `File "…", line N, in name` lines with the
//! source line, and the `Type: message` line.

use krait_runtime::runtime::exception_data;
use krait_runtime::{protocol, Value};

use krait_runtime::loader::code_data;
use crate::Vm;

impl Vm {
    /// The full report for an uncaught exception.
    pub fn format_exception(&mut self, exception: Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(exception, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, exception: Value, out: &mut String, seen: &mut Vec<Value>) {
        seen.push(exception);
        if let Some(data) = exception_data(exception) {
            let (cause, context, suppress) = {
                let data = data.get();
                (data.cause, data.context, data.suppress_context)
            };
            if !cause.is_null() && !seen.contains(&cause) {
                self.format_chain(cause, out, seen);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            } else if !context.is_null() && !suppress && !seen.contains(&context) {
                self.format_chain(context, out, seen);
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
        self.format_one(exception, out);
    }

    fn format_one(&mut self, exception: Value, out: &mut String) {
        let entries = exception_data(exception).map(|data| data.get().traceback.clone()).unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // Identical consecutive entries beyond three are summarized, as CPython does.
            let mut last: Option<(String, u32, String)> = None;
            let mut count = 0usize;
            for entry in entries.iter().rev() {
                let Some(code) = code_data(entry.code) else { continue };
                let line = code.code.line_of(entry.instruction as usize);
                let key = (code.code.filename.to_string(), line, code.code.name.to_string());
                if last.as_ref() != Some(&key) {
                    flush_repeats(out, count);
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count > RECURSIVE_CUTOFF {
                    continue;
                }
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", code.code.filename, line, code.code.name));
                if let Some(text) = self.source_line(&code.code.filename, line) {
                    let stripped = text.trim();
                    if !stripped.is_empty() {
                        out.push_str(&format!("    {stripped}\n"));
                        if let Some(carets) = caret_line(&text, code.code.locations.get(entry.instruction as usize).copied(), line) {
                            out.push_str(&carets);
                        }
                    }
                }
            }
            flush_repeats(out, count);
        }
        out.push_str(&self.exception_line(exception));
        out.push('\n');
        for note in krait_runtime::types::exception::notes(self, exception) {
            out.push_str(&note);
            out.push('\n');
        }
    }

    /// `Type: message` (or just `Type`), with the module prefix CPython adds for classes
    /// outside `builtins` and `__main__`.
    pub fn exception_line(&mut self, exception: Value) -> String {
        let class = protocol::type_of(&self.runtime, exception);
        let class_object = protocol::as_type(class);
        let qualname = class_object.and_then(|class| protocol::str_value(*class.qualname.get())).unwrap_or("?").to_owned();
        let module = class_object.and_then(|class| protocol::str_value(*class.module.get())).unwrap_or("builtins").to_owned();
        let name = if module == "builtins" || module == "__main__" { qualname } else { format!("{module}.{qualname}") };
        let message = match protocol::str_string(self, exception) {
            Ok(message) => message,
            Err(_) => "<exception str() failed>".to_owned(),
        };
        if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        }
    }

    fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let source = self.sources.get(filename)?;
        source.lines().nth(line.checked_sub(1)? as usize).map(str::to_owned)
    }
}

/// Consecutive identical traceback entries printed before they are summarized.
const RECURSIVE_CUTOFF: usize = 3;

fn flush_repeats(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let more = count - RECURSIVE_CUTOFF;
        out.push_str(&format!("  [Previous line repeated {more} more time{}]\n", if more > 1 { "s" } else { "" }));
    }
}

/// CPython 3.11's marker line under the part of the source line an instruction covers:
/// `^` runs, with `~` around the operator or brackets of a binary operation or subscript.
/// Printed only when it tells something (the span is not the whole line, or has anchors).
fn caret_line(line: &str, location: Option<krait_compiler::Location>, line_number: u32) -> Option<String> {
    let location = location?;
    if location.line != line_number || location.end_column == 0 && location.column == 0 && location.end_line == 0 {
        return None;
    }
    let characters = |byte: usize| line.get(..byte.min(line.len())).map_or(0, |prefix| prefix.chars().count());
    let stripped_line = line.trim();
    let stripped_characters = line.chars().count() - line.trim_start().chars().count();
    let start = characters(location.column as usize);
    let mut end = characters(location.end_column as usize);
    let segment: String = line.chars().skip(start).take(end.saturating_sub(start)).collect();
    let mut anchors = None;
    if location.end_line == location.line {
        anchors = krait_compiler::caret::caret_anchors(&segment);
    } else {
        end = line.trim_end().chars().count();
    }
    let stripped_length = stripped_line.chars().count();
    let shows = end.saturating_sub(start) < stripped_length || anchors.is_some_and(|(left, right)| right > left);
    if !shows || end <= start {
        return None;
    }
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(start.saturating_sub(stripped_characters)));
    match anchors {
        Some((left, right)) => {
            out.push_str(&"~".repeat(left));
            out.push_str(&"^".repeat(right.saturating_sub(left)));
            out.push_str(&"~".repeat((end - start).saturating_sub(right)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
    Some(out)
}
