//! Printing an uncaught exception as CPython 3.11 does: the chain of causes and contexts, each
//! with `Traceback (most recent call last):`, the `File "…", line N, in name` lines with the
//! source line, and the `Type: message` line; exception groups with their nested exceptions in
//! numbered `| ` boxes.

use krait_runtime::runtime::exception_data;
use krait_runtime::{protocol, Value};

use crate::Vm;
use krait_runtime::loader::code_data;

impl Vm {
    /// The full report for an uncaught exception.
    pub fn format_exception(&mut self, exception: Value) -> String {
        let mut report = Report {
            out: String::new(),
            seen: Vec::new(),
            group_depth: 0,
            need_close: false,
        };
        self.print_recursive(exception, &mut report);
        report.out
    }

    /// One exception with the chain that led to it (CPython's `print_exception_recursive`).
    fn print_recursive(&mut self, exception: Value, report: &mut Report) {
        report.seen.push(exception);
        if let Some(data) = exception_data(exception) {
            let (cause, context, suppress) = {
                let data = data.get();
                (data.cause, data.context, data.suppress_context)
            };
            if !cause.is_null() {
                if !report.seen.contains(&cause) {
                    self.print_chained(
                        cause,
                        report,
                        "The above exception was the direct cause of the following exception:",
                    );
                }
            } else if !context.is_null() && !suppress && !report.seen.contains(&context) {
                self.print_chained(
                    context,
                    report,
                    "During handling of the above exception, another exception occurred:",
                );
            }
        }
        if krait_runtime::types::exception_group::is_group(&self.runtime, exception) {
            self.print_group(exception, report);
        } else {
            self.print_one(exception, report);
        }
    }

    fn print_chained(&mut self, exception: Value, report: &mut Report, message: &str) {
        let need_close = report.need_close;
        self.print_recursive(exception, report);
        report.need_close = need_close;
        let margin = report.margin();
        report
            .out
            .push_str(&format!("{margin}\n{margin}{message}\n{margin}\n"));
    }

    /// One exception's traceback and message, inside the margins of the groups it is in.
    fn print_one(&mut self, exception: Value, report: &mut Report) {
        let mut text = String::new();
        self.format_one(exception, &mut text);
        if report.group_depth == 0 {
            report.out.push_str(&text);
            return;
        }
        let is_group = krait_runtime::types::exception_group::is_group(&self.runtime, exception);
        let indent = " ".repeat(2 * report.group_depth);
        let margin = report.margin();
        for (index, line) in text.split_inclusive('\n').enumerate() {
            if index == 0 && line == "Traceback (most recent call last):\n" {
                let header_margin = if is_group && report.group_depth == 1 {
                    "+ "
                } else {
                    "| "
                };
                let header = if is_group {
                    "Exception Group Traceback (most recent call last):\n"
                } else {
                    line
                };
                report
                    .out
                    .push_str(&format!("{indent}{header_margin}{header}"));
            } else if line.starts_with("  [Previous line repeated") {
                report.out.push_str(line);
            } else {
                report.out.push_str(&margin);
                report.out.push_str(line);
            }
        }
    }

    /// An exception group: itself, then each nested exception in a numbered box (CPython's
    /// `print_exception_group`).
    fn print_group(&mut self, group: Value, report: &mut Report) {
        if report.group_depth > MAX_GROUP_DEPTH {
            let margin = report.margin();
            report.out.push_str(&format!(
                "{margin}... (max_group_depth is {MAX_GROUP_DEPTH})\n"
            ));
            return;
        }
        let top = report.group_depth == 0;
        if top {
            report.group_depth += 1;
        }
        self.print_one(group, report);
        let nested = krait_runtime::types::exception_group::exceptions(group);
        let shown = if nested.len() <= MAX_GROUP_WIDTH {
            nested.len()
        } else {
            MAX_GROUP_WIDTH + 1
        };
        report.need_close = false;
        for (index, &exception) in nested.iter().take(shown).enumerate() {
            let last = index + 1 == shown;
            if last {
                report.need_close = true;
            }
            let indent = " ".repeat(2 * report.group_depth);
            let opening = if index == 0 { "+-" } else { "  " };
            let truncated = index >= MAX_GROUP_WIDTH;
            if truncated {
                report.out.push_str(&format!(
                    "{indent}{opening}+---------------- ... ----------------\n"
                ));
            } else {
                report.out.push_str(&format!(
                    "{indent}{opening}+---------------- {} ----------------\n",
                    index + 1
                ));
            }
            report.group_depth += 1;
            if truncated {
                let remaining = nested.len() - MAX_GROUP_WIDTH;
                let margin = report.margin();
                let plural = if remaining > 1 { "s" } else { "" };
                report
                    .out
                    .push_str(&format!("{margin}and {remaining} more exception{plural}\n"));
            } else {
                self.print_recursive(exception, report);
            }
            if last && report.need_close {
                let indent = " ".repeat(2 * report.group_depth);
                report
                    .out
                    .push_str(&format!("{indent}+------------------------------------\n"));
                report.need_close = false;
            }
            report.group_depth -= 1;
        }
        if report.group_depth == 1 && top {
            report.group_depth -= 1;
        }
    }

