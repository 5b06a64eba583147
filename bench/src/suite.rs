//! Running the suite: every selected program under every implementation, `repeats` times.
//!
//! Within a repeat the implementations take turns on each program (A B C D, A B C D, …), and the
//! repeats go over the whole suite rather than one program at a time, so a burst of load on the
//! machine lands on one repeat of many programs — which the median then ignores — instead of on
//! every repeat of one program. A program that failed under an implementation is not run again
//! under it: its result cannot become a time, and a hang would only cost another timeout.

use std::collections::HashSet;
use std::io::Write;
use std::time::Duration;

use crate::implementations::Implementation;
use crate::jit_stats;
use crate::programs::Program;
use crate::results::Run;
use crate::runner::{self, Exit, Measurement};
use crate::table::significant;

/// What to run.
pub struct Plan<'a> {
    pub programs: &'a [Program],
    pub implementations: &'a [Implementation],
    pub repeats: usize,
    pub timeout: Duration,
}

/// Runs the plan, reporting progress on stderr, and returns every run.
pub fn run(plan: &Plan) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut failed: HashSet<(String, String)> = HashSet::new();
    let width = plan
        .programs
        .iter()
        .map(|p| p.name.len())
        .max()
        .unwrap_or(0);
    let mut progress = std::io::stderr();
    for repeat in 1..=plan.repeats {
        for (index, program) in plan.programs.iter().enumerate() {
            let _ = write!(
                progress,
                "repeat {repeat}/{} [{:>2}/{}] {:<width$} ",
                plan.repeats,
                index + 1,
                plan.programs.len(),
                program.name
            );
            for implementation in plan.implementations {
                let Some(command) = implementation.command(program) else {
                    continue;
                };
                let key = (program.name.clone(), implementation.name.clone());
                if failed.contains(&key) {
                    let _ = write!(progress, " {} (failed before)", implementation.name);
                    continue;
                }
                let _ = progress.flush();
                let run = measure(program, implementation, repeat, command, plan.timeout);
                let shown = if run.measurement.exit.success() {
                    format!("{}s", significant(run.measurement.seconds, 3))
                } else {
                    failed.insert(key);
                    crate::comparison::failure_detail(&run.measurement)
                        .split(':')
                        .next()
                        .unwrap_or("FAIL")
                        .to_string()
                };
                let _ = write!(progress, " {} {shown}", implementation.name);
                runs.push(run);
            }
            let _ = writeln!(progress);
        }
    }
    runs
}

/// One run, with the JIT statistics split off krait's stderr. A program that cannot even be
/// started counts as a failed run (exit 127, the shell's "not found").
fn measure(
    program: &Program,
    implementation: &Implementation,
    repeat: usize,
    command: std::process::Command,
    timeout: Duration,
) -> Run {
    let mut measurement = runner::run(command, timeout).unwrap_or_else(|e| Measurement {
        seconds: 0.0,
        peak_rss_kib: None,
        cpu_seconds: None,
        exit: Exit::Code(127),
        stdout: String::new(),
        stderr: format!("krait-bench: cannot start {}: {e}\n", implementation.name),
    });
    let mut jit = None;
    if implementation.reports_jit_stats {
        jit = jit_stats::parse(&measurement.stderr);
        measurement.stderr = jit_stats::strip(&measurement.stderr);
    }
    Run {
        program: program.name.clone(),
        implementation: implementation.name.clone(),
        repeat,
        measurement,
        jit,
    }
}
