//! Imports and the bytecode cache, end to end: each test writes modules into a fresh temporary
//! directory and runs the `krait` binary on them.
//!
//! Python-level import behaviour is also covered by the corpus (`tests/py/imports/`, compared
//! with CPython). These tests cover what needs files made on the fly: `sys.path` and
//! `KRAITPATH`, whole tracebacks with paths, `-m`, and everything about `__pycache__` —
//! written then used, invalidated by edits, damaged files, read-only directories, `-B`,
//! concurrent writers, `krait compile` and `krait --dis` on a cache file. Expected texts marked
//! "CPython" were produced by running CPython 3.11 on the same files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

/// The bytecode format version in cache file names (`krait_compiler::pyc::FORMAT_VERSION`).
const TAG: &str = "krait-1";

/// A temporary directory, removed (with any immutable flag cleared) when dropped.
struct Scratch {
    root: PathBuf,
    immutable: Vec<PathBuf>,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let root =
            std::env::temp_dir().join(format!("krait-imports-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).expect("create the scratch directory");
        // Canonical, so that paths krait prints compare equal (/tmp may be a symbolic link).
        let root = fs::canonicalize(&root).expect("canonical scratch path");
        Scratch {
            root,
            immutable: Vec::new(),
        }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create directories");
        }
        fs::write(&path, text).expect("write a file");
        path
    }

    /// Runs krait in this directory with a clean environment for imports.
    fn krait(&self, arguments: &[&str]) -> Output {
        self.krait_with(arguments, &[])
    }

    fn krait_with(&self, arguments: &[&str], environment: &[(&str, &str)]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_krait"));
        command
            .args(arguments)
            .current_dir(&self.root)
            .env_remove("KRAITPATH")
            .env_remove("KRAIT_DONTWRITEBYTECODE");
        for (name, value) in environment {
            command.env(name, value);
        }
        command.output().expect("krait runs")
    }

