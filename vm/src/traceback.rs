//! Printing an uncaught exception as CPython 3.11 does: the chain of causes and contexts, each
//! with `Traceback (most recent call last):`, the `File "…", line N, in name` lines with the
//! source line, and the `Type: message` line.

use krait_runtime::runtime::exception_data;
use krait_runtime::{protocol, Value};

use crate::loader::code_data;
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
            for entry in entries.iter().rev() {
                let Some(code) = code_data(entry.code) else { continue };
                let line = code.code.line_of(entry.instruction as usize);
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
        }
        out.push_str(&self.exception_line(exception));
        out.push('\n');
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

/// CPython 3.11's `^^^^` marker under the part of the line an instruction covers, printed only
/// when that part is not the whole line.
fn caret_line(text: &str, location: Option<krait_compiler::Location>, line: u32) -> Option<String> {
    let location = location?;
    if location.line != line || location.end_line != location.line || location.end_column <= location.column {
        return None;
    }
    let indent = text.len() - text.trim_start().len();
    let start = (location.column as usize).checked_sub(indent)?;
    let end = (location.end_column as usize).checked_sub(indent)?;
    let stripped = text.trim();
    if start == 0 && end >= stripped.len() {
        return None;
    }
    let prefix_width = stripped.get(..start)?.chars().count();
    let span_width = stripped.get(start..end.min(stripped.len()))?.chars().count();
    Some(format!("    {}{}\n", " ".repeat(prefix_width), "^".repeat(span_width.max(1))))
}
