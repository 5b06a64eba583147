//! krait-bench: the instrument behind every claim about krait's speed.
//!
//! It runs the programs in `bench/programs/` under `krait --jit=off`, `krait` (the default mode,
//! where the JIT will be), CPython and PyPy when they are on PATH, and the C versions in
//! `bench/native/` when a C compiler is present; checks that all of them print the same thing;
//! and reports median times, ratios, peak memory and krait's JIT figures as Markdown tables,
//! plus optional JSON (every run) and SVG (a chart).
//!
//! ```text
//! cargo run --release -p krait-bench -- [FILTER…] [--repeats N] [--json FILE] [--svg FILE]
//! ```
//!
//! It measures `target/release/krait` (building it first if it is missing); the exit status is
//! 1 when any program failed or disagreed under any implementation, 2 on a usage error.

mod comparison;
mod implementations;
mod jit_stats;
mod json;
mod krait_binary;
mod machine;
mod native;
mod programs;
mod results;
mod runner;
mod statistics;
mod suite;
mod svg;
mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use implementations::{Implementation, CPYTHON, KRAIT, PYPY};

/// Times krait against itself (interpreter and JIT), CPython, PyPy and C on the benchmark
/// programs in bench/programs/, and checks that they all print the same results.
#[derive(Parser, Debug)]
#[command(name = "krait-bench", version)]
struct Args {
    /// Run only the programs whose name contains one of these strings (all when none is given).
    filters: Vec<String>,
    /// How many times each program runs under each implementation; the table shows medians.
    #[arg(long, default_value_t = 3)]
    repeats: usize,
    /// Write every run and the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write a bar chart (log scale) as SVG to FILE.
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
    /// Kill a run after this many seconds and mark it as timed out.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    timeout: u64,
    /// Only these implementations (comma separated): krait-interp, krait, python3, pypy3, native.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    implementations: Vec<String>,
    /// The krait binary to measure, instead of target/release/krait.
    #[arg(long, value_name = "PATH")]
    krait: Option<PathBuf>,
    /// List the programs (after filtering) and exit.
    #[arg(long)]
    list: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("krait-bench: {message}");
            ExitCode::from(2)
        }
    }
}

/// The workspace root: the parent of this crate's directory.
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let root = workspace_root();
    let program_dir = root.join("bench").join("programs");
    let all = programs::discover(&program_dir)
        .map_err(|e| format!("cannot read {}: {e}", program_dir.display()))?;
    let selected = programs::select(&all, &args.filters).map_err(|e| e.to_string())?;
    if args.list {
        for program in &selected {
            println!("{}", program.name);
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.repeats == 0 {
        return Err("--repeats must be at least 1".to_string());
    }

    let mut notes = Vec::new();
    let (implementations, snapshot) = discover_implementations(&root, args, &selected, &mut notes)?;
    let date = machine::today();
    let machine = machine::describe();
    let command = command_line();
    println!("krait-bench, {date}, on {machine}");
    println!("command: {command}");
    for note in &notes {
        println!("- {note}");
    }
    println!();

    let plan = suite::Plan {
        programs: &selected,
        implementations: &implementations,
        repeats: args.repeats,
        timeout: Duration::from_secs(args.timeout),
    };
    let runs = suite::run(&plan);
    if let Some(copy) = snapshot {
        let _ = std::fs::remove_file(copy);
    }
    let names: Vec<String> = selected.iter().map(|p| p.name.clone()).collect();
    let columns: Vec<String> = implementations.iter().map(|i| i.name.clone()).collect();
    let summary = results::Summary::new(&names, &columns, &runs);

    println!();
    print!("{}", table::render(&summary, args.repeats, KRAIT));

    if let Some(path) = &args.json {
        let context = json::Context {
            date: &date,
            command: &command,
            machine: &machine,
            repeats: args.repeats,
            timeout_seconds: args.timeout,
            notes: &notes,
        };
        let text = json::report(&context, &implementations, &runs, &summary).render();
        write_file(path, &text)?;
    }
    if let Some(path) = &args.svg {
        let subtitle = [
            format!("{date} · {machine} · {} repeats", args.repeats),
            command.clone(),
        ];
        write_file(path, &svg::render(&summary, &subtitle))?;
    }
    Ok(if summary.problems().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// krait's two modes, the Python peers on PATH and the native builds, narrowed to
/// `--implementations` when given; also the snapshot of krait to delete after the run.
fn discover_implementations(
    root: &Path,
    args: &Args,
    selected: &[programs::Program],
    notes: &mut Vec<String>,
) -> Result<(Vec<Implementation>, Option<PathBuf>), String> {
    const KNOWN: [&str; 5] = [
        implementations::KRAIT_INTERPRETER,
        KRAIT,
        CPYTHON,
        PYPY,
        implementations::NATIVE,
    ];
    if let Some(unknown) = args
        .implementations
        .iter()
        .find(|n| !KNOWN.contains(&n.as_str()))
    {
        return Err(format!(
            "unknown implementation `{unknown}`; the implementations are: {}",
            KNOWN.join(", ")
        ));
    }
    let wanted = |name: &str| {
        args.implementations.is_empty() || args.implementations.iter().any(|n| n == name)
    };
    let mut found = Vec::new();
    let mut snapshot = None;
    if wanted(implementations::KRAIT_INTERPRETER) || wanted(KRAIT) {
        let krait = krait_binary::ensure_krait(root, args.krait.as_deref(), notes)?;
        let bin_dir = krait_binary::target_dir(root)
            .join("krait-bench")
            .join("bin");
        let runs = match krait_binary::snapshot(&krait, &bin_dir) {
            Ok(copy) => {
                notes.push(format!(
                    "krait runs from a copy taken at the start: {}",
                    copy.display()
                ));
                snapshot = Some(copy.clone());
                copy
            }
            Err(e) => {
                notes.push(format!(
                    "warning: cannot copy krait ({e}); a rebuild during the run would be measured"
                ));
                krait.clone()
            }
        };
        found.extend(implementations::krait(&runs, &krait, notes));
    }
    for peer in [CPYTHON, PYPY] {
        if wanted(peer) {
            found.extend(implementations::python_peer(peer, notes));
        }
    }
    if wanted(implementations::NATIVE) {
        let out_dir = krait_binary::target_dir(root)
            .join("krait-bench")
            .join("native");
        found.extend(native::build(
            &root.join("bench").join("native"),
            &out_dir,
            selected,
            notes,
        ));
    }
    found.retain(|i| wanted(&i.name));
    if found.is_empty() {
        return Err("no implementation to run".to_string());
    }
    Ok((found, snapshot))
}

/// How this run was asked for, to print and to regenerate it.
fn command_line() -> String {
    let mut words = vec!["cargo run --release -p krait-bench --".to_string()];
    words.extend(std::env::args().skip(1));
    words.join(" ")
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!("krait-bench: wrote {}", path.display());
    Ok(())
}
