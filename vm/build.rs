//! Embeds krait's Python library (`lib/**/*.py`) in the binary.
//!
//! The modules of the standard library that are written in Python ship inside `krait`, so a
//! binary copied anywhere still has them. This script writes `$OUT_DIR/library_files.rs`: a
//! table of `(path relative to lib/, include_str!(file))`, sorted by path so that
//! `vm/src/import/library.rs` can binary-search it. `__pycache__` and hidden directories are
//! skipped.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let library = manifest.join("..").join("lib");
    // A directory here makes cargo rerun the script when any file below it changes.
    println!("cargo:rerun-if-changed={}", library.display());
    let mut files = Vec::new();
    collect(&library, Path::new(""), &mut files);
    files.sort();
    let mut table = String::from(
        "/// The embedded library: each `.py` file of `lib/` by its path relative to `lib/`, \
         sorted.\npub(crate) static FILES: &[(&str, &str)] = &[\n",
    );
    for relative in &files {
        let absolute = library.join(relative);
        let absolute = std::fs::canonicalize(&absolute).unwrap_or(absolute);
        let _ = writeln!(
            table,
            "    ({:?}, include_str!({:?})),",
            relative,
            absolute.display().to_string()
        );
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(error) = std::fs::write(out.join("library_files.rs"), table) {
        panic!("cannot write the embedded library table: {error}");
    }
}

/// Adds every `.py` file below `directory` to `files`, as '/'-separated paths relative to the
/// library root (`prefix` is `directory`'s own relative path).
fn collect(directory: &Path, prefix: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let path = entry.path();
        let relative = prefix.join(name);
        if path.is_dir() {
            if name == "__pycache__" || name.starts_with('.') {
                continue;
            }
            collect(&path, &relative, files);
        } else if name.ends_with(".py") {
            let text: Vec<String> = relative
                .components()
                .map(|component| component.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push(text.join("/"));
        }
    }
}
