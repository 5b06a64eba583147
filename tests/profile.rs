//! `krait --profile` and `--profile-out`: the cProfile-style table and its JSON twin, in every
//! execution mode. Counts are exact (they are what the program must do); times are never
//! compared with a bound, only checked for consistency (the sort order, compiled time being
//! part of own time).

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

const MODES: [&str; 3] = ["off", "on", "eager"];

const PROGRAM: &str = r#"
import sys

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def hot(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

def numbers(n):
    for i in range(n):
        yield i

class Box:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value

items = []
for i in range(3):
    items.append(len(items))
print(fib(10), hot(200000), sum(numbers(4)), Box(7).get(), items)
"#;

fn directory() -> PathBuf {
    let directory = std::env::temp_dir().join(format!("krait-profile-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("temp dir");
    directory
}

fn write_script(name: &str, source: &str) -> PathBuf {
    let path = directory().join(name);
    std::fs::write(&path, source).expect("write script");
    path
}

fn krait(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(arguments)
        .output()
        .expect("krait runs")
}

/// A row of the table: (ncalls, tottime, cumtime, jit%, label).
struct Row {
    calls: String,
    cumtime: f64,
    share: String,
    label: String,
}

/// The table's rows, after checking its header lines.
fn rows(stdout: &str) -> Vec<Row> {
    let header = stdout
        .lines()
        .position(|line| line.contains("function calls") && line.contains(" seconds"))
        .unwrap_or_else(|| panic!("no header in {stdout}"));
    let lines: Vec<&str> = stdout.lines().skip(header).collect();
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "   Ordered by: cumulative time");
    assert_eq!(
        lines[4],
        "   ncalls  tottime  percall  cumtime  percall    jit% filename:lineno(function)"
    );
    lines[5..]
        .iter()
        .take_while(|line| !line.is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert!(fields.len() >= 7, "short row: {line}");
            let label = fields[6..].join(" ");
            Row {
                calls: fields[0].to_owned(),
                cumtime: fields[3].parse().expect("cumtime"),
                share: fields[5].to_owned(),
                label,
            }
        })
        .collect()
}

fn row<'a>(rows: &'a [Row], label: &str) -> &'a Row {
    rows.iter()
        .find(|row| row.label == label)
        .unwrap_or_else(|| panic!("no row {label}"))
}

#[test]
fn table_counts_calls_exactly_in_every_mode() {
    let script = write_script("counts.py", PROGRAM);
    for mode in MODES {
        let output = krait(&[
            &format!("--jit={mode}"),
            "--profile",
            script.to_str().expect("path"),
        ]);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{mode}: {stdout}");
        assert!(
            stdout.starts_with("55 2666646666700000 6 7 [0, 1, 2]\n"),
            "{mode}: {stdout}"
        );
        let rows = rows(&stdout);
        let expected = [
            ("counts.py:1(<module>)", "1"),
            ("counts.py:4(fib)", "177/1"),
            ("counts.py:9(hot)", "1"),
            // A generator is called once per resumption, as in cProfile: 4 yields and the end.
            ("counts.py:15(numbers)", "5"),
            ("counts.py:19(Box)", "1"),
            ("counts.py:20(__init__)", "1"),
            ("counts.py:23(get)", "1"),
            ("{built-in method builtins.len}", "3"),
            ("{method 'append' of 'list' objects}", "3"),
            ("{built-in method builtins.print}", "1"),
            ("{built-in method builtins.sum}", "1"),
        ];
        for (label, calls) in expected {
            assert_eq!(row(&rows, label).calls, calls, "{mode}: {label}\n{stdout}");
        }
        assert_eq!(row(&rows, "{built-in method builtins.len}").share, "-");
        // Compiles are activations of their own: none without the JIT; under --jit=eager at
        // least one per code object that runs compiled (<module>, fib, hot, Box, __init__,
        // get).
        let compiles = rows.iter().find(|row| row.label == "{krait: JIT compile}");
        match mode {
            "off" => assert!(compiles.is_none(), "{stdout}"),
            "eager" => {
                let calls: u64 = compiles.expect("compile row").calls.parse().expect("count");
                assert!(calls >= 6, "{stdout}");
            }
            _ => {}
        }
        for pair in rows.windows(2) {
            assert!(
                pair[0].cumtime >= pair[1].cumtime,
                "{mode}: not sorted by cumulative time:\n{stdout}"
            );
        }
        assert_eq!(rows[0].label, "counts.py:1(<module>)", "{mode}");
        let total: u64 = rows
            .iter()
            .map(|row| {
                row.calls
                    .split('/')
                    .next()
                    .and_then(|calls| calls.parse::<u64>().ok())
                    .expect("ncalls")
            })
            .sum();
        let header = stdout
            .lines()
            .find(|line| line.contains("function calls"))
            .expect("header");
        assert!(
            header.trim_start().starts_with(&format!(
                "{total} function calls ({} primitive calls) in ",
                total - 176
            )),
            "{mode}: {header}"
        );
    }
}