    /// Replaces the scratch path by `ROOT` (to compare with texts recorded from CPython).
    fn normalize(&self, text: &str) -> String {
        text.replace(&self.root.display().to_string(), "ROOT")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        for path in &self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(path).output();
        }
        make_writable(&self.root);
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn make_writable(directory: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = fs::set_permissions(directory, fs::Permissions::from_mode(0o755));
    if let Ok(entries) = fs::read_dir(directory) {
        for entry in entries.flatten() {
            if entry.path().is_dir() {
                make_writable(&entry.path());
            }
        }
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts success and returns standard output.
fn success(output: &Output) -> String {
    assert!(
        output.status.success(),
        "krait failed ({:?}):\n{}{}",
        output.status,
        stdout(output),
        stderr(output)
    );
    stdout(output)
}

/// The `-v` line for module `name`.
fn verbose_line(output: &Output, name: &str) -> String {
    let prefix = format!("import '{name}' #");
    stderr(output)
        .lines()
        .find(|line| line.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no -v line for {name} in:\n{}", stderr(output)))
        .to_owned()
}

fn was_loaded(output: &Output, name: &str) -> bool {
    verbose_line(output, name).contains("# loaded from ")
}

fn was_compiled(output: &Output, name: &str) -> bool {
    verbose_line(output, name).contains("# compiled from ")
}

/// Sets a file's modification time.
fn set_mtime(path: &Path, time: SystemTime) {
    let file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("open to set mtime");
    file.set_modified(time).expect("set mtime");
}

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .expect("mtime")
}

/// A module and a main script importing it, in `scratch`.
fn module_and_main(scratch: &Scratch) {
    scratch.write("mod.py", "def value():\n    return 'original'\n");
    scratch.write("main.py", "import mod\nprint(mod.value())\n");
}

fn cache_of(scratch: &Scratch, stem: &str) -> PathBuf {
    scratch.path(&format!("__pycache__/{stem}.{TAG}.pyc"))
}

/// Removes the caret lines under `import` statements, which CPython does not print (the
/// compiler's locations for import instructions are a separate concern from this suite).
fn without_import_carets(text: &str) -> String {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        let previous = if index > 0 {
            lines[index - 1].trim_start()
        } else {
            ""
        };
        let is_caret = !line.trim().is_empty()
            && line
                .trim()
                .chars()
                .all(|character| character == '^' || character == '~');
        if is_caret && (previous.starts_with("import ") || previous.starts_with("from ")) {
            continue;
        }
        out.push(*line);
    }
    out.join("\n") + "\n"
}

#[test]
fn packages_relative_imports_and_the_search_path() {
    let scratch = Scratch::new("packages");
    scratch.write(
        "app/main.py",
        "import sys\nimport pkg.sub.leaf as leaf\nfrom pkg import helper as h, VERSION\nfrom pkg.sub import *\nprint(leaf.describe())\n\
         print(h.twice(21), VERSION, exported, \"hidden\" in globals())\n\
         print(sys.path[0] == __file__.rsplit(\"/\", 1)[0], sys.modules[\"pkg.sub.leaf\"] is leaf)\n\
         import extra_module\nprint(extra_module.WHERE)\nif __name__ == \"__main__\":\n    print(\"main guard ran\")\n",
    );
    scratch.write("app/pkg/__init__.py", "VERSION = \"1.0\"\n");
    scratch.write("app/pkg/helper.py", "def twice(x):\n    return 2 * x\n");
    scratch.write(
        "app/pkg/sub/__init__.py",
        "__all__ = [\"exported\"]\nexported = \"from sub's __all__\"\nhidden = True\n",
    );
    scratch.write(
        "app/pkg/sub/leaf.py",
        "from .. import helper\nfrom ..helper import twice\nfrom . import exported\nfrom ..sub import exported as again\n\n\n\
         def describe():\n    return f\"{__name__} in {__package__}: {twice(2)} {helper.twice(3)} {exported} {again is exported}\"\n",
    );
    scratch.write(
        "extra/extra_module.py",
        "WHERE = \"found through KRAITPATH\"\n",
    );
    let extra = scratch.path("extra").display().to_string();
    let output = scratch.krait_with(&["app/main.py"], &[("KRAITPATH", &extra)]);
    // CPython (with PYTHONPATH for KRAITPATH).
    let expected = "pkg.sub.leaf in pkg.sub: 4 6 from sub's __all__ True\n42 1.0 from sub's __all__ False\nTrue True\n\
                    found through KRAITPATH\nmain guard ran\n";
    assert_eq!(success(&output), expected);

    // sys.path: the script's directory, then KRAITPATH's entries, then the library directory.
    scratch.write(
        "app/path.py",
        "import sys\nfor entry in sys.path:\n    print(entry)\n",
    );
    let second = scratch.path("second").display().to_string();
    let output = scratch.krait_with(
        &["app/path.py"],
        &[("KRAITPATH", &format!("{extra}:{second}"))],
    );
    let text = success(&output);
    let entries: Vec<&str> = text.lines().collect();
    assert_eq!(entries.len(), 4, "{text}");
    assert_eq!(entries[0], scratch.path("app").display().to_string());
    assert_eq!(entries[1..3], [extra.as_str(), second.as_str()]);
    assert!(
        entries[3].ends_with("lib") || entries[3].ends_with("lib/krait"),
        "{text}"
    );
    // The library directory is searched: `from __future__ import …` needs it.
    assert_eq!(
        success(&scratch.krait(&[
            "-c",
            "from __future__ import annotations\nprint(annotations)"
        ])),
        "_Feature((3, 7, 0, 'beta', 1), None, 16777216)\n"
    );
    // -c puts '' (the current directory) first.
    scratch.write("here.py", "WHO = 'the current directory'\n");
    assert_eq!(
        success(&scratch.krait(&["-c", "import sys, here\nprint(repr(sys.path[0]), here.WHO)"])),
        "'' the current directory\n"
    );
}

#[test]
fn circular_imports() {
    let scratch = Scratch::new("circular");
    scratch.write(
        "a.py",
        "print('a starts')\nimport b\nprint('a sees b.y =', b.y)\nx = 1\n",
    );
    scratch.write("b.py", "print('b starts')\nimport a\nprint('b sees a partially:', hasattr(a, 'x'), a.__name__)\ny = 2\n");
    scratch.write("works.py", "import a\nprint(a.x)\n");
    assert_eq!(
        success(&scratch.krait(&["works.py"])),
        "a starts\nb starts\nb sees a partially: False a\na sees b.y = 2\n1\n"
    );

    scratch.write("c.py", "from d import value_d\nvalue_c = 1\n");
    scratch.write("d.py", "from c import value_c\nvalue_d = 2\n");
    scratch.write("cycle.py", "import c\n");
    let output = scratch.krait(&["cycle.py"]);
    assert_eq!(output.status.code(), Some(1));
    // CPython.
    let expected = "Traceback (most recent call last):\n  File \"ROOT/cycle.py\", line 1, in <module>\n    import c\n\
                    \x20 File \"ROOT/c.py\", line 1, in <module>\n    from d import value_d\n\
                    \x20 File \"ROOT/d.py\", line 1, in <module>\n    from c import value_c\n\
                    ImportError: cannot import name 'value_c' from partially initialized module 'c' (most likely due to a circular import) (ROOT/c.py)\n";
    assert_eq!(
        without_import_carets(&scratch.normalize(&stderr(&output))),
        expected
    );

    scratch.write("e.py", "import f\ne_value = 1\n");
    scratch.write("f.py", "import e\nprint(e.e_value)\n");
    let output = scratch.krait(&["-c", "import e"]);
    assert!(stderr(&output).ends_with("AttributeError: partially initialized module 'e' has no attribute 'e_value' (most likely due to a circular import)\n"), "{}", stderr(&output));
    // Failed modules leave sys.modules; the cached second run behaves the same.
    let output = scratch.krait(&["-c", "import sys\ntry:\n    import c\nexcept ImportError as error:\n    print(error.name, error.path.endswith('c.py'))\nprint('c' in sys.modules, 'd' in sys.modules)"]);
    assert_eq!(success(&output), "c True\nFalse False\n");
}

#[test]
fn import_errors_read_as_cpython() {
    let scratch = Scratch::new("errors");
    scratch.write("notapackage.py", "x = 1\n");
    scratch.write("bad_syntax.py", "def f(:\n    pass\n");
    let cases = [
        ("notpkg.py", "import notapackage.child\n", "Traceback (most recent call last):\n  File \"ROOT/notpkg.py\", line 1, in <module>\n    import notapackage.child\nModuleNotFoundError: No module named 'notapackage.child'; 'notapackage' is not a package\n"),
        ("noname.py", "from notapackage import y\n", "Traceback (most recent call last):\n  File \"ROOT/noname.py\", line 1, in <module>\n    from notapackage import y\nImportError: cannot import name 'y' from 'notapackage' (ROOT/notapackage.py)\n"),
        ("missing.py", "import missing_module\n", "Traceback (most recent call last):\n  File \"ROOT/missing.py\", line 1, in <module>\n    import missing_module\nModuleNotFoundError: No module named 'missing_module'\n"),
        ("syntax.py", "import bad_syntax\n", "Traceback (most recent call last):\n  File \"ROOT/syntax.py\", line 1, in <module>\n    import bad_syntax\n  File \"ROOT/bad_syntax.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n"),
        ("relative.py", "from . import sibling\n", "Traceback (most recent call last):\n  File \"ROOT/relative.py\", line 1, in <module>\n    from . import sibling\nImportError: attempted relative import with no known parent package\n"),
    ];
    for (script, source, expected) in cases {
        scratch.write(script, source);
        // Twice: compiled, then from the cache (the traceback reads the source file then).
        for _ in 0..2 {
            let output = scratch.krait(&[script]);
            assert_eq!(output.status.code(), Some(1), "{script}");
            assert_eq!(
                without_import_carets(&scratch.normalize(&stderr(&output))),
                expected,
                "{script}"
            );
        }
    }
    // The exception's attributes.
    let output = scratch.krait(&["-c", "try:\n    import bad_syntax\nexcept SyntaxError as e:\n    print(e.msg, e.lineno, e.offset, repr(e.text), e.filename.endswith('bad_syntax.py'))"]);
    assert_eq!(success(&output), "invalid syntax 1 7 'def f(:\\n' True\n");
}

#[test]
fn run_module_with_dash_m() {
    let scratch = Scratch::new("dash-m");
    scratch.write("tool/__init__.py", "print('tool package initialized')\n");
    scratch.write("tool/run.py", "import sys\nprint(__name__, __package__, __spec__.name, sys.argv[1:], sys.argv[0].endswith('tool/run.py'))\n");
    scratch.write(
        "tool/__main__.py",
        "import sys\nprint('package main', __name__, __spec__.name, sys.argv[1:])\n",
    );
    scratch.write("plain/__init__.py", "");
    assert_eq!(
        success(&scratch.krait(&["-m", "tool.run", "a", "-b"])),
        "tool package initialized\n__main__ tool tool.run ['a', '-b'] True\n"
    );
    assert_eq!(
        success(&scratch.krait(&["-m", "tool", "x"])),
        "tool package initialized\npackage main __main__ tool.__main__ ['x']\n"
    );
    let executable = env!("CARGO_BIN_EXE_krait");
    for (module, message) in [
        ("no_such_module", "No module named no_such_module".to_owned()),
        ("plain", "No module named plain.__main__; 'plain' is a package and cannot be directly executed".to_owned()),
        ("tool.run.deeper", "Error while finding module specification for 'tool.run.deeper' (ModuleNotFoundError: __path__ attribute not found on 'tool.run' while trying to find 'tool.run.deeper')".to_owned()),
        ("sys", "No code object available for sys".to_owned()),
    ] {
        let output = scratch.krait(&["-m", module]);
        assert_eq!(output.status.code(), Some(1), "{module}");
        assert!(stderr(&output).ends_with(&format!("{executable}: {message}\n")), "{module}: {}", stderr(&output));
    }
}

#[test]
fn cache_is_written_then_used() {
    let scratch = Scratch::new("written");
    module_and_main(&scratch);
    let first = scratch.krait(&["-v", "main.py"]);
    assert_eq!(success(&first), "original\n");
    assert!(was_compiled(&first, "mod") && was_compiled(&first, "__main__"));
    let cache = cache_of(&scratch, "mod");
    assert!(
        verbose_line(&first, "mod").ends_with(&format!("; wrote {}", cache.display())),
        "{}",
        stderr(&first)
    );
    assert!(cache.is_file() && cache_of(&scratch, "main").is_file());
    let second = scratch.krait(&["-v", "main.py"]);
    assert_eq!(success(&second), "original\n");
    assert_eq!(
        verbose_line(&second, "mod"),
        format!("import 'mod' # loaded from {}", cache.display())
    );
    assert!(was_loaded(&second, "__main__"));
    // Without -v, nothing is reported.
    assert_eq!(stderr(&scratch.krait(&["main.py"])), "");
    // Module attributes point at the cache.
    let output = scratch.krait(&["-c", "import mod\nprint(mod.__cached__ == mod.__spec__.cached, mod.__cached__.endswith('__pycache__/mod.krait-1.pyc'))"]);
    assert_eq!(success(&output), "True True\n");
}

#[test]
fn edits_are_always_recompiled() {
    let scratch = Scratch::new("edits");
    module_and_main(&scratch);
    let source = scratch.path("mod.py");
    success(&scratch.krait(&["main.py"]));

    // A different size.
    scratch.write("mod.py", "def value():\n    return 'longer edit'\n");
    let output = scratch.krait(&["-v", "main.py"]);
    assert_eq!(success(&output), "longer edit\n");
    assert!(verbose_line(&output, "mod").contains("(source changed)"));

    // The same size, another modification time.
    scratch.write("mod.py", "def value():\n    return 'LONGER EDIT'\n");
    set_mtime(&source, SystemTime::now() - Duration::from_secs(3600));
    let output = scratch.krait(&["-v", "main.py"]);
    assert_eq!(success(&output), "LONGER EDIT\n");
    assert!(was_compiled(&output, "mod"));
    assert!(was_loaded(&scratch.krait(&["-v", "main.py"]), "mod"));

    // The same size and the same modification time: an edit within one timestamp tick. The
    // cache of a source compiled right after it was modified also records its hash.
    let old = SystemTime::now();
    scratch.write("mod.py", "def value():\n    return 'first'\n");
    set_mtime(&source, old);
    assert_eq!(success(&scratch.krait(&["main.py"])), "first\n");
    scratch.write("mod.py", "def value():\n    return 'other'\n");
    set_mtime(&source, old);
    let output = scratch.krait(&["-v", "main.py"]);
    assert_eq!(success(&output), "other\n");
    assert!(was_compiled(&output, "mod"), "{}", stderr(&output));

    // Once the source is a few seconds old, its cache is used, and its header is rewritten
    // without the hash check (flags at offset 8).
    let cache = cache_of(&scratch, "mod");
    assert_eq!(
        fs::read(&cache).expect("cache")[8],
        2,
        "the hash is checked while the source is new"
    );
    std::thread::sleep(Duration::from_millis(2100));
    let output = scratch.krait(&["-v", "main.py"]);
    assert!(was_loaded(&output, "mod"));
    assert_eq!(success(&output), "other\n");
    assert_eq!(
        fs::read(&cache).expect("cache")[8],
        0,
        "the hash check was dropped"
    );
    assert!(was_loaded(&scratch.krait(&["-v", "main.py"]), "mod"));
}

#[test]
fn check_source_hash() {
    let scratch = Scratch::new("hash");
    module_and_main(&scratch);
    let source = scratch.path("mod.py");
    let old = SystemTime::now() - Duration::from_secs(3600);
    set_mtime(&source, old);
    // A timestamp-based cache is not enough under --check-source-hash: rewritten hash-based.
    success(&scratch.krait(&["main.py"]));
    let output = scratch.krait(&["--check-source-hash", "-v", "main.py"]);
    assert!(
        verbose_line(&output, "mod").contains("timestamp-based"),
        "{}",
        stderr(&output)
    );
    assert!(was_loaded(
        &scratch.krait(&["--check-source-hash", "-v", "main.py"]),
        "mod"
    ));
    // An edit keeping size and timestamp is caught by the hash, with or without the flag.
    scratch.write("mod.py", "def value():\n    return 'ORIGINAL'\n");
    set_mtime(&source, old);
    let output = scratch.krait(&["-v", "main.py"]);
    assert_eq!(success(&output), "ORIGINAL\n");
    assert!(was_compiled(&output, "mod"));
}

#[test]
fn damaged_cache_files_are_ignored_and_rewritten() {
    let scratch = Scratch::new("damaged");
    module_and_main(&scratch);
    success(&scratch.krait(&["main.py"]));
    let cache = cache_of(&scratch, "mod");
    let good = fs::read(&cache).expect("the cache was written");
    let header = 56;
    let mut kinds: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated in the header", good[..20].to_vec(), "truncated"),
        (
            "truncated in the body",
            good[..good.len() - 7].to_vec(),
            "truncated",
        ),
        ("empty", Vec::new(), "truncated"),
        (
            "garbage",
            b"this is not bytecode at all, just text".to_vec(),
            "bad magic",
        ),
        (
            "CPython's",
            [&[0xa7, 0x0d, 0x0d, 0x0a][..], &[0; 12]].concat(),
            "bad magic",
        ),
    ];
    let mut corrupt = good.clone();
    corrupt[header + (good.len() - header) / 2] ^= 0x20;
    kinds.push(("corrupt body", corrupt, "checksum"));
    let mut other_version = good.clone();
    other_version[4] = 99;
    kinds.push(("other version", other_version, "version 99"));
    let mut other_compiler = good.clone();
    other_compiler[16] ^= 0xff;
    kinds.push(("other compiler", other_compiler, "another build"));
    let mut longer = good.clone();
    longer.extend_from_slice(b"trailing");
    kinds.push(("trailing bytes", longer, "trailing"));
    for (kind, bytes, reason) in kinds {
        fs::write(&cache, &bytes).expect("damage the cache");
        let output = scratch.krait(&["-v", "main.py"]);
        assert_eq!(success(&output), "original\n", "{kind}");
        let line = verbose_line(&output, "mod");
        assert!(
            line.contains("cache file ignored")
                && line.contains(reason)
                && line.contains("; wrote "),
            "{kind}: {line}"
        );
        // Rewritten: the next run loads it.
        assert!(
            was_loaded(&scratch.krait(&["-v", "main.py"]), "mod"),
            "{kind}"
        );
    }
    // A directory where the cache file should be: no crash, no cache.
    fs::remove_file(&cache).expect("remove the cache");
    fs::create_dir(&cache).expect("a directory in its place");
    let output = scratch.krait(&["-v", "main.py"]);
    assert_eq!(success(&output), "original\n");
    assert!(
        verbose_line(&output, "mod").contains("cache not written"),
        "{}",
        stderr(&output)
    );
}

/// Makes `directory` unwritable for krait; false if this system gives no way to (root ignores
/// permission bits, so as root the immutable attribute is used, where the file system has it).
fn make_read_only(scratch: &mut Scratch, directory: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(directory, fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = directory.join("probe");
    if fs::write(&probe, "").is_err() {
        return true;
    }
    let _ = fs::remove_file(&probe);
    // Still writable: running as root.
    let immutable = Command::new("chattr")
        .arg("+i")
        .arg(directory)
        .output()
        .is_ok_and(|output| output.status.success());
    if immutable {
        scratch.immutable.push(directory.to_path_buf());
        if fs::write(&probe, "").is_err() {
            return true;
        }
    }
    false
}

#[test]
fn unwritable_directories_mean_no_cache_and_no_error() {
    let mut scratch = Scratch::new("read-only");
    module_and_main(&scratch);
    let directory = scratch.root.clone();
    if make_read_only(&mut scratch, &directory) {
        let output = scratch.krait(&["-v", "main.py"]);
        assert_eq!(success(&output), "original\n");
        assert!(
            verbose_line(&output, "mod").contains("cache not written"),
            "{}",
            stderr(&output)
        );
        assert!(!scratch.path("__pycache__").exists());
    } else {
        eprintln!("note: cannot make a directory read-only here (root without chattr); only the __pycache__-is-a-file case runs");
    }

    // Works for any user: __pycache__ exists but is not a directory.
    let scratch = Scratch::new("not-a-directory");
    module_and_main(&scratch);
    scratch.write("__pycache__", "a file, not a directory");
    let output = scratch.krait(&["-v", "main.py"]);
    assert_eq!(success(&output), "original\n");
    assert!(
        verbose_line(&output, "mod").contains("cache not written: __pycache__ is not a directory"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(scratch.path("__pycache__")).expect("still a file"),
        "a file, not a directory"
    );
}

#[test]
fn dont_write_bytecode() {
    let scratch = Scratch::new("dont-write");
    module_and_main(&scratch);
    let output = scratch.krait(&["-B", "-v", "main.py"]);
    assert_eq!(success(&output), "original\n");
    assert!(verbose_line(&output, "mod").contains("cache writing disabled"));
    assert!(!scratch.path("__pycache__").exists());
    let output = scratch.krait_with(&["main.py"], &[("KRAIT_DONTWRITEBYTECODE", "1")]);
    assert_eq!(success(&output), "original\n");
    assert!(!scratch.path("__pycache__").exists());
    assert_eq!(
        success(&scratch.krait(&["-B", "-c", "import sys; print(sys.dont_write_bytecode)"])),
        "True\n"
    );
    // The program can turn writing off too.
    let output = scratch.krait(&[
        "-c",
        "import sys\nsys.dont_write_bytecode = True\nimport mod\nprint(mod.value())",
    ]);
    assert_eq!(success(&output), "original\n");
    assert!(!cache_of(&scratch, "mod").exists());
    // An empty value does not count (CPython's rule); existing caches are read under -B.
    success(&scratch.krait_with(&["main.py"], &[("KRAIT_DONTWRITEBYTECODE", "")]));
    assert!(cache_of(&scratch, "mod").exists());
    assert!(was_loaded(&scratch.krait(&["-B", "-v", "main.py"]), "mod"));
}

#[test]
fn concurrent_compiles_leave_a_valid_cache() {
    let scratch = Scratch::new("concurrent");
    // Large enough that compiling and writing take a while, so the processes overlap.
    let mut source = String::new();
    for index in 0..3000 {
        source.push_str(&format!(
            "def function_{index}(x):\n    return x + {index}\n"
        ));
    }
    source.push_str("TOTAL = sum(function_0(i) for i in range(10))\n");
    scratch.write("big.py", &source);
    scratch.write(
        "main.py",
        "import big\nprint(big.TOTAL, big.function_2999(1))\n",
    );
    for round in 0..2 {
        let _ = fs::remove_dir_all(scratch.path("__pycache__"));
        let children: Vec<_> = (0..8)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_krait"))
                    .arg("main.py")
                    .current_dir(&scratch.root)
                    .env_remove("KRAIT_DONTWRITEBYTECODE")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn krait")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("krait finishes");
            assert_eq!(success(&output), "45 3000\n", "round {round}");
        }
        let output = scratch.krait(&["-v", "main.py"]);
        assert!(
            was_loaded(&output, "big"),
            "round {round}: {}",
            stderr(&output)
        );
        assert_eq!(success(&output), "45 3000\n");
        let leftovers: Vec<_> = fs::read_dir(scratch.path("__pycache__"))
            .expect("cache dir")
            .flatten()
            .map(|entry| entry.file_name())
            .filter(|name| name.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    }
}

#[test]
fn krait_compile_precompiles_files_and_trees() {
    let scratch = Scratch::new("compile");
    scratch.write("tree/a.py", "A = 1\n");
    scratch.write("tree/pkg/__init__.py", "");
    scratch.write("tree/pkg/b.py", "B = 2\n");
    scratch.write(
        "tree/pkg/__pycache__/stray.py",
        "this is never compiled (\n",
    );
    scratch.write("single.py", "print('single')\n");
    let output = scratch.krait(&["compile", "tree", "single.py"]);
    assert_eq!(success(&output), "Compiling 'tree/a.py'...\nCompiling 'tree/pkg/__init__.py'...\nCompiling 'tree/pkg/b.py'...\nCompiling 'single.py'...\n");
    for cache in [
        "tree/__pycache__/a",
        "tree/pkg/__pycache__/__init__",
        "tree/pkg/__pycache__/b",
        "__pycache__/single",
    ] {
        assert!(
            scratch.path(&format!("{cache}.{TAG}.pyc")).is_file(),
            "{cache}"
        );
    }
    // Up to date: nothing to do.
    assert_eq!(
        success(&scratch.krait(&["compile", "tree", "single.py"])),
        ""
    );
    // Imports use what was precompiled.
    scratch.write("tree/main.py", "import a, pkg.b\nprint(a.A + pkg.b.B)\n");
    let output = scratch.krait(&["-v", "tree/main.py"]);
    assert_eq!(success(&output), "3\n");
    assert!(was_loaded(&output, "a") && was_loaded(&output, "pkg") && was_loaded(&output, "pkg.b"));
    // A syntax error is reported and the rest still compiled.
    scratch.write("broken/bad.py", "x = (\n");
    scratch.write("broken/good.py", "y = 1\n");
    let output = scratch.krait(&["compile", "broken"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).ends_with("SyntaxError: '(' was never closed\n"),
        "{}",
        stderr(&output)
    );
    assert!(scratch
        .path(&format!("broken/__pycache__/good.{TAG}.pyc"))
        .is_file());
    assert_eq!(scratch.krait(&["compile"]).status.code(), Some(2));
}

#[test]
fn dis_shows_a_cache_file() {
    let scratch = Scratch::new("dis");
    module_and_main(&scratch);
    success(&scratch.krait(&["main.py"]));
    let from_cache = scratch.krait(&["--dis", &cache_of(&scratch, "mod").display().to_string()]);
    let from_source = scratch.krait(&["--dis", "mod.py"]);
    assert_eq!(success(&from_cache), success(&from_source));
    assert!(
        stdout(&from_cache).contains("LOAD_CONST") && stdout(&from_cache).contains("'original'")
    );
    scratch.write("junk.pyc", "junk");
    let output = scratch.krait(&["--dis", "junk.pyc"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("not a krait bytecode file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_main_script_is_cached_but_mtime_changes_are_seen() {
    let scratch = Scratch::new("main-cache");
    scratch.write("script.py", "print('one')\n");
    success(&scratch.krait(&["script.py"]));
    assert!(cache_of(&scratch, "script").is_file());
    let script = scratch.path("script.py");
    let before = mtime(&script);
    scratch.write("script.py", "print('two')\n");
    set_mtime(&script, before + Duration::from_secs(5));
    assert_eq!(success(&scratch.krait(&["script.py"])), "two\n");
    // Code that is not a file is never cached.
    success(&scratch.krait(&["-c", "print(1)"]));
    let entries = fs::read_dir(scratch.path("__pycache__"))
        .expect("cache dir")
        .count();
    assert_eq!(entries, 1);
}

#[test]
fn the_library_is_embedded_and_cached_per_user() {
    let scratch = Scratch::new("embedded");
    let cache_home = scratch.path("cache").display().to_string();
    let environment = [("XDG_CACHE_HOME", cache_home.as_str())];
    scratch.write(
        "app/main.py",
        "import sys, functools, collections.abc\n\
         print(functools.__file__ == sys.path[-1] + '/functools.py')\n\
         print(collections.abc.__file__ == sys.path[-1] + '/collections/abc.py')\n\
         print(functools.__cached__.startswith(sys.argv[1]))\n\
         print(functools.reduce(lambda a, b: a * b, range(1, 6)))\n",
    );
    // First run: compiled from the embedded source, cached under XDG_CACHE_HOME/krait.
    let output = scratch.krait_with(&["-v", "app/main.py", &cache_home], &environment);
    assert_eq!(success(&output), "True\nTrue\nTrue\n120\n");
    let line = verbose_line(&output, "functools");
    assert!(line.contains("(no cache file); wrote "), "{line}");
    assert!(
        line.contains(&format!("{cache_home}/krait/library-")),
        "{line}"
    );
    // Second run: loaded from that cache.
    let output = scratch.krait_with(&["-v", "app/main.py", &cache_home], &environment);
    assert_eq!(success(&output), "True\nTrue\nTrue\n120\n");
    let line = verbose_line(&output, "functools");
    assert!(line.contains("# loaded from "), "{line}");
    // A damaged cache file is ignored and rewritten.
    let cached = line
        .split("loaded from ")
        .nth(1)
        .unwrap_or("")
        .trim()
        .to_owned();
    fs::write(&cached, b"garbage").expect("damage the cache");
    let output = scratch.krait_with(&["-v", "app/main.py", &cache_home], &environment);
    assert_eq!(success(&output), "True\nTrue\nTrue\n120\n");
    assert!(verbose_line(&output, "functools").contains("cache file ignored"));

    // A module of the same name beside the script wins, as in CPython.
    scratch.write("app/functools.py", "print('my own functools')\n");
    scratch.write("app/shadow.py", "import functools\n");
    let output = scratch.krait_with(&["app/shadow.py"], &environment);
    assert_eq!(success(&output), "my own functools\n");

    // Without the library entry in sys.path, the library is not found.
    let output = scratch.krait_with(
        &["-c", "import sys\nsys.path.pop()\nimport textwrap"],
        &environment,
    );
    assert!(
        stderr(&output).ends_with("ModuleNotFoundError: No module named 'textwrap'\n"),
        "{}",
        stderr(&output)
    );
    // An installed binary (<prefix>/bin/krait) finds the embedded library at
    // <prefix>/lib/krait, and modules on disk there for names the binary lacks.
    let binary = scratch.path("prefix/bin/krait");
    fs::create_dir_all(scratch.path("prefix/bin")).expect("create prefix/bin");
    fs::copy(env!("CARGO_BIN_EXE_krait"), &binary).expect("copy the binary");
    scratch.write("prefix/lib/krait/extra_module.py", "EXTRA = 'from disk'\n");
    let output = Command::new(&binary)
        .args([
            "-c",
            "import sys, json, extra_module\nprint(sys.path[-1])\nprint(json.__file__)\nprint(extra_module.EXTRA, json.dumps([1]))",
        ])
        .current_dir(scratch.path(""))
        .env("XDG_CACHE_HOME", &cache_home)
        .output()
        .expect("the installed krait runs");
    let library = scratch.path("prefix/lib/krait").display().to_string();
    assert_eq!(
        success(&output),
        format!("{library}\n{library}/json/__init__.py\nfrom disk [1]\n")
    );

    // A traceback through a library module shows its source line.
    let output = scratch.krait_with(
        &[
            "-c",
            "import functools\nfunctools.reduce(lambda a, b: a, [])",
        ],
        &environment,
    );
    let text = stderr(&output);
    assert!(text.contains("/functools.py\", line "), "{text}");
    assert!(
        text.ends_with("TypeError: reduce() of empty iterable with no initial value\n"),
        "{text}"
    );
}
