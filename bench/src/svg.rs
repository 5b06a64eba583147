//! The chart: a self-contained SVG (no scripts, no external fonts or styles) with one group of
//! horizontal bars per program, one bar per implementation, on a log scale so that a 100x gap
//! and a 10 % gap are both visible. Hovering a bar shows its exact figures. A failed or
//! mismatched run gets a red label instead of a bar.

use std::fmt::Write as _;

use crate::comparison::Verdict;
use crate::results::Summary;
use crate::table::{percent, significant};

const WIDTH: f64 = 960.0;
const LEFT: f64 = 170.0;
const RIGHT: f64 = 90.0;
const TOP: f64 = 120.0;
const BAR: f64 = 11.0;
const GAP: f64 = 2.0;
const GROUP_GAP: f64 = 10.0;

/// The colour of an implementation's bars: fixed for the known ones, so charts compare.
pub fn colour(implementation: &str, index: usize) -> &'static str {
    match implementation {
        "krait-interp" => "#9e7cc1",
        "krait" => "#e6550d",
        "python3" => "#3182bd",
        "pypy3" => "#31a354",
        "native" => "#555555",
        _ => ["#d6616b", "#8ca252", "#bd9e39", "#7b4173"][index % 4],
    }
}

/// Text made safe for XML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The decades a log axis spans to cover `min..=max` seconds: (lowest, highest) powers of ten.
/// The lowest leaves room for the shortest bar to be seen (at least a factor of two).
pub fn decades(min: f64, max: f64) -> (i32, i32) {
    let low = (min / 2.0).log10().floor() as i32;
    let mut high = max.log10().ceil() as i32;
    if high <= low {
        high = low + 1;
    }
    (low, high)
}

/// "0.01 s", "1 s", "100 s".
fn decade_label(exponent: i32) -> String {
    let value = 10f64.powi(exponent);
    let decimals = (-exponent).max(0) as usize;
    format!("{value:.decimals$} s")
}

