//! The JIT seen from outside: its inspection views (`--emit-asm`, `--emit-clif`, `--jit-log`,
//! `--jit-stats`), tracebacks from compiled code, and the protection of its code pages.
//!
//! Whether compiled code computes the right results is the corpus's job: every case runs in
//! the `jit`, `jit-eager` and `jit-gc-stress` modes, and `tests/py/jit/` forces each kind of
//! deopt. These tests cover what output comparison with CPython cannot.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

fn krait(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(arguments)
        .output()
        .expect("krait runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn script(name: &str, source: &str) -> String {
    let directory = std::env::temp_dir().join(format!("krait-jit-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("temp dir");
    let path = directory.join(name);
    std::fs::write(&path, source).expect("write script");
    path.display().to_string()
}

const HOT: &str = "\
def triangle(n):
    total = 0
    for i in range(n):
        total += i * 2
    return total

for _ in range(300):
    result = triangle(100)
print(result)
";

#[test]
fn emit_asm_prints_machine_code_with_source_lines() {
    let path = script("hot_asm.py", HOT);
    let output = krait(&["--emit-asm=triangle", &path]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "9900\n");
    let listing = text(&output.stderr);
    assert!(listing.contains("; machine code for triangle"), "{listing}");
    assert!(listing.contains("; line 4: total += i * 2"), "{listing}");
    assert!(listing.contains("BINARY_OP"), "{listing}");
    let mnemonics = if cfg!(target_arch = "x86_64") {
        ["mov", "ret"]
    } else {
        ["ldr", "ret"]
    };
    for mnemonic in mnemonics {
        assert!(
            listing
                .lines()
                .any(|line| line.split_whitespace().nth(1) == Some(mnemonic)),
            "no {mnemonic} in {listing}"
        );
    }
    // Only the function asked for.
    assert!(!listing.contains("machine code for <module>"), "{listing}");
}

#[test]
fn emit_clif_prints_cranelift_ir() {
    let path = script("hot_clif.py", HOT);
    let output = krait(&["--jit=eager", "--emit-clif", &path]);
    assert!(output.status.success());
    let listing = text(&output.stderr);
    assert!(listing.contains("; clif for triangle"), "{listing}");
    assert!(listing.contains("function "), "{listing}");
    assert!(listing.contains("call_indirect"), "{listing}");
}

#[test]
fn jit_log_reports_compiles_deopts_recompiles_and_osr() {
    let path = script(
        "log.py",
        "\
def add(a, b):
    return a + b

for i in range(1000):
    add(i, i)
for i in range(10):
    add(1.5, i)
total = 0
for i in range(5000):
    total += i
print(total)
",
    );
    let output = krait(&["--jit-log", "--jit-sync", "--jit-threshold=100", &path]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "12497500\n");
    let log = text(&output.stderr);
    assert!(log.contains("jit: compile add ("), "{log}");
    assert!(log.contains("trigger=calls"), "{log}");
    assert!(
        log.contains("jit: deopt add line 2 instruction 2 (BINARY_OP): operand is not an int"),
        "{log}"
    );
    assert!(log.contains("jit: invalidate add"), "{log}");
    assert!(log.contains("jit: compile <module>"), "{log}");
    assert!(log.contains("jit: osr-entry <module>"), "{log}");
}

#[test]
fn jit_stats_line_for_the_benchmark_harness() {
    let path = script("stats.py", HOT);
    let output = krait(&["--jit-stats", &path]);
    let line = text(&output.stderr);
    let line = line.lines().last().unwrap_or("");
    assert!(line.starts_with("jit-stats: functions="), "{line}");
    assert!(line.contains(" compile-ms="), "{line}");
    assert!(line.contains(" deopts="), "{line}");
    let off = krait(&["--jit=off", "--jit-stats", &path]);
    assert!(!text(&off.stderr).contains("jit-stats"));
}

#[test]
fn tracebacks_from_compiled_code_match_the_interpreter() {
    let path = script(
        "traceback.py",
        "\
def inner(values, index):
    return values[index] // (index - 700)

def outer(values):
    total = 0
    for index in range(len(values)):
        total += inner(values, index)
    return total

def wrapper():
    return outer(list(range(1000)))

wrapper()
",
    );
    let interpreted = krait(&["--jit=off", &path]);
    assert_eq!(interpreted.status.code(), Some(1));
    let report = text(&interpreted.stderr);
    assert!(report.contains("line 2, in inner"), "{report}");
    for mode in ["--jit=on", "--jit=eager"] {
        for threshold in ["--jit-threshold=1", "--jit-threshold=50"] {
            let compiled = krait(&[mode, threshold, &path]);
            assert_eq!(compiled.status.code(), Some(1));
            assert_eq!(text(&compiled.stderr), report, "{mode} {threshold}");
        }
    }
}

#[test]
fn tracebacks_from_compiled_generators_match_the_interpreter() {
    let path = script(
        "generator_traceback.py",
        "\
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def ratios(source):
    for x in source:
        yield 1000 // (x - 900)

def consume(n):
    total = 0
    for value in ratios(numbers(n)):
        total += value
    return total

print(consume(800), sum(ratios(numbers(850))))
consume(1000)
",
    );
    let interpreted = krait(&["--jit=off", &path]);
    assert_eq!(interpreted.status.code(), Some(1));
    let report = text(&interpreted.stderr);
    assert!(report.contains("line 9, in ratios"), "{report}");
    for mode in ["--jit=on", "--jit=eager"] {
        for threshold in ["--jit-threshold=1", "--jit-threshold=50"] {
            let compiled = krait(&[mode, threshold, &path]);
            assert_eq!(compiled.status.code(), Some(1));
            assert_eq!(text(&compiled.stderr), report, "{mode} {threshold}");
            assert_eq!(compiled.stdout, interpreted.stdout, "{mode} {threshold}");
        }
    }
}

#[test]
fn tracebacks_through_compiled_yield_from_and_await_match_the_interpreter() {
    let path = script(
        "delegation_traceback.py",
        "\
async def failing(depth):
    if depth == 0:
        raise LookupError('bottom')
    return await failing(depth - 1) + 1

def inner(n):
    for i in range(n):
        yield 10 // (n - 1 - i)

def outer(n):
    yield from inner(n)

def drive(coroutine):
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    except LookupError:
        return -1

print(sum(drive(failing(i % 5)) for i in range(500)))
print(sum(outer(300)))
",
    );
    let interpreted = krait(&["--jit=off", &path]);
    assert_eq!(interpreted.status.code(), Some(1));
    let report = text(&interpreted.stderr);
    assert!(report.contains("line 11, in outer"), "{report}");
    for mode in ["--jit=on", "--jit=eager"] {
        for threshold in ["--jit-threshold=1", "--jit-threshold=50"] {
            let compiled = krait(&[mode, threshold, &path]);
            assert_eq!(compiled.status.code(), Some(1));
            assert_eq!(text(&compiled.stderr), report, "{mode} {threshold}");
            assert_eq!(compiled.stdout, interpreted.stdout, "{mode} {threshold}");
        }
    }
}

#[test]
fn compiled_code_pages_are_never_writable_and_executable() {
    let path = script(
        "pages.py",
        "\
import time

def work(n):
    total = 0.0
    for i in range(n):
        total += i * 0.5
    return total

for round_number in range(50):
    work(1000)
print('ready', flush=True)
time.sleep(10)
",
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["--jit-stats", "--jit-sync", &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("krait runs");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("krait prints");
    assert_eq!(line, "ready\n");
    let maps = std::fs::read_to_string(format!("/proc/{}/maps", child.id()));
    let _ = child.kill();
    let _ = child.wait();
    let maps = maps.expect("the process's memory map");
    let executable: Vec<&str> = maps
        .lines()
        .filter(|line| {
            line.split_whitespace()
                .nth(1)
                .is_some_and(|p| p.contains('x'))
        })
        .collect();
    assert!(!executable.is_empty(), "{maps}");
    for mapping in &executable {
        let permissions = mapping.split_whitespace().nth(1).unwrap_or("");
        assert!(
            !permissions.contains('w'),
            "a writable and executable mapping: {mapping}"
        );
    }
    // Anonymous executable pages exist: the compiled code.
    assert!(
        executable
            .iter()
            .any(|mapping| mapping.split_whitespace().count() == 5),
        "no anonymous executable mapping (no compiled code?): {maps}"
    );
}

#[test]
fn perf_map_names_each_compiled_function_with_its_address_range() {
    let path = script(
        "perf_map.py",
        "\
def square(x):
    return x * x

def cube(x):
    return x * x * x

total = 0
for i in range(3000):
    total += square(i) + cube(i)
print(total)
",
    );
    let child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["--perf-map", "--jit-log", "--jit-sync", &path])
        .output()
        .expect("krait runs");
    assert!(child.status.success(), "{}", text(&child.stderr));
    let log = text(&child.stderr);
    // The map is named after the process; find it through the addresses the log printed.
    let compiled: Vec<(String, u64)> = log
        .lines()
        .filter(|line| line.starts_with("jit: compile "))
        .map(|line| {
            let name = line["jit: compile ".len()..]
                .split(' ')
                .next()
                .unwrap_or("")
                .to_string();
            let address = line
                .split("address=0x")
                .nth(1)
                .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
                .unwrap_or(0);
            (name, address)
        })
        .collect();
    assert!(compiled.len() >= 3, "{log}");
    let maps: Vec<(std::path::PathBuf, String)> = std::fs::read_dir("/tmp")
        .expect("/tmp")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("perf-") && name.ends_with(".map"))
        })
        .filter_map(|map| std::fs::read_to_string(&map).ok().map(|text| (map, text)))
        .filter(|(_, text)| text.contains(&path))
        .collect();
    let (map_path, map) = maps
        .iter()
        .find(|(_, text)| {
            compiled
                .iter()
                .all(|(_, address)| text.contains(&format!("{address:x} ")))
        })
        .expect("a perf map with every compiled function");
    let mut ranges = Vec::new();
    for (name, address) in &compiled {
        let line = map
            .lines()
            .find(|line| line.starts_with(&format!("{address:x} ")))
            .expect("the function's line");
        let mut fields = line.split(' ');
        let start = u64::from_str_radix(fields.next().unwrap_or(""), 16).expect("start");
        let size = u64::from_str_radix(fields.next().unwrap_or(""), 16).expect("size");
        assert_eq!(start, *address);
        assert!(size > 16, "{line}");
        assert!(line.contains(&format!("py::{name} (")), "{line}");
        ranges.push((start, start + size));
    }
    ranges.sort();
    for pair in ranges.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "overlapping ranges {ranges:?}");
    }
    let _ = std::fs::remove_file(map_path);
}

#[test]
fn background_compiles_are_installed_while_the_program_runs() {
    // By default machine code is generated on the `krait-jit` thread; the program goes on
    // interpreted and picks the code up at a later call or back-edge. A long run of calls
    // must end up in compiled code (installed), with the same result as the interpreter.
    let path = script(
        "background.py",
        "\
def step(total, i):
    return total + i * 3

total = 0
for i in range(3000000):
    total = step(total, i)
print(total)
",
    );
    let output = krait(&["--jit-stats", "--jit-log", &path]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "13499995500000\n");
    let log = text(&output.stderr);
    assert!(log.contains("jit: compile step ("), "{log}");
    let stats = log.lines().last().unwrap_or("");
    assert!(!stats.contains("functions=0 "), "{stats}");
}
