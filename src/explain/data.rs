//! The report's data: one JSON document with a section per layer (`application`, `compiler`,
//! `vm`, `jit`, `os`) and the script's functions (`functions`), each with its source lines,
//! bytecode, machine code and figures. The page's JavaScript renders it; the field names are
//! the contract between the two (`report.html` reads nothing else).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

use krait_compiler::{CodeObject, Constant};
use krait_vm::observe::{CompileEvent, Observer};
use krait_vm::profiler::{FunctionIdentity, ProfileReport};
use krait_vm::Vm;

use super::{Request, RunFacts};
use crate::json::Json;
use crate::profile;

fn millis_of_nanos(nanos: u128) -> f64 {
    nanos as f64 / 1e6
}

/// Everything the page shows.
pub fn collect(vm: &mut Vm, request: &Request, facts: &RunFacts) -> Json {
    let wall_millis = facts.started.elapsed().as_secs_f64() * 1000.0;
    let filename = std::path::absolute(&request.script).map_or_else(
        |_| request.script.clone(),
        |path| path.display().to_string(),
    );
    let source = std::fs::read(&request.script)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    let report = vm.profile_report().unwrap_or(ProfileReport {
        functions: Vec::new(),
        wall_nanos: 0,
    });
    // Taken out while it is read beside the vm, and put back: compiled code made while
    // observing holds the address of its counters.
    let taken = vm.observer.take();
    let empty = Observer::new();
    let observer = taken.as_deref().unwrap_or(&empty);
    let compiled_tree = compile_tree(&source, &filename);
    let line_counts = line_counts(observer, &filename);
    let functions = functions(&compiled_tree, observer, &report, &filename);
    let document = Json::object([
        ("version", Json::integer(1)),
        (
            "script",
            Json::object([
                ("path", Json::string(filename.clone())),
                (
                    "name",
                    Json::string(
                        Path::new(&filename)
                            .file_name()
                            .map_or_else(String::new, |name| name.to_string_lossy().into_owned()),
                    ),
                ),
                (
                    "arguments",
                    Json::Array(request.arguments.iter().map(Json::string).collect()),
                ),
                (
                    "exit_status",
                    facts.exit_status.map_or(Json::Null, Json::integer),
                ),
                ("interrupted", Json::Bool(facts.exit_status.is_none())),
            ]),
        ),
        ("application", application(&source, &line_counts)),
        (
            "compiler",
            compiler(&source, &filename, &compiled_tree, observer),
        ),
        ("vm", virtual_machine(vm, observer, &report, &line_counts)),
        ("jit", jit(observer, facts)),
        ("os", operating_system(wall_millis)),
        ("functions", Json::Array(functions)),
    ]);
    vm.observer = taken;
    document
}

/// The script compiled afresh (for the compiler's figures and each function's bytecode), and
/// how long that took.
struct CompiledTree {
    code: Option<std::rc::Rc<CodeObject>>,
    millis: f64,
    error: Option<String>,
}

fn compile_tree(source: &str, filename: &str) -> CompiledTree {
    let started = Instant::now();
    let result = krait_compiler::compile_module(source, filename);
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(code) => CompiledTree {
            code: Some(code),
            millis,
            error: None,
        },
        Err(error) => CompiledTree {
            code: None,
            millis,
            error: Some(error.to_string()),
        },
    }
}

/// Every code object in the tree, parent first.
fn code_objects(code: &std::rc::Rc<CodeObject>, out: &mut Vec<std::rc::Rc<CodeObject>>) {
    out.push(code.clone());
    for constant in &code.constants {
        if let Constant::Code(nested) = constant {
            code_objects(nested, out);
        }
    }
}

/// Interpreted instruction executions per source line of the script.
fn line_counts(observer: &Observer, filename: &str) -> BTreeMap<u32, u64> {
    let mut lines = BTreeMap::new();
    for entry in observer.instruction_counts() {
        if *entry.code.code.filename != *filename {
            continue;
        }
        for (index, &count) in entry.counts.iter().enumerate() {
            let line = entry.code.code.line_of(index);
            if count > 0 && line > 0 {
                *lines.entry(line).or_insert(0) += count;
            }
        }
    }
    lines
}