#[test]
fn json_agrees_with_the_table() {
    let script = write_script("agree.py", PROGRAM);
    for mode in MODES {
        let json_path = directory().join(format!("agree-{mode}.json"));
        let output = krait(&[
            &format!("--jit={mode}"),
            "--profile",
            "--profile-out",
            json_path.to_str().expect("path"),
            script.to_str().expect("path"),
        ]);
        assert!(output.status.success());
        let stdout = String::from_utf8_lossy(&output.stdout);
        let rows = rows(&stdout);
        let text = std::fs::read_to_string(&json_path).expect("the JSON file");
        let document: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(document["version"], 1);
        assert_eq!(document["sort"], "cumulative");
        let functions = document["functions"].as_array().expect("functions");
        assert_eq!(functions.len(), rows.len(), "{mode}");
        let mut total_calls = 0;
        let mut primitive_calls = 0;
        for (function, row) in functions.iter().zip(&rows) {
            assert_eq!(function["label"], row.label.as_str(), "{mode}: same order");
            let calls = function["calls"].as_u64().expect("calls");
            let primitive = function["primitive_calls"].as_u64().expect("primitive");
            total_calls += calls;
            primitive_calls += primitive;
            let column = if calls == primitive {
                calls.to_string()
            } else {
                format!("{calls}/{primitive}")
            };
            assert_eq!(column, row.calls, "{mode}: {}", row.label);
            let own = function["tottime"].as_f64().expect("tottime");
            let compiled = function["compiled_seconds"].as_f64().expect("compiled");
            assert!(
                compiled <= own + 1e-12,
                "{mode}: compiled time exceeds own time"
            );
            assert!(
                own <= function["cumtime"].as_f64().expect("cumtime") + 1e-9 || calls != primitive
            );
            assert!((function["cumtime"].as_f64().expect("cumtime") - row.cumtime).abs() < 0.0006);
            if function["kind"] == "python" {
                assert!(function["filename"]
                    .as_str()
                    .is_some_and(|name| name.ends_with("agree.py")));
            }
        }
        assert_eq!(document["total_calls"].as_u64(), Some(total_calls));
        assert_eq!(document["primitive_calls"].as_u64(), Some(primitive_calls));
        let fib = functions
            .iter()
            .find(|function| function["name"] == "fib")
            .expect("fib");
        assert_eq!(fib["line"], 4);
        assert_eq!(fib["qualname"], "fib");
        let get = functions
            .iter()
            .find(|function| function["name"] == "get")
            .expect("get");
        assert_eq!(get["qualname"], "Box.get");
        if mode == "off" {
            assert_eq!(document["compiled_seconds"].as_f64(), Some(0.0));
        }
    }
}

