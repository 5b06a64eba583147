//! Finding a module's source on a search path (`sys.path`, or a package's `__path__`), as
//! CPython's `PathFinder` and `FileFinder` do for source files.
//!
//! In each directory of the path, in order: a package `NAME/__init__.py`, then a module
//! `NAME.py`. A directory `NAME` without `__init__.py` is remembered as a portion of a
//! namespace package, which is what the name becomes if no directory of the path has a package
//! or module of that name. In the library directory (and its packages) the modules embedded in
//! the binary come first (`library.rs`).

use std::path::{Path, PathBuf};

/// What a module name resolves to.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// A module `NAME.py`.
    Module(PathBuf),
    /// A package: its `__init__.py` and its directory.
    Package {
        /// `NAME/__init__.py`.
        init: PathBuf,
        /// `NAME/`.
        directory: PathBuf,
    },
    /// A namespace package: every `NAME/` directory of the path without `__init__.py`.
    Namespace(Vec<PathBuf>),
}

/// Finds `name` (one component, no dots) in the directories of `path`. An empty entry is the
/// current directory; paths in the result are absolute.
pub fn find(name: &str, path: &[String]) -> Option<Found> {
    if name.is_empty() || name.contains(['/', '\\', '\0']) {
        return None;
    }
    let mut portions = Vec::new();
    for entry in path {
        let Some(directory) = absolute_directory(entry) else {
            continue;
        };
        if let Some(found) = super::library::find(&directory, name) {
            return Some(found);
        }
        let candidate = directory.join(name);
        let is_directory = candidate.is_dir();
        if is_directory {
            let init = candidate.join("__init__.py");
            if init.is_file() {
                return Some(Found::Package {
                    init,
                    directory: candidate,
                });
            }
        }
        let module = directory.join(format!("{name}.py"));
        if module.is_file() {
            return Some(Found::Module(module));
        }
        if is_directory {
            portions.push(candidate);
        }
    }
    (!portions.is_empty()).then_some(Found::Namespace(portions))
}

/// A search path entry as an absolute directory ('' is the current directory).
fn absolute_directory(entry: &str) -> Option<PathBuf> {
    if entry.is_empty() {
        return std::env::current_dir().ok();
    }
    let path = Path::new(entry);
    if path.is_absolute() {
        Some(path.to_path_buf())
    } else {
        std::path::absolute(path).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("krait-finder-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for directory in ["one/pkg", "one/ns", "two/ns", "two/mod", "three"] {
            std::fs::create_dir_all(root.join(directory)).expect("temp dirs");
        }
        for file in [
            "one/pkg/__init__.py",
            "two/mod.py",
            "two/pkg.py",
            "three/ns.py",
        ] {
            std::fs::write(root.join(file), "").expect("temp file");
        }
        root
    }

    #[test]
    fn packages_then_modules_then_namespaces() {
        let root = tree("order");
        let entry = |name: &str| root.join(name).display().to_string();
        let path = vec![entry("one"), entry("two")];
        assert_eq!(
            find("pkg", &path),
            Some(Found::Package {
                init: root.join("one/pkg/__init__.py"),
                directory: root.join("one/pkg")
            })
        );
        // A directory without __init__.py does not hide a module of the same name.
        assert_eq!(
            find("mod", &path),
            Some(Found::Module(root.join("two/mod.py")))
        );
        assert_eq!(
            find("ns", &path),
            Some(Found::Namespace(vec![
                root.join("one/ns"),
                root.join("two/ns")
            ]))
        );
        // A module anywhere on the path wins over namespace portions before it.
        let path = vec![entry("one"), entry("three")];
        assert_eq!(
            find("ns", &path),
            Some(Found::Module(root.join("three/ns.py")))
        );
        assert_eq!(find("missing", &path), None);
        assert_eq!(find("", &path), None);
        let _ = std::fs::remove_dir_all(&root);
    }
}
