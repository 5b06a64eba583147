//! The native column: C versions of some programs (`bench/native/NAME.c`), compiled with the
//! system C compiler into `<target>/krait-bench/native/`. They are the physical limit the JIT is
//! measured against, so they are built the way C is usually built for speed (-O2), plus
//! `-ffp-contract=off` so that no fused multiply-add changes a float result against Python's.
//!
//! No compiler, no column: the harness says so and carries on. A C file that fails to compile
//! is reported and its program simply has no native run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::implementations::{find_on_path, Implementation, Launch, NATIVE};
use crate::programs::Program;

/// The flags every C version is compiled with.
pub const FLAGS: &[&str] = &["-O2", "-ffp-contract=off"];

/// The C compiler to use: `$CC` if set, else the first of `cc`, `gcc`, `clang` on PATH.
pub fn find_compiler() -> Option<PathBuf> {
    if let Some(cc) = std::env::var_os("CC").filter(|cc| !cc.is_empty()) {
        let cc = PathBuf::from(cc);
        return if cc.components().count() > 1 {
            Some(cc)
        } else {
            find_on_path(&cc.to_string_lossy())
        };
    }
    ["cc", "gcc", "clang"]
        .iter()
        .find_map(|name| find_on_path(name))
}

/// Whether `binary` must be (re)built from `source`: it is missing or older.
pub fn needs_build(source: &Path, binary: &Path) -> bool {
    let time = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified());
    match (time(source), time(binary)) {
        (Ok(source), Ok(binary)) => source > binary,
        _ => true,
    }
}

/// Builds the C version of each of `programs` that has one and returns the native
/// implementation, or `None` (with a note) when there is no compiler or nothing to build.
pub fn build(
    source_dir: &Path,
    out_dir: &Path,
    programs: &[Program],
    notes: &mut Vec<String>,
) -> Option<Implementation> {
    let with_c: Vec<(&Program, PathBuf)> = programs
        .iter()
        .map(|p| (p, source_dir.join(format!("{}.c", p.name))))
        .filter(|(_, source)| source.is_file())
        .collect();
    if with_c.is_empty() {
        return None;
    }
    let Some(compiler) = find_compiler() else {
        notes.push(format!(
            "{NATIVE}: no C compiler found ($CC, cc, gcc, clang), skipped"
        ));
        return None;
    };
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        notes.push(format!(
            "{NATIVE}: cannot create {}: {e}, skipped",
            out_dir.display()
        ));
        return None;
    }
    let mut binaries = BTreeMap::new();
    for (program, source) in with_c {
        let binary = out_dir.join(format!("{}{}", program.name, std::env::consts::EXE_SUFFIX));
        if needs_build(&source, &binary) {
            eprintln!("krait-bench: compiling {}", source.display());
            let result = Command::new(&compiler)
                .args(FLAGS)
                .arg("-o")
                .arg(&binary)
                .arg(&source)
                .arg("-lm")
                .output();
            match result {
                Ok(output) if output.status.success() => {}
                Ok(output) => {
                    let message = String::from_utf8_lossy(&output.stderr);
                    let first = message.lines().next().unwrap_or("").trim();
                    notes.push(format!(
                        "{NATIVE}: {} does not compile ({first}), skipped",
                        source.display()
                    ));
                    continue;
                }
                Err(e) => {
                    notes.push(format!(
                        "{NATIVE}: cannot run {}: {e}, skipped",
                        compiler.display()
                    ));
                    return None;
                }
            }
        }
        binaries.insert(program.name.clone(), binary);
    }
    if binaries.is_empty() {
        return None;
    }
    let description = format!(
        "C versions of {} built by `{} {} … -lm` into {}",
        binaries.keys().cloned().collect::<Vec<_>>().join(", "),
        compiler.display(),
        FLAGS.join(" "),
        out_dir.display()
    );
    notes.push(format!("{NATIVE}: {description}"));
    Some(Implementation {
        name: NATIVE.to_string(),
        description,
        launch: Launch::Native { binaries },
        reports_jit_stats: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_binary_needs_building() {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("native/fib.c");
        assert!(needs_build(&source, Path::new("/nonexistent/fib")));
    }

    #[test]
    fn a_newer_binary_does_not() {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("native/fib.c");
        let dir = std::env::temp_dir().join(format!("krait-bench-native-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let binary = dir.join("fib");
        std::fs::write(&binary, b"").unwrap();
        let newer = !needs_build(&source, &binary);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(newer);
    }

    #[test]
    fn every_c_version_has_its_python_program() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(root.join("native")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "c") {
                let name = path.file_stem().unwrap().to_str().unwrap();
                assert!(
                    root.join("programs").join(format!("{name}.py")).is_file(),
                    "{name}.c has no {name}.py"
                );
            }
        }
    }
}