/// The chart for `summary`, with `subtitle` lines (date, machine, command) under the title.
pub fn render(summary: &Summary, subtitle: &[String]) -> String {
    let medians: Vec<f64> = summary
        .programs
        .iter()
        .flat_map(|p| {
            summary
                .implementations
                .iter()
                .filter_map(move |i| summary.median(p, i))
        })
        .filter(|m| *m > 0.0)
        .collect();
    let min = medians.iter().copied().fold(f64::INFINITY, f64::min);
    let max = medians.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (low, high) = if medians.is_empty() {
        (-1, 1)
    } else {
        decades(min, max)
    };
    let plot = WIDTH - LEFT - RIGHT;
    let x = |seconds: f64| LEFT + (seconds.log10() - low as f64) / (high - low) as f64 * plot;

    let mut body = String::new();
    let mut y = TOP;
    for program in &summary.programs {
        let shown: Vec<(usize, &String)> = summary
            .implementations
            .iter()
            .enumerate()
            .filter(|(_, i)| {
                summary
                    .cell(program, i)
                    .is_some_and(|c| c.verdict != Verdict::NotRun)
            })
            .collect();
        if shown.is_empty() {
            continue;
        }
        let group = shown.len() as f64 * (BAR + GAP) - GAP;
        let _ = writeln!(
            body,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" dominant-baseline="middle">{}</text>"#,
            LEFT - 8.0,
            y + group / 2.0,
            escape(program)
        );
        for (index, implementation) in shown {
            let Some(cell) = summary.cell(program, implementation) else {
                continue;
            };
            match cell.median {
                Some(median) if median > 0.0 => {
                    let width = (x(median) - LEFT).max(1.0);
                    let spread = cell.spread.map(percent).unwrap_or_default();
                    let _ = writeln!(
                        body,
                        r#"<rect x="{LEFT:.1}" y="{y:.1}" width="{width:.1}" height="{BAR}" fill="{}"><title>{}: {} {} s {}</title></rect>"#,
                        colour(implementation, index),
                        escape(program),
                        escape(implementation),
                        significant(median, 3),
                        spread
                    );
                    let _ = writeln!(
                        body,
                        r#"<text x="{:.1}" y="{:.1}" class="value" dominant-baseline="middle">{}</text>"#,
                        LEFT + width + 4.0,
                        y + BAR / 2.0,
                        significant(median, 3)
                    );
                }
                _ => {
                    let detail = cell.verdict.detail().unwrap_or("");
                    let _ = writeln!(
                        body,
                        r#"<text x="{:.1}" y="{:.1}" class="problem" dominant-baseline="middle">{}: {}<title>{}</title></text>"#,
                        LEFT + 4.0,
                        y + BAR / 2.0,
                        escape(implementation),
                        escape(&cell.verdict.label()),
                        escape(detail)
                    );
                }
            }
            y += BAR + GAP;
        }
        y += GROUP_GAP;
    }
    let bottom = y;
    let height = bottom + 40.0;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" font-family="Helvetica, Arial, sans-serif" font-size="12">"#
    );
    svg.push_str("<style>.value { font-size: 10px; fill: #333; } .problem { font-size: 11px; fill: #c00000; font-weight: bold; } .axis { font-size: 10px; fill: #555; }</style>\n");
    let _ = writeln!(
        svg,
        r#"<rect width="{WIDTH}" height="{height:.0}" fill="white"/>"#
    );
    let _ = writeln!(
        svg,
        r#"<text x="12" y="24" font-size="16" font-weight="bold">krait benchmarks: median seconds per program (log scale, shorter is faster)</text>"#
    );
    for (i, line) in subtitle.iter().take(2).enumerate() {
        let y = 42 + 14 * i;
        let _ = writeln!(
            svg,
            r#"<text x="12" y="{y}" class="axis">{}</text>"#,
            escape(line)
        );
    }
    let mut legend_x = LEFT;
    for (index, implementation) in summary.implementations.iter().enumerate() {
        let _ = writeln!(
            svg,
            r#"<rect x="{legend_x:.1}" y="74" width="12" height="12" fill="{}"/><text x="{:.1}" y="84">{}</text>"#,
            colour(implementation, index),
            legend_x + 16.0,
            escape(implementation)
        );
        legend_x += 24.0 + 7.5 * implementation.len() as f64;
    }
    for exponent in low..=high {
        let gx = x(10f64.powi(exponent));
        let _ = writeln!(
            svg,
            r##"<line x1="{gx:.1}" y1="{:.1}" x2="{gx:.1}" y2="{bottom:.1}" stroke="#dddddd"/><text x="{gx:.1}" y="{:.1}" class="axis" text-anchor="middle">{label}</text><text x="{gx:.1}" y="{:.1}" class="axis" text-anchor="middle">{label}</text>"##,
            TOP - 8.0,
            TOP - 12.0,
            bottom + 14.0,
            label = decade_label(exponent)
        );
    }
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::tests::sample;

    #[test]
    fn decades_cover_the_range() {
        assert_eq!(decades(0.03, 3.5), (-2, 1));
        assert_eq!(decades(2.5, 2.6), (0, 1));
        assert_eq!(decades(1.5, 10.0), (-1, 1));
    }

    #[test]
    fn decade_labels() {
        assert_eq!(decade_label(-2), "0.01 s");
        assert_eq!(decade_label(0), "1 s");
        assert_eq!(decade_label(2), "100 s");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
    }

    #[test]
    fn the_chart_has_bars_and_marks_problems() {
        let svg = render(
            &sample(),
            &["2026-01-01 & a <machine>".to_string(), "cmd".to_string()],
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("2026-01-01 &amp; a &lt;machine&gt;"));
        // fib and json (two ok cells) and nbody (two ok cells): seven bars, two problems.
        assert_eq!(svg.matches("height=\"11\"").count(), 7);
        assert!(svg.contains("krait: MISMATCH"));
        assert!(svg.contains("krait-interp: FAIL (exit 1)"));
        assert!(!svg.contains("NaN"));
    }
}
