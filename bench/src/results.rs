//! Runs and what they add up to: every run as measured, and per program and implementation a
//! cell with its verdict, median, spread, peak memory and JIT figures. The table, the JSON and
//! the SVG all read this one summary, so they cannot disagree.

use std::collections::BTreeMap;

use crate::comparison::{self, Verdict};
use crate::implementations::{CPYTHON, KRAIT, KRAIT_INTERPRETER};
use crate::jit_stats::JitStats;
use crate::runner::Measurement;
use crate::statistics;

/// One run of one program under one implementation.
#[derive(Clone, Debug)]
pub struct Run {
    pub program: String,
    pub implementation: String,
    /// 1-based.
    pub repeat: usize,
    /// stderr here no longer holds the JIT statistics line.
    pub measurement: Measurement,
    pub jit: Option<JitStats>,
}

/// One program under one implementation, over all repeats.
#[derive(Clone, Debug)]
pub struct Cell {
    pub verdict: Verdict,
    /// Median seconds, only when the verdict is ok: a wrong answer has no time.
    pub median: Option<f64>,
    pub spread: Option<f64>,
    /// The largest peak RSS of its runs, in KiB.
    pub peak_rss_kib: Option<u64>,
    /// The first run's JIT figures, with the median compile time.
    pub jit: Option<JitStats>,
    pub runs: usize,
}

/// A ratio column of the table: `numerator`'s time over `denominator`'s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatioColumn {
    pub label: String,
    pub numerator: String,
    pub denominator: String,
}

/// Every cell of a suite run.
#[derive(Clone, Debug)]
pub struct Summary {
    pub programs: Vec<String>,
    pub implementations: Vec<String>,
    cells: BTreeMap<(String, String), Cell>,
}

impl Summary {
    pub fn new(programs: &[String], implementations: &[String], runs: &[Run]) -> Summary {
        let mut cells = BTreeMap::new();
        for program in programs {
            let of_program: Vec<&Run> = runs.iter().filter(|r| &r.program == program).collect();
            let successful: Vec<(&str, &str)> = implementations
                .iter()
                .filter_map(|name| {
                    of_program
                        .iter()
                        .find(|r| &r.implementation == name && r.measurement.exit.success())
                        .map(|r| (name.as_str(), r.measurement.stdout.as_str()))
                })
                .collect();
            let reference = comparison::reference_output(&successful, CPYTHON);
            for implementation in implementations {
                let mine: Vec<&Run> = of_program
                    .iter()
                    .copied()
                    .filter(|r| &r.implementation == implementation)
                    .collect();
                let cell = summarize_cell(&mine, reference);
                cells.insert((program.clone(), implementation.clone()), cell);
            }
        }
        Summary {
            programs: programs.to_vec(),
            implementations: implementations.to_vec(),
            cells,
        }
    }

    pub fn cell(&self, program: &str, implementation: &str) -> Option<&Cell> {
        self.cells
            .get(&(program.to_string(), implementation.to_string()))
    }

    /// The median time, when the cell is ok.
    pub fn median(&self, program: &str, implementation: &str) -> Option<f64> {
        self.cell(program, implementation).and_then(|c| c.median)
    }

    /// `numerator`'s median over `denominator`'s for one program, when both are ok.
    pub fn ratio(&self, program: &str, column: &RatioColumn) -> Option<f64> {
        statistics::ratio(
            self.median(program, &column.numerator),
            self.median(program, &column.denominator),
        )
    }

    /// The geometric mean of a ratio column over the programs where it is defined, with how many
    /// programs that is.
    pub fn geometric_mean(&self, column: &RatioColumn) -> (Option<f64>, usize) {
        let ratios: Vec<f64> = self
            .programs
            .iter()
            .filter_map(|p| self.ratio(p, column))
            .collect();
        (statistics::geometric_mean(&ratios), ratios.len())
    }

    /// The ratio columns that apply: JIT over interpreter when both krait modes ran, then every
    /// other implementation over CPython when CPython ran.
    pub fn ratio_columns(&self) -> Vec<RatioColumn> {
        let has = |name: &str| self.implementations.iter().any(|i| i == name);
        let mut columns = Vec::new();
        if has(KRAIT) && has(KRAIT_INTERPRETER) {
            columns.push(RatioColumn {
                label: "JIT/interp".to_string(),
                numerator: KRAIT.to_string(),
                denominator: KRAIT_INTERPRETER.to_string(),
            });
        }
        if has(CPYTHON) {
            for implementation in self.implementations.iter().filter(|i| *i != CPYTHON) {
                columns.push(RatioColumn {
                    label: format!("{implementation}/CPython"),
                    numerator: implementation.clone(),
                    denominator: CPYTHON.to_string(),
                });
            }
        }
        columns
    }

    /// Every failed or mismatched cell, in table order.
    pub fn problems(&self) -> Vec<(&str, &str, &Verdict)> {
        let mut problems = Vec::new();
        for program in &self.programs {
            for implementation in &self.implementations {
                if let Some(cell) = self.cell(program, implementation) {
                    if cell.verdict.is_problem() {
                        problems.push((program.as_str(), implementation.as_str(), &cell.verdict));
                    }
                }
            }
        }
        problems
    }
}

