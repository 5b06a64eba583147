//! `krait explain script.py [-o report.html] [args…]`: runs the script as `krait script.py`
//! would (its output still goes to stdout and stderr, its exit status is krait's) with the
//! profiler and the vm's recorder on, then writes one self-contained HTML page that shows the
//! script's journey through krait's layers — application, compiler, virtual machine, JIT and
//! operating system — as an interactive flowchart.
//!
//! - [`data`]: gathers what the run recorded, plus the compiler's view of the script, into one
//!   JSON document;
//! - [`page`]: puts that document into the page template (`explain/report.html`: HTML, CSS and
//!   JavaScript, no network access), escaped so that no text of the script can end the
//!   `<script>` element it sits in.

mod data;
mod page;

use std::path::{Path, PathBuf};
use std::time::Instant;

use krait_vm::Vm;

/// What `krait explain` was asked to do.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    /// The script to run.
    pub script: String,
    /// Its arguments (`sys.argv[1:]`).
    pub arguments: Vec<String>,
    /// Where the page goes.
    pub output: PathBuf,
}

/// The usage line, for errors.
pub const USAGE: &str = "usage: krait [options] explain SCRIPT [-o REPORT.html] [ARGS…]";

impl Request {
    /// Parses the words after `explain`: `-o FILE` (or `--output FILE`, `-oFILE`,
    /// `--output=FILE`) before the script or right after it; every other word after the script
    /// is an argument of the script. Without `-o` the page is `<script stem>.report.html` in the
    /// current directory.
    pub fn parse(words: &[String]) -> Result<Request, String> {
        let mut output = None;
        let mut script = None;
        let mut index = 0;
        // Before the script, and once right after it.
        while index < words.len() {
            let word = &words[index];
            let value = if word == "-o" || word == "--output" {
                index += 1;
                Some(
                    words
                        .get(index)
                        .ok_or_else(|| format!("krait explain: {word} needs a file name"))?
                        .clone(),
                )
            } else {
                word.strip_prefix("--output=")
                    .or_else(|| word.strip_prefix("-o").filter(|rest| !rest.is_empty()))
                    .map(str::to_owned)
            };
            match value {
                Some(path) => {
                    if output.is_some() {
                        return Err("krait explain: -o given twice".to_owned());
                    }
                    output = Some(PathBuf::from(path));
                    index += 1;
                }
                None if script.is_none() => {
                    if word.starts_with('-') && word != "-" {
                        return Err(format!("krait explain: unknown option {word}"));
                    }
                    script = Some(word.clone());
                    index += 1;
                }
                None => break,
            }
        }
        let script = script.ok_or_else(|| "krait explain: no script given".to_owned())?;
        if script == "-" {
            return Err("krait explain: the script must be a file".to_owned());
        }
        let output = output.unwrap_or_else(|| default_output(&script));
        Ok(Request {
            script,
            arguments: words[index..].to_vec(),
            output,
        })
    }
}

/// `<script stem>.report.html` in the current directory.
fn default_output(script: &str) -> PathBuf {
    let stem = Path::new(script).file_stem().map_or_else(
        || "script".into(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    PathBuf::from(format!("{stem}.report.html"))
}

/// The settings of the run, for the report.
pub struct RunFacts {
    /// `off`, `on` or `eager`.
    pub jit_mode: &'static str,
    /// `--jit-threshold`.
    pub jit_threshold: u32,
    /// When krait started running the program.
    pub started: Instant,
    /// The program's exit status (`None`: ended by an uncaught KeyboardInterrupt).
    pub exit_status: Option<u8>,
}

/// Turns on what `explain` records; call before the script runs.
pub fn prepare(vm: &mut Vm) {
    vm.enable_profiler();
    vm.enable_observer();
}

/// Writes the page for the run that just ended; returns where it is.
pub fn write_report(vm: &mut Vm, request: &Request, facts: &RunFacts) -> Result<PathBuf, String> {
    let document = data::collect(vm, request, facts);
    let html = page::render(&document.render());
    std::fs::write(&request.output, html)
        .map_err(|error| format!("cannot write {}: {error}", request.output.display()))?;
    Ok(request.output.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn output_before_or_right_after_the_script() {
        let request = Request::parse(&words("-o r.html s.py a -o b")).expect("parses");
        assert_eq!(request.script, "s.py");
        assert_eq!(request.output, PathBuf::from("r.html"));
        assert_eq!(request.arguments, words("a -o b"));
        let request = Request::parse(&words("dir/s.py --output=x.html 1")).expect("parses");
        assert_eq!(request.output, PathBuf::from("x.html"));
        assert_eq!(request.arguments, words("1"));
        let request = Request::parse(&words("dir/prog.py")).expect("parses");
        assert_eq!(request.output, PathBuf::from("prog.report.html"));
    }

    #[test]
    fn mistakes_are_reported() {
        assert!(Request::parse(&[]).is_err());
        assert!(Request::parse(&words("-o")).is_err());
        assert!(Request::parse(&words("--frobnicate s.py")).is_err());
        assert!(Request::parse(&words("-o a -o b s.py")).is_err());
        assert!(Request::parse(&words("-")).is_err());
    }
}
