//! The JSON file: every run as measured (time, memory, exit, output) plus the summary, so that
//! anything the table shows can be recomputed or charted elsewhere.
//!
//! Written with a small value type rather than serde: the harness only ever writes JSON, and
//! escaping strings is the one delicate part (tested below).

use std::fmt::Write as _;

use crate::implementations::Implementation;
use crate::jit_stats::JitStats;
use crate::results::{Run, Summary};
use crate::runner::Exit;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Number(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    pub fn object(pairs: Vec<(&str, Json)>) -> Json {
        Json::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    fn option_f64(value: Option<f64>) -> Json {
        value.map_or(Json::Null, Json::Number)
    }

    fn option_u64(value: Option<u64>) -> Json {
        value
            .and_then(|v| i64::try_from(v).ok())
            .map_or(Json::Null, Json::Int)
    }

    /// The value as text, indented by two spaces per level.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(i) => out.push_str(&i.to_string()),
            // Rust prints the shortest text that reads back as the same f64, never an exponent.
            Json::Number(x) if x.is_finite() => out.push_str(&format!("{x}")),
            Json::Number(_) => out.push_str("null"),
            Json::Str(s) => escape(s, out),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Json::Object(pairs) if pairs.is_empty() => out.push_str("{}"),
            Json::Object(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    escape(key, out);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    out.push_str(&"  ".repeat(depth));
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
fn escape(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn exit_json(exit: Exit) -> Json {
    match exit {
        Exit::Code(code) => Json::object(vec![("code", Json::Int(code.into()))]),
        Exit::Signal(signal) => Json::object(vec![("signal", Json::Int(signal.into()))]),
        Exit::TimedOut => Json::object(vec![("timed_out", Json::Bool(true))]),
    }
}

fn jit_json(stats: Option<JitStats>) -> Json {
    match stats {
        None => Json::Null,
        Some(s) => Json::object(vec![
            ("functions_compiled", Json::option_u64(s.functions_compiled)),
            ("compile_seconds", Json::option_f64(s.compile_seconds)),
            ("deopts", Json::option_u64(s.deopts)),
            ("safepoint_exits", Json::option_u64(s.safepoint_exits)),
        ]),
    }
}

/// The last `limit` characters of `text`: enough stderr to see an error, not a whole log.
fn tail(text: &str, limit: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(limit)).collect()
}

/// What the report says about the run itself.
pub struct Context<'a> {
    pub date: &'a str,
    pub command: &'a str,
    pub machine: &'a str,
    pub repeats: usize,
    pub timeout_seconds: u64,
    pub notes: &'a [String],
}

/// The whole JSON document.
pub fn report(
    context: &Context,
    implementations: &[Implementation],
    runs: &[Run],
    summary: &Summary,
) -> Json {
    let implementations = implementations
        .iter()
        .map(|i| {
            Json::object(vec![
                ("name", Json::str(&i.name)),
                ("description", Json::str(&i.description)),
            ])
        })
        .collect();
    let runs = runs
        .iter()
        .map(|r| {
            let m = &r.measurement;
            Json::object(vec![
                ("program", Json::str(&r.program)),
                ("implementation", Json::str(&r.implementation)),
                ("repeat", Json::Int(r.repeat as i64)),
                ("seconds", Json::Number(m.seconds)),
                ("cpu_seconds", Json::option_f64(m.cpu_seconds)),
                ("peak_rss_kib", Json::option_u64(m.peak_rss_kib)),
                ("exit", exit_json(m.exit)),
                ("stdout", Json::str(&m.stdout)),
                ("stderr_tail", Json::str(tail(&m.stderr, 2000))),
                ("jit", jit_json(r.jit)),
            ])
        })
        .collect();
    let mut cells = Vec::new();
    for program in &summary.programs {
        for implementation in &summary.implementations {
            let Some(cell) = summary.cell(program, implementation) else {
                continue;
            };
            cells.push(Json::object(vec![
                ("program", Json::str(program)),
                ("implementation", Json::str(implementation)),
                ("verdict", Json::str(cell.verdict.label())),
                (
                    "detail",
                    cell.verdict.detail().map_or(Json::Null, Json::str),
                ),
                ("runs", Json::Int(cell.runs as i64)),
                ("median_seconds", Json::option_f64(cell.median)),
                ("spread", Json::option_f64(cell.spread)),
                ("peak_rss_kib", Json::option_u64(cell.peak_rss_kib)),
                ("jit", jit_json(cell.jit)),
            ]));
        }
    }
    let ratios = summary
        .ratio_columns()
        .iter()
        .map(|column| {
            let (mean, n) = summary.geometric_mean(column);
            let per_program = summary
                .programs
                .iter()
                .map(|p| (p.clone(), Json::option_f64(summary.ratio(p, column))))
                .collect();
            Json::object(vec![
                ("label", Json::str(&column.label)),
                ("numerator", Json::str(&column.numerator)),
                ("denominator", Json::str(&column.denominator)),
                ("geometric_mean", Json::option_f64(mean)),
                ("programs_in_mean", Json::Int(n as i64)),
                ("per_program", Json::Object(per_program)),
            ])
        })
        .collect();
    Json::object(vec![
        ("date", Json::str(context.date)),
        ("command", Json::str(context.command)),
        ("machine", Json::str(context.machine)),
        ("repeats", Json::Int(context.repeats as i64)),
        ("timeout_seconds", Json::Int(context.timeout_seconds as i64)),
        (
            "notes",
            Json::Array(context.notes.iter().map(Json::str).collect()),
        ),
        ("implementations", Json::Array(implementations)),
        ("runs", Json::Array(runs)),
        ("summary", Json::Array(cells)),
        ("ratios", Json::Array(ratios)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::tests::sample;

    #[test]
    fn strings_are_escaped() {
        let text = Json::str("a\"b\\c\nd\te\u{1}f é").render();
        assert_eq!(text, "\"a\\\"b\\\\c\\nd\\te\\u0001f é\"\n");
    }

    #[test]
    fn numbers_and_empty_containers() {
        assert_eq!(Json::Number(1.5).render(), "1.5\n");
        assert_eq!(Json::Number(1e-7).render(), "0.0000001\n");
        assert_eq!(Json::Number(f64::NAN).render(), "null\n");
        assert_eq!(Json::Int(-3).render(), "-3\n");
        assert_eq!(Json::Array(vec![]).render(), "[]\n");
        assert_eq!(Json::Object(vec![]).render(), "{}\n");
    }

    #[test]
    fn nesting_is_indented() {
        let value = Json::object(vec![("a", Json::Array(vec![Json::Null, Json::Bool(true)]))]);
        assert_eq!(
            value.render(),
            "{\n  \"a\": [\n    null,\n    true\n  ]\n}\n"
        );
    }

    #[test]
    fn the_report_holds_runs_cells_and_ratios() {
        let summary = sample();
        let context = Context {
            date: "2026-01-01",
            command: "cmd",
            machine: "m",
            repeats: 2,
            timeout_seconds: 60,
            notes: &[],
        };
        let text = report(&context, &[], &[], &summary).render();
        assert!(text.contains("\"verdict\": \"MISMATCH\""));
        assert!(text.contains("\"label\": \"JIT/interp\""));
        assert!(text.contains("\"programs_in_mean\": 2"));
    }

    #[test]
    fn tails_are_the_end() {
        assert_eq!(tail("abcdef", 3), "def");
        assert_eq!(tail("ab", 3), "ab");
    }
}