    fn format_one(&mut self, exception: Value, out: &mut String) {
        let entries = exception_data(exception)
            .map(|data| data.get().traceback.clone())
            .unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // Identical consecutive entries beyond three are summarized, as CPython does.
            let mut last: Option<(String, u32, String)> = None;
            let mut count = 0usize;
            for entry in entries.iter().rev() {
                let Some(code) = code_data(entry.code) else {
                    continue;
                };
                let line = code.code.line_of(entry.instruction as usize);
                let key = (
                    code.code.filename.to_string(),
                    line,
                    code.code.name.to_string(),
                );
                if last.as_ref() != Some(&key) {
                    flush_repeats(out, count);
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count > RECURSIVE_CUTOFF {
                    continue;
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    code.code.filename, line, code.code.name
                ));
                if let Some(text) = self.source_line(&code.code.filename, line) {
                    let stripped = text.trim();
                    if !stripped.is_empty() {
                        out.push_str(&format!("    {stripped}\n"));
                        if let Some(carets) = caret_line(
                            &text,
                            code.code.locations.get(entry.instruction as usize).copied(),
                            line,
                        ) {
                            out.push_str(&carets);
                        }
                    }
                }
            }
            flush_repeats(out, count);
        }
        match self.syntax_error_report(exception) {
            Some(report) => out.push_str(&report),
            None => out.push_str(&self.exception_line(exception)),
        }
        out.push('\n');
        for note in krait_runtime::types::exception::notes(self, exception) {
            out.push_str(&note);
            out.push('\n');
        }
    }

    /// `Type: message` (or just `Type`), with the module prefix CPython adds for classes
    /// outside `builtins` and `__main__`.
    pub fn exception_line(&mut self, exception: Value) -> String {
        let name = self.exception_type_name(exception);
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

    /// The exception's class name as tracebacks show it (`module.Qualname` unless builtin or
    /// `__main__`).
    fn exception_type_name(&mut self, exception: Value) -> String {
        let class = protocol::type_of(&self.runtime, exception);
        let class_object = protocol::as_type(class);
        let qualname = class_object
            .and_then(|class| protocol::str_value(*class.qualname.get()))
            .unwrap_or("?")
            .to_owned();
        let module = class_object
            .and_then(|class| protocol::str_value(*class.module.get()))
            .unwrap_or("builtins")
            .to_owned();
        if module == "builtins" || module == "__main__" {
            qualname
        } else {
            format!("{module}.{qualname}")
        }
    }

    fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let index = line.checked_sub(1)? as usize;
        if let Some(source) = self.sources.get(filename) {
            return source.lines().nth(index).map(str::to_owned);
        }
        // Code loaded from the bytecode cache: read the file, as CPython's linecache does.
        if filename.starts_with('<') {
            return None;
        }
        let text = std::fs::read_to_string(filename).ok()?;
        text.lines().nth(index).map(str::to_owned)
    }

    /// The last part of the report for a SyntaxError that says where it is (one raised by
    /// compiling a module that is imported, or built with those details): the `File "…",
    /// line N` block with the source line and caret, then `SyntaxError: msg` — CPython's
    /// `TracebackException._format_syntax_error`. None for other exceptions.
    fn syntax_error_report(&mut self, exception: Value) -> Option<String> {
        let syntax_error = self.runtime.types.syntax_error;
        if !protocol::is_instance(&self.runtime, exception, syntax_error) {
            return None;
        }
        let mut attribute = |name: &str| {
            let key = self.runtime.intern(name);
            protocol::attribute::find_attribute(self, exception, key)
                .ok()
                .flatten()
                .filter(|value| !value.is_none())
        };
        let line = attribute("lineno")
            .and_then(Value::as_small_int)
            .and_then(|number| u32::try_from(number).ok());
        let filename = attribute("filename")
            .and_then(protocol::str_value)
            .map(str::to_owned);
        let number = |value: Option<Value>| {
            value
                .and_then(Value::as_small_int)
                .and_then(|number| u32::try_from(number).ok())
                .unwrap_or(0)
        };
        let column = number(attribute("offset"));
        let end_line = number(attribute("end_lineno"));
        let end_column = number(attribute("end_offset"));
        let text = attribute("text")
            .and_then(protocol::str_value)
            .unwrap_or("")
            .trim_end_matches('\n')
            .to_owned();
        let message = attribute("msg");
        let mut out = String::new();
        let mut suffix = String::new();
        match (line, &filename) {
            (Some(line), _) => {
                let error = krait_compiler::SyntaxError {
                    kind: krait_compiler::error::SyntaxErrorKind::Syntax,
                    message: String::new(),
                    filename: filename.clone().unwrap_or_else(|| "<string>".to_owned()),
                    line,
                    column,
                    end_line,
                    end_column,
                    source_line: text,
                };
                // Everything but the compiler's own `SyntaxError: …` line.
                let block = error.to_string();
                out.push_str(block.rfind('\n').map_or("", |end| &block[..=end]));
            }
            (None, Some(filename)) => suffix = format!(" ({filename})"),
            (None, None) => {}
        }
        let message = match message {
            Some(message) => protocol::str_string(self, message).unwrap_or_default(),
            None => "None".to_owned(),
        };
        out.push_str(&format!(
            "{}: {message}{suffix}",
            self.exception_type_name(exception)
        ));
        Some(out)
    }
}

