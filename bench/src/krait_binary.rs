//! Which krait binary is measured: `target/release/krait` (built first when it is missing, with
//! a warning when it is older than krait's sources), or the one given with `--krait`; and the
//! private copy of it that the suite runs, so that a rebuild in the shared target directory
//! during a long run cannot put two versions of krait into one table.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// The workspace's target directory: `$CARGO_TARGET_DIR` if set, else `<root>/target`.
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}

/// Where the harness expects krait: `<target>/release/krait`.
pub fn default_krait_path(root: &Path) -> PathBuf {
    target_dir(root)
        .join("release")
        .join(format!("krait{}", std::env::consts::EXE_SUFFIX))
}

/// The krait binary to measure: `explicit` if given (it must exist), else the release build,
/// built first with `cargo build --release -p krait` when it is missing. A build older than
/// krait's sources is measured anyway, with a warning in `notes`.
pub fn ensure_krait(
    root: &Path,
    explicit: Option<&Path>,
    notes: &mut Vec<String>,
) -> Result<PathBuf, String> {
    if let Some(path) = explicit {
        return if path.is_file() {
            Ok(path.to_path_buf())
        } else {
            Err(format!("--krait {}: no such file", path.display()))
        };
    }
    let path = default_krait_path(root);
    if !path.is_file() {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        eprintln!(
            "krait-bench: {} is missing; running `cargo build --release -p krait`",
            path.display()
        );
        let status = Command::new(&cargo)
            .args(["build", "--release", "-p", "krait"])
            .current_dir(root)
            .status()
            .map_err(|e| format!("could not run cargo to build krait: {e}"))?;
        if !status.success() || !path.is_file() {
            return Err(format!(
                "`cargo build --release -p krait` failed ({status}); build krait and retry"
            ));
        }
    }
    if let (Some((source, changed)), Ok(built)) = (newest_source(root), modified(&path)) {
        if changed > built {
            notes.push(format!(
                "warning: {} is older than {}: run `cargo build --release` to measure the current code",
                path.display(),
                source.display()
            ));
        }
    }
    Ok(path)
}

/// A private copy of the krait binary in `dir`, so that a rebuild of `target/release/krait` while
/// the suite runs (others may build in the same target directory) cannot mix two versions of
/// krait in one table. The caller removes it at the end.
pub fn snapshot(krait: &Path, dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    remove_abandoned_snapshots(dir);
    let copy = dir.join(format!(
        "krait-{}{}",
        std::process::id(),
        std::env::consts::EXE_SUFFIX
    ));
    std::fs::copy(krait, &copy)?;
    Ok(copy)
}

/// Deletes the snapshots of harness runs that were interrupted (their pid is gone).
fn remove_abandoned_snapshots(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        let pid = path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.strip_prefix("krait-"));
        if let Some(pid) = pid.and_then(|p| p.parse::<i32>().ok()) {
            if !process_alive(pid) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

fn process_alive(pid: i32) -> bool {
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

fn modified(path: &Path) -> std::io::Result<SystemTime> {
    std::fs::metadata(path)?.modified()
}

/// The most recently changed Rust source or manifest of the crates linked into krait.
fn newest_source(root: &Path) -> Option<(PathBuf, SystemTime)> {
    let mut newest: Option<(PathBuf, SystemTime)> = None;
    let mut pending: Vec<PathBuf> = ["compiler", "runtime", "jit", "vm", "src"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    pending.push(root.join("Cargo.toml"));
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                pending.extend(entries.flatten().map(|e| e.path()));
            }
            continue;
        }
        let relevant = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs" | "toml")
        );
        if let (true, Ok(time)) = (relevant, modified(&path)) {
            if newest.as_ref().is_none_or(|(_, t)| time > *t) {
                newest = Some((path, time));
            }
        }
    }
    newest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_krait_is_the_release_build() {
        let path = default_krait_path(Path::new("/w"));
        assert!(path.ends_with(format!("release/krait{}", std::env::consts::EXE_SUFFIX)));
    }

    #[test]
    fn a_snapshot_is_a_copy_and_abandoned_ones_go() {
        let dir = std::env::temp_dir().join(format!("krait-bench-snapshot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let original = dir.join("original");
        std::fs::write(&original, b"binary").unwrap();
        // No process has pid 2^31 - 2: its snapshot was abandoned.
        let abandoned = dir.join("krait-2147483646");
        std::fs::write(&abandoned, b"old").unwrap();
        let copy = snapshot(&original, &dir).unwrap();
        let kept = std::fs::read(&copy).unwrap();
        let gone = !abandoned.exists();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(kept, b"binary");
        assert!(gone);
    }
}
