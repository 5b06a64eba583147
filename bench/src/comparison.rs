//! Do the implementations agree? Each program's output is compared across implementations, so
//! a wrong answer is marked as such instead of being timed as if it were right.
//!
//! The reference for a program is CPython's output when CPython ran it successfully (CPython
//! defines the language); otherwise the output most successful runs agree on. Every program
//! also checks its own result and exits non-zero when it is wrong, so even a lone
//! implementation cannot silently time a wrong answer.

use crate::runner::{Exit, Measurement};

/// The reference output of one program, from its successful runs given as
/// `(implementation, stdout)` pairs in implementation order. `preferred` names the implementation
/// whose output wins when it has one.
pub fn reference_output<'a>(successful: &[(&str, &'a str)], preferred: &str) -> Option<&'a str> {
    if let Some((_, out)) = successful.iter().find(|(name, _)| *name == preferred) {
        return Some(out);
    }
    // The most common output; on a tie, the one seen first.
    let mut best: Option<(&'a str, usize)> = None;
    for (_, candidate) in successful {
        let votes = successful
            .iter()
            .filter(|(_, out)| out == candidate)
            .count();
        if best.is_none_or(|(_, most)| votes > most) {
            best = Some((candidate, votes));
        }
    }
    best.map(|(out, _)| out)
}

/// How one implementation fared on one program over all its repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every run succeeded with the reference output: the times mean something.
    Ok,
    /// A run succeeded but printed something else than the reference.
    Mismatch { detail: String },
    /// A run crashed, exited non-zero or timed out.
    Failed { detail: String },
    /// Nothing ran (no native version of this program, say).
    NotRun,
}

impl Verdict {
    pub fn is_ok(&self) -> bool {
        *self == Verdict::Ok
    }

    /// Whether something went wrong (as opposed to not applying).
    pub fn is_problem(&self) -> bool {
        matches!(self, Verdict::Mismatch { .. } | Verdict::Failed { .. })
    }

    /// The short word for the table.
    pub fn label(&self) -> String {
        match self {
            Verdict::Ok => "ok".to_string(),
            Verdict::Mismatch { .. } => "MISMATCH".to_string(),
            Verdict::Failed { detail } => detail.split(':').next().unwrap_or("FAIL").to_string(),
            Verdict::NotRun => "-".to_string(),
        }
    }

    pub fn detail(&self) -> Option<&str> {
        match self {
            Verdict::Mismatch { detail } | Verdict::Failed { detail } => Some(detail),
            _ => None,
        }
    }
}

/// The verdict on one implementation's runs of one program, against the reference output.
/// A failure outranks a mismatch: it is reported even if another repeat printed the wrong text.
pub fn verdict(runs: &[&Measurement], reference: Option<&str>) -> Verdict {
    if runs.is_empty() {
        return Verdict::NotRun;
    }
    if let Some(failed) = runs.iter().find(|m| !m.exit.success()) {
        return Verdict::Failed {
            detail: failure_detail(failed),
        };
    }
    if let Some(expected) = reference {
        if let Some(wrong) = runs.iter().find(|m| m.stdout != expected) {
            return Verdict::Mismatch {
                detail: first_difference(expected, &wrong.stdout),
            };
        }
    }
    Verdict::Ok
}

/// "FAIL (exit 1): <the last line of stderr>", "TIMEOUT: …", "CRASH (signal 11): …".
pub fn failure_detail(m: &Measurement) -> String {
    let head = match m.exit {
        Exit::Code(code) => format!("FAIL (exit {code})"),
        Exit::Signal(signal) => format!("CRASH (signal {signal})"),
        Exit::TimedOut => format!("TIMEOUT (after {:.0} s)", m.seconds),
    };
    match m
        .stderr
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
    {
        Some(last) => format!("{head}: {last}"),
        None => head,
    }
}

