//! The corpus: every `tests/py/<area>/<case>.py` run by the `krait` binary in every execution mode
//! and compared with what CPython 3.11 did.
//!
//! Expected files sit beside each case and are written only by `scripts/regen-expected`:
//!
//! - `<case>.out`  — standard output, compared byte for byte. A case without one fails.
//! - `<case>.code` — the exit status; without it the status must be 0.
//! - `<case>.err`  — the last non-empty line of standard error (empty: stderr has none); without
//!   it standard error is not checked.
//! - `<case>.in`   — standard input for the case; without it stdin is empty.
//!
//! Directories whose name starts with `_` are not searched: they hold modules and packages
//! that cases import (e.g. `tests/py/imports/_fixtures/`).
//!
//! Each case becomes one trial per mode, named `<mode>::<area>/<case>`, so the usual filters work:
//! `cargo test --test corpus -- interp::strings/` runs one area in one mode.
//!
//! Environment:
//!
//! - `KRAIT_TEST_MODES=interp,jit` runs only the named modes (default: all of [`MODES`]).
//! - `KRAIT_TEST_TIMEOUT=<seconds>` changes the per-case timeout (default 60).

use std::env;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

/// Execution modes: a name for the trial and the flags that select it. Every case runs in each,
/// except the areas a mode leaves out (see [`skips`]).
const MODES: &[(&str, &[&str])] = &[
    ("interp", &["--jit=off"]),
    // The slower lane: a full collection at every safepoint, so a value some Rust code forgot to
    // root is freed at once and the output differs.
    ("gc-stress", &["--jit=off", "--gc-stress"]),
    // The default: hot functions and loops compiled.
    ("jit", &["--jit=on"]),
    // Everything compiled at first use and every loop entered at once: compiled code runs
    // every case, and its guards fail and deopt wherever the types are not what it assumed.
    ("jit-eager", &["--jit=eager"]),
    // Compiled code under GC stress: what it keeps in registers must also be where the
    // collector looks at every safepoint.
    ("jit-gc-stress", &["--jit=eager", "--gc-stress"]),
];

/// Whether `mode` leaves out `case`: GC stress skips `limits/`, whose programs allocate
/// gigabytes on purpose (a full collection at each of their safepoints would take hours).
fn skips(mode: &str, case: &str) -> bool {
    mode.ends_with("gc-stress") && case.starts_with("limits/")
}

/// Where the cases live, relative to the repository root.
const CORPUS_DIR: &str = "tests/py";

const DEFAULT_TIMEOUT_SECONDS: u64 = 60;

/// Output past this is drained and dropped, so a runaway case cannot exhaust memory.
const OUTPUT_LIMIT: usize = 64 << 20;

/// How long to wait for the pipes to close once the process has exited.
const PIPE_GRACE: Duration = Duration::from_secs(5);

/// How many differing lines, and how much stderr, a failure shows.
const DIFF_LINES: usize = 20;
const CONTEXT_LINES: usize = 3;
const STDERR_TAIL_LINES: usize = 15;

const REGEN_HINT: &str =
    "run scripts/regen-expected (under CPython 3.11) and commit the files it writes";

/// One `.py` file of the corpus.
#[derive(Clone)]
struct Case {
    /// `<area>/<case>`, with `/` separators and no extension.
    name: String,
    /// The script, relative to the repository root (this is what krait is given).
    script: PathBuf,
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = find_cases(root);
    let modes = selected_modes();
    let timeout = timeout();

