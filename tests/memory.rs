//! Memory stays bounded: programs that allocate far more than they keep, in short-lived
//! objects and in reference cycles, run with a small peak resident set.
//!
//! Each test runs `krait` as a child process and reads the children's peak RSS with
//! `getrusage(RUSAGE_CHILDREN)`. The tests run one after another in this binary so that the
//! peak belongs to the program under test.

use std::process::Command;
use std::sync::Mutex;

/// The bound: a few times krait's baseline, far below what the programs allocate in total.
const PEAK_LIMIT_KIB: i64 = 200 * 1024;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn children_peak_kib() -> i64 {
    // SAFETY: `getrusage` only writes into the zeroed struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: RUSAGE_CHILDREN is a valid `who`, and `usage` is a valid out pointer.
    let status = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(status, 0, "getrusage failed");
    usage.ru_maxrss
}

/// Runs `source` with krait and returns its stdout and the children's peak RSS (KiB).
fn run(source: &str) -> (String, i64) {
    let output = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["-c", source])
        .output()
        .expect("krait runs");
    assert!(
        output.status.success(),
        "krait failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        children_peak_kib(),
    )
}

#[test]
fn short_lived_garbage_is_reclaimed() {
    let _guard = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // About 8 GB allocated in total, 8 KB at a time, none of it kept.
    let (stdout, peak) = run("total = 0\nfor i in range(1000000):\n    block = [i] * 1000\n    total += len(block)\nprint(total)\n");
    assert_eq!(stdout, "1000000000\n");
    assert!(
        peak < PEAK_LIMIT_KIB,
        "peak RSS {peak} KiB after allocating 8 GB of garbage"
    );
}

#[test]
fn reference_cycles_are_reclaimed() {
    let _guard = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // Two million cycles, each holding a 400-byte list: 800 MB of cyclic garbage.
    let program = "import gc\nclass Node:\n    pass\nfor i in range(2000000):\n    a = Node()\n    b = Node()\n    a.other = b\n    b.other = a\n    a.payload = [i] * 50\na = []\na.append(a)\ndel a\nprint(gc.collect() > 0)\n";
    let (stdout, peak) = run(program);
    assert_eq!(stdout, "True\n");
    assert!(
        peak < PEAK_LIMIT_KIB,
        "peak RSS {peak} KiB after creating 800 MB of cyclic garbage"
    );
}
