//! The benchmark programs: discovered as `bench/programs/*.py` (so adding one is adding a file)
//! and selected by the command line's filters.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// One benchmark program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// The file name without `.py`; also the name of its C version in `bench/native/`.
    pub name: String,
    /// The script's path.
    pub path: PathBuf,
}

/// Every `*.py` file directly inside `dir`, sorted by name.
pub fn discover(dir: &Path) -> io::Result<Vec<Program>> {
    let mut programs = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") || !path.is_file() {
            continue;
        }
        if let Some(name) = path.file_stem().and_then(|s| s.to_str()) {
            programs.push(Program {
                name: name.to_string(),
                path: path.clone(),
            });
        }
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(programs)
}

/// Whether a program called `name` is selected by `filters`: every program when there are no
/// filters, otherwise those whose name contains at least one filter.
pub fn matches(name: &str, filters: &[String]) -> bool {
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}

/// A filter that selects no program: most likely a typo, so it is an error, not an empty run.
#[derive(Debug, PartialEq, Eq)]
pub struct UnmatchedFilter {
    pub filter: String,
    pub available: Vec<String>,
}

impl fmt::Display for UnmatchedFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no program matches `{}`; the programs are: {}",
            self.filter,
            self.available.join(", ")
        )
    }
}

/// The programs selected by `filters`, in name order.
pub fn select(programs: &[Program], filters: &[String]) -> Result<Vec<Program>, UnmatchedFilter> {
    if let Some(unmatched) = filters
        .iter()
        .find(|f| !programs.iter().any(|p| p.name.contains(f.as_str())))
    {
        return Err(UnmatchedFilter {
            filter: unmatched.clone(),
            available: programs.iter().map(|p| p.name.clone()).collect(),
        });
    }
    Ok(programs
        .iter()
        .filter(|p| matches(&p.name, filters))
        .cloned()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(name: &str) -> Program {
        Program {
            name: name.to_string(),
            path: PathBuf::from(format!("{name}.py")),
        }
    }

    fn names(programs: &[Program]) -> Vec<&str> {
        programs.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn no_filter_selects_everything() {
        assert!(matches("nbody", &[]));
        let all = [program("fib"), program("nbody")];
        assert_eq!(names(&select(&all, &[]).unwrap()), ["fib", "nbody"]);
    }

    #[test]
    fn filters_are_substrings_and_any_may_match() {
        let filters = vec!["body".to_string(), "fannkuch".to_string()];
        assert!(matches("nbody", &filters));
        assert!(matches("fannkuch", &filters));
        assert!(!matches("fib", &filters));
        let all = [program("fannkuch"), program("fib"), program("nbody")];
        assert_eq!(
            names(&select(&all, &filters).unwrap()),
            ["fannkuch", "nbody"]
        );
    }

    #[test]
    fn filters_are_case_sensitive() {
        assert!(!matches("nbody", &["NBODY".to_string()]));
    }

    #[test]
    fn a_filter_matching_nothing_is_an_error() {
        let all = [program("fib"), program("nbody")];
        let err = select(&all, &["fib".to_string(), "nbdy".to_string()]).unwrap_err();
        assert_eq!(err.filter, "nbdy");
        assert_eq!(err.available, ["fib", "nbody"]);
        assert!(err.to_string().contains("fib, nbody"));
    }

    #[test]
    fn discovery_finds_the_shipped_programs_in_order() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
        let programs = discover(&dir).unwrap();
        assert!(programs.len() >= 20, "{} programs", programs.len());
        assert!(programs.windows(2).all(|w| w[0].name < w[1].name));
        assert!(programs.iter().all(|p| p.path.extension().unwrap() == "py"));
    }
}