#[test]
fn eager_compiled_hot_function_shows_a_compiled_share() {
    let script = write_script("hot.py", PROGRAM);
    let json_path = directory().join("hot.json");
    let output = krait(&[
        "--jit=eager",
        "--profile-out",
        json_path.to_str().expect("path"),
        script.to_str().expect("path"),
    ]);
    assert!(output.status.success());
    // --profile-out alone writes the JSON and prints no table.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "55 2666646666700000 6 7 [0, 1, 2]\n"
    );
    let document: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("JSON")).expect("JSON");
    let hot = document["functions"]
        .as_array()
        .expect("functions")
        .iter()
        .find(|function| function["name"] == "hot")
        .expect("hot")
        .clone();
    assert!(
        hot["compiled_seconds"].as_f64().expect("seconds") > 0.0,
        "{hot}"
    );
    assert!(
        hot["compiled_share"].as_f64().expect("share") > 0.0,
        "{hot}"
    );
    let output = krait(&["--jit=eager", "--profile", script.to_str().expect("path")]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let table = rows(&stdout);
    let share = &row(&table, "hot.py:9(hot)").share;
    let percent: f64 = share.trim_end_matches('%').parse().expect("a percentage");
    assert!(percent > 0.0, "{stdout}");
}

#[test]
fn the_table_is_printed_after_an_exception_or_sys_exit() {
    let raises = write_script(
        "raises.py",
        "def f():\n    raise ValueError('no')\nprint('before')\nf()\n",
    );
    for mode in MODES {
        let output = krait(&[
            &format!("--jit={mode}"),
            "--profile",
            raises.to_str().expect("path"),
        ]);
        assert_eq!(output.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.starts_with("before\n"), "{stdout}");
        let rows = rows(&stdout);
        assert_eq!(row(&rows, "raises.py:1(f)").calls, "1");
        assert_eq!(row(&rows, "raises.py:1(<module>)").calls, "1");
        assert!(String::from_utf8_lossy(&output.stderr).contains("ValueError: no"));
    }
    let exits = write_script(
        "exits.py",
        "import sys\ndef f(n):\n    return f(n - 1) if n else sys.exit(4)\nf(3)\n",
    );
    for mode in MODES {
        let output = krait(&[
            &format!("--jit={mode}"),
            "--profile",
            exits.to_str().expect("path"),
        ]);
        assert_eq!(output.status.code(), Some(4));
        let stdout = String::from_utf8_lossy(&output.stdout);
        let rows = rows(&stdout);
        assert_eq!(row(&rows, "exits.py:2(f)").calls, "4/1");
        assert_eq!(row(&rows, "{built-in method sys.exit}").calls, "1");
    }
}

#[test]
fn an_unwritable_profile_path_is_reported() {
    let script = write_script("unwritable.py", "print(1)\n");
    let output = krait(&[
        "--profile-out",
        "/no/such/directory/profile.json",
        script.to_str().expect("path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "1\n");
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("krait: cannot write the profile to /no/such/directory/profile.json"));
}

#[test]
fn threads_keep_their_own_activations() {
    // Each thread's activations are parked with its frames while another thread runs, so
    // counts stay exact however the threads interleave.
    let script = write_script(
        "threads.py",
        "import threading\n\
         def work(n):\n\
         \x20   total = 0\n\
         \x20   for i in range(n):\n\
         \x20       total += square(i)\n\
         \x20   return total\n\
         def square(x):\n\
         \x20   return x * x\n\
         threads = [threading.Thread(target=work, args=(20000,)) for _ in range(3)]\n\
         for t in threads: t.start()\n\
         for t in threads: t.join()\n\
         print(work(10))\n",
    );
    for mode in MODES {
        let output = krait(&[
            &format!("--jit={mode}"),
            "--profile",
            script.to_str().expect("path"),
        ]);
        assert!(output.status.success(), "{mode}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.starts_with("285\n"), "{mode}: {stdout}");
        let rows = rows(&stdout);
        // Total calls are exact; a call made while another thread is inside the same function
        // counts as recursive (one recursion level per function, not per thread), so the
        // primitive part after a `/` depends on how the threads interleaved.
        let total = |label: &str| {
            row(&rows, label)
                .calls
                .split('/')
                .next()
                .unwrap_or("")
                .to_owned()
        };
        assert_eq!(total("threads.py:2(work)"), "4", "{mode}: {stdout}");
        assert_eq!(total("threads.py:7(square)"), "60010", "{mode}: {stdout}");
    }
}