/// Where `actual` first departs from `expected`, line by line, for the report.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    let mut number = 1;
    loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => number += 1,
            (Some(e), Some(a)) => return format!("line {number}: expected {e:?}, got {a:?}"),
            (Some(e), None) => {
                return format!("line {number}: expected {e:?}, got the end of the output")
            }
            (None, Some(a)) => {
                return format!("line {number}: expected the end of the output, got {a:?}")
            }
            (None, None) => {
                return "the outputs differ in line endings or a final newline".to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measurement(exit: Exit, stdout: &str, stderr: &str) -> Measurement {
        Measurement {
            seconds: 1.0,
            peak_rss_kib: None,
            cpu_seconds: None,
            exit,
            stdout: stdout.into(),
            stderr: stderr.into(),
        }
    }

    #[test]
    fn cpython_is_the_reference_when_it_ran() {
        let outputs = [("krait", "1\n"), ("pypy3", "1\n"), ("python3", "2\n")];
        assert_eq!(reference_output(&outputs, "python3"), Some("2\n"));
    }

    #[test]
    fn otherwise_the_majority_wins_and_ties_go_to_the_first() {
        let outputs = [("krait-interp", "1\n"), ("krait", "2\n"), ("native", "2\n")];
        assert_eq!(reference_output(&outputs, "python3"), Some("2\n"));
        let tie = [("krait-interp", "1\n"), ("krait", "2\n")];
        assert_eq!(reference_output(&tie, "python3"), Some("1\n"));
        assert_eq!(reference_output(&[], "python3"), None);
    }

    #[test]
    fn matching_runs_are_ok() {
        let a = measurement(Exit::Code(0), "42\n", "");
        let b = measurement(Exit::Code(0), "42\n", "");
        assert_eq!(verdict(&[&a, &b], Some("42\n")), Verdict::Ok);
    }

    #[test]
    fn one_wrong_repeat_is_a_mismatch() {
        let a = measurement(Exit::Code(0), "42\n", "");
        let b = measurement(Exit::Code(0), "41\n", "");
        let v = verdict(&[&a, &b], Some("42\n"));
        assert_eq!(
            v,
            Verdict::Mismatch {
                detail: "line 1: expected \"42\", got \"41\"".into()
            }
        );
        assert_eq!(v.label(), "MISMATCH");
        assert!(v.is_problem());
    }

    #[test]
    fn a_failure_outranks_a_mismatch() {
        let wrong = measurement(Exit::Code(0), "41\n", "");
        let failed = measurement(Exit::Code(1), "", "Traceback...\nValueError: bad\n\n");
        let v = verdict(&[&wrong, &failed], Some("42\n"));
        assert_eq!(
            v,
            Verdict::Failed {
                detail: "FAIL (exit 1): ValueError: bad".into()
            }
        );
        assert_eq!(v.label(), "FAIL (exit 1)");
    }

    #[test]
    fn crashes_and_timeouts_are_named() {
        let crash = measurement(Exit::Signal(11), "", "");
        assert_eq!(failure_detail(&crash), "CRASH (signal 11)");
        let slow = measurement(Exit::TimedOut, "", "");
        assert_eq!(failure_detail(&slow), "TIMEOUT (after 1 s)");
    }

    #[test]
    fn no_runs_is_not_a_problem() {
        assert_eq!(verdict(&[], Some("x")), Verdict::NotRun);
        assert!(!Verdict::NotRun.is_problem());
    }

    #[test]
    fn without_a_reference_success_is_ok() {
        let a = measurement(Exit::Code(0), "x\n", "");
        assert_eq!(verdict(&[&a], None), Verdict::Ok);
    }

    #[test]
    fn differences_are_located() {
        assert_eq!(
            first_difference("a\nb\n", "a\nc\n"),
            "line 2: expected \"b\", got \"c\""
        );
        assert_eq!(
            first_difference("a\nb\n", "a\n"),
            "line 2: expected \"b\", got the end of the output"
        );
        assert_eq!(
            first_difference("a\n", "a\nb\n"),
            "line 2: expected the end of the output, got \"b\""
        );
        assert_eq!(
            first_difference("a\n", "a"),
            "the outputs differ in line endings or a final newline"
        );
    }
}
