//! krait's own JIT figures per run: functions compiled, compile time, deopts and safepoint
//! exits.
//!
//! The contract with krait:
//!
//! - the harness passes [`FLAG`] to krait's JIT mode when `krait --help` mentions it (a krait
//!   without it shows "-" in every JIT column);
//! - krait then writes, at exit, one line to stderr starting with [`LINE_PREFIX`] and holding
//!   `key=value` pairs: `jit-stats: functions=12 compile-ms=3.25 deopts=1 safepoint-exits=4`.
//!   Unknown keys are ignored and missing ones show as "-", so the format can grow.
//!
//! Deopts are failed speculations (and the other exits that leave compiled code for the
//! interpreter mid-function); safepoint exits are loops that left at a back-edge because a
//! collection or a signal was due, and came back by OSR — counted apart, since nothing failed.

/// The krait flag that asks for the statistics line.
pub const FLAG: &str = "--jit-stats";

/// The start of the statistics line on krait's stderr.
pub const LINE_PREFIX: &str = "jit-stats:";

/// The figures of one krait run; a field is `None` when krait did not report it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct JitStats {
    pub functions_compiled: Option<u64>,
    pub compile_seconds: Option<f64>,
    pub deopts: Option<u64>,
    pub safepoint_exits: Option<u64>,
}

/// Whether this krait prints statistics, judged from its `--help` text.
pub fn flag_supported(help_text: &str) -> bool {
    help_text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '=' | '[' | ']'))
        .any(|word| word == FLAG)
}

/// The statistics in a run's stderr (the last statistics line wins), or `None` if there are none.
pub fn parse(stderr: &str) -> Option<JitStats> {
    let line = stderr
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix(LINE_PREFIX))?;
    let mut stats = JitStats::default();
    for pair in line.split_whitespace() {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        match key {
            "functions" => stats.functions_compiled = value.parse().ok(),
            "compile-ms" => stats.compile_seconds = value.parse::<f64>().ok().map(|ms| ms / 1000.0),
            "deopts" => stats.deopts = value.parse().ok(),
            "safepoint-exits" => stats.safepoint_exits = value.parse().ok(),
            _ => {}
        }
    }
    Some(stats)
}

/// `stderr` without the statistics lines: what is left is the program's own error output.
pub fn strip(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| !l.trim().starts_with(LINE_PREFIX))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_statistics_line() {
        let stderr =
            "warming up\njit-stats: functions=12 compile-ms=3.5 deopts=2 safepoint-exits=7\n";
        let stats = parse(stderr).unwrap();
        assert_eq!(stats.functions_compiled, Some(12));
        assert_eq!(stats.compile_seconds, Some(0.0035));
        assert_eq!(stats.deopts, Some(2));
        assert_eq!(stats.safepoint_exits, Some(7));
    }

    #[test]
    fn unknown_and_missing_keys_are_tolerated() {
        let stats = parse("jit-stats: functions=3 osr-entries=9 bogus").unwrap();
        assert_eq!(stats.functions_compiled, Some(3));
        assert_eq!(stats.compile_seconds, None);
        assert_eq!(stats.deopts, None);
    }

    #[test]
    fn no_line_means_no_statistics() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("Traceback (most recent call last):\n"), None);
    }

    #[test]
    fn strip_keeps_the_program_output() {
        assert_eq!(
            strip("oops\njit-stats: functions=1\nmore\n"),
            "oops\nmore\n"
        );
    }

    #[test]
    fn the_flag_is_found_in_help_text() {
        assert!(flag_supported(
            "      --jit-stats\n          Print JIT statistics at exit"
        ));
        assert!(flag_supported("[--jit-stats] [--jit=MODE]"));
        assert!(!flag_supported(
            "      --jit <MODE>\n      --jit-statistics"
        ));
    }
}
