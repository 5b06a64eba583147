//! The report as text: three Markdown tables (times, ratios, memory and JIT figures) and the
//! list of problems. Markdown so that the very output of a run can be pasted into the README,
//! with the columns padded so that it also reads well in a terminal.

use crate::results::Summary;

/// `value` with `digits` significant digits (at least), never in exponent notation.
pub fn significant(value: f64, digits: i32) -> String {
    if !value.is_finite() {
        return "-".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (digits - 1 - magnitude).max(0) as usize;
    format!("{value:.decimals$}")
}

/// A spread as a percentage: "±3.2%", "±12%".
pub fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    if p < 10.0 {
        format!("±{p:.1}%")
    } else {
        format!("±{p:.0}%")
    }
}

/// A Markdown table with padded columns; the first column is left-aligned, the others right.
pub fn markdown(headers: &[String], rows: &[Vec<String>]) -> String {
    let columns = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count().max(3)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = (0..columns)
            .map(|i| {
                let cell = cells.get(i).map(String::as_str).unwrap_or("");
                let width = widths[i];
                if i == 0 {
                    format!("{cell:<width$}")
                } else {
                    format!("{cell:>width$}")
                }
            })
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let mut out = line(headers);
    let rule: Vec<String> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            if i == 0 {
                "-".repeat(w)
            } else {
                format!("{}:", "-".repeat(w - 1))
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

/// The times table: "median ±spread" per implementation, or what went wrong instead.
pub fn times(summary: &Summary) -> String {
    let mut headers = vec!["program".to_string()];
    headers.extend(summary.implementations.iter().cloned());
    let rows: Vec<Vec<String>> = summary
        .programs
        .iter()
        .map(|program| {
            let mut row = vec![program.clone()];
            for implementation in &summary.implementations {
                let text = match summary.cell(program, implementation) {
                    Some(cell) => match (cell.median, cell.spread) {
                        (Some(m), Some(s)) => format!("{} {}", significant(m, 3), percent(s)),
                        (Some(m), None) => significant(m, 3),
                        _ => cell.verdict.label(),
                    },
                    None => "-".to_string(),
                };
                row.push(text);
            }
            row
        })
        .collect();
    markdown(&headers, &rows)
}

/// The ratios table, with a final row of geometric means.
pub fn ratios(summary: &Summary) -> String {
    let columns = summary.ratio_columns();
    let mut headers = vec!["program".to_string()];
    headers.extend(columns.iter().map(|c| c.label.clone()));
    let mut rows: Vec<Vec<String>> = summary
        .programs
        .iter()
        .map(|program| {
            let mut row = vec![program.clone()];
            row.extend(columns.iter().map(|c| {
                summary
                    .ratio(program, c)
                    .map_or("-".into(), |r| significant(r, 3))
            }));
            row
        })
        .collect();
    let mut means = vec!["geometric mean".to_string()];
    means.extend(columns.iter().map(|c| match summary.geometric_mean(c) {
        (Some(mean), n) => format!("{} (n={n})", significant(mean, 3)),
        (None, _) => "-".to_string(),
    }));
    rows.push(means);
    markdown(&headers, &rows)
}

/// Peak RSS per implementation (MiB) and krait's JIT figures.
pub fn resources(summary: &Summary, jit_column: &str) -> String {
    let mut headers = vec!["program".to_string()];
    headers.extend(summary.implementations.iter().map(|i| format!("{i} MiB")));
    headers.extend(
        [
            "JIT functions",
            "JIT compile ms",
            "deopts",
            "safepoint exits",
        ]
        .map(String::from),
    );
    let rows: Vec<Vec<String>> = summary
        .programs
        .iter()
        .map(|program| {
            let mut row = vec![program.clone()];
            for implementation in &summary.implementations {
                let rss = summary
                    .cell(program, implementation)
                    .and_then(|c| c.peak_rss_kib);
                row.push(rss.map_or("-".into(), |kib| format!("{:.1}", kib as f64 / 1024.0)));
            }
            let jit = summary.cell(program, jit_column).and_then(|c| c.jit);
            row.push(
                jit.and_then(|j| j.functions_compiled)
                    .map_or("-".into(), |n| n.to_string()),
            );
            row.push(
                jit.and_then(|j| j.compile_seconds)
                    .map_or("-".into(), |s| significant(s * 1000.0, 3)),
            );
            row.push(
                jit.and_then(|j| j.deopts)
                    .map_or("-".into(), |n| n.to_string()),
            );
            row.push(
                jit.and_then(|j| j.safepoint_exits)
                    .map_or("-".into(), |n| n.to_string()),
            );
            row
        })
        .collect();
    markdown(&headers, &rows)
}

/// One line per failed or mismatched cell, with the detail.
pub fn problems(summary: &Summary) -> String {
    summary
        .problems()
        .iter()
        .map(|(program, implementation, verdict)| {
            format!(
                "- {program} under {implementation}: {}\n",
                verdict.detail().unwrap_or("?")
            )
        })
        .collect()
}

/// The whole report.
pub fn render(summary: &Summary, repeats: usize, jit_column: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Time: median seconds over {repeats} repeats, ± (max - min) / median\n\n"
    ));
    out.push_str(&times(summary));
    if !summary.ratio_columns().is_empty() {
        out.push_str("\nRatios: time / time, below 1 is faster; geometric means over the programs where both ran correctly\n\n");
        out.push_str(&ratios(summary));
    }
    out.push_str(
        "\nPeak RSS (largest over the repeats) and krait's JIT figures (default mode)\n\n",
    );
    out.push_str(&resources(summary, jit_column));
    let problems = problems(summary);
    if !problems.is_empty() {
        out.push_str("\nProblems (marked in the tables, never timed):\n\n");
        out.push_str(&problems);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::implementations::KRAIT;
    use crate::results::tests::sample;

    #[test]
    fn significant_digits() {
        assert_eq!(significant(1.23456, 3), "1.23");
        assert_eq!(significant(12.3456, 3), "12.3");
        assert_eq!(significant(123.456, 3), "123");
        assert_eq!(significant(1234.5, 3), "1234");
        assert_eq!(significant(0.012345, 3), "0.0123");
        assert_eq!(significant(0.0, 3), "0");
        assert_eq!(significant(f64::NAN, 3), "-");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(0.032), "±3.2%");
        assert_eq!(percent(0.125), "±12%");
    }

    #[test]
    fn markdown_pads_and_aligns() {
        let table = markdown(
            &["program".into(), "t".into()],
            &[vec!["fib".into(), "1.5".into()]],
        );
        assert_eq!(
            table,
            "| program |   t |\n| ------- | --: |\n| fib     | 1.5 |\n"
        );
    }

    #[test]
    fn the_report_marks_problems_instead_of_timing_them() {
        let summary = sample();
        let report = render(&summary, 2, KRAIT);
        assert!(
            report.contains("| fib     |    2.10 ±9.5% | 1.00 ±0.0% |"),
            "{report}"
        );
        assert!(report.contains("MISMATCH"));
        assert!(report.contains("FAIL (exit 1)"));
        assert!(report.contains("geometric mean"));
        assert!(report.contains("- nbody under krait: line 1: expected \"-0.16\", got \"-0.17\""));
    }
}