    let mut trials = Vec::with_capacity(cases.len() * modes.len());
    for &(mode, flags) in &modes {
        for case in cases.iter().filter(|case| !skips(mode, &case.name)) {
            let case = case.clone();
            trials.push(Trial::test(format!("{mode}::{}", case.name), move || {
                run_case(root, &case, flags, timeout)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

/// Every `.py` under `tests/py`, sorted by name.
fn find_cases(root: &Path) -> Vec<Case> {
    let dir = root.join(CORPUS_DIR);
    let mut scripts = Vec::new();
    collect_scripts(&dir, &mut scripts);
    let mut cases: Vec<Case> = scripts
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(&dir)
                .expect("case is under the corpus directory");
            let name = relative
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let script = path
                .strip_prefix(root)
                .expect("case is under the repository")
                .to_owned();
            Case { name, script }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!cases.is_empty(), "no cases found under {}", dir.display());
    cases
}

fn collect_scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("reading a directory entry").path();
        if path.is_dir() {
            // Directories whose name starts with `_` hold modules that cases import, not cases.
            if !path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('_'))
            {
                collect_scripts(&path, out);
            }
        } else if path.extension().is_some_and(|ext| ext == "py") {
            out.push(path);
        }
    }
}

/// [`MODES`], narrowed by `KRAIT_TEST_MODES` when it is set.
fn selected_modes() -> Vec<(&'static str, &'static [&'static str])> {
    let Ok(wanted) = env::var("KRAIT_TEST_MODES") else {
        return MODES.to_vec();
    };
    let wanted: Vec<&str> = wanted
        .split(',')
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .collect();
    let known: Vec<&str> = MODES.iter().map(|&(name, _)| name).collect();
    for name in &wanted {
        if !known.contains(name) {
            eprintln!("corpus: KRAIT_TEST_MODES names unknown mode {name:?} (known: {known:?})");
        }
    }
    let modes: Vec<_> = MODES
        .iter()
        .copied()
        .filter(|(name, _)| wanted.contains(name))
        .collect();
    if modes.is_empty() {
        eprintln!("corpus: KRAIT_TEST_MODES selects no known mode (known: {known:?})");
        std::process::exit(2);
    }
    modes
}

fn timeout() -> Duration {
    let seconds = match env::var("KRAIT_TEST_TIMEOUT") {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("KRAIT_TEST_TIMEOUT must be whole seconds, not {text:?}")),
        Err(_) => DEFAULT_TIMEOUT_SECONDS,
    };
    Duration::from_secs(seconds)
}

/// What a case is expected to do, read from the files beside it.
struct Expected {
    stdout: Vec<u8>,
    status: i32,
    last_stderr_line: Option<String>,
}

fn read_expected(root: &Path, case: &Case) -> Result<Expected, Failed> {
    let script = root.join(&case.script);
    let out_path = script.with_extension("out");
    let stdout = fs::read(&out_path).map_err(|e| {
        format!(
            "missing expected output {} ({e}): {REGEN_HINT}",
            out_path.display()
        )
    })?;
    let status: i32 = match read_optional(&script.with_extension("code"))? {
        Some(text) => text.trim().parse().map_err(|_| {
            format!(
                "{}: not an exit status: {text:?}",
                script.with_extension("code").display()
            )
        })?,
        None => 0,
    };
    let last_stderr_line = read_optional(&script.with_extension("err"))?
        .map(|text| text.trim_end_matches(['\n', '\r']).to_owned());
    Ok(Expected {
        stdout,
        status,
        last_stderr_line,
    })
}

fn read_optional(path: &Path) -> Result<Option<String>, Failed> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("reading {}: {e}", path.display()).into()),
    }
}

/// What krait did.
struct Outcome {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

fn run_case(root: &Path, case: &Case, flags: &[&str], timeout: Duration) -> Result<(), Failed> {
    let expected = read_expected(root, case)?;
    let stdin_path = root.join(&case.script).with_extension("in");
    let stdin = read_optional_bytes(&stdin_path)?.unwrap_or_default();

    let mut command = Command::new(env!("CARGO_BIN_EXE_krait"));
    command
        .args(flags)
        .arg(&case.script)
        .current_dir(root)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let invocation = format!("krait {} {}", flags.join(" "), case.script.display());
    let outcome =
        run_with_timeout(command, stdin, timeout).map_err(|e| format!("{invocation}: {e}"))?;
    let Some(outcome) = outcome else {
        return Err(format!(
            "{invocation}: timed out after {} s and was killed",
            timeout.as_secs()
        )
        .into());
    };
    compare(&expected, &outcome, case).map_err(|problems| {
        let mut report = format!("{invocation}\n{problems}");
        report.push_str(&stderr_tail(&outcome.stderr));
        report.into()
    })
}

fn read_optional_bytes(path: &Path) -> Result<Option<Vec<u8>>, Failed> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("reading {}: {e}", path.display()).into()),
    }
}

/// Runs `command` with `stdin` as its input; `Ok(None)` means it was killed at the deadline.
fn run_with_timeout(
    mut command: Command,
    stdin: Vec<u8>,
    timeout: Duration,
) -> io::Result<Option<Outcome>> {
    let mut child = command.spawn()?;
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // A case that never reads its input closes the pipe early; that is not an error.
    thread::spawn(move || {
        let _ = pipe.write_all(&stdin);
    });
    let stdout = drain(child.stdout.take().expect("stdout is piped"));
    let stderr = drain(child.stderr.take().expect("stderr is piped"));

    let status = wait_until(&mut child, Instant::now() + timeout)?;
    if status.is_none() {
        // Kill fails only if the child already exited, which is fine either way.
        let _ = child.kill();
        child.wait()?;
    }
    // A stray grandchild could hold the pipes open forever: wait for the rest of the output only
    // for a while, then take what has arrived.
    let grace_end = Instant::now() + PIPE_GRACE;
    let stdout = stdout.finish(grace_end);
    let stderr = stderr.finish(grace_end);
    Ok(status.map(|status| Outcome {
        status,
        stdout,
        stderr,
    }))
}