fn summarize_cell(runs: &[&Run], reference: Option<&str>) -> Cell {
    let measurements: Vec<&Measurement> = runs.iter().map(|r| &r.measurement).collect();
    let verdict = comparison::verdict(&measurements, reference);
    let times: Vec<f64> = measurements.iter().map(|m| m.seconds).collect();
    let (median, spread) = if verdict.is_ok() {
        (statistics::median(&times), statistics::spread(&times))
    } else {
        (None, None)
    };
    let peak_rss_kib = measurements.iter().filter_map(|m| m.peak_rss_kib).max();
    let stats: Vec<JitStats> = runs.iter().filter_map(|r| r.jit).collect();
    let jit = stats.first().map(|first| {
        let compile: Vec<f64> = stats.iter().filter_map(|s| s.compile_seconds).collect();
        JitStats {
            compile_seconds: statistics::median(&compile),
            ..*first
        }
    });
    Cell {
        verdict,
        median,
        spread,
        peak_rss_kib,
        jit,
        runs: runs.len(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::runner::Exit;

    pub(crate) fn run(
        program: &str,
        implementation: &str,
        seconds: f64,
        exit: Exit,
        stdout: &str,
    ) -> Run {
        Run {
            program: program.into(),
            implementation: implementation.into(),
            repeat: 1,
            measurement: Measurement {
                seconds,
                peak_rss_kib: Some(1024),
                cpu_seconds: Some(seconds),
                exit,
                stdout: stdout.into(),
                stderr: String::new(),
            },
            jit: None,
        }
    }

    pub(crate) fn sample() -> Summary {
        let ok = Exit::Code(0);
        let runs = vec![
            run("fib", KRAIT_INTERPRETER, 2.0, ok, "55\n"),
            run("fib", KRAIT_INTERPRETER, 2.2, ok, "55\n"),
            run("fib", KRAIT, 1.0, ok, "55\n"),
            run("fib", KRAIT, 1.0, ok, "55\n"),
            run("fib", CPYTHON, 4.0, ok, "55\n"),
            run("fib", CPYTHON, 4.0, ok, "55\n"),
            run("nbody", KRAIT_INTERPRETER, 3.0, ok, "-0.16\n"),
            run("nbody", KRAIT, 3.0, ok, "-0.17\n"),
            run("nbody", CPYTHON, 1.5, ok, "-0.16\n"),
            run("json", KRAIT_INTERPRETER, 9.0, Exit::Code(1), ""),
            run("json", KRAIT, 1.0, ok, "{}\n"),
            run("json", CPYTHON, 1.0, ok, "{}\n"),
        ];
        let programs = ["fib", "json", "nbody"].map(String::from);
        let implementations = [KRAIT_INTERPRETER, KRAIT, CPYTHON].map(String::from);
        Summary::new(&programs, &implementations, &runs)
    }

    #[test]
    fn cells_hold_medians_and_spreads() {
        let summary = sample();
        let cell = summary.cell("fib", KRAIT_INTERPRETER).unwrap();
        assert!(cell.verdict.is_ok());
        assert!((cell.median.unwrap() - 2.1).abs() < 1e-12);
        assert!((cell.spread.unwrap() - 0.2 / 2.1).abs() < 1e-12);
        assert_eq!(cell.runs, 2);
        assert_eq!(cell.peak_rss_kib, Some(1024));
    }

    #[test]
    fn wrong_answers_and_failures_have_no_time() {
        let summary = sample();
        let mismatch = summary.cell("nbody", KRAIT).unwrap();
        assert_eq!(mismatch.verdict.label(), "MISMATCH");
        assert_eq!(mismatch.median, None);
        let failed = summary.cell("json", KRAIT_INTERPRETER).unwrap();
        assert_eq!(failed.verdict.label(), "FAIL (exit 1)");
        assert_eq!(failed.median, None);
        assert_eq!(summary.problems().len(), 2);
    }

    #[test]
    fn ratio_columns_and_their_geometric_means() {
        let summary = sample();
        let columns = summary.ratio_columns();
        let labels: Vec<&str> = columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            ["JIT/interp", "krait-interp/CPython", "krait/CPython"]
        );
        let jit = &columns[0];
        assert!((summary.ratio("fib", jit).unwrap() - 1.0 / 2.1).abs() < 1e-12);
        assert_eq!(summary.ratio("nbody", jit), None, "a mismatch has no ratio");
        let (mean, n) = summary.geometric_mean(&columns[1]);
        // fib: 2.1 / 4, nbody: 3 / 1.5; json failed.
        assert_eq!(n, 2);
        assert!((mean.unwrap() - (2.1f64 / 4.0 * 2.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn no_cpython_means_no_cpython_ratios() {
        let runs = vec![run("fib", KRAIT, 1.0, Exit::Code(0), "1\n")];
        let summary = Summary::new(&["fib".into()], &[KRAIT.into()], &runs);
        assert!(summary.ratio_columns().is_empty());
    }
}
