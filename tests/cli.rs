//! The `krait` command line: flags, exit statuses, the compiler-stage views, `sys.argv`.
//!
//! Python behaviour itself is tested by the corpus (`tests/py`); these tests cover what the
//! corpus cannot: flags, usage errors, and the `--emit-*`/`--dis` views.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn krait(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(arguments)
        .output()
        .expect("krait runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn script(name: &str, source: &str) -> std::path::PathBuf {
    let directory = std::env::temp_dir().join(format!("krait-cli-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("temp dir");
    let path = directory.join(name);
    std::fs::write(&path, source).expect("write script");
    path
}

#[test]
fn version_and_help() {
    let version = krait(&["--version"]);
    assert!(version.status.success());
    assert!(stdout(&version).starts_with("krait "));
    let help = krait(&["--help"]);
    assert!(help.status.success());
    for flag in ["-c", "--emit-tokens", "--emit-ast", "--dis", "--jit"] {
        assert!(
            stdout(&help).contains(flag),
            "--help does not mention {flag}"
        );
    }
}

#[test]
fn usage_errors_exit_with_status_2() {
    let unknown = krait(&["--no-such-flag"]);
    assert_eq!(unknown.status.code(), Some(2));
    let missing = krait(&["/no/such/file.py"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("can't open file '/no/such/file.py'"));
}

#[test]
fn command_string_and_argv() {
    let output = krait(&["-c", "import sys; print(sys.argv)", "a", "-b"]);
    assert!(output.status.success());
    assert_eq!(stdout(&output), "['-c', 'a', '-b']\n");
    let path = script("argv.py", "import sys\nprint(sys.argv[1:], __name__)\n");
    let output = krait(&[path.to_str().unwrap_or_default(), "x", "--flag"]);
    assert_eq!(stdout(&output), "['x', '--flag'] __main__\n");
}

#[test]
fn program_from_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("krait runs");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(b"print(6 * 7)\n").expect("write stdin");
    }
    let output = child.wait_with_output().expect("krait finishes");
    assert_eq!(stdout(&output), "42\n");
}

#[test]
fn exit_statuses_follow_cpython() {
    assert_eq!(krait(&["-c", "pass"]).status.code(), Some(0));
    let uncaught = krait(&["-c", "1/0"]);
    assert_eq!(uncaught.status.code(), Some(1));
    assert!(stderr(&uncaught).starts_with("Traceback (most recent call last):\n"));
    assert!(stderr(&uncaught).ends_with("ZeroDivisionError: division by zero\n"));
    assert_eq!(
        krait(&["-c", "import sys; sys.exit(7)"]).status.code(),
        Some(7)
    );
    let message = krait(&["-c", "import sys; sys.exit('bye')"]);
    assert_eq!(message.status.code(), Some(1));
    assert_eq!(stderr(&message), "bye\n");
    let syntax = krait(&["-c", "if True print(1)"]);
    assert_eq!(syntax.status.code(), Some(1));
    assert!(stderr(&syntax).contains("SyntaxError"));
}

#[test]
fn traceback_names_file_line_and_function() {
    let path = script("boom.py", "def inner():\n    return {}['k']\n\ninner()\n");
    let output = krait(&[path.to_str().unwrap_or_default()]);
    let report = stderr(&output);
    let file = path.display().to_string();
    assert!(
        report.contains(&format!(
            "  File \"{file}\", line 4, in <module>\n    inner()\n"
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "  File \"{file}\", line 2, in inner\n    return {{}}['k']\n"
        )),
        "{report}"
    );
    assert!(report.ends_with("KeyError: 'k'\n"), "{report}");
}

#[test]
fn emit_tokens_ast_and_dis_show_each_stage() {
    let path = script(
        "stages.py",
        "def add(a, b):\n    return a + b\nprint(add(1, 2))\n",
    );
    let path = path.to_str().unwrap_or_default();
    let tokens = stdout(&krait(&["--emit-tokens", path]));
    assert!(
        tokens.contains("'def'") && tokens.contains("'add'"),
        "{tokens}"
    );
    let ast = stdout(&krait(&["--emit-ast", path]));
    assert!(
        ast.contains("FunctionDef") && ast.contains("BinOp"),
        "{ast}"
    );
    let dis = krait(&["--dis", path]);
    assert!(dis.status.success());
    let listing = stdout(&dis);
    assert!(
        listing.contains("Disassembly of <code object <module>"),
        "{listing}"
    );
    assert!(
        listing.contains("Disassembly of <code object add"),
        "{listing}"
    );
    assert!(
        listing.contains("LOAD_FAST") && listing.contains("(a)"),
        "{listing}"
    );
    assert!(
        listing.contains("BINARY_OP") && listing.contains("(+)"),
        "{listing}"
    );
    assert!(listing.contains("RETURN_VALUE"), "{listing}");
    // The views never run the program.
    assert!(!listing.contains("\n3\n"));
}

#[test]
fn jit_modes() {
    for mode in ["--jit=off", "--jit=on", "--jit=eager"] {
        assert!(krait(&[mode, "-c", "pass"]).status.success(), "{mode}");
    }
    let output = krait(&["--jit=sometimes", "-c", "pass"]);
    assert_eq!(output.status.code(), Some(2));
}
