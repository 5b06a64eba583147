//! Every Python program of the test corpus compiles, with consistent code objects.

use std::path::Path;

use super::helpers::check_invariants;

fn python_files(directory: &Path, found: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            python_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "py") {
            found.push(path);
        }
    }
}

#[test]
fn every_corpus_program_compiles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/py");
    let mut files = Vec::new();
    python_files(&root, &mut files);
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let Ok(source) = std::fs::read_to_string(file) else {
            continue;
        };
        // Programs that test syntax errors say so in their expected stderr.
        let expects_syntax_error =
            std::fs::read_to_string(file.with_extension("err")).is_ok_and(|error| {
                ["SyntaxError", "IndentationError", "TabError"]
                    .iter()
                    .any(|class| error.contains(class))
            });
        match crate::compile_module(&source, &file.to_string_lossy()) {
            Ok(code) => check_invariants(&code),
            Err(error) if !expects_syntax_error => {
                failures.push(format!("{}: {error}", file.display()))
            }
            Err(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
