//! krait's Python library, shipped inside the binary.
//!
//! The standard-library modules written in Python (`lib/` in the source tree) are embedded at
//! build time (`vm/build.rs` writes the table). They are found where CPython finds its
//! standard library: at the library directory's entry of `sys.path`, after the script's
//! directory and `KRAITPATH` — so a user's `json.py` beside the script still wins, and
//! removing the entry from `sys.path` hides the library, as in CPython.
//!
//! An embedded module's `__file__` is the path it would have in the library directory
//! (`<prefix>/lib/krait/json/__init__.py`, or the source tree's `lib/…` for a development
//! build), like a module imported from a zip file: the file need not exist. At that entry the
//! embedded table is searched first; the directory on disk, if it exists, is searched only for
//! names the table lacks.
//!
//! Their bytecode is cached per user (the source has no writable `__pycache__` beside it):
//! `$XDG_CACHE_HOME/krait/` or `~/.cache/krait/`, in a folder per compiler build
//! (`library-<fingerprint>/json/__init__.krait-N.pyc`), checked against the embedded source's
//! hash. Without a cache directory the modules are compiled at each import.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/library_files.rs"));

/// The library directory, the last entry of `sys.path`: `<prefix>/lib/krait` beside an
/// installed `<prefix>/bin/krait` if that exists, else the source tree's `lib/` if that exists
/// (a development build), else `<prefix>/lib/krait` anyway (a binary copied somewhere: only the
/// embedded modules are there). Canonical when it exists.
pub fn directory() -> &'static Path {
    static DIRECTORY: OnceLock<PathBuf> = OnceLock::new();
    DIRECTORY.get_or_init(|| {
        let installed = std::env::current_exe()
            .ok()
            .and_then(|executable| Some(executable.parent()?.parent()?.join("lib").join("krait")));
        let source_tree = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../lib"));
        let chosen = match installed {
            Some(directory) if directory.is_dir() => directory,
            _ if source_tree.is_dir() => source_tree,
            Some(directory) => directory,
            None => source_tree,
        };
        std::fs::canonicalize(&chosen).unwrap_or(chosen)
    })
}

/// The embedded source of `relative` (a '/'-separated path below the library, such as
/// `json/decoder.py`).
pub fn embedded(relative: &str) -> Option<&'static str> {
    FILES
        .binary_search_by(|(path, _)| (*path).cmp(relative))
        .ok()
        .map(|index| FILES[index].1)
}

/// `path` (absolute) as a '/'-separated path relative to the library directory, if it is
/// inside it.
pub fn relative(path: &Path) -> Option<String> {
    let rest = path.strip_prefix(directory()).ok()?;
    let parts: Option<Vec<&str>> = rest
        .components()
        .map(|component| match component {
            std::path::Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    Some(parts?.join("/"))
}

/// The embedded source of the file at `path` (absolute), if it is a library file.
pub fn source_of(path: &Path) -> Option<&'static str> {
    embedded(&relative(path)?)
}

/// What the library has for module `name` in `directory` (an absolute directory of a search
/// path): a package's `__init__.py` or a module's file, as paths in the library directory.
pub fn find(directory: &Path, name: &str) -> Option<super::finder::Found> {
    let base = relative(directory)?;
    let join = |tail: &str| {
        if base.is_empty() {
            tail.to_owned()
        } else {
            format!("{base}/{tail}")
        }
    };
    if embedded(&join(&format!("{name}/__init__.py"))).is_some() {
        let package = directory.join(name);
        return Some(super::finder::Found::Package {
            init: package.join("__init__.py"),
            directory: package,
        });
    }
    if embedded(&join(&format!("{name}.py"))).is_some() {
        return Some(super::finder::Found::Module(
            directory.join(format!("{name}.py")),
        ));
    }
    None
}

/// Where the bytecode of the library file `relative` is cached, if the user has a cache
/// directory.
pub fn cache_path(relative: &str) -> Option<PathBuf> {
    let root = match std::env::var_os("XDG_CACHE_HOME").filter(|value| !value.is_empty()) {
        Some(directory) => PathBuf::from(directory),
        None => PathBuf::from(std::env::var_os("HOME").filter(|value| !value.is_empty())?)
            .join(".cache"),
    };
    if !root.is_absolute() {
        return None;
    }
    let relative = Path::new(relative);
    let stem = relative.file_stem()?.to_str()?;
    let folder = format!("library-{:016x}", krait_compiler::pyc::COMPILER_FINGERPRINT);
    let mut path = root.join("krait").join(folder);
    if let Some(parent) = relative.parent() {
        path.push(parent);
    }
    path.push(krait_compiler::pyc::cache_file_name(stem));
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_holds_the_library() {
        assert!(FILES.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(embedded("collections/__init__.py").is_some());
        assert!(embedded("functools.py").is_some());
        assert!(embedded("missing.py").is_none());
    }

    #[test]
    fn library_paths_map_to_table_entries() {
        let file = directory().join("collections").join("abc.py");
        assert_eq!(relative(&file).as_deref(), Some("collections/abc.py"));
        assert!(source_of(&file).is_some());
        assert_eq!(relative(Path::new("/elsewhere/abc.py")), None);
    }
}
