//! Reliability of the `krait` process, checked against what CPython 3.11 does in each case:
//! Ctrl-C (SIGINT), a closed standard output pipe, output flushed at exit, internal errors,
//! source files that cannot be read as Python (null bytes, invalid UTF-8), and threads that
//! must hand the GIL over from a compiled loop or be interrupted while others run.
//!
//! These need a real process (signals, pipes, exit statuses), so they are here and not in the
//! corpus; the language-level limits (RecursionError, MemoryError, the int digit limit, nesting
//! limits) are corpus cases in `tests/py/limits/`, and fuzzing is in `fuzz/`.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Duration;

/// How long any one krait process in these tests may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(30);

/// What an ended krait process left.
struct Ended {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// A krait command with SIGINT at its default disposition, as in an interactive shell (a test
/// runner started in the background may have SIGINT ignored, which krait, like CPython, keeps).
fn krait(arguments: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_krait"));
    command
        .args(arguments)
        .env_remove("KRAIT_TEST_INTERNAL_ERROR");
    // SAFETY: between fork and exec only `signal`, which is async-signal-safe, is called.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    command
}

/// Waits for `child`, reading whatever of its output is still piped; fails the test (killing
/// the child) if it has not ended within [`DEADLINE`].
fn finish(mut child: Child) -> Ended {
    let pid = child.id() as libc::pid_t;
    let mut stdout_pipe = child.stdout.take();
    let mut stderr_pipe = child.stderr.take();
    let stdout_reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(pipe) = &mut stdout_pipe {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(pipe) = &mut stderr_pipe {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for krait") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            // SAFETY: kill has no memory-safety preconditions; pid is our unreaped child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            let _ = child.wait();
            panic!("krait did not end within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ended {
        status,
        stdout: stdout_reader.join().expect("stdout reader"),
        stderr: stderr_reader.join().expect("stderr reader"),
    }
}

fn run(arguments: &[&str]) -> Ended {
    let child = krait(arguments)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("krait starts");
    finish(child)
}

/// Runs [`interrupt_in`] in the interpreter, with the JIT at its default thresholds (the loop
/// gets compiled and entered while it runs) and with every loop compiled at once.
fn interrupt(code: &str) -> Vec<Ended> {
    ["--jit=off", "--jit=on", "--jit=eager"]
        .iter()
        .map(|mode| interrupt_in(mode, code))
        .collect()
}

/// Starts `code` in `mode`, waits for it to print its first line (it is running its loop by
/// then), sends SIGINT, and waits for it to end.
fn interrupt_in(mode: &str, code: &str) -> Ended {
    let mut child = krait(&[mode, "-c", code])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("krait starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("first line");
    assert_eq!(first, "ready\n");
    // Long enough for the loop to be compiled and entered (OSR) under --jit=on.
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: kill has no memory-safety preconditions; the pid is our running child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    child.stdout = None;
    let mut ended = finish(child);
    stdout
        .read_to_string(&mut ended.stdout)
        .expect("rest of stdout");
    ended
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or("")
}

#[test]
fn ctrl_c_interrupts_a_loop_and_ends_killed_by_sigint() {
    for ended in interrupt("print('ready', flush=True)\nwhile True:\n    pass\n") {
        // CPython prints the traceback, then kills itself with SIGINT (a shell shows status 130).
        assert_eq!(
            ended.status.signal(),
            Some(libc::SIGINT),
            "{}",
            ended.stderr
        );
        assert!(ended
            .stderr
            .starts_with("Traceback (most recent call last):\n"));
        assert!(ended
            .stderr
            .contains("  File \"<string>\", line 2, in <module>\n"));
        assert_eq!(last_line(&ended.stderr), "KeyboardInterrupt");
    }
}

#[test]
fn ctrl_c_interrupts_recursion_and_calls() {
    for ended in interrupt(
        "def f(n):\n    return f(n - 1) if n else 0\nprint('ready', flush=True)\nwhile True:\n    f(50)\n",
    ) {
        assert_eq!(
            ended.status.signal(),
            Some(libc::SIGINT),
            "{}",
            ended.stderr
        );
        assert_eq!(last_line(&ended.stderr), "KeyboardInterrupt");
    }
}

#[test]
fn ctrl_c_interrupts_time_sleep() {
    let started = std::time::Instant::now();
    for ended in interrupt("import time\nprint('ready', flush=True)\ntime.sleep(600)\n") {
        assert!(started.elapsed() < Duration::from_secs(20));
        assert_eq!(
            ended.status.signal(),
            Some(libc::SIGINT),
            "{}",
            ended.stderr
        );
        assert!(
            ended.stderr.contains("line 3, in <module>"),
            "{}",
            ended.stderr
        );
        assert_eq!(last_line(&ended.stderr), "KeyboardInterrupt");
    }
}

#[test]
fn keyboard_interrupt_can_be_caught() {
    for ended in interrupt(
        "try:\n    print('ready', flush=True)\n    while True:\n        pass\n\
         except KeyboardInterrupt as error:\n    print('caught', repr(error))\nprint('after')\n",
    ) {
        assert_eq!(ended.status.code(), Some(0), "{}", ended.stderr);
        assert_eq!(ended.stdout, "caught KeyboardInterrupt()\nafter\n");
        assert_eq!(ended.stderr, "");
    }
}

/// A program from its lines.
fn program(lines: &[&str]) -> String {
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// A thread spinning in a loop (compiled under `--jit=on`/`eager`) must let the GIL go at its
/// back-edges, or the other thread could never set the flag that stops it: the program would
/// hang. Both ways round: a worker spinning while the main thread sleeps, and the main thread
/// spinning while a worker sleeps.
#[test]
fn a_spinning_thread_hands_the_gil_over() {
    let worker_spins = program(&[
        "import threading, time",
        "flag = False",
        "def spin():",
        "    n = 0",
        "    while not flag:",
        "        n += 1",
        "thread = threading.Thread(target=spin)",
        "thread.start()",
        "time.sleep(0.2)",
        "flag = True",
        "thread.join()",
        "print('joined', thread.is_alive())",
    ]);
    let main_spins = program(&[
        "import threading, time",
        "flag = False",
        "def later():",
        "    global flag",
        "    time.sleep(0.2)",
        "    flag = True",
        "thread = threading.Thread(target=later)",
        "thread.start()",
        "n = 0",
        "while not flag:",
        "    n += 1",
        "thread.join()",
        "print('joined', n > 0)",
    ]);
    for mode in ["--jit=off", "--jit=on", "--jit=eager"] {
        let ended = run(&[mode, "-c", &worker_spins]);
        assert_eq!(ended.status.code(), Some(0), "{mode}: {}", ended.stderr);
        assert_eq!(ended.stdout, "joined False\n", "{mode}");
        let ended = run(&[mode, "-c", &main_spins]);
        assert_eq!(ended.status.code(), Some(0), "{mode}: {}", ended.stderr);
        assert_eq!(ended.stdout, "joined True\n", "{mode}");
    }
}

/// Ctrl-C reaches the main thread as `KeyboardInterrupt` while other threads run Python code:
/// when the main thread waits in `join()` (a lock wait without the GIL) and when it spins in a
/// loop competing with a spinning daemon thread for the GIL.
#[test]
fn ctrl_c_interrupts_the_main_thread_while_threads_run() {
    let spinner = [
        "import threading",
        "stop = False",
        "def spin():",
        "    while not stop:",
        "        pass",
        "thread = threading.Thread(target=spin, daemon=True)",
        "thread.start()",
        "print('ready', flush=True)",
    ];
    let joining = program(&[&spinner[..], &["thread.join()"]].concat());
    for ended in interrupt(&joining) {
        assert_eq!(
            ended.status.signal(),
            Some(libc::SIGINT),
            "{}",
            ended.stderr
        );
        assert!(
            ended.stderr.contains("line 9, in <module>"),
            "{}",
            ended.stderr
        );
        assert_eq!(last_line(&ended.stderr), "KeyboardInterrupt");
    }
    let spinning = program(
        &[
            &spinner[..],
            &[
                "try:",
                "    while True:",
                "        pass",
                "except KeyboardInterrupt:",
                "    print('caught')",
                "stop = True",
                "thread.join()",
                "print('joined')",
            ],
        ]
        .concat(),
    );
    for ended in interrupt(&spinning) {
        assert_eq!(ended.status.code(), Some(0), "{}", ended.stderr);
        assert_eq!(ended.stdout, "caught\njoined\n");
        assert_eq!(ended.stderr, "");
    }
}

#[test]
fn uncaught_keyboard_interrupt_ends_by_sigint_but_sys_exit_130_does_not() {
    let raised = run(&["-c", "print('out')\nraise KeyboardInterrupt"]);
    assert_eq!(raised.status.signal(), Some(libc::SIGINT));
    assert_eq!(raised.stdout, "out\n");
    assert_eq!(last_line(&raised.stderr), "KeyboardInterrupt");
    let exited = run(&["-c", "import sys; sys.exit(130)"]);
    assert_eq!(exited.status.code(), Some(130));
    assert_eq!(exited.status.signal(), None);
}

/// Runs `code` with a standard output pipe whose reader has gone: the program first reads a
/// line from standard input, which is sent only once the pipe's read end is closed.
fn with_closed_stdout(code: &str) -> Ended {
    let mut child = krait(&["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("krait starts");
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"go\n").expect("write stdin");
    drop(stdin);
    finish(child)
}

#[test]
fn closed_pipe_during_output_raises_broken_pipe_error() {
    // `krait script.py | head -1`: the write that fails raises BrokenPipeError (status 1).
    let ended = with_closed_stdout("input()\nfor i in range(100000):\n    print(i)\n");
    assert_eq!(ended.status.code(), Some(1), "{}", ended.stderr);
    assert!(
        ended.stderr.contains("line 3, in <module>\n"),
        "{}",
        ended.stderr
    );
    assert_eq!(
        last_line(&ended.stderr),
        "BrokenPipeError: [Errno 32] Broken pipe"
    );
    assert!(!ended.stderr.contains("Exception ignored"));
}

#[test]
fn closed_pipe_at_the_final_flush_is_reported_with_status_120() {
    let ended = with_closed_stdout("input()\nprint('a line that stays in the buffer')\n");
    assert_eq!(ended.status.code(), Some(120), "{}", ended.stderr);
    assert_eq!(
        ended.stderr,
        "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\
         BrokenPipeError: [Errno 32] Broken pipe\n"
    );
}

#[test]
fn broken_pipe_error_can_be_caught_and_then_ends_quietly() {
    let ended = with_closed_stdout(
        "import sys\ninput()\ntry:\n    for i in range(100000):\n        print(i)\n\
         except BrokenPipeError:\n    print('caught', file=sys.stderr)\n",
    );
    assert_eq!(ended.status.code(), Some(0), "{}", ended.stderr);
    assert_eq!(ended.stderr, "caught\n");
}

#[test]
fn buffered_output_is_flushed_on_every_way_out() {
    let line = "x".repeat(100);
    let lines = 1000;
    for (ending, status) in [
        ("", 0),
        ("import sys\nsys.exit(3)\n", 3),
        ("import sys\nsys.exit('message')\n", 1),
        ("raise ValueError('uncaught')\n", 1),
        ("def f():\n    f()\nf()\n", 1),
    ] {
        let code = format!("for i in range({lines}):\n    print('{line}')\n{ending}");
        let ended = run(&["-c", &code]);
        assert_eq!(
            ended.status.code(),
            Some(status),
            "{ending}: {}",
            ended.stderr
        );
        assert_eq!(ended.stdout.len(), lines * (line.len() + 1), "{ending}");
    }
}

#[test]
fn internal_error_is_reported_as_a_bug_with_status_70() {
    // KRAIT_TEST_INTERNAL_ERROR makes krait panic on purpose after running the program (see
    // src/internal_error.rs); RUST_BACKTRACE must not bring back Rust's own report.
    let child = krait(&["-c", "print('before the bug')"])
        .env("KRAIT_TEST_INTERNAL_ERROR", "1")
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("krait starts");
    let ended = finish(child);
    assert_eq!(ended.status.code(), Some(70));
    assert_eq!(
        ended.stdout, "before the bug\n",
        "output written before the bug is kept"
    );
    assert!(
        ended
            .stderr
            .starts_with("krait: internal error at src/internal_error.rs:"),
        "{}",
        ended.stderr
    );
    assert!(ended.stderr.contains("This is a bug in krait"));
    assert!(ended.stderr.contains("Please report it"));
    assert!(!ended.stderr.contains("panicked at"));
    assert!(!ended.stderr.contains("stack backtrace"));
    assert!(!ended.stderr.contains("Backtrace"));
}

fn script(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let directory = std::env::temp_dir().join(format!("krait-reliability-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("temp dir");
    let path = directory.join(name);
    std::fs::write(&path, bytes).expect("write script");
    path
}

#[test]
fn source_with_a_null_byte_is_cpythons_syntax_error() {
    let path = script("null_byte.py", b"a = 1\nx = 1\x00 + 2\nprint(x)\n");
    let path_text = path.display().to_string();
    let ended = run(&["-B", &path_text]);
    assert_eq!(ended.status.code(), Some(1));
    assert_eq!(ended.stdout, "");
    assert_eq!(
        ended.stderr,
        format!(
            "  File \"{path_text}\", line 2\n    x = 1\nSyntaxError: source code cannot contain null bytes\n"
        )
    );
    let compiled = run(&["-c", "compile('x\\0', 'f', 'exec')"]);
    assert_eq!(
        last_line(&compiled.stderr),
        "SyntaxError: source code string cannot contain null bytes"
    );
}

#[test]
fn source_that_is_not_utf8_is_cpythons_syntax_error() {
    let path = script("latin1.py", b"# comment\nprint(1)\ns = '\xe9'\n");
    let path_text = path.display().to_string();
    let ended = run(&["-B", &path_text]);
    assert_eq!(ended.status.code(), Some(1));
    assert_eq!(ended.stdout, "");
    assert_eq!(
        ended.stderr,
        format!(
            "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file {path_text} on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
        )
    );
}

#[test]
fn deeply_nested_source_is_a_clean_error() {
    // Each as CPython 3.11 reports it; none may overflow the native stack.
    let cases: [(String, &str); 4] = [
        (
            format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201)),
            "SyntaxError: too many nested parentheses",
        ),
        (
            (0..100)
                .map(|level| format!("{}if 1:\n", "  ".repeat(level)))
                .collect::<String>()
                + &"  ".repeat(100)
                + "pass\n",
            "IndentationError: too many levels of indentation",
        ),
        (
            format!("x = 1{}\n", "+1".repeat(100_000)),
            "RecursionError: maximum recursion depth exceeded during compilation",
        ),
        (
            format!("f{}\n", "()".repeat(100_000)),
            "RecursionError: maximum recursion depth exceeded during compilation",
        ),
    ];
    for (index, (source, expected)) in cases.iter().enumerate() {
        let path = script(&format!("nested_{index}.py"), source.as_bytes());
        let ended = run(&["-B", &path.display().to_string()]);
        assert_eq!(
            ended.status.code(),
            Some(1),
            "case {index}: {}",
            ended.stderr
        );
        assert_eq!(last_line(&ended.stderr), *expected, "case {index}");
    }
}