/// Consecutive identical traceback entries printed before they are summarized.
const RECURSIVE_CUTOFF: usize = 3;

/// The most nested exceptions of a group printed (CPython's `max_group_width`).
const MAX_GROUP_WIDTH: usize = 15;

/// The deepest nesting of groups printed (CPython's `max_group_depth`).
const MAX_GROUP_DEPTH: usize = 10;

/// The state of printing one report (CPython's `exception_print_context`).
struct Report {
    out: String,
    /// Exceptions already printed, so a chain with a cycle ends.
    seen: Vec<Value>,
    /// How many exception groups the exception being printed is in.
    group_depth: usize,
    /// Whether the box of the group being printed still needs its closing line.
    need_close: bool,
}

impl Report {
    /// What starts each line inside groups: the indentation and `| `.
    fn margin(&self) -> String {
        if self.group_depth == 0 {
            String::new()
        } else {
            format!("{}| ", " ".repeat(2 * self.group_depth))
        }
    }
}

fn flush_repeats(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let more = count - RECURSIVE_CUTOFF;
        out.push_str(&format!(
            "  [Previous line repeated {more} more time{}]\n",
            if more > 1 { "s" } else { "" }
        ));
    }
}

/// CPython 3.11's marker line under the part of the source line an instruction covers:
/// `^` runs, with `~` around the operator or brackets of a binary operation or subscript.
/// Printed only when it tells something (the span is not the whole line, or has anchors).
fn caret_line(
    line: &str,
    location: Option<krait_compiler::Location>,
    line_number: u32,
) -> Option<String> {
    let location = location?;
    if location.line != line_number
        || location.end_column == 0 && location.column == 0 && location.end_line == 0
    {
        return None;
    }
    let characters = |byte: usize| {
        line.get(..byte.min(line.len()))
            .map_or(0, |prefix| prefix.chars().count())
    };
    let stripped_line = line.trim();
    let stripped_characters = line.chars().count() - line.trim_start().chars().count();
    let start = characters(location.column as usize);
    let mut end = characters(location.end_column as usize);
    let segment: String = line
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    let mut anchors = None;
    if location.end_line == location.line {
        anchors = krait_compiler::caret::caret_anchors(&segment);
    } else {
        end = line.trim_end().chars().count();
    }
    let stripped_length = stripped_line.chars().count();
    let shows = end.saturating_sub(start) < stripped_length
        || anchors.is_some_and(|(left, right)| right > left);
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
