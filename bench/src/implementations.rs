//! The implementations each program runs under — krait in each execution mode, the peers found
//! on PATH (CPython, PyPy) and the native builds — and the command line of each.
//!
//! Peers are optional: one that is not installed is skipped with a note, never an error, so the
//! suite runs on a fresh machine. Interpreters found on PATH are resolved to their real
//! executable (`sys.executable`) so that launcher shims such as pyenv's are not timed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::jit_stats;
use crate::programs::Program;

/// krait with the JIT off: the interpreter alone.
pub const KRAIT_INTERPRETER: &str = "krait-interp";
/// krait in its default mode: the JIT, once it exists.
pub const KRAIT: &str = "krait";
/// CPython, the reference.
pub const CPYTHON: &str = "python3";
/// PyPy, the other JIT.
pub const PYPY: &str = "pypy3";
/// The C versions in `bench/native/`.
pub const NATIVE: &str = "native";

/// How to start a program under an implementation.
#[derive(Clone, Debug)]
pub enum Launch {
    /// `executable args… script.py`
    Interpreter {
        executable: PathBuf,
        args: Vec<String>,
    },
    /// One binary per program that has a C version, by program name.
    Native { binaries: BTreeMap<String, PathBuf> },
}

/// One implementation in the comparison.
#[derive(Clone, Debug)]
pub struct Implementation {
    /// The column name: one of the constants above.
    pub name: String,
    /// What exactly runs, with its version, for the notes and the JSON.
    pub description: String,
    pub launch: Launch,
    /// Whether its stderr carries a JIT statistics line (see `jit_stats`).
    pub reports_jit_stats: bool,
}

impl Implementation {
    /// The command that runs `program`, or `None` when this implementation has no version of it.
    pub fn command(&self, program: &Program) -> Option<Command> {
        match &self.launch {
            Launch::Interpreter { executable, args } => {
                let mut command = Command::new(executable);
                command.args(args).arg(&program.path);
                Some(command)
            }
            Launch::Native { binaries } => binaries.get(&program.name).map(Command::new),
        }
    }
}

/// Runs a probe command and returns its stdout and stderr together, or `None` if it failed.
fn probe(command: &mut Command) -> Option<String> {
    let output = command.stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    Some(text)
}

/// krait's two columns: `--jit=off` and the default mode, described in `notes` (including, while
/// the JIT does not exist, that both run the interpreter). `krait` is the binary that runs,
/// `shown_as` the path to name in the notes (the original of a snapshot).
pub fn krait(krait: &Path, shown_as: &Path, notes: &mut Vec<String>) -> Vec<Implementation> {
    let version = probe(Command::new(krait).arg("--version"))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| "krait (version unknown)".to_string());
    let help = probe(Command::new(krait).arg("--help")).unwrap_or_default();
    let stats = jit_stats::flag_supported(&help);
    let jit_exists = probe(Command::new(krait).args(["--jit=on", "-c", "pass"])).is_some();

    let mut default_args = Vec::new();
    if stats {
        default_args.push(jit_stats::FLAG.to_string());
    }
    let shown = |args: &[String]| {
        let mut words = vec![shown_as.display().to_string()];
        words.extend(args.iter().cloned());
        words.join(" ")
    };
    let interpreter_args = vec!["--jit=off".to_string()];
    notes.push(format!(
        "{KRAIT_INTERPRETER}: {} ({version})",
        shown(&interpreter_args)
    ));
    notes.push(format!(
        "{KRAIT}: {} ({version}, default mode)",
        shown(&default_args)
    ));
    if !jit_exists {
        notes.push(format!(
            "{KRAIT}: the JIT does not exist yet (`krait --jit=on` is refused), so the default mode runs the \
             interpreter like `--jit=off`; until it lands, the JIT/interp ratio shows only noise"
        ));
    }
    if !stats {
        notes.push(format!(
            "{KRAIT}: no `{}` flag yet, so the JIT figures (functions compiled, compile time, deopts) show \"-\"",
            jit_stats::FLAG
        ));
    }
    vec![
        Implementation {
            name: KRAIT_INTERPRETER.to_string(),
            description: format!("{} ({version})", shown(&interpreter_args)),
            launch: Launch::Interpreter {
                executable: krait.to_path_buf(),
                args: interpreter_args,
            },
            reports_jit_stats: false,
        },
        Implementation {
            name: KRAIT.to_string(),
            description: format!("{} ({version})", shown(&default_args)),
            launch: Launch::Interpreter {
                executable: krait.to_path_buf(),
                args: default_args,
            },
            reports_jit_stats: stats,
        },
    ]
}

/// A Python found on PATH as `name` (`python3`, `pypy3`), or `None` with a note saying why not.
pub fn python_peer(name: &str, notes: &mut Vec<String>) -> Option<Implementation> {
    let Some(found) = find_on_path(name) else {
        notes.push(format!("{name}: not found on PATH, skipped"));
        return None;
    };
    let script = "import platform, sys; print(sys.executable); \
                  print(platform.python_implementation(), platform.python_version())";
    let Some(answer) = probe(Command::new(&found).args(["-c", script])) else {
        notes.push(format!(
            "{name}: {} is on PATH but does not run, skipped",
            found.display()
        ));
        return None;
    };
    let mut lines = answer.lines();
    let executable = match lines.next().map(str::trim) {
        Some(path) if !path.is_empty() && Path::new(path).is_file() => PathBuf::from(path),
        _ => found.clone(),
    };
    let version = lines.next().unwrap_or("version unknown").trim().to_string();
    let description = format!("{} ({version})", executable.display());
    notes.push(format!("{name}: {description}"));
    Some(Implementation {
        name: name.to_string(),
        description,
        launch: Launch::Interpreter {
            executable,
            args: Vec::new(),
        },
        reports_jit_stats: false,
    })
}

/// The first executable file called `name` in the directories of `$PATH`.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX)))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(name: &str) -> Program {
        Program {
            name: name.to_string(),
            path: PathBuf::from(format!("/p/{name}.py")),
        }
    }

    #[test]
    fn interpreters_get_their_flags_before_the_script() {
        let implementation = Implementation {
            name: KRAIT_INTERPRETER.into(),
            description: String::new(),
            launch: Launch::Interpreter {
                executable: "/bin/krait".into(),
                args: vec!["--jit=off".into()],
            },
            reports_jit_stats: false,
        };
        let command = implementation.command(&program("fib")).unwrap();
        assert_eq!(command.get_program(), "/bin/krait");
        let args: Vec<_> = command.get_args().collect();
        assert_eq!(args, ["--jit=off", "/p/fib.py"]);
    }

    #[test]
    fn native_runs_only_programs_with_a_c_version() {
        let binaries = BTreeMap::from([("fib".to_string(), PathBuf::from("/n/fib"))]);
        let native = Implementation {
            name: NATIVE.into(),
            description: String::new(),
            launch: Launch::Native { binaries },
            reports_jit_stats: false,
        };
        assert_eq!(
            native.command(&program("fib")).unwrap().get_program(),
            "/n/fib"
        );
        assert!(native.command(&program("richards")).is_none());
    }

    #[test]
    fn path_lookup_finds_a_shell_and_not_nonsense() {
        assert!(find_on_path("sh").is_some());
        assert!(find_on_path("krait-bench-no-such-program").is_none());
    }
}