fn wait_until(child: &mut Child, deadline: Instant) -> io::Result<Option<ExitStatus>> {
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(None);
        }
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Output being read from a pipe on another thread.
struct Drain {
    bytes: Arc<Mutex<Vec<u8>>>,
    closed: Receiver<()>,
}

impl Drain {
    /// The output once the pipe has closed, or what has arrived by `deadline`.
    fn finish(self, deadline: Instant) -> Vec<u8> {
        let _ = self
            .closed
            .recv_timeout(deadline.saturating_duration_since(Instant::now()));
        std::mem::take(&mut *self.bytes.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Reads a pipe to its end on another thread, keeping at most [`OUTPUT_LIMIT`] bytes.
fn drain(mut pipe: impl Read + Send + 'static) -> Drain {
    let bytes = Arc::new(Mutex::new(Vec::new()));
    let (sender, closed) = mpsc::channel();
    let kept = Arc::clone(&bytes);
    thread::spawn(move || {
        let mut chunk = [0u8; 64 * 1024];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
                    let room = OUTPUT_LIMIT.saturating_sub(kept.len());
                    kept.extend_from_slice(&chunk[..n.min(room)]);
                }
            }
        }
        let _ = sender.send(());
    });
    Drain { bytes, closed }
}

/// Every way `outcome` differs from `expected`, or `Ok` when it matches.
fn compare(expected: &Expected, outcome: &Outcome, case: &Case) -> Result<(), String> {
    let mut problems = Vec::new();
    match outcome.status.code() {
        Some(code) if code == expected.status => {}
        Some(code) => problems.push(format!("exit status {code}, expected {}", expected.status)),
        None => problems.push(format!(
            "terminated by {}, expected exit status {}",
            signal_description(&outcome.status),
            expected.status
        )),
    }
    if let Some(want) = &expected.last_stderr_line {
        let stderr = String::from_utf8_lossy(&outcome.stderr);
        let got = last_nonempty_line(&stderr);
        if got != want.as_str() {
            problems.push(format!(
                "last stderr line differs\n  expected: {want:?}\n  actual:   {got:?}"
            ));
        }
    }
    if outcome.stdout != expected.stdout {
        let out_file = case.script.with_extension("out");
        problems.push(format!(
            "stdout differs\n{}",
            diff(
                &String::from_utf8_lossy(&expected.stdout),
                &String::from_utf8_lossy(&outcome.stdout),
                &format!("expected ({})", out_file.display()),
                "actual (krait stdout)",
            )
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[cfg(unix)]
fn signal_description(status: &ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(signal) => format!("signal {signal}"),
        None => format!("{status}"),
    }
}

#[cfg(not(unix))]
fn signal_description(status: &ExitStatus) -> String {
    format!("{status}")
}

fn last_nonempty_line(text: &str) -> &str {
    text.lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("")
}

/// A short unified-style diff: the first differing hunk, between the common prefix and suffix.
fn diff(expected: &str, actual: &str, expected_label: &str, actual_label: &str) -> String {
    let old: Vec<&str> = expected.split_inclusive('\n').collect();
    let new: Vec<&str> = actual.split_inclusive('\n').collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let removed = &old[prefix..old.len() - suffix];
    let added = &new[prefix..new.len() - suffix];
    let context_start = prefix.saturating_sub(CONTEXT_LINES);
    let context_end = (old.len() - suffix + CONTEXT_LINES).min(old.len());
    let leading = prefix - context_start;
    let trailing = context_end - (old.len() - suffix);
    let mut out = format!("--- {expected_label}\n+++ {actual_label}\n");
    out.push_str(&format!(
        "@@ -{},{} +{},{} @@\n",
        context_start + 1,
        leading + removed.len() + trailing,
        context_start + 1,
        leading + added.len() + trailing
    ));
    for line in &old[context_start..prefix] {
        out.push_str(&show_line(' ', line));
    }
    for (sign, lines) in [('-', removed), ('+', added)] {
        for line in lines.iter().take(DIFF_LINES) {
            out.push_str(&show_line(sign, line));
        }
        if lines.len() > DIFF_LINES {
            out.push_str(&format!(
                "{sign} ... {} more lines\n",
                lines.len() - DIFF_LINES
            ));
        }
    }
    for line in &old[old.len() - suffix..context_end] {
        out.push_str(&show_line(' ', line));
    }
    out
}

fn show_line(sign: char, line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(body) => format!("{sign}{body}\n"),
        None => format!("{sign}{line}    [no newline at end]\n"),
    }
}

fn stderr_tail(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        return "\nstderr: (empty)\n".to_owned();
    }
    let start = lines.len().saturating_sub(STDERR_TAIL_LINES);
    let mut out = format!(
        "\nstderr (last {} of {} lines):\n",
        lines.len() - start,
        lines.len()
    );
    for line in &lines[start..] {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}