fn application(source: &str, line_counts: &BTreeMap<u32, u64>) -> Json {
    let mut hottest: Vec<(u32, u64)> = line_counts.iter().map(|(&l, &c)| (l, c)).collect();
    hottest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hottest.truncate(10);
    Json::object([
        ("source", Json::string(source)),
        ("line_count", Json::integer(source.lines().count() as u64)),
        (
            "line_executions",
            Json::Object(
                line_counts
                    .iter()
                    .map(|(line, count)| (line.to_string(), Json::integer(*count)))
                    .collect(),
            ),
        ),
        (
            "hottest_lines",
            Json::Array(
                hottest
                    .into_iter()
                    .map(|(line, count)| {
                        Json::object([
                            ("line", Json::integer(line)),
                            ("executions", Json::integer(count)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}

fn compiler(source: &str, filename: &str, tree: &CompiledTree, observer: &Observer) -> Json {
    let counts = krait_compiler::dump::counts(source).ok();
    let mut objects = Vec::new();
    if let Some(code) = &tree.code {
        code_objects(code, &mut objects);
    }
    let instructions: usize = objects.iter().map(|code| code.instructions.len()).sum();
    let main = observer
        .modules
        .iter()
        .find(|module| module.name == "__main__" && module.filename == filename);
    let modules = observer
        .modules
        .iter()
        .map(|module| {
            Json::object([
                ("name", Json::string(module.name.clone())),
                ("filename", Json::string(module.filename.clone())),
                (
                    "cache_path",
                    module.cache_path.clone().map_or(Json::Null, Json::String),
                ),
                ("cache_hit", Json::Bool(module.cache_hit)),
                ("detail", Json::string(module.detail.clone())),
                ("at_ms", Json::Number(module.at_millis)),
            ])
        })
        .collect();
    Json::object([
        (
            "tokens",
            counts.map_or(Json::Null, |counts| Json::integer(counts.tokens as u64)),
        ),
        (
            "ast_nodes",
            counts.map_or(Json::Null, |counts| Json::integer(counts.nodes as u64)),
        ),
        ("compile_ms", Json::Number(tree.millis)),
        ("error", tree.error.clone().map_or(Json::Null, Json::String)),
        ("code_objects", Json::integer(objects.len() as u64)),
        ("instructions", Json::integer(instructions as u64)),
        (
            "cache_hit",
            main.map_or(Json::Null, |module| Json::Bool(module.cache_hit)),
        ),
        (
            "cache_detail",
            main.map_or(Json::Null, |module| Json::string(module.detail.clone())),
        ),
        (
            "cache_path",
            main.and_then(|module| module.cache_path.clone())
                .map_or(Json::Null, Json::String),
        ),
        ("modules", Json::Array(modules)),
    ])
}

fn virtual_machine(
    vm: &Vm,
    observer: &Observer,
    report: &ProfileReport,
    line_counts: &BTreeMap<u32, u64>,
) -> Json {
    let statistics = vm.runtime.heap.statistics;
    let interpreted: u64 = observer
        .instruction_counts()
        .iter()
        .map(|entry| entry.counts.iter().sum::<u64>())
        .sum();
    let total = report.total_nanos();
    let compiled = report.compiled_nanos();
    // A compile runs while the function that triggered it is active: its time is in that
    // function's own (non-compiled) time, and is shown apart from the interpreter's.
    let compiling: u128 = observer
        .compiles
        .iter()
        .map(|event| event.micros * 1000)
        .sum();
    let interpreting = u128::from(total.saturating_sub(compiled)).saturating_sub(compiling);
    Json::object([
        (
            "interpreter_ms",
            Json::Number(millis_of_nanos(interpreting)),
        ),
        ("jit_compiling_ms", Json::Number(millis_of_nanos(compiling))),
        (
            "compiled_ms",
            Json::Number(millis_of_nanos(u128::from(compiled))),
        ),
        (
            "profiled_ms",
            Json::Number(millis_of_nanos(u128::from(total))),
        ),
        ("calls", Json::integer(report.total_calls())),
        ("primitive_calls", Json::integer(report.primitive_calls())),
        (
            "exceptions_raised",
            Json::integer(observer.exceptions_raised),
        ),
        ("instructions_executed", Json::integer(interpreted)),
        (
            "script_instructions_executed",
            Json::integer(line_counts.values().sum::<u64>()),
        ),
        (
            "gc",
            Json::object([
                ("collections", Json::integer(statistics.collections)),
                ("objects_freed", Json::integer(statistics.collected)),
                (
                    "live_objects",
                    Json::integer(statistics.live_objects as u64),
                ),
                (
                    "pause_ms",
                    Json::Number(millis_of_nanos(statistics.pause_nanoseconds)),
                ),
                (
                    "longest_pause_ms",
                    Json::Number(millis_of_nanos(statistics.longest_pause_nanoseconds)),
                ),
            ]),
        ),
        (
            "profile",
            Json::Array(
                profile::sorted(report)
                    .into_iter()
                    .map(profile::function_json)
                    .collect(),
            ),
        ),
    ])
}

fn compile_json(event: &CompileEvent) -> Json {
    Json::object([
        ("qualname", Json::string(event.qualname.clone())),
        ("filename", Json::string(event.filename.clone())),
        ("line", Json::integer(event.first_line)),
        ("trigger", Json::string(event.trigger.clone())),
        ("calls", Json::integer(event.calls)),
        ("back_edges", Json::integer(event.back_edges)),
        ("recompile", Json::Bool(event.recompile)),
        ("at_ms", Json::Number(event.at_millis)),
        ("compile_ms", Json::Number(event.micros as f64 / 1000.0)),
        ("size", Json::integer(event.size as u64)),
        ("address", Json::string(format!("{:#x}", event.address))),
        ("guards", Json::integer(event.guards as u64)),
        (
            "entries",
            Json::Array(
                event
                    .entries
                    .iter()
                    .map(|&entry| Json::integer(entry as u64))
                    .collect(),
            ),
        ),
        (
            "loops",
            Json::integer(event.entries.iter().filter(|&&entry| entry > 0).count() as u64),
        ),
        (
            "failure",
            event.failure.clone().map_or(Json::Null, Json::String),
        ),
    ])
}

fn jit(observer: &Observer, facts: &RunFacts) -> Json {
    let compile_ms: f64 = observer
        .compiles
        .iter()
        .map(|event| event.micros as f64 / 1000.0)
        .sum();
    Json::object([
        ("mode", Json::string(facts.jit_mode)),
        ("threshold", Json::integer(facts.jit_threshold)),
        (
            "loop_threshold",
            Json::integer(
                facts
                    .jit_threshold
                    .saturating_mul(krait_vm::jit::LOOP_FACTOR),
            ),
        ),
        (
            "compiled",
            Json::integer(
                observer
                    .compiles
                    .iter()
                    .filter(|event| event.failure.is_none())
                    .count() as u64,
            ),
        ),
        ("compile_ms", Json::Number(compile_ms)),
        (
            "compiles",
            Json::Array(observer.compiles.iter().map(compile_json).collect()),
        ),
        (
            "deopts",
            Json::Array(
                observer
                    .deopts
                    .iter()
                    .map(|site| {
                        Json::object([
                            ("qualname", Json::string(site.qualname.clone())),
                            ("filename", Json::string(site.filename.clone())),
                            ("line", Json::integer(site.line)),
                            ("instruction", Json::integer(site.instruction as u64)),
                            ("opcode", Json::string(site.opcode.clone())),
                            ("reason", Json::string(site.reason.clone())),
                            ("count", Json::integer(site.count)),
                            ("first_at_ms", Json::Number(site.first_at_millis)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}

/// CPU time and peak memory of the process, from `getrusage`.
struct Usage {
    user_millis: f64,
    system_millis: f64,
    peak_rss_kib: i64,
}

fn usage() -> Option<Usage> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage writes a whole `rusage` to the pointer it is given, which points at
    // storage of that type; it is read only when the call reports success.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
            return None;
        }
        usage.assume_init()
    };
    let millis = |time: libc::timeval| time.tv_sec as f64 * 1000.0 + time.tv_usec as f64 / 1000.0;
    Some(Usage {
        user_millis: millis(usage.ru_utime),
        system_millis: millis(usage.ru_stime),
        // Linux reports kibibytes (macOS bytes).
        peak_rss_kib: if cfg!(target_os = "macos") {
            usage.ru_maxrss / 1024
        } else {
            usage.ru_maxrss
        },
    })
}

fn operating_system(wall_millis: f64) -> Json {
    let usage = usage();
    Json::object([
        ("wall_ms", Json::Number(wall_millis)),
        (
            "user_cpu_ms",
            usage
                .as_ref()
                .map_or(Json::Null, |usage| Json::Number(usage.user_millis)),
        ),
        (
            "system_cpu_ms",
            usage
                .as_ref()
                .map_or(Json::Null, |usage| Json::Number(usage.system_millis)),
        ),
        (
            "peak_rss_kib",
            usage
                .as_ref()
                .map_or(Json::Null, |usage| Json::integer(usage.peak_rss_kib)),
        ),
        ("pid", Json::integer(std::process::id())),
        (
            "platform",
            Json::string(format!(
                "{}-{}",
                std::env::consts::OS,
                std::env::consts::ARCH
            )),
        ),
    ])
}

/// Each code object of the script: its place in the source, bytecode, machine code (the last
/// compile's), profile figures and line counts.
fn functions(
    tree: &CompiledTree,
    observer: &Observer,
    report: &ProfileReport,
    filename: &str,
) -> Vec<Json> {
    let mut objects = Vec::new();
    if let Some(code) = &tree.code {
        code_objects(code, &mut objects);
    }
    let mut counts: HashMap<(u32, String), Vec<(u32, u64)>> = HashMap::new();
    for entry in observer.instruction_counts() {
        let code = &entry.code.code;
        if *code.filename != *filename {
            continue;
        }
        let lines = counts
            .entry((code.first_line, code.qualname.to_string()))
            .or_default();
        for (index, &count) in entry.counts.iter().enumerate() {
            if count > 0 {
                lines.push((code.line_of(index), count));
            }
        }
    }
    objects
        .iter()
        .enumerate()
        .map(|(index, code)| {
            let last_line = code
                .locations
                .iter()
                .map(|location| location.end_line.max(location.line))
                .max()
                .unwrap_or(code.first_line)
                .max(code.first_line);
            let compile = observer.compiles.iter().rev().find(|event| {
                event.filename == filename
                    && event.first_line == code.first_line
                    && event.qualname == *code.qualname
            });
            let profiled = report.functions.iter().find(|function| {
                matches!(&function.identity, FunctionIdentity::Python { filename: name, line, qualname, .. }
                    if name == filename && *line == code.first_line && **qualname == *code.qualname)
            });
            let mut lines: BTreeMap<u32, u64> = BTreeMap::new();
            for &(line, count) in counts
                .get(&(code.first_line, code.qualname.to_string()))
                .map_or(&[][..], Vec::as_slice)
            {
                *lines.entry(line).or_insert(0) += count;
            }
            Json::object([
                ("id", Json::integer(index as u64)),
                ("name", Json::string(code.name.to_string())),
                ("qualname", Json::string(code.qualname.to_string())),
                ("first_line", Json::integer(code.first_line)),
                ("last_line", Json::integer(last_line)),
                (
                    "instructions",
                    Json::integer(code.instructions.len() as u64),
                ),
                (
                    "bytecode",
                    Json::string(krait_compiler::disassemble::disassemble_single(code)),
                ),
                (
                    "machine_code",
                    compile
                        .and_then(|event| event.assembly.clone())
                        .map_or(Json::Null, Json::String),
                ),
                ("compile", compile.map_or(Json::Null, compile_json)),
                (
                    "profile",
                    profiled.map_or(Json::Null, profile::function_json),
                ),
                (
                    "line_executions",
                    Json::Object(
                        lines
                            .iter()
                            .map(|(line, count)| (line.to_string(), Json::integer(*count)))
                            .collect(),
                    ),
                ),
            ])
        })
        .collect()
}
