//! `--profile` and `--profile-out`: the vm's profile as the table `python3 -m cProfile -s
//! cumulative` prints, with one more column (`jit%`, the share of each function's own time spent
//! in compiled code), and as JSON.
//!
//! The JSON document (`--profile-out FILE`) is an object:
//!
//! ```text
//! {
//!   "version": 1,
//!   "sort": "cumulative",
//!   "total_calls": 188,          // every call, recursive ones included
//!   "primitive_calls": 12,       // calls made while the function was not already active
//!   "total_seconds": 0.0123,     // the sum of every function's own time (the table's header)
//!   "compiled_seconds": 0.0042,  // the part of it spent in compiled code
//!   "wall_seconds": 0.0150,      // from the start of the program to the report
//!   "functions": [               // in the table's order: cumulative time, largest first
//!     {
//!       "kind": "python",        // or "builtin", or "jit-compile" ({krait: JIT compile})
//!       "label": "fib.py:1(fib)",// the table's last column
//!       "filename": "/abs/fib.py", "line": 1, "name": "fib", "qualname": "fib",  // python only
//!       "calls": 177, "primitive_calls": 1,
//!       "tottime": 0.0051, "tottime_percall": 0.0000288,
//!       "cumtime": 0.0061, "cumtime_percall": 0.0061,
//!       "compiled_seconds": 0.0040,
//!       "compiled_share": 0.78   // compiled_seconds / tottime (null when tottime is 0)
//!     }
//!   ]
//! }
//! ```

use krait_vm::profiler::{FunctionIdentity, FunctionProfile, ProfileReport, JIT_COMPILE_LABEL};

use crate::json::Json;

fn seconds(nanos: u64) -> f64 {
    nanos as f64 / 1e9
}

/// The table's `filename:lineno(function)` column (file names without their directory, as
/// `pstats` after `strip_dirs()`).
pub fn label(function: &FunctionProfile) -> String {
    match &function.identity {
        FunctionIdentity::Python {
            filename,
            line,
            name,
            ..
        } => {
            let base = filename.rsplit('/').next().unwrap_or(filename);
            format!("{base}:{line}({name})")
        }
        FunctionIdentity::Builtin { label } => label.clone(),
    }
}

/// The functions in the table's order: cumulative time, largest first (then more calls, then
/// by label, so equal times still list in a stable order).
pub fn sorted(report: &ProfileReport) -> Vec<&FunctionProfile> {
    let mut functions: Vec<&FunctionProfile> = report.functions.iter().collect();
    functions.sort_by(|a, b| {
        b.cumulative_nanos
            .cmp(&a.cumulative_nanos)
            .then(b.calls.cmp(&a.calls))
            .then_with(|| label(a).cmp(&label(b)))
    });
    functions
}

/// `ncalls`: `total/primitive` when some calls were recursive.
fn calls_column(function: &FunctionProfile) -> String {
    if function.calls == function.primitive_calls {
        function.calls.to_string()
    } else {
        format!("{}/{}", function.calls, function.primitive_calls)
    }
}

fn per_call(nanos: u64, calls: u64) -> f64 {
    if calls == 0 {
        0.0
    } else {
        seconds(nanos) / calls as f64
    }
}

/// The share of a function's own time spent in compiled code, as a fraction.
fn compiled_share(function: &FunctionProfile) -> Option<f64> {
    (function.own_nanos > 0).then(|| function.compiled_nanos as f64 / function.own_nanos as f64)
}

/// The table, as `python3 -m cProfile -s cumulative` prints it, plus the `jit%` column (`-`
/// for builtins, which never run compiled Python code of their own).
pub fn table(report: &ProfileReport) -> String {
    let mut out = String::new();
    let total = report.total_calls();
    let primitive = report.primitive_calls();
    out.push_str(&format!("         {total} function calls "));
    if total != primitive {
        out.push_str(&format!("({primitive} primitive calls) "));
    }
    out.push_str(&format!(
        "in {:.3} seconds\n\n   Ordered by: cumulative time\n\n",
        seconds(report.total_nanos())
    ));
    out.push_str(
        "   ncalls  tottime  percall  cumtime  percall    jit% filename:lineno(function)\n",
    );
    for function in sorted(report) {
        let share = match (&function.identity, compiled_share(function)) {
            (FunctionIdentity::Builtin { .. }, _) => "      -".to_owned(),
            (_, Some(share)) => format!(" {:>5.1}%", share * 100.0),
            (_, None) => format!(" {:>5.1}%", 0.0),
        };
        out.push_str(&format!(
            "{:>9} {:>8.3} {:>8.3} {:>8.3} {:>8.3}{share} {}\n",
            calls_column(function),
            seconds(function.own_nanos),
            per_call(function.own_nanos, function.calls),
            seconds(function.cumulative_nanos),
            per_call(function.cumulative_nanos, function.primitive_calls),
            label(function)
        ));
    }
    out.push_str("\n\n");
    out
}

/// One function's JSON object.
pub fn function_json(function: &FunctionProfile) -> Json {
    let mut pairs = vec![
        (
            "kind".to_owned(),
            Json::string(match &function.identity {
                FunctionIdentity::Python { .. } => "python",
                FunctionIdentity::Builtin { label } if label == JIT_COMPILE_LABEL => "jit-compile",
                FunctionIdentity::Builtin { .. } => "builtin",
            }),
        ),
        ("label".to_owned(), Json::string(label(function))),
    ];
    if let FunctionIdentity::Python {
        filename,
        line,
        name,
        qualname,
    } = &function.identity
    {
        pairs.push(("filename".to_owned(), Json::string(filename.clone())));
        pairs.push(("line".to_owned(), Json::integer(*line)));
        pairs.push(("name".to_owned(), Json::string(name.clone())));
        pairs.push(("qualname".to_owned(), Json::string(qualname.clone())));
    }
    let numbers = [
        ("calls", Json::integer(function.calls)),
        ("primitive_calls", Json::integer(function.primitive_calls)),
        ("tottime", Json::Number(seconds(function.own_nanos))),
        (
            "tottime_percall",
            Json::Number(per_call(function.own_nanos, function.calls)),
        ),
        ("cumtime", Json::Number(seconds(function.cumulative_nanos))),
        (
            "cumtime_percall",
            Json::Number(per_call(
                function.cumulative_nanos,
                function.primitive_calls,
            )),
        ),
        (
            "compiled_seconds",
            Json::Number(seconds(function.compiled_nanos)),
        ),
        (
            "compiled_share",
            compiled_share(function).map_or(Json::Null, Json::Number),
        ),
    ];
    pairs.extend(
        numbers
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value)),
    );
    Json::Object(pairs)
}

/// The whole report as JSON (the schema is in the module documentation).
pub fn json(report: &ProfileReport) -> Json {
    Json::object([
        ("version", Json::integer(1)),
        ("sort", Json::string("cumulative")),
        ("total_calls", Json::integer(report.total_calls())),
        ("primitive_calls", Json::integer(report.primitive_calls())),
        ("total_seconds", Json::Number(seconds(report.total_nanos()))),
        (
            "compiled_seconds",
            Json::Number(seconds(report.compiled_nanos())),
        ),
        ("wall_seconds", Json::Number(seconds(report.wall_nanos))),
        (
            "functions",
            Json::Array(sorted(report).into_iter().map(function_json).collect()),
        ),
    ])
}
